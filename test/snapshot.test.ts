/**
 * The committed outputs are the snapshots: converting the committed collection and generating
 * from the committed spec, in memory, must give exactly the committed bytes. After a deliberate
 * change, `npm run generate` (or `vitest -u`) rewrites them and the diff is reviewed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convert, generate, parseDocument, serializeDocument } from "../codegen/index.js";
import { sdkFiles } from "./helpers.js";

describe("committed outputs match a fresh run", () => {
  it("spec/zoom.openapi.json is the conversion of spec/zoom.postman_collection.json, with spec/zoom.overlay.yaml applied", async () => {
    const overlay = { text: readFileSync("spec/zoom.overlay.yaml", "utf8"), file: "spec/zoom.overlay.yaml" };
    const { document } = convert(readFileSync("spec/zoom.postman_collection.json", "utf8"), "spec/zoom.postman_collection.json", { overlay });
    await expect(serializeDocument(document!, "json")).toMatchFileSnapshot("../spec/zoom.openapi.json");
  });

  const { document } = parseDocument(readFileSync("spec/zoom.openapi.json", "utf8"), "spec/zoom.openapi.json");
  const files = generate(document!, "spec/zoom.openapi.json");

  const committed = sdkFiles("generated/zoom");

  it("generated/zoom holds exactly the files generation produces", async () => {
    expect((await files).map((f) => f.path).sort()).toEqual([...committed, "README.md", "package.json"].sort());
  });

  it.each(["README.md", "package.json"])("generated/zoom/%s", async (name) => {
    await expect((await files).find((f) => f.path === name)?.content).toMatchFileSnapshot(`../generated/zoom/${name}`);
  });

  it.each(committed)("generated/zoom/%s", async (name) => {
    const file = (await files).find((f) => f.path === name);
    await expect(file?.content).toMatchFileSnapshot(`../generated/zoom/${name}`);
  });

  it("is deterministic: two runs give the same bytes", async () => {
    const again = await generate(document!, "spec/zoom.openapi.json");
    expect(again).toEqual(await files);
  });
});
