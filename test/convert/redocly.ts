/** Redocly's recommended ruleset over a converted document: the errors, as `rule: message at pointer`. */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import type { OpenApiDocument } from "../../codegen/openapi.js";

let config: Awaited<ReturnType<typeof createConfig>> | undefined;

export async function redoclyErrors(document: OpenApiDocument): Promise<string[]> {
  config ??= await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: "/virtual/test.openapi.json", config });
  return problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ""}`);
}
