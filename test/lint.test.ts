import { readFileSync } from "node:fs";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";

describe("the committed spec", () => {
  it("passes the Redocly recommended ruleset with zero errors; the one warning is the license a collection cannot carry", async () => {
    const source = readFileSync("spec/zoom.openapi.json", "utf8");
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source, absoluteRef: `${process.cwd()}/spec/zoom.openapi.json`, config });
    const lines = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
    expect(lines).toEqual(["warn info-license: Info object should contain `license` field. at #/info"]);
  });
});
