import type { OpenApiDocument } from "../openapi.js";
import type { SdkPlan } from "./plan.js";
export function emitReadme(document: OpenApiDocument, plan: SdkPlan, options: { name: string; emit: "ts" | "js" }): string {
  return `# ${options.name}\n`;
}
