/** The API change report: what changed between two OpenAPI documents, for SDK callers, and its three formats. */
export { CHANGE_KINDS, severityOf, type AffectedOperation, type ApiChange, type ChangeKind, type Direction, type Severity } from "./change.js";
export { diffDocuments } from "./diff-documents.js";
export { diffExports, type ExportsDiff } from "./exports.js";
export { formatGithub } from "./github.js";
export { formatJson } from "./json.js";
export { formatMarkdown, GITHUB_BODY_LIMIT, type MarkdownOptions } from "./markdown.js";
export { countChanges, type DiffReport } from "./report.js";

import type { OpenApiDocument } from "../openapi.js";
import { diffDocuments } from "./diff-documents.js";
import { diffExports } from "./exports.js";
import type { DiffReport } from "./report.js";

/**
 * The programmatic `diff`: every change from `oldDoc` to `newDoc` that SDK callers feel, and
 * the SDK's exported names added and removed, ready for formatMarkdown, formatJson or
 * formatGithub. `names` say how the report names the two documents.
 */
export function diff(oldDoc: OpenApiDocument, newDoc: OpenApiDocument, names: { old: string; new: string } = { old: "old", new: "new" }): DiffReport {
  return { old: names.old, new: names.new, changes: diffDocuments(oldDoc, newDoc), exports: diffExports(oldDoc, newDoc) };
}
