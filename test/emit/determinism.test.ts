/**
 * Same API, same bytes: the SDK does not depend on the order of the document's keys (JSON
 * object order means nothing), nor on the time zone or locale of the machine that runs codegen.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate, parseDocument } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { HOSTILE } from "./hostile-document.js";

/** A deep copy whose every object has its keys in another order (reversed, then rotated by depth). */
function reorderKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value).reverse();
  const shift = keys.length > 0 ? depth % keys.length : 0;
  const out: Record<string, unknown> = {};
  for (const key of [...keys.slice(shift), ...keys.slice(0, shift)]) {
    Object.defineProperty(out, key, { value: reorderKeys((value as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const digest = (files: { path: string; content: string }[]) => createHash("sha256").update(JSON.stringify(files)).digest("hex");

const zoom = parseDocument(readFileSync("spec/zoom.openapi.json", "utf8"), "spec/zoom.openapi.json").document!;

describe("deterministic SDK bytes", () => {
  it.each([
    ["the Zoom spec", zoom],
    ["a document of hostile names", HOSTILE],
  ])("%s in another key order gives the same files", async (_, document) => {
    const reordered = reorderKeys(document) as OpenApiDocument;
    expect(Object.keys(reordered.paths)).not.toEqual(Object.keys(document.paths));
    const [a, b] = [await generate(document, "spec/x.openapi.json"), await generate(reordered, "spec/x.openapi.json")];
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    for (const [i, file] of a.entries()) expect(b[i]!.content, file.path).toBe(file.content);
  });

  it("does not change the document it is given", async () => {
    const before = JSON.stringify(zoom);
    await generate(zoom, "spec/zoom.openapi.json");
    expect(JSON.stringify(zoom)).toBe(before);
  });

  it("gives the same bytes in another time zone and locale", async () => {
    const script = [
      'import { readFileSync } from "node:fs";',
      'import { createHash } from "node:crypto";',
      'import { generate, parseDocument } from "./codegen/index.ts";',
      'const { document } = parseDocument(readFileSync("spec/zoom.openapi.json", "utf8"), "spec/zoom.openapi.json");',
      'const files = await generate(document, "spec/x.openapi.json");',
      'console.log(createHash("sha256").update(JSON.stringify(files)).digest("hex"));',
    ].join("\n");
    const env = { ...process.env, TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" };
    const elsewhere = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env, encoding: "utf8" }).trim();
    expect(elsewhere).toBe(digest(await generate(zoom, "spec/x.openapi.json")));
  }, 60_000);
});
