/** The API change report: what changed between two OpenAPI documents, for SDK callers, and its three formats. */
export { CHANGE_KINDS, severityOf, type AffectedOperation, type ApiChange, type ChangeKind, type Direction, type Severity } from "./change.js";
export { diffDocuments } from "./diff-documents.js";
export { diffExports, type ExportsDiff } from "./exports.js";
export { formatGithub } from "./github.js";
export { formatJson } from "./json.js";
export { formatMarkdown } from "./markdown.js";
export { countChanges, type DiffReport } from "./report.js";
