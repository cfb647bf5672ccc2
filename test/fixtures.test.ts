/**
 * One behaviour per folder under test/fixtures/: collection.json → openapi.json → sdk/.
 * The expected files are real files, and the sdk/ ones are type-checked by `npm test`'s tsc.
 * A folder without a collection.json is input for another test and must be named in OTHERS,
 * so a fixture that lost its collection fails here instead of being skipped.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convert, generate, serializeDocument } from "../codegen/index.js";
import { sdkFiles } from "./helpers.js";

const FIXTURES = "test/fixtures";
/** Folders of test/fixtures/ that are not collection fixtures, and the test that reads each. */
const OTHERS: Record<string, string> = { seeds: "test/seeds.test.ts" };

const folders = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const fixtures = folders.filter((name) => !(name in OTHERS));

it("has a collection.json in every fixture folder", () => {
  expect(fixtures.filter((name) => !existsSync(`${FIXTURES}/${name}/collection.json`))).toEqual([]);
});

describe.each(fixtures.filter((name) => existsSync(`${FIXTURES}/${name}/collection.json`)))("fixture %s", (name) => {
  const dir = `${FIXTURES}/${name}`;
  const result = convert(readFileSync(`${dir}/collection.json`, "utf8"), `${dir}/collection.json`);

  it("converts without errors, to the expected openapi.json", async () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    await expect(serializeDocument(result.document!, "json")).toMatchFileSnapshot(`fixtures/${name}/openapi.json`);
  });

  it("generates the expected sdk/", async () => {
    const files = await generate(result.document!, `${dir}/openapi.json`);
    for (const file of files) await expect(file.content).toMatchFileSnapshot(`fixtures/${name}/sdk/${file.path}`);
    // sdkFiles lists the .ts files; package.json and README.md are checked by the snapshots above.
    expect(sdkFiles(`${dir}/sdk`)).toEqual(files.map((f) => f.path).filter((p) => p.endsWith(".ts")).sort());
  });
});
