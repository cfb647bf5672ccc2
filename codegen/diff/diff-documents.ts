/**
 * diffDocuments: two OpenAPI documents → every change an SDK caller would feel, each
 * classified (see change.ts), located by JSON pointer and tied to the SDK function it affects.
 *
 * Operations are matched by method and path, parameter names aside (`/users/{id}` and
 * `/users/{userId}` are one path), then by function name (an operation that moved to another
 * path). Function names come from planSdk over the canonical copy, exactly as generate()
 * names them. A pure function: it reads neither disk nor clock and changes neither document.
 *
 * api-smart-diff (1.0.6) was tried for the structural part and not adopted: its classes are
 * not what SDK callers feel (a renamed operationId is an "annotation", a removed or retyped
 * response field and a retyped query parameter are "non-breaking", security changes are
 * "unclassified"), and its paths point into a dereferenced copy, not into either document.
 */
import { pointerTo } from "../diagnostics.js";
import type { OperationPlan, SdkPlan } from "../emit/plan.js";
import type { OpenApiDocument } from "../openapi.js";
import { severityOf, type AffectedOperation, type ApiChange, type ChangeKind, type Direction } from "./change.js";
import { codeSpan } from "./code-span.js";
import { DocumentSide, shapeKey, type Located } from "./resolve.js";
import { compareSchemas } from "./schema.js";
import { sdkPlanOf } from "./sdk-plan.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

interface Sides {
  old: DocumentSide;
  new: DocumentSide;
}

/** Collects changes, each once (a schema shared by two media types of one body is one change). */
class ChangeList {
  readonly list: ApiChange[] = [];
  private readonly seen = new Set<string>();

  add(kind: ChangeKind, at: { pointer: string; document: "old" | "new" }, message: string, operation?: AffectedOperation, direction?: Direction): void {
    const key = JSON.stringify([kind, at.pointer, at.document, message, operation?.functionName]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({
      kind,
      severity: severityOf(kind, direction),
      message,
      pointer: at.pointer,
      document: at.document,
      ...(direction ? { direction } : {}),
      ...(operation ? { operation } : {}),
    });
  }
}

/** Every change from `oldDoc` to `newDoc` that matters to SDK callers, document-wide changes first, then by operation. */
export function diffDocuments(oldDoc: OpenApiDocument, newDoc: OpenApiDocument): ApiChange[] {
  const sides: Sides = { old: new DocumentSide(oldDoc), new: new DocumentSide(newDoc) };
  const plans = { old: sdkPlanOf(oldDoc), new: sdkPlanOf(newDoc) };
  const changes = new ChangeList();
  diffServers(oldDoc, newDoc, plans, changes);
  diffSecuritySchemes(sides, changes);
  const securityAt = { pointer: "#/security", document: Array.isArray(newDoc.security) ? "new" : "old" } as const;
  diffSecurity(alternativesOf(oldDoc.security), alternativesOf(newDoc.security), securityAt, undefined, changes);

  const pairs = matchOperations(plans.old, plans.new);
  const matchedOld = new Set(pairs.map(([o]) => o));
  const previous = new Map(pairs.map(([o, n]) => [n, o]));
  for (const plan of plans.new.operations) {
    const before = previous.get(plan);
    const operation = affected(plan);
    if (!before) {
      changes.add("operation-added", { pointer: operationPointer(plan), document: "new" }, `${codeSpan(plan.functionName)} (${codeSpan(`${plan.method.toUpperCase()} ${plan.path}`)}) is new.`, operation);
      continue;
    }
    diffOperation(sides, before, plan, { old: oldDoc, new: newDoc }, changes);
  }
  for (const plan of plans.old.operations) {
    if (matchedOld.has(plan)) continue;
    changes.add(
      "operation-removed",
      { pointer: operationPointer(plan), document: "old" },
      `${codeSpan(plan.functionName)} (${codeSpan(`${plan.method.toUpperCase()} ${plan.path}`)}) was removed; calls to it no longer compile.`,
      affected(plan),
    );
  }
  return changes.list;
}

const affected = (plan: OperationPlan): AffectedOperation => ({ method: plan.method, path: plan.path, functionName: plan.functionName });
const operationPointer = (plan: OperationPlan) => pointerTo("#", "paths", plan.path, plan.method);
const pathShape = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/** Old and new plans of the same operation: same method and path shape first, then same function name. */
function matchOperations(before: SdkPlan, after: SdkPlan): [OperationPlan, OperationPlan][] {
  const pairs: [OperationPlan, OperationPlan][] = [];
  const taken = new Set<OperationPlan>();
  const byShape = new Map<string, OperationPlan>();
  for (const plan of after.operations) {
    const key = `${plan.method} ${pathShape(plan.path)}`;
    if (!byShape.has(key)) byShape.set(key, plan);
  }
  const rest: OperationPlan[] = [];
  for (const plan of before.operations) {
    const match = byShape.get(`${plan.method} ${pathShape(plan.path)}`);
    if (match && !taken.has(match)) {
      taken.add(match);
      pairs.push([plan, match]);
    } else rest.push(plan);
  }
  for (const plan of rest) {
    const match = after.operations.find((p) => !taken.has(p) && p.functionName === plan.functionName);
    if (!match) continue;
    taken.add(match);
    pairs.push([plan, match]);
  }
  return pairs;
}

function diffOperation(sides: Sides, before: OperationPlan, after: OperationPlan, documents: { old: OpenApiDocument; new: OpenApiDocument }, changes: ChangeList): void {
  const operation = affected(after);
  const fn = codeSpan(after.functionName);
  const oldOp = sides.old.child<Json>({ value: documents.old, pointer: "#" }, "paths", before.path, before.method)!;
  const newOp = sides.new.child<Json>({ value: documents.new, pointer: "#" }, "paths", after.path, after.method)!;
  const add = (kind: ChangeKind, pointer: string, document: "old" | "new", message: string, direction?: Direction) =>
    changes.add(kind, { pointer, document }, message, operation, direction);

  if (before.functionName !== after.functionName) {
    const pointer = typeof newOp.value.operationId === "string" ? `${newOp.pointer}/operationId` : newOp.pointer;
    add("operation-renamed", pointer, "new", `${codeSpan(before.functionName)} is now ${fn} (${codeSpan(`${after.method.toUpperCase()} ${after.path}`)}); calls to ${codeSpan(before.functionName)} no longer compile.`);
  }
  if (pathShape(before.path) !== pathShape(after.path)) {
    add("operation-moved", newOp.pointer, "new", `${fn} now calls ${codeSpan(`${after.method.toUpperCase()} ${after.path}`)} (was ${codeSpan(`${before.method.toUpperCase()} ${before.path}`)}).`);
  }
  if (!before.deprecated && after.deprecated) {
    add("operation-deprecated", `${newOp.pointer}/deprecated`, "new", `${fn} is now deprecated; callers should plan to move off it.`);
  }
  if (before.baseUrl !== after.baseUrl) {
    const where = (url: string | undefined) => (url === undefined ? "the default base URL" : codeSpan(url));
    add("operation-server-changed", newOp.pointer, "new", `${fn} now calls ${where(after.baseUrl)} (was ${where(before.baseUrl)}).`);
  }

  diffParameters(sides, oldOp, newOp, fn, add);
  diffRequestBody(sides, before, after, oldOp, newOp, fn, add);
  diffResponses(sides, oldOp, newOp, fn, add);

  const own = (op: Located<Json>) => Array.isArray(op.value.security);
  if (own(oldOp) || own(newOp)) {
    const effective = (op: Located<Json>, document: OpenApiDocument) => alternativesOf((own(op) ? op.value.security : document.security) as unknown);
    const at = own(newOp) ? { pointer: `${newOp.pointer}/security`, document: "new" as const } : { pointer: `${oldOp.pointer}/security`, document: "old" as const };
    diffSecurity(effective(oldOp, documents.old), effective(newOp, documents.new), at, after, changes);
  }
}

type Add = (kind: ChangeKind, pointer: string, document: "old" | "new", message: string, direction?: Direction) => void;

/** A parameter, `$ref` followed, and where the operation (or its path) lists it: what additions and removals point at. */
type Parameter = Located<Json> & { slot: string };

/** An operation's parameters (path-level ones overridden by the operation's own), keyed by where and name. */
function parametersOf(side: DocumentSide, op: Located<Json>): Map<string, Parameter> {
  const pathItemPointer = op.pointer.slice(0, op.pointer.lastIndexOf("/"));
  const found = new Map<string, Parameter>();
  const pathLevel = side.child<unknown[]>({ value: side.document, pointer: "#" }, ...pointerSegments(pathItemPointer), "parameters");
  for (const [list, base] of [
    [pathLevel?.value, `${pathItemPointer}/parameters`],
    [op.value.parameters, `${op.pointer}/parameters`],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const parameter = side.resolve<Json>(raw, `${base}/${i}`);
      if (!isObject(parameter.value) || typeof parameter.value.name !== "string" || typeof parameter.value.in !== "string") return;
      const name = parameter.value.in === "header" ? parameter.value.name.toLowerCase() : parameter.value.name;
      found.set(`${parameter.value.in}\u0000${name}`, { ...parameter, slot: `${base}/${i}` });
    });
  }
  return found;
}

/** The segments of a `#/a/b` pointer, unescaped. */
function pointerSegments(pointer: string): string[] {
  return pointer
    .slice(2)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function diffParameters(sides: Sides, oldOp: Located<Json>, newOp: Located<Json>, fn: string, add: Add): void {
  const a = parametersOf(sides.old, oldOp);
  const b = parametersOf(sides.new, newOp);
  const label = (p: Json) => `${String(p.in)} parameter ${codeSpan(String(p.name))}`;
  const required = (p: Json) => p.required === true || p.in === "path";
  const shape = (p: Json) => `${p.in}\u0000${required(p)}\u0000${shapeKey(p.schema ?? p.content)}`;
  const removed = [...a.keys()].filter((k) => !b.has(k));
  const added = [...b.keys()].filter((k) => !a.has(k));
  const renamed = new Map<string, string>();
  for (const r of removed) {
    const matches = added.filter((k) => shape(b.get(k)!.value) === shape(a.get(r)!.value));
    if (matches.length !== 1) continue;
    const match = matches[0]!;
    if (removed.filter((k) => shape(a.get(k)!.value) === shape(b.get(match)!.value)).length === 1) renamed.set(r, match);
  }
  for (const key of removed) {
    const p = a.get(key)!;
    const to = renamed.get(key);
    if (to !== undefined) {
      const q = b.get(to)!;
      add("parameter-renamed", q.slot, "new", `The ${label(p.value)} of ${fn} was renamed to ${codeSpan(String(q.value.name))}.`);
    } else {
      add("parameter-removed", p.slot, "old", `${fn} no longer takes the ${label(p.value)}; calls that pass it no longer type-check.`);
    }
  }
  const renamedTo = new Set(renamed.values());
  for (const key of added) {
    if (renamedTo.has(key)) continue;
    const p = b.get(key)!;
    if (required(p.value)) add("parameter-added-required", p.slot, "new", `${fn} now requires the ${label(p.value)}; existing calls do not pass it.`);
    else add("parameter-added-optional", p.slot, "new", `${fn} takes a new optional ${label(p.value)}.`);
  }
  for (const [key, p] of a) {
    const q = b.get(key);
    if (!q) continue;
    if (!required(p.value) && required(q.value)) {
      add("parameter-became-required", q.pointer, "new", `The ${label(q.value)} of ${fn} is now required; calls that leave it out no longer type-check.`);
    } else if (required(p.value) && !required(q.value)) {
      add("parameter-became-optional", q.pointer, "new", `The ${label(q.value)} of ${fn} is now optional.`);
    }
    const oldSchema = sides.old.child(p, "schema");
    const newSchema = sides.new.child(q, "schema");
    if (oldSchema && newSchema) {
      compareSchemas(sides, oldSchema, newSchema, {
        direction: "request",
        fn,
        name: (path) => (path === "" ? label(q.value) : `${String(q.value.in)} parameter field ${codeSpan(`${String(q.value.name)}.${path}`)}`),
        emit: (kind, pointer, document, message) => add(kind, pointer, document, message, "request"),
      });
    }
  }
}

function diffRequestBody(sides: Sides, before: OperationPlan, after: OperationPlan, oldOp: Located<Json>, newOp: Located<Json>, fn: string, add: Add): void {
  const a = sides.old.child<Json>(oldOp, "requestBody");
  const b = sides.new.child<Json>(newOp, "requestBody");
  if (!a && !b) return;
  if (a && !b) {
    add("request-body-removed", a.pointer, "old", `${fn} no longer takes a request body; calls that pass \`body\` no longer type-check.`);
    return;
  }
  if (!a && b) {
    if (b.value.required === true) add("request-body-added-required", b.pointer, "new", `${fn} now requires a request body; existing calls do not pass \`body\`.`);
    else add("request-body-added-optional", b.pointer, "new", `${fn} takes a new optional request body.`);
    return;
  }
  const oldBody = a!;
  const newBody = b!;
  if (oldBody.value.required !== true && newBody.value.required === true) {
    add("request-body-became-required", newBody.pointer, "new", `The request body of ${fn} is now required; calls that leave out \`body\` no longer type-check.`);
  } else if (oldBody.value.required === true && newBody.value.required !== true) {
    add("request-body-became-optional", newBody.pointer, "new", `The request body of ${fn} is now optional.`);
  }
  const sent = { old: before.body?.mediaType, new: after.body?.mediaType };
  if (before.body && after.body && sent.old !== sent.new) {
    const pointer = pointerTo(newBody.pointer, "content", after.body.mediaType);
    const now = `${fn} now sends its body as ${codeSpan(after.body.mediaType)} (was ${codeSpan(before.body.mediaType)})`;
    if (before.body.kind !== after.body.kind) add("request-encoding-changed", pointer, "new", `${now}; the body's type and its form on the wire change.`);
    else add("request-content-type-changed", pointer, "new", `${now}; the body's type and its form on the wire stay the same.`);
  }
  diffContent(sides, oldBody, newBody, "request", fn, add, {
    // The SDK sends one media type: dropping another one does not change a call (dropping that one is the change above).
    removed: (m) => (m === sent.old ? undefined : `${fn} no longer accepts a request body as ${codeSpan(m)}; the SDK sends ${codeSpan(sent.new ?? "")}, so calls do not change.`),
    added: (m) => `${fn} now also accepts a request body as ${codeSpan(m)}.`,
    name: (path, media) => (path === "" ? `request body${media}` : `request field ${codeSpan(path)}${media}`),
  });
}

function diffResponses(sides: Sides, oldOp: Located<Json>, newOp: Located<Json>, fn: string, add: Add): void {
  const a = sides.old.child<Json>(oldOp, "responses");
  const b = sides.new.child<Json>(newOp, "responses");
  const statuses = (r: Located<Json> | undefined) => new Map(Object.keys(isObject(r?.value) ? r.value : {}).map((s) => [s.toUpperCase(), s]));
  const before = statuses(a);
  const after = statuses(b);
  for (const [key, status] of before) {
    if (after.has(key)) continue;
    add("response-removed", pointerTo(a!.pointer, status), "old", `${fn} no longer has a ${codeSpan(status)} response; code that handles it should be revisited.`);
  }
  for (const [key, status] of after) {
    const old = before.get(key);
    const response = sides.new.child<Json>(b!, status)!;
    if (old === undefined) {
      add("response-added", pointerTo(b!.pointer, status), "new", `${fn} has a new ${codeSpan(status)} response.`);
      continue;
    }
    const oldResponse = sides.old.child<Json>(a!, old)!;
    diffContent(sides, oldResponse, response, "response", fn, add, {
      removed: (m) => `${fn} no longer returns ${codeSpan(m)} in its ${codeSpan(status)} response.`,
      added: (m) => `${fn} may now return ${codeSpan(m)} in its ${codeSpan(status)} response.`,
      name: (path, media) => (path === "" ? `${codeSpan(status)} response body${media}` : `response field ${codeSpan(path)} (${codeSpan(status)}${media ? `,${media.slice(2, -1)}` : ""})`),
    });
  }
}

/**
 * The media types of a body or a response: removed, added, and the schemas of those in both
 * compared. A field is named with its media type only when several are compared.
 */
function diffContent(
  sides: Sides,
  a: Located<Json>,
  b: Located<Json>,
  direction: Direction,
  fn: string,
  add: Add,
  words: { removed: (media: string) => string | undefined; added: (media: string) => string; name: (path: string, media: string) => string },
): void {
  const before = isObject(a.value.content) ? Object.keys(a.value.content) : [];
  const after = isObject(b.value.content) ? Object.keys(b.value.content) : [];
  for (const m of before) {
    const message = after.includes(m) ? undefined : words.removed(m);
    if (message !== undefined) add("media-type-removed", pointerTo(a.pointer, "content", m), "old", message, direction);
  }
  for (const m of after) if (!before.includes(m)) add("media-type-added", pointerTo(b.pointer, "content", m), "new", words.added(m), direction);
  const common = after.filter((m) => before.includes(m));
  for (const m of common) {
    const oldSchema = sides.old.child(a, "content", m, "schema");
    const newSchema = sides.new.child(b, "content", m, "schema");
    if (!oldSchema || !newSchema) continue;
    const media = common.length > 1 ? ` (${codeSpan(m)})` : "";
    compareSchemas(sides, oldSchema, newSchema, {
      direction,
      fn,
      name: (path) => words.name(path, media),
      emit: (kind, pointer, document, message) => add(kind, pointer, document, message, direction),
    });
  }
}

/** A document's servers: the default base URL (as the SDK computes it) and every server URL. */
function diffServers(oldDoc: OpenApiDocument, newDoc: OpenApiDocument, plans: { old: SdkPlan; new: SdkPlan }, changes: ChangeList): void {
  const urls = (doc: OpenApiDocument) => (Array.isArray(doc.servers) ? doc.servers.map((s) => (isObject(s) && typeof s.url === "string" ? s.url : "")) : []);
  const before = urls(oldDoc);
  const after = urls(newDoc);
  const defaultChanged = plans.old.defaultBaseUrl !== plans.new.defaultBaseUrl;
  if (defaultChanged) {
    const where = (url: string) => (url === "" ? "no default" : codeSpan(url));
    changes.add(
      "default-server-changed",
      after.length > 0 ? { pointer: "#/servers/0/url", document: "new" } : { pointer: "#/servers", document: "old" },
      `The default base URL is now ${where(plans.new.defaultBaseUrl)} (was ${where(plans.old.defaultBaseUrl)}); clients created without \`baseUrl\` call the new one.`,
    );
  }
  before.forEach((url, i) => {
    if (after.includes(url) || (defaultChanged && i === 0)) return;
    changes.add("server-removed", { pointer: `#/servers/${i}`, document: "old" }, `The server ${codeSpan(url)} was removed; clients whose \`baseUrl\` is set to it should move.`);
  });
  after.forEach((url, i) => {
    if (before.includes(url) || (defaultChanged && i === 0)) return;
    changes.add("server-added", { pointer: `#/servers/${i}`, document: "new" }, `The server ${codeSpan(url)} was added.`);
  });
}

function diffSecuritySchemes(sides: Sides, changes: ChangeList): void {
  const schemes = (side: DocumentSide) => side.child<Json>({ value: side.document, pointer: "#" }, "components", "securitySchemes");
  const a = schemes(sides.old);
  const b = schemes(sides.new);
  const describe = (s: Json) =>
    s.type === "apiKey" ? `apiKey in ${String(s.in)} ${codeSpan(String(s.name))}` : s.type === "http" ? `http ${String(s.scheme).toLowerCase()}` : String(s.type);
  for (const name of Object.keys(isObject(a?.value) ? a.value : {})) {
    const before = sides.old.child<Json>(a!, name)!;
    const after = isObject(b?.value) && Object.hasOwn(b.value, name) ? sides.new.child<Json>(b, name) : undefined;
    if (!after) {
      changes.add("security-scheme-removed", { pointer: before.pointer, document: "old" }, `The security scheme ${codeSpan(name)} was removed; credentials given under its name are no longer sent.`);
    } else if (isObject(before.value) && isObject(after.value) && describe(before.value) !== describe(after.value)) {
      changes.add("security-scheme-changed", { pointer: after.pointer, document: "new" }, `The security scheme ${codeSpan(name)} is now ${describe(after.value)} (was ${describe(before.value)}); the credentials it takes change.`);
    }
  }
  for (const name of Object.keys(isObject(b?.value) ? b.value : {})) {
    if (isObject(a?.value) && Object.hasOwn(a.value, name)) continue;
    changes.add("security-scheme-added", { pointer: pointerTo(b!.pointer, name), document: "new" }, `The security scheme ${codeSpan(name)} was added.`);
  }
}

/** Security alternatives as sets of scheme names (scopes aside); none given, or `[]`, means anyone may call. */
function alternativesOf(security: unknown): string[][] {
  if (!Array.isArray(security) || security.length === 0) return [[]];
  return security.map((r) => (isObject(r) ? Object.keys(r).sort() : []));
}

/**
 * Security alternatives. A caller holding the credentials of an old alternative can still
 * call when some new alternative asks for no more than those: an old alternative with no such
 * successor is breaking. A new alternative that no old one already satisfied lets new callers
 * in: compatible. `operation` undefined: the document's own `security`.
 */
function diffSecurity(before: string[][], after: string[][], at: { pointer: string; document: "old" | "new" }, operation: OperationPlan | undefined, changes: ChangeList): void {
  const within = (small: string[], large: string[]) => small.every((s) => large.includes(s));
  const text = (alt: string[]) => (alt.length === 0 ? "no authentication" : alt.map(codeSpan).join(" + "));
  const list = (alts: string[][]) => alts.map(text).join(" or ");
  const subject = operation ? codeSpan(operation.functionName) : "The API";
  const target = operation ? affected(operation) : undefined;
  for (const alt of before) {
    if (after.some((next) => within(next, alt))) continue;
    const message = alt.length === 0 ? `${subject} now requires authentication (${list(after)}).` : `${subject} no longer accepts ${text(alt)} (now: ${list(after)}).`;
    changes.add("security-alternative-removed", at, message, target);
  }
  for (const alt of after) {
    if (before.some((old) => within(old, alt))) continue;
    const message = alt.length === 0 ? `${subject} no longer requires authentication.` : `${subject} now also accepts ${text(alt)}.`;
    changes.add("security-alternative-added", at, message, target);
  }
}
