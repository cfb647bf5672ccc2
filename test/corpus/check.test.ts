/**
 * The corpus sweep's batch type-check (check.ts) on copies of the committed Zoom SDK: each
 * SDK's errors are reported against that SDK alone, a syntax error is told apart from a type
 * error, `@ts-nocheck` is ignored, and an SDK whose runtime differs from the batch's first is
 * checked on its own rather than through the shared copy.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkBatch } from "./check.js";

// Inside the repository, so `openapi-fetch` resolves and test/corpus/package.json makes the copies ES modules.
const work = mkdtempSync(join(process.cwd(), "test/corpus/.check-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const copy = (name: string, edit?: (dir: string) => void) => {
  const dir = join(work, name);
  cpSync("generated/zoom", dir, { recursive: true });
  edit?.(dir);
  return dir;
};
const append = (file: string, text: string) => writeFileSync(file, readFileSync(file, "utf8") + text);

describe("checkBatch", () => {
  const clean = copy("clean");
  const typeError = copy("type-error", (dir) => append(join(dir, "rooms.gen.ts"), 'export const wrong: number = "text";\n'));
  const syntaxError = copy("syntax-error", (dir) => append(join(dir, "users.gen.ts"), "export const broken = ;\n"));
  const ownRuntime = copy("own-runtime", (dir) => append(join(dir, "runtime/call.gen.ts"), "export const notANumber: number = null;\n"));

  it("reports each SDK's own errors, syntax apart from types, with the offending line", () => {
    const { bySdk } = checkBatch([clean, typeError, syntaxError, ownRuntime], "tsconfig.json");
    expect(bySdk[clean]).toEqual({ syntax: 0, semantic: 0, examples: [], codes: {} });
    expect(bySdk[typeError]).toEqual({
      syntax: 0,
      semantic: 1,
      codes: { TS2322: 1 },
      examples: [expect.stringMatching(/^rooms\.gen\.ts:\d+:14: TS2322: Type 'string' is not assignable to type 'number'\.\n {4}> export const wrong: number = "text";$/)],
    });
    expect(bySdk[syntaxError]).toMatchObject({ syntax: 1, semantic: 0, codes: { TS1109: 1 } });
    expect(bySdk[syntaxError]!.examples[0]).toMatch(/^users\.gen\.ts:\d+:\d+: TS1109: Expression expected\.\n {4}> export const broken = ;$/);
    // Its runtime differs from the shared one, so it is checked (and blamed) on its own.
    expect(bySdk[ownRuntime]).toMatchObject({ syntax: 0, semantic: 1, codes: { TS2322: 1 } });
    expect(bySdk[ownRuntime]!.examples[0]).toMatch(/^runtime\/call\.gen\.ts:\d+:14: TS2322: /);
  }, 180_000);

  it("blames an error in a shared runtime on every SDK that ships it, not only the first", () => {
    const brokenRuntime = (dir: string) => append(join(dir, "runtime/call.gen.ts"), "export const notAString: string = 1;\n");
    const first = copy("broken-runtime-1", brokenRuntime);
    const second = copy("broken-runtime-2", brokenRuntime);
    const third = copy("broken-runtime-3", brokenRuntime);
    const { bySdk } = checkBatch([first, second, third], "tsconfig.json");
    for (const sdk of [first, second, third]) {
      expect(bySdk[sdk]).toMatchObject({ syntax: 0, semantic: 1, codes: { TS2322: 1 } });
      expect(bySdk[sdk]!.examples).toEqual([expect.stringMatching(/^runtime\/call\.gen\.ts:\d+:14: TS2322: Type 'number' is not assignable to type 'string'\.\n {4}> export const notAString: string = 1;$/)]);
    }
  }, 180_000);
});
