/**
 * The document the SDK is made from, in one canonical form: a copy with every object's keys in
 * code-unit order, so the same API gives the same bytes whatever order its document's keys were
 * written in (JSON object order carries no meaning). Arrays keep their order: theirs does.
 * The copy is the SDK's own, so the type emitter may change it (it does) without a second copy.
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import { OBJECT_PROTOTYPE_NAMES } from "../naming.js";
import { HTTP_METHODS, type OpenApiDocument, type Operation, type PathItem } from "../openapi.js";
import { stringLiteral } from "./escape.js";

/**
 * A deep copy with sorted keys; iterative, so no nesting depth can overflow the stack. Parts
 * whose shape the SDK cannot use are left out of the copy, each with a warning (see repairShape).
 */
export function canonicalDocument(document: OpenApiDocument, diagnostics?: Diagnostics): OpenApiDocument {
  const copies = new Map<object, unknown>();
  const copyOf = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return value;
    let copy = copies.get(value);
    if (copy === undefined) {
      copy = Array.isArray(value) ? new Array(value.length) : {};
      copies.set(value, copy);
      pending.push([value, copy as Record<string, unknown>]);
    }
    return copy;
  };
  const pending: [object, Record<string, unknown>][] = [];
  const root = copyOf(document) as OpenApiDocument;
  // Whether maskUnsafeKeys has anything to do (a key, a `required` entry or a parameter name it
  // masks): noted while copying, so a document without such names is not walked again for them.
  let unsafe = false;
  const isUnsafe = (name: string) => PROTOTYPE_NAMES.has(name) || name.includes("%");
  while (pending.length > 0) {
    const [source, target] = pending.pop()!;
    if (Array.isArray(source)) {
      source.forEach((v, i) => {
        if (!unsafe && typeof v === "string" && isUnsafe(v)) unsafe = true;
        target[i] = copyOf(v);
      });
      continue;
    }
    const keys = Object.keys(source).sort(byCodeUnit);
    for (const key of keys) {
      const raw = (source as Record<string, unknown>)[key];
      if (!unsafe && (isUnsafe(key) || (key === "name" && typeof raw === "string" && raw.includes("%")))) unsafe = true;
      const v = key === "$ref" && typeof raw === "string" ? decodeRef(raw) : copyOf(raw);
      // defineProperty: a `__proto__` key stays a key (assignment would set the prototype).
      if (key === "__proto__") Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true });
      else target[key] = v;
    }
  }
  repairShape(root, diagnostics);
  if (!unsafe) withoutUnsafeKeys.add(root);
  return root;
}

/** Canonical copies in which no key, `required` entry or parameter name needs masking. */
const withoutUnsafeKeys = new WeakSet<object>();

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Operations, parameters, bodies and responses of the wrong JSON type (a path item that is
 * `null`, `parameters` that is not an array, …) are dropped from the SDK's copy with an
 * `invalid-shape` warning at their place: one malformed operation never stops the others.
 */
function repairShape(document: OpenApiDocument, diagnostics: Diagnostics | undefined): void {
  // A parameter is well-shaped when it is one, or a local $ref that leads to one.
  const isParameter = (p: unknown) =>
    isObject(p) && (typeof p.$ref === "string" ? isPlainParameter(followRefs(document, p.$ref)) : isPlainParameter(p));
  const drop = (record: Record<string, unknown>, key: string, pointer: string, what: string) => {
    delete record[key];
    diagnostics?.warning("invalid-shape", `${what} is not of the shape OpenAPI gives it; it was left out of the SDK`, { pointer });
  };
  if (!isObject(document.paths)) (document as { paths: unknown }).paths = {};
  const paths = document.paths as Record<string, unknown>;
  for (const [path, item] of Object.entries(paths)) {
    const at = pointerTo("#/paths", path);
    if (!isObject(item)) {
      drop(paths, path, at, `the path item ${path}`);
      continue;
    }
    repairList(item, "parameters", at, drop, isParameter);
    for (const key of ["servers"]) if (key in item && !Array.isArray(item[key])) drop(item, key, pointerTo(at, key), `\`${key}\``);
    for (const method of HTTP_METHODS) {
      if (!(method in item)) continue;
      const op = item[method];
      const where = pointerTo(at, method);
      if (!isObject(op)) {
        drop(item, method, where, `the operation ${method.toUpperCase()} ${path}`);
        continue;
      }
      repairList(op, "parameters", where, drop, isParameter);
      for (const key of ["tags", "servers", "security"]) if (key in op && !Array.isArray(op[key])) drop(op, key, pointerTo(where, key), `\`${key}\``);
      const body = isObject(op.requestBody) && typeof op.requestBody.$ref === "string" ? followRefs(document, op.requestBody.$ref) : op.requestBody;
      if ("requestBody" in op && !(isObject(body) && isObject(body.content))) {
        drop(op, "requestBody", pointerTo(where, "requestBody"), "the request body");
      }
      if (!isObject(op.responses)) {
        if ("responses" in op) drop(op, "responses", pointerTo(where, "responses"), "`responses`");
        op.responses = {};
      }
      const responses = op.responses as Record<string, unknown>;
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response)) drop(responses, status, pointerTo(where, "responses", status), `the ${status} response`);
      }
    }
  }
}

const isPlainParameter = (p: unknown) => isObject(p) && typeof p.name === "string" && ["path", "query", "header", "cookie"].includes(p.in as string);

/** A local ref followed to what it names (through refs to refs, at most 20); undefined when it leads nowhere. */
function followRefs(document: unknown, ref: string): unknown {
  let node: unknown = { $ref: ref };
  for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 20; hops++) {
    if (!node.$ref.startsWith("#")) return undefined;
    node = resolvePointer(document, node.$ref);
  }
  return node;
}

/** An array of which only the well-shaped entries are kept (the whole key goes when it is not an array). */
function repairList(
  record: Record<string, unknown>,
  key: string,
  at: string,
  drop: (record: Record<string, unknown>, key: string, pointer: string, what: string) => void,
  valid: (entry: unknown) => boolean,
): void {
  if (!(key in record)) return;
  const list = record[key];
  if (!Array.isArray(list)) return drop(record, key, pointerTo(at, key), `\`${key}\``);
  const kept: unknown[] = [];
  list.forEach((entry, i) => {
    if (valid(entry)) kept.push(entry);
    else drop({ [i]: entry }, String(i), pointerTo(at, key, i), `${key} entry ${i}`);
  });
  record[key] = kept;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A local `$ref` with its pointer percent-decoded: a pointer in a URI fragment may be
 * percent-encoded (RFC 6901 §6; `#/paths/~1%7Bid%7D`), and openapi-typescript only finds
 * the decoded key. A segment that does not decode stays as it is.
 */
function decodeRef(ref: string): string {
  if (!ref.startsWith("#") || !ref.includes("%")) return ref;
  return ref
    .split("/")
    .map((segment, i) => {
      if (i === 0) return segment;
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join("/");
}

/**
 * openapi-typescript writes a `$ref` as an indexed access into the types it emits: that works
 * for `#/components/<kind>/<name>`, for property chains below a schema (`…/properties/x`) and
 * for refs into `paths`, but not for a ref into anything else inside a schema (`definitions`
 * of its own, `items`, `allOf/0`, …), whose access does not exist on the emitted type. Such a
 * target becomes a schema component of its own (named after its pointer, made unique), and
 * every ref to it points there. Refs inside the hoisted copies are handled the same way, and a
 * target is hoisted once, so recursive schemas stay finite.
 */
export function hoistDeepSchemaRefs(document: OpenApiDocument, diagnostics?: Diagnostics): void {
  const schemas = ((document.components ??= {}) as Record<string, Record<string, unknown>>).schemas ?? {};
  const hoisted = new Map<string, string>();
  const taken = new Set(Object.keys(schemas));
  // Each node with whether it stands where a schema goes (under `schema`, `items`, a
  // property, an allOf/anyOf/oneOf entry, …): a ref there must lead to a schema component.
  // A node's pointer is its parent's plus its key, spelled out only for a diagnostic (a string
  // per node was half of this walk on Graph beta).
  const root: Place = { parent: undefined, key: "" };
  const pending: [unknown, Place, boolean][] = [[document, root, false]];
  const schemasPlace: Place = { parent: { parent: root, key: "components" }, key: "schemas" };
  let added = false;
  while (pending.length > 0) {
    const [node, place, schemaPlace] = pending.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      const entriesAreSchemas = LIST_KEYS.has(place.key as string);
      node.forEach((v, i) => {
        if (v !== null && typeof v === "object") pending.push([v, { parent: place, key: i }, entriesAreSchemas]);
      });
      continue;
    }
    const record = node as Record<string, unknown>;
    const pointer = () => pointerOfPlace(place);
    if (typeof record.$ref === "string" && record.$ref.startsWith("#/paths/") && /^\d+$/.test(String(place.key)) && place.parent?.key === "parameters") {
      // A parameter borrowed from another path: openapi-typescript indexes that path's
      // parameter group, which may be optional there (TS2339). Borrowed as a copy instead.
      const target = followRefs(document, record.$ref);
      if (isObject(target)) {
        delete record.$ref;
        Object.assign(record, structuredClone(target));
      }
    }
    const ref = record.$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) {
      // codegen reads one document: a ref to another file or a URL is not followed (nor fetched).
      delete record.$ref;
      diagnostics?.warning("external-ref", `the $ref ${JSON.stringify(ref)} points outside this document, which codegen does not follow; this place is typed as any value`, { pointer: pointerTo(pointer(), "$ref") });
    } else if (typeof ref === "string" && (isDeepSchemaRef(ref) || (schemaPlace && !ref.startsWith("#/components/schemas/")))) {
      let name = hoisted.get(ref);
      if (name === undefined) {
        const target = resolvePointer(document, ref);
        if (target === undefined) continue;
        const base = ref.split("/").slice(ref.startsWith("#/components/schemas/") ? 3 : 1).map(unescapeSegment).join("_").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+/, "");
        name = base;
        for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
        taken.add(name);
        hoisted.set(ref, name);
        const copy = structuredClone(target);
        Object.defineProperty(schemas, name, { value: copy, enumerable: true, writable: true, configurable: true });
        added = true;
        pending.push([copy, { parent: schemasPlace, key: name }, true]);
      }
      record.$ref = `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      continue;
    }
    // An example's `externalValue` is a URL for documentation: not fetched, not needed for types.
    if (typeof record.externalValue === "string") delete record.externalValue;
    // A discriminator mapping to another file is a ref codegen does not follow either.
    if (isObject(record.discriminator) && isObject(record.discriminator.mapping)) {
      const mapping = record.discriminator.mapping;
      for (const [value, target] of Object.entries(mapping)) {
        if (typeof target !== "string") continue;
        // A mapping value is a local ref, or the name of a schema component; anything else
        // (a file, a name no component has) is a ref openapi-typescript cannot resolve.
        const local = target.startsWith("#") ? resolvePointer(document, target) !== undefined : !/[/.]/.test(target) && isObject(schemas) && Object.hasOwn(schemas, target);
        if (local) {
          // A plain name is a schema component's (OpenAPI 3.0 §Discriminator Object); the
          // resolver openapi-typescript uses reads only refs.
          if (!target.startsWith("#")) mapping[value] = `#/components/schemas/${target.replace(/~/g, "~0")}`;
          continue;
        }
        delete mapping[value];
        diagnostics?.warning("external-ref", `the discriminator mapping ${JSON.stringify(value)} → ${JSON.stringify(target)} leads to nothing in this document; it was left out`, { pointer: pointerTo(pointer(), "discriminator", "mapping", value) });
      }
    }
    // An enum whose values are not of the schema's type (`type: object` with names as values):
    // openapi-typescript stops on it; the type wins.
    if (typeof record.type === "string" && Array.isArray(record.enum) && schemaPlace && !record.enum.every((v) => v === null || ofType(v, record.type as string))) {
      delete record.enum;
      diagnostics?.warning("invalid-shape", `the enum's values are not all of the schema's type (${record.type}); the enum was left out of the SDK`, { pointer: pointerTo(pointer(), "enum") });
    }
    for (const key of ["oneOf", "anyOf", "allOf"]) {
      const list = record[key];
      if (!Array.isArray(list) || list.every((v) => typeof v === "boolean" || isObject(v))) continue;
      // A schema in a list of schemas that is not one (a string, a number): left out.
      record[key] = list.filter((v, i) => {
        const keep = typeof v === "boolean" || isObject(v);
        if (!keep) diagnostics?.warning("invalid-shape", `${key} entry ${i} is not a schema; it was left out of the SDK`, { pointer: pointerTo(pointer(), key, i) });
        return keep;
      });
    }
    const isSchemas = place.key === "schemas" && place.parent?.key === "components" && place.parent.parent === root;
    const inSchemaMap = isSchemas || (MAP_KEYS.has(place.key as string) && schemaPlace);
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (value === null || typeof value !== "object") continue;
      // Examples, defaults, enums and extensions are data: a `$ref` in them is text, not a
      // reference the types read (shutterstock's example value `{ "$ref": "#/…/example" }`
      // hoisted a string as a schema and the document was refused). Keys of a name map
      // (`properties.example`) are names, and `responses.default` is a response.
      if (!inSchemaMap && (key === "example" || key === "examples" || key.startsWith("x-") || (schemaPlace && (key === "default" || key === "enum" || key === "const")))) continue;
      const child = inSchemaMap || SCHEMA_KEYS.has(key) || (schemaPlace && (key === "additionalProperties" || key === "not" || key === "items"));
      pending.push([value, { parent: place, key }, child && key !== "properties" ? child : key === "properties" && schemaPlace]);
    }
  }
  if (added) (document.components as Record<string, unknown>).schemas = schemas;
}

/** Where a node stands: its parent's place and its key there (the root: no parent). */
type Place = { parent: Place | undefined; key: string | number };

/** A place's JSON pointer (`#/components/schemas/A~1B`). */
function pointerOfPlace(place: Place): string {
  const keys: (string | number)[] = [];
  for (let p: Place | undefined = place; p?.parent; p = p.parent) keys.push(p.key);
  return pointerTo("#", ...keys.reverse());
}

/** Keys whose array holds schemas, and keys whose object maps names to schemas. */
const LIST_KEYS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const MAP_KEYS = new Set(["properties", "patternProperties", "$defs", "definitions"]);

/** Whether a JSON value is of an OpenAPI schema type. */
function ofType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
    case "boolean":
      return typeof value === type;
    default:
      return true;
  }
}

/** Keys whose value is a schema wherever they appear in an OpenAPI document. */
const SCHEMA_KEYS = new Set(["schema", "items", "additionalProperties", "not"]);

const unescapeSegment = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * A ref to a schema openapi-typescript cannot reach by indexed access: anything below a schema
 * component, or to (or into) a schema inside a
 * path, response, body, parameter or header (`#/paths/~1/get/responses/200/content/
 * application~1json/schema`: the emitted types have no `schema` member to index).
 */
function isDeepSchemaRef(ref: string): boolean {
  // Graph beta's 14,227 path items repeat a few thousand refs hundreds of thousands of times.
  let deep = deepRefs.get(ref);
  if (deep === undefined) deepRefs.set(ref, (deep = isDeepRef(ref)));
  if (deepRefs.size > 100_000) deepRefs.clear();
  return deep;
}

const deepRefs = new Map<string, boolean>();

function isDeepRef(ref: string): boolean {
  const segments = ref.split("/");
  if (segments[0] !== "#") return false;
  // Below a schema component, even a chain of properties: indexed access through an optional
  // or composed property (Azure's `X/properties/ipConfiguration/properties/provisioningState`)
  // does not type-check either.
  if (segments[1] === "components" && segments[2] === "schemas") return segments.length > 4;
  return segments.includes("schema");
}

function resolvePointer(document: unknown, ref: string): unknown {
  let node = document;
  for (const segment of ref.split("/").slice(1).map(unescapeSegment)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Whether an operationId can key openapi-typescript's `operations`: a string given once, not
 * empty, without `%` or `#` (it makes the id into a JSON pointer and back: `%` throws
 * `URI malformed`, `%25` comes back as `%`, and `#` keys the type under another name).
 */
export function usableOperationIds(document: OpenApiDocument): (op: Operation) => boolean {
  const count = new Map<unknown, number>();
  for (const op of operationsOf(document)) count.set(op.operationId, (count.get(op.operationId) ?? 0) + 1);
  return (op) => typeof op.operationId === "string" && op.operationId !== "" && !/[%#]/.test(op.operationId) && count.get(op.operationId) === 1;
}

/**
 * An operationId given twice (or empty, or not a string) would be one key of openapi-typescript's
 * `operations` twice over, which does not compile: in the SDK's copy such operations lose the
 * id, and the plan types them through `paths`. Their function names still come from it.
 */
export function dropUnusableOperationIds(document: OpenApiDocument): void {
  const usable = usableOperationIds(document);
  for (const op of operationsOf(document)) if (op.operationId !== undefined && !usable(op)) delete (op as { operationId?: unknown }).operationId;
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const item of Object.values(document.paths ?? {}) as PathItem[]) {
    if (!item || typeof item !== "object") continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (op && typeof op === "object") operations.push(op);
    }
  }
  return operations;
}

/**
 * Keys openapi-typescript cannot take as they are. It resolves a document through Redocly's
 * walker, which looks every key up in plain objects of its own: a key named after an
 * Object.prototype member (`__proto__`, `valueOf`, `constructor`, …) finds the prototype's
 * member and crashes the walk or skips the subtree. And it turns keys into JSON pointers and
 * back with `decodeURIComponent`, so a `%` in a key (`/discounts/100%`) throws `URI malformed`.
 * In the SDK's copy such keys (and the `$ref`s and `required` entries that name them) become
 * placeholders; the returned function puts the real names back into the printed types, as
 * string literals.
 */
export function maskUnsafeKeys(document: OpenApiDocument): (types: string) => string {
  if (withoutUnsafeKeys.has(document)) return (types) => types;
  const masks = new Map<string, string>();
  const mask = (name: string) => {
    if (!PROTOTYPE_NAMES.has(name) && !name.includes("%")) return name;
    let placeholder = masks.get(name);
    if (!placeholder) masks.set(name, (placeholder = `${name.startsWith("/") ? "/" : ""}__codegenMaskedKey${masks.size}__`));
    return placeholder;
  };
  const unescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
  const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
  const pending: unknown[] = [document];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const v of node) pending.push(v);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      let value = record[key];
      if (key === "$ref" && typeof value === "string" && value.startsWith("#")) {
        value = value
          .split("/")
          .map((segment, i) => (i === 0 ? segment : escape(mask(unescape(segment)))))
          .join("/");
      } else if (key === "required" && Array.isArray(value)) {
        value = value.map((v) => (typeof v === "string" ? mask(v) : v));
      } else if (key === "name" && typeof value === "string" && value.includes("%") && typeof record.in === "string") {
        // A parameter's name becomes a pointer segment too.
        value = mask(value);
      }
      const masked = mask(key);
      if (masked !== key) delete record[key];
      record[masked] = value;
      pending.push(value);
    }
  }
  if (masks.size === 0) return (types) => types;
  return (types) => {
    for (const [name, placeholder] of masks) types = types.replaceAll(`"${placeholder}"`, stringLiteral(name)).replaceAll(placeholder, stringLiteral(name));
    return types;
  };
}

const PROTOTYPE_NAMES = new Set(OBJECT_PROTOTYPE_NAMES);

/** Keys under which a schema's content is typed lazily (object members): a reference there may be recursive. */
const LAZY_KEYS = new Set(["properties", "additionalProperties", "patternProperties", "not", "example", "examples", "default", "enum", "const", "discriminator", "xml", "externalDocs"]);

/**
 * A schema that holds itself other than through an object's members (`A = string | A[]`,
 * `A = { oneOf: [A, …] }`, or A → B → A that way) prints as an indexed access to itself inside
 * openapi-typescript's `components` interface, which tsc cannot resolve (TS2502). Each such
 * cycle is cut at the reference that closes it: that spot becomes `{}` (any JSON value), with a
 * `recursive-schema` warning at its place. References through `properties` are left alone.
 */
export function breakEagerCycles(document: OpenApiDocument, diagnostics?: Diagnostics): void {
  const schemas = (document.components as Record<string, unknown> | undefined)?.schemas;
  if (!isObject(schemas)) return;
  const prefix = "#/components/schemas/";
  const edges = new Map<string, { target: string; node: Record<string, unknown>; pointer: string }[]>();
  for (const [name, schema] of Object.entries(schemas)) {
    const found: { target: string; node: Record<string, unknown>; pointer: string }[] = [];
    const pending: [unknown, string][] = [[schema, pointerTo("#/components/schemas", name)]];
    while (pending.length > 0) {
      const [node, pointer] = pending.pop()!;
      if (Array.isArray(node)) {
        node.forEach((v, i) => pending.push([v, pointerTo(pointer, i)]));
        continue;
      }
      if (!isObject(node)) continue;
      if (typeof node.$ref === "string" && node.$ref.startsWith(prefix)) {
        const target = unescapeSegment(node.$ref.slice(prefix.length));
        if (!target.includes("/")) found.push({ target, node, pointer });
        continue;
      }
      for (const [key, value] of Object.entries(node)) if (!LAZY_KEYS.has(key)) pending.push([value, pointerTo(pointer, key)]);
    }
    edges.set(name, found);
  }
  // Depth-first over the eager references, iteratively; an edge back into the path is cut.
  const state = new Map<string, "open" | "done">();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: [string, number][] = [[start, 0]];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = edges.get(top[0]) ?? [];
      if (top[1] >= out.length) {
        state.set(top[0], "done");
        stack.pop();
        continue;
      }
      const edge = out[top[1]++]!;
      if (!edges.has(edge.target)) continue;
      const seen = state.get(edge.target);
      if (seen === "open") {
        delete edge.node.$ref;
        diagnostics?.warning("recursive-schema", `the schema ${edge.target} holds itself here other than through an object's properties, which TypeScript cannot type; this place is typed as any JSON value`, { pointer: edge.pointer });
      } else if (seen === undefined) {
        state.set(edge.target, "open");
        stack.push([edge.target, 0]);
      }
    }
  }
}

/**
 * openapi-typescript gives a schema that extends a discriminated parent (`allOf: [{ $ref:
 * Parent }]`, Parent with `discriminator.propertyName: class`) the property `class` with its
 * mapping value, without looking at whether the schema declares `class` itself: both are
 * printed (TS2300, Apple's SiriKit spec). The schema's own declaration gives way to the
 * injected one, which carries the same value.
 */
export function dropRedeclaredDiscriminators(document: OpenApiDocument): void {
  const schemas = (document.components as Record<string, unknown> | undefined)?.schemas;
  if (!isObject(schemas)) return;
  const prefix = "#/components/schemas/";
  for (const schema of Object.values(schemas)) {
    if (!isObject(schema) || !Array.isArray(schema.allOf) || !isObject(schema.properties)) continue;
    for (const part of schema.allOf) {
      if (!isObject(part) || typeof part.$ref !== "string" || !part.$ref.startsWith(prefix)) continue;
      const parent = schemas[unescapeSegment(part.$ref.slice(prefix.length))];
      const name = isObject(parent) && isObject(parent.discriminator) ? parent.discriminator.propertyName : undefined;
      if (typeof name !== "string" || !Object.hasOwn(schema.properties, name)) continue;
      delete schema.properties[name];
      if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== name);
    }
  }
}
