// Exports one OpenAPI spec as a Postman collection with openapi-to-postmanv2@4, the way
// Zoom's collection was made. Run as a child process so a slow spec can be timed out.
// Usage: node export.cjs <spec.json> <Example|Schema> <out.json>
// (openapi-to-postmanv2 is resolved from NODE_PATH when set, so test/bench can use its own copy.)
const fs = require("node:fs");
const Converter = require("openapi-to-postmanv2");

const [spec, mode, out] = process.argv.slice(2);
const options = {
  requestParametersResolution: mode,
  exampleParametersResolution: mode,
  schemaFaker: true,
  folderStrategy: "Tags",
};
Converter.convert({ type: "json", data: JSON.parse(fs.readFileSync(spec, "utf8")) }, options, (err, result) => {
  if (err || !result.result) {
    console.error(String(err ?? result.reason));
    process.exit(1);
  }
  fs.writeFileSync(out, JSON.stringify(result.output[0].data));
});
