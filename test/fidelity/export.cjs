// Exports one OpenAPI spec as a Postman collection with openapi-to-postmanv2, as Postman's
// importer does. Run as a child process so a slow spec can be timed out.
// Usage: node export.cjs <spec.json> <Example|Schema> <out.json> [4|6] [Tags|Paths]
// - 4: openapi-to-postmanv2 4.x's `convert` (what Zoom's collection was made with):
//   requestParametersResolution and exampleParametersResolution both set to the style.
// - 6: 6.x's `convertV2` (Postman's current importer), whose one option is parametersResolution.
// Without a version (test/bench's call), `openapi-to-postmanv2` is resolved from NODE_PATH as 4.x.
const fs = require("node:fs");

const [spec, mode, out, version, folders = "Tags"] = process.argv.slice(2);
const Converter = require(version ? `openapi-to-postmanv2-${version}` : "openapi-to-postmanv2");
const data = { type: "json", data: JSON.parse(fs.readFileSync(spec, "utf8")) };
const done = (err, result) => {
  if (err || !result.result) {
    console.error(String(err ?? result.reason));
    process.exit(1);
  }
  fs.writeFileSync(out, JSON.stringify(result.output[0].data));
};
if (version === "6") {
  Converter.convertV2(data, { parametersResolution: mode, schemaFaker: true, folderStrategy: folders }, done);
} else {
  const options = { requestParametersResolution: mode, exampleParametersResolution: mode, schemaFaker: true, folderStrategy: folders };
  Converter.convert(data, options, done);
}
