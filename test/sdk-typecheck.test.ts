/**
 * Every committed SDK passes this repository's strict tsconfig (noUncheckedIndexedAccess,
 * verbatimModuleSyntax, …) with its `// @ts-nocheck` lines ignored: the code a consumer's tsc
 * skips is checked here, and the types a consumer uses are checked by test/types/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sdkFiles } from "./helpers.js";
import { compilerOptionsOf, typeCheckIgnoringNoCheck } from "./typecheck.js";

const SDKS = [
  ...readdirSync("generated").map((name) => join("generated", name)),
  ...readdirSync("test/fixtures")
    .map((name) => join("test/fixtures", name, "sdk"))
    .filter((dir) => existsSync(dir)),
].map((dir) => join(process.cwd(), dir));

describe.each(SDKS)("%s", (dir) => {
  const files = sdkFiles(dir).map((f) => join(dir, f));

  it("type-checks strictly, @ts-nocheck ignored", () => {
    expect(typeCheckIgnoringNoCheck(dir, compilerOptionsOf("tsconfig.json"))).toEqual([]);
  }, 60_000);

  it("leaves only openapi-typescript's types to the consumer's tsc, and no comment it must parse", () => {
    const unchecked = files.filter((f) => /^\/\/ @ts-nocheck\b/m.test(readFileSync(f, "utf8").split("\n\n", 1)[0]!));
    expect(files.filter((f) => !unchecked.includes(f)).map((f) => f.slice(dir.length + 1))).toEqual(["schema.gen.ts"]);
    // tsc parses a .ts file's comments only when they hold @see or @link (jsDocSeeOrLink).
    expect(unchecked.filter((f) => /@(?:see|link)/i.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
