/**
 * OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): hand corrections kept in
 * `spec/<name>.overlay.yaml` and applied after every conversion, so they survive
 * regeneration. Each action selects nodes with a JSONPath `target` and either removes them
 * or merges `update` into them (objects merge recursively; arrays get the value appended).
 *
 * Conversion names the shapes it finds (`components/schemas`); an overlay renames one by
 * setting `x-codegen-name` on the component (`$.components.schemas.MeetingBatchRegistrant`)
 * or on a `$ref` to it where it is used (`…responses['200'].content['application/json'].schema`,
 * which stays right when conversion would name the shape differently). Renames are applied
 * after every action, every `$ref` follows, and the extension is removed.
 */
import { JSONPath } from "jsonpath-plus";
import { parse as parseYaml } from "yaml";
import { pointerTo, type Diagnostics } from "./diagnostics.js";
import type { OpenApiDocument } from "./openapi.js";
import { hasOwn, setOwn } from "./postman/own-keys.js";

interface Action {
  target?: unknown;
  description?: unknown;
  update?: unknown;
  remove?: unknown;
}

type Container = Record<string, unknown> | unknown[];

/** Applies an overlay's actions in order to a copy of the document. Problems are diagnostics on the overlay file. */
export function applyOverlay(document: OpenApiDocument, overlayText: string, diag: Diagnostics): OpenApiDocument {
  let overlay: { overlay?: unknown; actions?: unknown };
  try {
    overlay = parseYaml(overlayText) ?? {};
  } catch (e) {
    diag.error("invalid-overlay", `${diag.file} is not valid YAML (${(e as Error).message.split("\n")[0]})`, { pointer: "" });
    return document;
  }
  if (typeof overlay.overlay !== "string" || !overlay.overlay.startsWith("1.") || !Array.isArray(overlay.actions)) {
    diag.error("invalid-overlay", `${diag.file} is not an OpenAPI Overlay 1.x document (it needs \`overlay: 1.0.0\` and \`actions\`)`, { pointer: "" });
    return document;
  }
  const result = structuredClone(document) as unknown as Record<string, unknown>;
  // The action that set each `x-codegen-name`, for diagnostics about that rename.
  const namedBy = new Map<object, string>();
  (overlay.actions as Action[]).forEach((action, i) => {
    const at = { pointer: pointerTo("#", "actions", i) };
    if (typeof action?.target !== "string") {
      diag.error("invalid-overlay", "this action has no `target` JSONPath", at);
      return;
    }
    let matches: { parent: Container | null; parentProperty: string | number | null; value: unknown }[];
    try {
      matches = JSONPath({ path: action.target, json: result, resultType: "all", eval: "safe" });
    } catch (e) {
      diag.error("invalid-overlay", `the target ${JSON.stringify(action.target)} is not a JSONPath this tool can read (${(e as Error).message})`, at);
      return;
    }
    if (matches.length === 0) {
      diag.warning("overlay-target-unmatched", `the target ${action.target} selects nothing in the converted document; the action did nothing`, at);
      return;
    }
    if (action.remove === true) {
      // Remove from the end so array indexes stay valid while removing.
      for (const m of [...matches].reverse()) {
        if (m.parent === null || m.parentProperty === null) continue;
        if (Array.isArray(m.parent)) m.parent.splice(Number(m.parentProperty), 1);
        else delete m.parent[String(m.parentProperty)];
      }
      return;
    }
    if (action.update === undefined) {
      diag.warning("invalid-overlay", "this action has neither `update` nor `remove: true`; it did nothing", at);
      return;
    }
    for (const m of matches) {
      if (Array.isArray(m.value)) m.value.push(structuredClone(action.update));
      else if (isObject(m.value) && isObject(action.update)) {
        mergeInto(m.value, action.update);
        if (hasOwn(action.update, NAME)) namedBy.set(m.value, at.pointer);
      }
      else if (m.parent !== null && m.parentProperty !== null) setOwn(m.parent as Record<string, unknown>, String(m.parentProperty), structuredClone(action.update));
    }
  });
  return renameComponents(result, diag, namedBy);
}

const NAME = "x-codegen-name";
const SCHEMA_REF = "#/components/schemas/";
const escapeSegment = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapeSegment = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * Applies the `x-codegen-name` renames an overlay asked for. A name that is not a valid
 * component name (`[A-Za-z0-9._-]+`, OpenAPI 3.0 §4.7.7), is already taken, or disagrees with
 * another rename of the same component is refused with a diagnostic; the component keeps its name.
 */
function renameComponents(document: Record<string, unknown>, diag: Diagnostics, namedBy: Map<object, string>): OpenApiDocument {
  const components = document.components;
  const schemas = isObject(components) && isObject(components.schemas) ? components.schemas : undefined;
  const wanted = new Map<string, { name: unknown; pointer: string }[]>();
  const holders: [Record<string, unknown>, string][] = [];
  // Every object in the document, with its pointer: renames may sit anywhere a $ref does.
  const stack: [unknown, string][] = [[document, "#"]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, pointerTo(pointer, i)]));
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) if (typeof value === "object" && value !== null) stack.push([value, pointerTo(pointer, key)]);
    if (!hasOwn(node, NAME)) continue;
    holders.push([node, pointer]);
    const at = namedBy.get(node) ?? pointer;
    const ref = node.$ref;
    const target = typeof ref === "string" && ref.startsWith(SCHEMA_REF) ? unescapeSegment(ref.slice(SCHEMA_REF.length)) : schemas && pointer.startsWith("#/components/schemas/") && pointer.split("/").length === 4 ? unescapeSegment(pointer.split("/")[3]!) : undefined;
    if (target === undefined || !schemas || !hasOwn(schemas, target)) {
      diag.warning("invalid-overlay", `\`${NAME}\` renames a component schema, set on it or on a \`$ref\` to one; at ${pointer} it names nothing and was ignored`, { pointer: at });
      continue;
    }
    const list = wanted.get(target) ?? [];
    list.push({ name: node[NAME], pointer: at });
    wanted.set(target, list);
  }
  for (const [node] of holders) delete node[NAME];
  if (!schemas || wanted.size === 0) return document as unknown as OpenApiDocument;

  const renames = new Map<string, string>();
  const taken = new Set(Object.keys(schemas));
  // Asks in the overlay's order (the action that set each), whatever the order the document was walked in.
  const actionIndex = (pointer: string) => Number(/^#\/actions\/(\d+)$/.exec(pointer)?.[1] ?? Number.MAX_SAFE_INTEGER);
  for (const [from, unordered] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const asks = [...unordered].sort((a, b) => actionIndex(a.pointer) - actionIndex(b.pointer) || (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
    const names = [...new Set(asks.map((a) => a.name))];
    const at = { pointer: asks[0]!.pointer };
    const to = names[0];
    if (names.length > 1) {
      diag.warning("invalid-overlay", `the component ${from} is renamed to ${names.map((n) => JSON.stringify(n)).join(" and ")}; it kept its name`, at);
    } else if (typeof to !== "string" || !/^[A-Za-z0-9._-]+$/.test(to)) {
      diag.warning("invalid-overlay", `${JSON.stringify(to)} is not a component name (letters, digits, \`.\`, \`_\` and \`-\`); ${from} kept its name`, at);
    } else if (to !== from && taken.has(to)) {
      diag.warning("invalid-overlay", `the component ${from} cannot be renamed to ${to}, which another component has; it kept its name`, at);
    } else {
      taken.delete(from);
      taken.add(to);
      renames.set(from, to);
    }
  }
  const refs = new Map([...renames].map(([from, to]) => [`${SCHEMA_REF}${escapeSegment(from)}`, `${SCHEMA_REF}${escapeSegment(to)}`]));
  const walk: unknown[] = [document];
  while (walk.length > 0) {
    const node = walk.pop();
    if (Array.isArray(node)) walk.push(...node);
    else if (isObject(node)) {
      for (const value of Object.values(node)) if (typeof value === "object" && value !== null) walk.push(value);
      if (typeof node.$ref === "string" && refs.has(node.$ref)) node.$ref = refs.get(node.$ref);
    }
  }
  // Components stay in name order.
  const renamed: Record<string, unknown> = {};
  const entries = Object.entries(schemas).map(([name, schema]) => [renames.get(name) ?? name, schema] as const);
  for (const [name, schema] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) setOwn(renamed, name, schema);
  (components as Record<string, unknown>).schemas = renamed;
  return document as unknown as OpenApiDocument;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Merges `update` into `target`, objects into objects at every level, with its own stack (an
 * overlay of any depth merges without recursion). Keys are set as own properties: `__proto__` in
 * an overlay is a property like any other, never the target's prototype.
 */
function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  const stack: [Record<string, unknown>, Record<string, unknown>][] = [[target, update]];
  while (stack.length > 0) {
    const [into, from] = stack.pop()!;
    for (const [key, value] of Object.entries(from)) {
      const existing = hasOwn(into, key) ? into[key] : undefined;
      if (isObject(existing) && isObject(value)) stack.push([existing, value]);
      else setOwn(into, key, structuredClone(value));
    }
  }
}
