/** codegen.config.json checked from literal text: the jobs it gives, or one diagnostic per bad key naming its key path. */
import { describe, expect, it } from "vitest";
import { parseConfig, validateConfig } from "../../codegen/config.js";
import { formatDiagnostic } from "../../codegen/diagnostics.js";

const FILE = "codegen.config.json";
const errors = (value: unknown) => validateConfig(value, FILE).diagnostics.map(formatDiagnostic);

describe("a valid config", () => {
  it("gives its jobs as written (paths untouched, keys in one order)", () => {
    const text = JSON.stringify({
      $schema: "./node_modules/postman-sdk-codegen/config.schema.json",
      jobs: [
        { sdk: "generated/zoom", input: "spec/zoom.postman_collection.json", spec: "spec/zoom.openapi.json", environment: "spec/zoom.env.json", overlay: "spec/zoom.overlay.yaml", report: "api-changes.md" },
        { input: "specs/pets.openapi.yaml", sdk: "generated/pets", packageName: "@acme/pets", emit: "js" },
      ],
    });
    expect(parseConfig(text, FILE)).toEqual({
      config: {
        jobs: [
          { input: "spec/zoom.postman_collection.json", spec: "spec/zoom.openapi.json", sdk: "generated/zoom", environment: "spec/zoom.env.json", overlay: "spec/zoom.overlay.yaml", report: "api-changes.md" },
          { input: "specs/pets.openapi.yaml", sdk: "generated/pets", packageName: "@acme/pets", emit: "js" },
        ],
      },
      diagnostics: [],
    });
  });
});

describe("errors name the key path and point at it", () => {
  it.each<[string, unknown, string[]]>([
    ["not JSON is one line", undefined, [`error not-json: ${FILE} is not valid JSON (Expected property name or '}' at line 1, column 3)`]],
    ["not an object", [], [`error invalid-option: must be an object with a "jobs" array, like { "jobs": [{ "input": "spec/api.postman_collection.json", "spec": "spec/api.openapi.json", "sdk": "generated/api" }] }`]],
    ["no jobs", {}, [`error invalid-option: jobs: missing: a config needs at least one job\n  at ${FILE}#/jobs`]],
    ["empty jobs", { jobs: [] }, [`error invalid-option: jobs: must be a non-empty array of jobs\n  at ${FILE}#/jobs`]],
    ["an unknown top-level key", { job: [], jobs: [{ input: "a.postman_collection.json", sdk: "a" }] }, [`error invalid-option: job: unknown key (a config has "jobs")\n  at ${FILE}#/job`]],
    [
      "a bad emit in the second job",
      { jobs: [{ input: "a.postman_collection.json", sdk: "a" }, { input: "b.openapi.json", sdk: "b", emit: "cjs" }] },
      [`error invalid-option: jobs[1].emit: must be "ts" or "js" (got "cjs")\n  at ${FILE}#/jobs/1/emit`],
    ],
    ["a job that is not an object", { jobs: ["spec/a.json"] }, [`error invalid-option: jobs[0]: must be an object with an "input"\n  at ${FILE}#/jobs/0`]],
    [
      "no input, a misspelt key",
      { jobs: [{ sdk: "a", enviroment: "env.json" }] },
      [
        `error invalid-option: jobs[0].enviroment: unknown key (expected one of input, spec, sdk, environment, overlay, report, packageName, emit)\n  at ${FILE}#/jobs/0/enviroment`,
        `error invalid-option: jobs[0].input: missing: the collection or OpenAPI document this job reads\n  at ${FILE}#/jobs/0/input`,
      ],
    ],
    ["a path that is not a string", { jobs: [{ input: 3, sdk: "a" }] }, [`error invalid-option: jobs[0].input: must be a non-empty string (a path relative to the config file)\n  at ${FILE}#/jobs/0/input`]],
    ["a job that writes nothing", { jobs: [{ input: "a.postman_collection.json" }] }, [`error invalid-option: jobs[0]: writes nothing: give it a "spec", an "sdk" or both\n  at ${FILE}#/jobs/0`]],
    [
      "a spec step for an OpenAPI input",
      { jobs: [{ input: "api.yaml", spec: "out.openapi.json", environment: "e.json" }] },
      [
        `error invalid-option: jobs[0].spec: the input is an OpenAPI document, so there is no spec to write: leave spec out\n  at ${FILE}#/jobs/0/spec`,
        `error invalid-option: jobs[0].environment: a Postman environment goes with a collection input, and the input is an OpenAPI document\n  at ${FILE}#/jobs/0/environment`,
      ],
    ],
    ["a spec with another extension", { jobs: [{ input: "a.postman_collection.json", spec: "a.txt" }] }, [`error invalid-option: jobs[0].spec: must end in .json, .yaml or .yml (got "a.txt")\n  at ${FILE}#/jobs/0/spec`]],
    ["a report without a spec to compare", { jobs: [{ input: "a.postman_collection.json", sdk: "a", report: "changes.md" }] }, [`error invalid-option: jobs[0].report: compares the committed spec with the new one, and this job writes no "spec"\n  at ${FILE}#/jobs/0/report`]],
    ["emit without an sdk", { jobs: [{ input: "a.postman_collection.json", spec: "a.openapi.json", emit: "js" }] }, [`error invalid-option: jobs[0].emit: goes with an "sdk" folder, and this job has none\n  at ${FILE}#/jobs/0/emit`]],
    [
      "two jobs writing one SDK folder (spelt differently)",
      { jobs: [{ input: "a.postman_collection.json", sdk: "generated/api" }, { input: "b.openapi.json", sdk: "./generated/api/" }] },
      [`error invalid-option: jobs[1].sdk: "./generated/api/" is also written by jobs[0].sdk\n  at ${FILE}#/jobs/1/sdk`],
    ],
  ])("%s", (_name, value, want) => {
    const got = value === undefined ? parseConfig("{ nope", FILE).diagnostics.map(formatDiagnostic) : errors(value);
    expect(got).toEqual(want);
    if (value !== undefined) expect(validateConfig(value, FILE).config).toBeUndefined();
  });

  it("a key with / in it is escaped in the pointer (RFC 6901)", () => {
    expect(validateConfig({ "a/b": 1, jobs: [{ input: "x.openapi.json", sdk: "x" }] }, FILE).diagnostics[0]!.at).toEqual({ file: FILE, pointer: "#/a~1b" });
  });
});
