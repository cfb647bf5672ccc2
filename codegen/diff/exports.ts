/**
 * The SDK's exported names on each side, from planSdk over the canonical copy (as generate()
 * names them): each operation's function, its `Args` type and its paginators. The names the
 * SDK exports whatever the spec says (`createClient`, `ApiError`, …) never change.
 */
import type { OpenApiDocument } from "../openapi.js";
import { sdkPlanOf } from "./sdk-plan.js";

export interface ExportsDiff {
  /** Sorted by code unit. */
  added: string[];
  removed: string[];
}

/** The names the new SDK exports that the old one did not, and the other way round. */
export function diffExports(oldDoc: OpenApiDocument, newDoc: OpenApiDocument): ExportsDiff {
  const before = exportedNames(oldDoc);
  const after = exportedNames(newDoc);
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    added: [...after].filter((n) => !before.has(n)).sort(byCodeUnit),
    removed: [...before].filter((n) => !after.has(n)).sort(byCodeUnit),
  };
}

function exportedNames(document: OpenApiDocument): Set<string> {
  const names = new Set<string>();
  for (const op of sdkPlanOf(document).operations) {
    names.add(op.functionName);
    names.add(op.argsTypeName);
    if (op.pagination) names.add(op.pagination.pagesName).add(op.pagination.itemsName);
  }
  return names;
}
