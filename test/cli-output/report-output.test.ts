/** A run's result printed as text, JSON and GitHub annotations, from literal results; and progress on a terminal only. */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../codegen/diagnostics.js";
import { createProgress } from "../../codegen/progress.js";
import { annotations, formatResult } from "../../codegen/report-output.js";
import type { RunResult } from "../../codegen/run.js";

const label = (file: string) => file.replace(/^\/p\//, "");
const WARNING: Diagnostic = {
  code: "example-not-in-enum",
  severity: "warning",
  message: "the example \"x\" of `method` is not one of a, b; it was left out",
  at: { file: "spec/api.postman_collection.json", pointer: "#/item/0/request", item: "Rooms › Check-in" },
};
const COLLECTION = `{\n  "info": { "name": "A" },\n  "item": [\n    {\n      "name": "Check-in",\n      "request": { "method": "GET" }\n    }\n  ]\n}\n`;

function result(over: Partial<RunResult>): RunResult {
  return { check: false, diagnostics: [WARNING], inputErrors: false, changes: [], unchanged: [], sources: new Map([["spec/api.postman_collection.json", COLLECTION]]), ...over };
}

describe("formatResult", () => {
  const written = result({ changes: [{ path: "/p/generated/api/index.ts", kind: "update" }, { path: "/p/generated/api/old.gen.ts", kind: "delete" }], unchanged: ["/p/spec/api.openapi.json"] });

  it("text: diagnostics on stderr, one summary line on stdout", () => {
    expect(formatResult(written, "text", label)).toEqual({
      out: ["1 written, 1 unchanged, 1 removed"],
      err: ["warning example-not-in-enum: the example \"x\" of `method` is not one of a, b; it was left out\n  at spec/api.postman_collection.json#/item/0/request (Rooms › Check-in)"],
      exitCode: 0,
    });
  });

  it("text: a diagnostic repeated 5 times prints once, with the count and its first three places; --verbose prints all", () => {
    const repeated = result({ diagnostics: [0, 1, 2, 3, 4].map((i) => ({ ...WARNING, at: { ...WARNING.at, pointer: `#/item/${i}/request` } })) });
    expect(formatResult(repeated, "text", label).err).toEqual([
      [
        "warning example-not-in-enum: the example \"x\" of `method` is not one of a, b; it was left out (5 times)",
        "  at spec/api.postman_collection.json#/item/0/request (Rooms › Check-in)",
        "  at spec/api.postman_collection.json#/item/1/request (Rooms › Check-in)",
        "  at spec/api.postman_collection.json#/item/2/request (Rooms › Check-in)",
        "  … and 2 more (--verbose lists every one)",
      ].join("\n"),
    ]);
    expect(formatResult(repeated, "text", label, false, true).err[0]!.split("\n")).toHaveLength(6);
  });

  it("--quiet: no warnings, no summary; errors and --check's findings stay", () => {
    expect(formatResult(written, "text", label, true)).toEqual({ out: [], err: [], exitCode: 0 });
    expect(formatResult({ ...written, check: true }, "text", label, true)).toEqual({
      out: ["differs: generated/api/index.ts", "stale: generated/api/old.gen.ts", "2 of 3 outputs differ from a fresh run"],
      err: [],
      exitCode: 1,
    });
  });

  it("--json: one document with every diagnostic flat and the files by what happened", () => {
    const printed = formatResult(written, "json", label);
    expect(printed.err).toEqual([]);
    expect(printed.out).toHaveLength(1);
    expect(JSON.parse(printed.out[0]!)).toEqual({
      ok: true,
      check: false,
      diagnostics: [{ code: "example-not-in-enum", severity: "warning", message: WARNING.message, file: "spec/api.postman_collection.json", pointer: "#/item/0/request", item: "Rooms › Check-in" }],
      files: { written: ["generated/api/index.ts"], unchanged: ["spec/api.openapi.json"], removed: ["generated/api/old.gen.ts"] },
    });
  });

  it("--json on input errors: ok false, no files, exit 1", () => {
    const error: Diagnostic = { code: "not-json", severity: "error", message: "spec/api.postman_collection.json is not valid JSON", at: { file: "spec/api.postman_collection.json", pointer: "" } };
    const printed = formatResult(result({ diagnostics: [error], inputErrors: true }), "json", label);
    expect(printed.exitCode).toBe(1);
    expect(JSON.parse(printed.out[0]!)).toEqual({
      ok: false,
      check: false,
      diagnostics: [{ code: "not-json", severity: "error", message: error.message, file: "spec/api.postman_collection.json", pointer: "" }],
      files: { written: [], unchanged: [], removed: [] },
    });
  });

  it("--reporter github: annotations on stdout, each on its line of the input", () => {
    expect(formatResult(written, "github", label).out).toEqual([
      "::warning file=spec/api.postman_collection.json,line=6,title=example-not-in-enum::the example \"x\" of `method` is not one of a, b; it was left out (at #/item/0/request, Rooms › Check-in)",
      "1 written, 1 unchanged, 1 removed",
    ]);
  });
});

describe("annotations", () => {
  it("escape %, CR and LF in messages, and : and , in properties too; no line without the input's text", () => {
    const d: Diagnostic = { code: "invalid-shape", severity: "error", message: "100% wrong,\r\nsee: here", at: { file: "a,b:c.json", pointer: "#/item/0" } };
    expect(annotations([d], new Map())).toEqual(["::error file=a%2Cb%3Ac.json,title=invalid-shape::100%25 wrong,%0D%0Asee: here (at #/item/0)"]);
  });
});

describe("progress", () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 80, write: (t: string) => writes.push(t) } };
  };

  it("on a terminal: one line per job and phase, rewritten in place, cleared at the end", () => {
    const { writes, stream: s } = stream(true);
    const p = createProgress(s);
    p.job(0, 2, "spec/zoom.postman_collection.json");
    p.phase("generating the SDK (5 operations)");
    p.job(1, 2, "spec/a-very-long-name-that-does-not-fit-in-sixty-columns.postman_collection.json");
    p.done();
    expect(writes).toEqual([
      "\r\x1b[2K[1/2] spec/zoom.postman_collection.json",
      "\r\x1b[2K[1/2] spec/zoom.postman_collection.json: generating the SDK (5 operations)",
      "\r\x1b[2K[2/2] spec/a-very-long-name-that-does-not-fit-in-sixty-columns.postman_collect…",
      "\r\x1b[2K",
    ]);
  });

  it("a terminal that reports no width (0, as under script(1)) is taken as 80 columns", () => {
    const writes: string[] = [];
    const p = createProgress({ isTTY: true, columns: 0, write: (t: string) => writes.push(t) });
    p.job(0, 1, "spec/zoom.postman_collection.json");
    expect(writes).toEqual(["\r\x1b[2K[1/1] spec/zoom.postman_collection.json"]);
  });

  it("silent on a pipe, and when turned off (--quiet)", () => {
    for (const [isTTY, enabled] of [[false, true], [true, false]] as const) {
      const { writes, stream: s } = stream(isTTY);
      const p = createProgress(s, enabled);
      p.job(0, 1, "a");
      p.phase("b");
      p.done();
      expect(writes).toEqual([]);
    }
  });
});
