/**
 * Parameters and error responses an API repeats word for word (Asana's eleven error responses
 * on every operation, Stripe's `expand` and `limit` query parameters) are written once, under
 * `components/parameters` and `components/responses`, and referenced. Only objects given in two
 * operations or more, and long enough that a `$ref` is shorter than a second copy, are shared;
 * equality is exact (every keyword, in any key order). Success (2xx) responses stay on their
 * operation: they carry its examples, and an overlay finds them at their path.
 *
 * Names come from the object itself: a parameter's name (`limit`; `limit_query` when another
 * `limit` has it), a response's status phrase (`NotFound`, `BadRequest`). The most used object
 * of a name gets it (ties go by content, never by item order); the others stay inline.
 */
import { STATUS_CODES } from "node:http";
import { pascalCase } from "../naming.js";
import type { OpenApiDocument, Parameter, Response } from "../openapi.js";
import { OBJECT_PROTOTYPE_NAMES } from "../naming.js";
import { setOwn } from "../postman/own-keys.js";

type Json = Record<string, unknown>;

/** A shared object must be at least this many times as long as the `$ref` that replaces it. */
const MIN_RATIO = 2;

/**
 * What writing an example once under `components/examples`, and a reference where it was, saves
 * in characters of the document as it is written (serialize.ts: `JSON.stringify(value, null, 2)`),
 * name, indentation and line breaks included: its copies at a media type's depth against one
 * definition at `components/examples/<name>` and a reference per use. Negative when the copies
 * are the shorter. A short example stays where it is used (a meeting's three fields: its `$ref`
 * would be longer), a long one repeated (a saved page of results) is what doubles a spec's size.
 */
function sharingSaves(pretty: string, uses: number, name: string): number {
  const lines = pretty.split("\n").length - 1;
  // `pretty` as it reads `level` levels down: each of its further lines indented to there.
  const at = (level: number) => pretty.length + lines * 2 * level;
  const line = (level: number, text: string) => 1 + 2 * level + text.length; // a line break, the indent, the text
  const quoted = JSON.stringify(name);
  const ref = JSON.stringify(`#/components/examples/${name}`);
  // paths › path › method › responses › status › content › media type › "example": level 8.
  const inline = 1 + line(8, '"example": ') + at(8); // the comma that parts it from the schema
  const reference = 1 + line(8, '"examples": {') + line(9, `${quoted}: {`) + line(10, `"$ref": ${ref}`) + line(9, "}") + line(8, "}");
  // components › examples › name: level 3, its value at level 4.
  const definition = 1 + line(3, `${quoted}: {`) + line(4, '"value": ') + at(4) + line(3, "}");
  return uses * inline - (definition + uses * reference);
}

/** The `"examples": {}` member of `components` (level 2), written once when the first example is shared; and `"components": {}` (level 1) when the document has none. */
const EXAMPLES_CONTAINER = 1 + (1 + 4 + '"examples": {'.length) + (1 + 4 + "}".length);
const COMPONENTS_CONTAINER = 1 + (1 + 2 + '"components": {'.length) + (1 + 2 + "}".length);

interface Group<T> {
  key: string;
  value: T;
  /** Operations using it. */
  uses: number;
}

/**
 * Returns the document with repeated parameters, responses and examples defined once in
 * `components` and referenced, and each response example's lists and maps of alike objects shown by their first.
 */
export function shareRepeatedObjects(document: OpenApiDocument): OpenApiDocument {
  return shareExamples(examplesOnSchemas(shareParametersAndResponses(withShortExamples(document))));
}

function shareParametersAndResponses(document: OpenApiDocument): OpenApiDocument {
  const parameters = new Map<string, Group<Parameter>>();
  const responses = new Map<string, Group<Response>>();
  const operations: Json[] = [];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      operations.push(operation);
      for (const p of (operation.parameters as Parameter[] | undefined) ?? []) count(parameters, p);
      for (const [status, r] of Object.entries(operation.responses as Record<string, Response>)) if (!/^2/.test(status)) count(responses, r);
    }
  }

  const parameterNames = assignNames(
    parameters,
    "#/components/parameters/",
    (p) => [safeName(p.value.name), safeName(`${p.value.name}_${p.value.in}`)],
    Object.keys((document.components as Json | undefined)?.parameters ?? {}),
  );
  const responseStatus = new Map<string, string>();
  for (const operation of operations) {
    for (const [status, r] of Object.entries(operation.responses as Record<string, Response>)) {
      if (/^2/.test(status)) continue;
      const key = canonical(r);
      const known = responseStatus.get(key);
      if (known === undefined || status < known) responseStatus.set(key, status);
    }
  }
  const responseNames = assignNames(responses, "#/components/responses/", (r) => [phrase(responseStatus.get(r.key)!)], Object.keys((document.components as Json | undefined)?.responses ?? {}));
  if (parameterNames.size === 0 && responseNames.size === 0) return document;

  const paths: OpenApiDocument["paths"] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const copy: Json = {};
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) {
        setOwn(copy, method, operation);
        continue;
      }
      const op: Json = { ...operation };
      if (Array.isArray(operation.parameters)) {
        op.parameters = (operation.parameters as Parameter[]).map((p) => {
          const name = parameterNames.get(canonical(p));
          return name === undefined ? p : { $ref: `#/components/parameters/${name}` };
        });
      }
      const rs: Json = {};
      for (const [status, r] of Object.entries(operation.responses as Json)) {
        const name = /^2/.test(status) ? undefined : responseNames.get(canonical(r));
        setOwn(rs, status, name === undefined ? r : { $ref: `#/components/responses/${name}` });
      }
      op.responses = rs;
      setOwn<unknown>(copy, method, op);
    }
    setOwn<unknown>(paths as Json, path, copy);
  }
  // Components in the order readers know: schemas, responses, parameters, then the rest (security schemes).
  const { schemas, responses: ownResponses, parameters: ownParameters, examples: ownExamples, ...rest } = (document.components ?? {}) as Json;
  const components: Json = {
    ...(schemas !== undefined ? { schemas } : {}),
    ...(responseNames.size > 0 || ownResponses !== undefined ? { responses: { ...(ownResponses as Json | undefined), ...definitions(responses, responseNames) } } : {}),
    ...(parameterNames.size > 0 || ownParameters !== undefined ? { parameters: { ...(ownParameters as Json | undefined), ...definitions(parameters, parameterNames) } } : {}),
    ...(ownExamples !== undefined ? { examples: ownExamples } : {}),
    ...rest,
  };
  return { ...document, paths, components: components as OpenApiDocument["components"] };
}

/** The media type objects of an operation's own body and inline responses (a `$ref` is shared already), with their place. */
function* mediaOf(operation: Json): Generator<[Json, string]> {
  const holders: [unknown, string][] = [[operation.requestBody, "Request"]];
  for (const [status, r] of Object.entries(isObject(operation.responses) ? operation.responses : {})) holders.push([r, placeOf(status)]);
  for (const [holder, place] of holders) {
    if (!isObject(holder) || typeof holder.$ref === "string" || !isObject(holder.content)) continue;
    for (const media of Object.values(holder.content)) if (isObject(media)) yield [media, place];
  }
}

const placeOf = (status: string): string => (/^2/.test(status) ? "Response" : "Error");

/** A copy of the document in which `edit` has replaced each operation's media type objects (each edited once, in document order). */
function mapMedia(document: OpenApiDocument, edit: (media: Json, operation: Json, place: string) => Json): OpenApiDocument {
  const paths: Json = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const copy: Json = {};
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) {
        setOwn<unknown>(copy, method, operation);
        continue;
      }
      const op: Json = { ...operation };
      const inContent = (holder: unknown, place: string): unknown => {
        if (!isObject(holder) || typeof holder.$ref === "string" || !isObject(holder.content)) return holder;
        const content: Json = {};
        for (const [type, media] of Object.entries(holder.content)) setOwn<unknown>(content, type, isObject(media) ? edit(media, operation, place) : media);
        return { ...holder, content };
      };
      if (op.requestBody !== undefined) op.requestBody = inContent(op.requestBody, "Request");
      const rs: Json = {};
      for (const [status, r] of Object.entries(operation.responses)) setOwn<unknown>(rs, status, inContent(r, placeOf(status)));
      op.responses = rs;
      setOwn<unknown>(copy, method, op);
    }
    setOwn<unknown>(paths, path, copy);
  }
  return { ...document, paths: paths as OpenApiDocument["paths"] };
}

/**
 * In a response's example, a list of alike objects is shown by its first items: exporters fill
 * lists with copies (every openapi-to-postmanv2 list has two), which a reader reads once. This
 * is safe because of what "alike" means and where it stops:
 * - every item has the same structure all the way down (the same keys, each with the same kind
 *   of value: an integer is not a decimal, and null, `[]` or `{}` is not a filled value), so a
 *   dropped item shows no key or kind the kept one does not, only other values;
 * - the schema was inferred from every item before, and the kept item still fits it;
 * - a list keeps at least its schema's `minItems` (a typed collection's), the one keyword a
 *   shorter list can break, so the example stays valid (Redocly's no-invalid-media-type-examples);
 * - a request's example is kept whole: it is what a user copies (a JSON Patch's operations are
 *   alike in structure and each says something else). So is a response example that is word for
 *   word a request's (an API that echoes the body): written once, whole, under components/examples.
 * Lists of other values (ids, words) are kept whole. A map's entries (an `additionalProperties`
 * schema's: json-schema-faker's made-up keys, two or three of them) are shortened the same way,
 * when their values are alike objects, never below `minProperties`.
 */
function withShortExamples(document: OpenApiDocument): OpenApiDocument {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
  const shapes = new Shapes();
  const requests = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [media, place] of mediaOf(operation)) if (place === "Request" && "example" in media) requests.add(canonical(media.example));
    }
  }
  return mapMedia(document, (media, _operation, place) =>
    place === "Request" || !("example" in media) || requests.has(canonical(media.example))
      ? media
      : { ...media, example: shortExample(media.example, resolve([media.schema], schemas), schemas, shapes) },
  );
}

function shortExample(value: unknown, schema: Json[], schemas: Json, shapes: Shapes): unknown {
  if (Array.isArray(value)) {
    const items = resolve(schema.map((s) => s.items), schemas);
    const keep = Math.max(1, ...schema.map((s) => (typeof s.minItems === "number" ? s.minItems : 0)));
    const first = value[0];
    const alike = value.length > keep && isObject(first) && value.every((v) => shapes.of(v) === shapes.of(first));
    return (alike ? value.slice(0, keep) : value).map((v) => shortExample(v, items, schemas, shapes));
  }
  if (!isObject(value)) return value;
  const declared = (k: string) => schema.some((s) => isObject(s.properties) && Object.hasOwn(s.properties, k));
  // A map's entries (keys its schema does not name, values its `additionalProperties`) are a
  // list under made-up keys (json-schema-faker draws two or three): alike objects are shown by
  // the first, as a list's are, never below the schema's `minProperties`.
  const entries = schema.some((s) => isObject(s.additionalProperties)) ? Object.keys(value).filter((k) => !declared(k)) : [];
  const keep = Math.max(1, ...schema.map((s) => (typeof s.minProperties === "number" ? s.minProperties : 0))) - (Object.keys(value).length - entries.length);
  const firstEntry = value[entries[0]!];
  const dropped =
    entries.length > Math.max(1, keep) && entries.every((k) => isObject(value[k]) && shapes.of(value[k]) === shapes.of(firstEntry))
      ? new Set(entries.slice(Math.max(1, keep)))
      : new Set<string>();
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (dropped.has(k)) continue;
    const inner = schema.map((s) => (isObject(s.properties) && Object.hasOwn(s.properties, k) ? s.properties[k] : s.additionalProperties));
    setOwn(out, k, shortExample(v, resolve(inner, schemas), schemas, shapes));
  }
  return out;
}

/**
 * The schema objects that apply at one place: `$ref`s to `components/schemas` followed, the
 * branches of `allOf`, `anyOf` and `oneOf` included (a list keeps the largest `minItems` of them).
 */
function resolve(candidates: unknown[], schemas: Json): Json[] {
  const out: Json[] = [];
  const seen = new Set<unknown>();
  const visit = (s: unknown): void => {
    if (!isObject(s) || seen.has(s)) return;
    seen.add(s);
    const ref = typeof s.$ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(s.$ref)?.[1] : undefined;
    if (ref !== undefined) return visit(Object.hasOwn(schemas, ref) ? schemas[ref] : undefined);
    out.push(s);
    for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[key])) for (const branch of s[key] as unknown[]) visit(branch);
  };
  for (const c of candidates) visit(c);
  return out;
}

/**
 * A value's structure as a number: equal numbers, equal structures. Keys (sorted) with the
 * structure of their values; a list's set of item structures; a scalar's kind, integers apart
 * from decimals; null, `[]` and `{}` each their own. Memoized per object and interned, so a
 * large example is walked once.
 */
class Shapes {
  private readonly ids = new Map<string, number>();
  private readonly known = new WeakMap<object, number>();

  of(value: unknown): number {
    if (typeof value !== "object" || value === null) return this.intern(value === null ? "null" : typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value);
    const known = this.known.get(value);
    if (known !== undefined) return known;
    const text = Array.isArray(value)
      ? `[${[...new Set(value.map((v) => this.of(v)))].sort((a, b) => a - b).join(",")}]`
      : `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${this.of((value as Json)[k])}`)
          .join(",")}}`;
    const id = this.intern(text);
    this.known.set(value, id);
    return id;
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }
}

/**
 * A response example that is word for word its schema's own `example` (a typed collection's
 * schema carries one) is not written again: every tool shows the schema's example wherever the
 * schema is used. Only then: examples that are merely alike (the same keys, other values) each
 * keep their own place, since each tells its operation's values (GitHub's collection: of 156 such
 * 2xx examples 60 held values the one kept would have replaced: another token, another count,
 * "Copilot Premium Request" shown as "Copilot AI Credits"), and an error response's message is
 * never another operation's. Examples repeated word for word are shared under
 * `components/examples` instead (shareExamples), where each place keeps its own value. Request
 * examples are never touched: a user copies them from where they are sent.
 */
function examplesOnSchemas(document: OpenApiDocument): OpenApiDocument {
  const given = (document.components as Json | undefined)?.schemas;
  const schemas: Json = isObject(given) ? given : {};
  const ownExample = (media: Json): boolean => {
    const ref = isObject(media.schema) && typeof media.schema.$ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(media.schema.$ref)?.[1] : undefined;
    const schema = ref !== undefined && Object.hasOwn(schemas, ref) ? schemas[ref] : ref === undefined ? media.schema : undefined;
    return isObject(schema) && "example" in schema && canonical(schema.example) === canonical(media.example);
  };
  return mapMedia(document, (media, _operation, place) => {
    if (place === "Request" || !("example" in media) || !ownExample(media)) return media;
    const { example: _, ...rest } = media;
    return rest;
  });
}

/**
 * An example given word for word in two or more places (one saved body for a 200 and a 400, one
 * sample in several operations) is written once under `components/examples` and referenced from
 * each media type's `examples`. Named after the schema it shows (`PetExample`, `PetListExample`
 * for an array of them), else the operation and place (`ListPetsResponseExample`): the most used
 * first, ties by content, so names never depend on item order.
 */
function shareExamples(document: OpenApiDocument): OpenApiDocument {
  const groups = new Map<string, Group<unknown> & { names: Set<string> }>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [media, place] of mediaOf(operation)) {
        if (!("example" in media) || media.example === undefined) continue;
        const key = canonical(media.example);
        const group = groups.get(key) ?? { key, value: media.example, uses: 0, names: new Set<string>() };
        group.uses++;
        for (const name of exampleNames(media, operation, place)) group.names.add(name);
        groups.set(key, group);
      }
    }
  }
  const prefix = "#/components/examples/";
  const taken = Object.keys((document.components as Json | undefined)?.examples ?? {});
  // Schema-derived names (rank 0) before operation-derived ones (rank 1), each in code-unit order.
  const candidates = (g: Group<unknown>) => [...(g as Group<unknown> & { names: Set<string> }).names].sort().map((ranked) => ranked.slice(2));
  let saved = 0;
  const names = assignNames(groups as Map<string, Group<unknown>>, prefix, candidates, taken, 0, (g, name) => {
    const saves = sharingSaves(JSON.stringify(g.value, null, 2), g.uses, name);
    if (saves > 0) saved += saves;
    return saves > 0;
  });
  // A document without `components/examples` pays for the container too.
  const container = taken.length > 0 ? 0 : EXAMPLES_CONTAINER + (document.components === undefined ? COMPONENTS_CONTAINER : 0);
  if (names.size === 0 || saved <= container) return document;
  const shared = mapMedia(document, (media) => {
    const name = "example" in media ? names.get(canonical(media.example)) : undefined;
    if (name === undefined) return media;
    const { example: _, ...rest } = media;
    const examples: Json = {};
    setOwn<unknown>(examples, name, { $ref: `${prefix}${name}` });
    return { ...rest, examples };
  });
  const values: Json = {};
  for (const [key, name] of [...names].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) setOwn<unknown>(values, name, { value: groups.get(key)!.value });
  const { schemas, responses, parameters, examples, ...rest } = (document.components ?? {}) as Json;
  const components: Json = {
    ...(schemas !== undefined ? { schemas } : {}),
    ...(responses !== undefined ? { responses } : {}),
    ...(parameters !== undefined ? { parameters } : {}),
    examples: { ...(examples as Json | undefined), ...values },
    ...rest,
  };
  return { ...shared, components: components as OpenApiDocument["components"] };
}

/** The names an example may take where it is used, ranked: its schema's (`0:PetExample`, `0:PetListExample`), then its operation's and place's (`1:GetAPetErrorExample`). */
function exampleNames(media: Json, operation: Json, place: string): string[] {
  const ref = (schema: unknown): string | undefined => (isObject(schema) && typeof schema.$ref === "string" ? /^#\/components\/schemas\/([A-Za-z0-9._-]+)$/.exec(schema.$ref)?.[1] : undefined);
  const schema = media.schema;
  const own = ref(schema) ?? (isObject(schema) && schema.type === "array" && ref(schema.items) !== undefined ? `${ref(schema.items)}List` : undefined);
  const operationName = typeof operation.operationId === "string" && operation.operationId !== "" ? safeName(pascalCase(operation.operationId)) : undefined;
  return [...(own !== undefined ? [`0:${own}Example`] : []), ...(operationName !== undefined ? [`1:${operationName}${place}Example`] : [])];
}

function count<T>(groups: Map<string, Group<T>>, value: T): void {
  if (isObject(value) && typeof value.$ref === "string") return;
  const key = canonical(value);
  const group = groups.get(key);
  if (group) group.uses++;
  else groups.set(key, { key, value, uses: 1 });
}

/**
 * Names for the groups worth sharing: most used first, ties by content. Each takes its first
 * free candidate; one that finds none stays inline (a numbered `limit4` would tell a reader
 * nothing the inline parameter does not).
 */
function assignNames<T>(
  groups: Map<string, Group<T>>,
  prefix: string,
  candidates: (g: Group<T>) => string[],
  taken: string[],
  minLength = MIN_RATIO * (prefix.length + 20),
  worth: (g: Group<T>, name: string) => boolean = () => true,
): Map<string, string> {
  const names = new Map<string, string>();
  // `valueOf`, `constructor` …: tools that look a component up in a plain object (Redocly
  // among them) find Object.prototype's member instead; such a name goes to the next candidate.
  const used = new Set([...taken, ...OBJECT_PROTOTYPE_NAMES]);
  const shared = [...groups.values()]
    .filter((g) => g.uses >= 2 && g.key.length >= minLength)
    .sort((a, b) => b.uses - a.uses || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const g of shared) {
    const name = candidates(g).find((n) => !used.has(n));
    if (name === undefined || !worth(g, name)) continue;
    used.add(name);
    names.set(g.key, name);
  }
  return names;
}

function definitions<T>(groups: Map<string, Group<T>>, names: Map<string, string>): Json {
  const out: Json = {};
  for (const [key, name] of [...names].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) setOwn<unknown>(out, name, groups.get(key)!.value);
  return out;
}

/** A component name OpenAPI allows (`[A-Za-z0-9._-]`): `site id` → `site_id`. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_") || "parameter";
}

/** `404` → `NotFound`, `4XX` → `Status4XX`, `default` → `Default`. */
function phrase(status: string): string {
  const text = STATUS_CODES[status];
  return text ? pascalCase(text) : status === "default" ? "Default" : `Status${safeName(status)}`;
}

const canonicalText = new WeakMap<object, string>();

/** JSON with object keys sorted, so equal objects are equal text whatever their key order (memoized per object). */
function canonical(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  let text = canonicalText.get(value);
  if (text === undefined) {
    text = sortedJson(value);
    canonicalText.set(value, text);
  }
  return text;
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isObject(v)) return v;
    const sorted: Json = {};
    for (const k of Object.keys(v).sort()) setOwn(sorted, k, v[k]);
    return sorted;
  });
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
