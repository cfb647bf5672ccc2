/**
 * Schemas inferred from example values. Several samples of the same thing are merged: a
 * property present in every one of two or more samples is required (where the caller asks for
 * required flags: one sample cannot tell a required property from an optional one it shows),
 * one missing from some is optional, and samples of different kinds become an `anyOf`.
 *
 * Exporters that write types instead of values (openapi-to-postmanv2's `<string>`, `<long>`,
 * `<dateTime>` …) are read as those types; a placeholder is never an example.
 */
import { describePath, EXAMPLE_DEPTH_LIMIT, findTooDeep } from "../limits.js";
import type { Schema } from "../openapi.js";
import { hasOwn, setOwn } from "../postman/own-keys.js";

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

interface Sample {
  kind: Kind;
  value: unknown;
  /** Which of the values given to `inferSchema` this sample comes from (array items share their array's). */
  origin: number;
  /** Set when the sample is a placeholder naming a format (`<uuid>` → uuid). */
  format?: string;
  placeholder?: boolean;
}

/** openapi-to-postmanv2's placeholders, by the name between the angle brackets. */
const PLACEHOLDERS: Record<string, [Exclude<Kind, "null">, string?]> = {
  string: ["string"],
  integer: ["integer"],
  // openapi-to-postmanv2 writes an integer's int32 and int64 as `<integer>` and `<long>`, and a
  // format its type has no name for as `<format>` (lib/deref.js, typesMap): a bare `<int32>` or
  // `<int64>` is a number's or a string's. `<int32>` is taken as a number (a spec's `type: number,
  // format: int32`; 32-bit integers are rarely sent as text), `<int64>` as a string (Google's
  // discovery specs send 64-bit integers as decimal text, and are most of them).
  int32: ["number", "int32"],
  int64: ["string", "int64"],
  long: ["integer", "int64"],
  number: ["number"],
  float: ["number", "float"],
  double: ["number", "double"],
  boolean: ["boolean"],
  dateTime: ["string", "date-time"],
  "date-time": ["string", "date-time"],
  date: ["string", "date"],
  uuid: ["string", "uuid"],
  email: ["string", "email"],
  uri: ["string", "uri"],
  url: ["string", "uri"],
  byte: ["string", "byte"],
  binary: ["string", "binary"],
  password: ["string", "password"],
  object: ["object"],
  array: ["array"],
  // String formats openapi-to-postmanv2 writes as `<format>` too.
  time: ["string", "time"],
  duration: ["string", "duration"],
  hostname: ["string", "hostname"],
  ipv4: ["string", "ipv4"],
  ipv6: ["string", "ipv6"],
  "uri-reference": ["string", "uri-reference"],
  "uri-template": ["string", "uri-template"],
  iri: ["string", "iri"],
  "iri-reference": ["string", "iri-reference"],
  "idn-email": ["string", "idn-email"],
  "idn-hostname": ["string", "idn-hostname"],
  "json-pointer": ["string", "json-pointer"],
  regex: ["string", "regex"],
};
const PLACEHOLDER = /^<([A-Za-z0-9-]+)>$/;
/** `<type-format>`: openapi-to-postmanv2's placeholder for a type with a format it has no name for (`<integer-int32>`, `<string-cidr>`). */
const TYPED_PLACEHOLDER = /^<(string|integer|number|boolean)-([A-Za-z0-9-]+)>$/;
/** `<string,number>`, `<boolean,null>`: openapi-to-postmanv2 6's placeholder for an OpenAPI 3.1 type list. */
const LIST_PLACEHOLDER = /^<((?:string|integer|number|boolean|object|array|null)(?:,(?:string|integer|number|boolean|object|array|null))+)>$/;
/** Values openapi-to-postmanv2 writes where it could not make one: `<Error: Not supported in OAS>`, `<Circular reference to #/… detected>`. */
const NO_VALUE_PLACEHOLDER = /^<(Error: .*|Circular reference to .* detected)>$/s;
/**
 * Where openapi-to-postmanv2 stops expanding a schema (too deep, or a `$ref` cycle) it writes
 * `{ "value": "<Error: Too many levels of nesting to fake this schema>" }` (or the circular
 * reference text), with the schema's `description` beside it when it has one, in place of the
 * whole value: those keys are the exporter's, not the API's.
 */
const CUT_PLACEHOLDER = /^<(Error: Too many levels of nesting.*|Circular reference to .* detected)>$/s;

/**
 * The schema a placeholder like `<long>` stands for, or undefined when the text is a value. A
 * placeholder that stands for no value at all (`<Error: …>`) is `{}`: any type, never an example.
 */
export function placeholderSchema(text: string): Schema | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith("<")) return undefined;
  if (NO_VALUE_PLACEHOLDER.test(trimmed)) return {};
  const kinds = placeholderKinds(trimmed);
  if (kinds) {
    const nullable = kinds.includes("null") ? { nullable: true } : {};
    const types = kinds.filter((k): k is Exclude<Kind, "null"> => k !== "null");
    // Null alone says nothing of a type (3.0's `nullable` needs one beside it): any value.
    if (types.length === 0) return {};
    return types.length === 1 ? { type: types[0]!, ...nullable } : { anyOf: types.map((type) => ({ type, ...nullable })) };
  }
  const typed = TYPED_PLACEHOLDER.exec(trimmed);
  if (typed) return { type: typed[1] as Exclude<Kind, "null" | "array" | "object">, format: typed[2]! };
  const match = PLACEHOLDER.exec(trimmed);
  // Own names only: `<constructor>` is text, not Object.prototype's member.
  const known = match && hasOwn(PLACEHOLDERS, match[1]!) ? PLACEHOLDERS[match[1]!] : undefined;
  if (!known) return undefined;
  return known[1] ? { type: known[0], format: known[1] } : { type: known[0] };
}

/** The types a `<null>` or `<string,number>` placeholder names, or undefined for any other text. */
function placeholderKinds(text: string): Kind[] | undefined {
  if (text === "<null>") return ["null"];
  const list = LIST_PLACEHOLDER.exec(text);
  return list ? [...new Set(list[1]!.split(",") as Kind[])] : undefined;
}

/**
 * A placeholder that stands for no value (`<Error: …>`, or the exporter's `{ "value": "<Error: Too
 * many levels …>" }` stand-in for an object it did not expand): counted as absent, never as a sample.
 */
const isNoValue = (v: unknown): boolean => (typeof v === "string" && v.startsWith("<") && NO_VALUE_PLACEHOLDER.test(v.trim())) || isCutObject(v);

/** The exporter's stand-in: `value` holding the cut text, and maybe the cut schema's `description`. */
const CIRCULAR = /^<Circular reference to .* detected>$/s;

/** Whether a value is the exporter's mark of a `$ref` cycle (`<Circular reference to #/… detected>`, bare or as the stand-in object). */
function isCircular(v: unknown): boolean {
  if (typeof v === "string") return CIRCULAR.test(v.trim());
  return isCutObject(v) && CIRCULAR.test(String((v as { value: unknown }).value).trim());
}

/**
 * A schema that stands for an enclosing object of the same body, where the exporter cut a `$ref`
 * cycle: `{ [RECURSION]: n }` is the object n objects up from the one holding it (0: that
 * object itself). It prints as `{}` (any value) until `nameComponents` turns it into a `$ref` to
 * that object's component.
 */
export const RECURSION: unique symbol = Symbol("recursion");

/** The number of objects up a recursion schema points to, or undefined for any other schema. */
export function recursionDepth(schema: unknown): number | undefined {
  if (typeof schema !== "object" || schema === null) return undefined;
  const n = (schema as { [RECURSION]?: unknown })[RECURSION];
  return typeof n === "number" ? n : undefined;
}

/**
 * Where a value sits: the property names under which each enclosing object sits (outermost
 * first; the body's own object under none), and its own property name.
 */
interface Position {
  frames: readonly (string | undefined)[];
  key: string | undefined;
  /** Below a map's values no cycle is resolved: a map is an object of no properties, no frame of its own. */
  blocked?: boolean;
  /** The body is an array and this is inside its items' object (no object holds the items). */
  arrayBody?: boolean;
}

const ROOT: Position = { frames: [], key: undefined };

/**
 * The object a cycle mark at `position` stands for, as a count of objects up, or undefined. The
 * exporter marks a `$ref` that is already being expanded, so the mark is one of its enclosing
 * objects; it is taken to be the nearest that sits under the same property name as the mark
 * (`{ inner: { inner: <mark> } }`: the inner object holds itself; `children` items in a
 * `children` item). A mark straight in the body's own object is that object: it is the only
 * object the exporter is expanding there (unless the body is an array, whose schema is as much
 * on the exporter's stack as its items'). Under a name no enclosing object has, the mark stays
 * any type: which enclosing object it names is then a guess.
 */
function cycleTarget(position: Position): number | undefined {
  const { frames, key } = position;
  if (frames.length === 0 || position.blocked) return undefined;
  if (frames.length === 1) return position.arrayBody ? undefined : 0;
  for (let i = frames.length - 1; i >= 0; i--) if (frames[i] === key) return frames.length - 1 - i;
  return undefined;
}

function isCutObject(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const { value, description, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (description !== undefined && typeof description !== "string")) return false;
  return typeof value === "string" && CUT_PLACEHOLDER.test(value.trim());
}

/** True when a value holds a placeholder anywhere: such a value is a template, not an example. Walks without recursion. */
export function hasPlaceholder(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string" && placeholderSchema(v) !== undefined) return true;
    if (typeof v === "object" && v !== null) for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return false;
}

/** Whether an object anywhere in the value has a `$ref` key of its own. Walks without recursion. */
export function hasRefKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (!Array.isArray(v) && hasOwn(v, "$ref")) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return false;
}

function sampleOf(v: unknown, origin: number): Sample {
  if (v === null) return { kind: "null", value: v, origin };
  if (Array.isArray(v)) return { kind: "array", value: v, origin };
  if (typeof v === "number") return { kind: Number.isInteger(v) ? "integer" : "number", value: v, origin };
  if (typeof v === "boolean") return { kind: "boolean", value: v, origin };
  if (typeof v === "object") return { kind: "object", value: v, origin };
  const placeholder = typeof v === "string" ? placeholderSchema(v) : undefined;
  if (placeholder) return { kind: placeholder.type!, value: v, origin, placeholder: true, ...(placeholder.format ? { format: placeholder.format } : {}) };
  return { kind: "string", value: v, origin };
}

/**
 * The keys json-schema-faker (inside openapi-to-postmanv2) makes up for a map's entries
 * (`additionalProperties`): `key_0`, `key_1` … in 6.x; a lorem ipsum word and a short random
 * suffix (`minim_bd`, `Ut_96f`, `in8`) in 4.x.
 */
const NUMBERED_KEY = /^key_\d+$/;
const LOREM_SUFFIX = /^_?[_a-f\d]{1,3}$/;
const LOREM_WORDS = new Set(
  (
    "Lorem ipsum dolor sit amet consectetur adipisicing elit sed do eiusmod tempor incididunt ut labore et dolore " +
    "magna aliqua Ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo " +
    "consequat Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur " +
    "Excepteur sint occaecat cupidatat non proident sunt in culpa qui officia deserunt mollit anim id est laborum"
  ).split(" "),
);

/**
 * Whether an object's keys are all made up by the exporter: every key `key_N`, or every key a
 * lorem ipsum word with a suffix, one suffix at least holding a digit or `_` (so a real `add`
 * or `idea` is a property, not a map), and either two different words among them or a suffix
 * that is no counter (`minim_bd`, `Ut_96f`). json-schema-faker draws a word and a suffix at
 * random for each key; an API numbers its own keys (`eu1`, `eu2`; `in1`, `in2`; `id_1`, `id_2`),
 * and those are properties.
 */
function isGeneratedMap(keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  if (keys.every((k) => NUMBERED_KEY.test(k))) return true;
  let marked = false;
  let random = false;
  const words = new Set<string>();
  for (const key of keys) {
    // The word may end in a letter the suffix could start with (`ad` + `ff_`): every split is tried.
    let split: [string, string] | undefined;
    for (let i = key.length - 1; i >= Math.max(1, key.length - 4) && split === undefined; i--) {
      if (LOREM_WORDS.has(key.slice(0, i)) && LOREM_SUFFIX.test(key.slice(i))) split = [key.slice(0, i), key.slice(i)];
    }
    if (split === undefined) return false;
    const [word, suffix] = split;
    words.add(word.toLowerCase());
    if (/[_\d]/.test(suffix)) marked = true;
    if (!/^_?\d*_?$/.test(suffix)) random = true;
  }
  return marked && (words.size >= 2 || random);
}

const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A number of five digits or more: an id (`4578152156`, `10001`). Shorter ones are often an API's fixed keys (`0`, `1`, `2`; sizes `16`, `32`, `64`; years), which specs declare as properties. */
const NUMERIC_ID_KEY = /^\d{5,}$/;
/** An identifier in capitals and digits: 8 characters or more, a capital first, a capital after a digit (`U02UCPE1R`, `W058CJVAA`). */
const CAPITAL_ID_KEY = /^[A-Z][A-Z\d]*\d[A-Z][A-Z\d]*$/;
const CAPITAL_ID_MIN_LENGTH = 8;

/**
 * Whether an object's keys are identifiers, so the object is a map from ids to values of one kind
 * (`additionalProperties`), not an object of named properties: every key a UUID, or every key
 * five digits or more (`"4578152156"`), or every key an id of one shape: the same length, 8
 * characters or more, capitals and digits with a capital after a digit (Slack's users by id:
 * `U02UCPE1R`, `U0632EWRW`, `W058CJVAA`); and the values all of one JSON type. A property name is
 * a word: `ISO3166`, `X509`, `SHA256`, `P50`/`P90`/`P95` or `UDF1`/`UDF2` stay properties (no
 * capital after a digit, or shorter than 8), and so do small numbers (`0`, `1`; `16`, `32`, `64`;
 * years), which real specs declare as properties. An id would otherwise become a property, and a
 * component named after one user's id.
 */
export function isIdKeyedMap(keys: readonly string[], objects: readonly Record<string, unknown>[]): boolean {
  if (keys.length === 0) return false;
  const ids =
    keys.every((k) => UUID_KEY.test(k)) ||
    keys.every((k) => NUMERIC_ID_KEY.test(k)) ||
    keys.every((k) => k.length === keys[0]!.length && k.length >= CAPITAL_ID_MIN_LENGTH && CAPITAL_ID_KEY.test(k));
  if (!ids) return false;
  const kinds = new Set<string>();
  for (const o of objects) for (const v of Object.values(o)) if (v !== null && v !== undefined && !isNoValue(v)) kinds.add(Array.isArray(v) ? "array" : typeof v);
  return kinds.size <= 1;
}

const FORMATS: [string, RegExp][] = [
  ["date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/],
  ["date", /^\d{4}-\d{2}-\d{2}$/],
  ["uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ["email", /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i],
  ["uri", /^https?:\/\/[^\s]+$/],
];

export interface InferOptions {
  /**
   * Mark properties seen in every sample as required, when at least two of the values given
   * (saved examples) show them. Right for responses (what always comes back); wrong for a
   * request example, which shows what was sent, not what must be.
   */
  required: boolean;
  /**
   * Which saved example each value stands for, when that is not its position: openapi-to-postmanv2 6
   * writes one saved response per example of one documented response, all under that response's
   * name, and examples of one response written from one schema are no more apart than the items
   * of one array.
   */
  origins?: readonly number[];
}

/** A value to infer from and which of the given values it comes from. */
type Sourced = { v: unknown; origin: number };

/**
 * Infers one schema that every sample fits. No samples, or only nulls, give `{}` (anything).
 * Values nested deeper than `EXAMPLE_DEPTH_LIMIT` levels are typed `{}` too: the callers warn
 * (`findTooDeep`), and the recursion here never goes deeper than that limit.
 */
export function inferSchema(values: readonly unknown[], options: InferOptions = { required: true }): Schema {
  return inferAt(values.map((v, i) => ({ v, origin: options.origins?.[i] ?? i })), options, 1, ROOT);
}

function inferAt(values: readonly Sourced[], options: InferOptions, depth: number, position: Position): Schema {
  if (depth > EXAMPLE_DEPTH_LIMIT) return {};
  const byKind = new Map<Kind, Sample[]>();
  let circular = false;
  // The cut schema's own description, where the exporter's stand-in carries one.
  const described = new Set<string>();
  for (const { v, origin } of values) {
    if (v !== undefined && isCircular(v)) circular = true;
    if (isCutObject(v)) {
      const text = (v as { description?: string }).description?.trim();
      if (text) described.add(text);
    }
    if (v === undefined || isNoValue(v)) continue;
    // `<string,null>` stands for a value of any of its types: one placeholder sample of each.
    const kinds = typeof v === "string" && v.startsWith("<") ? placeholderKinds(v.trim()) : undefined;
    if (kinds) {
      for (const kind of kinds) {
        const s: Sample = { kind, value: kind === "null" ? null : v, origin, placeholder: true };
        const same = byKind.get(kind);
        if (same) same.push(s);
        else byKind.set(kind, [s]);
      }
      continue;
    }
    const s = sampleOf(v, origin);
    const same = byKind.get(s.kind);
    if (same) same.push(s);
    else byKind.set(s.kind, [s]);
  }
  const nullable = byKind.delete("null");
  if (byKind.has("integer") && byKind.has("number")) {
    byKind.set("number", [...byKind.get("number")!, ...byKind.get("integer")!]);
    byKind.delete("integer");
  }
  const schemas = [...byKind].map(([kind, samples]) => schemaOfKind(kind as Exclude<Kind, "null">, samples, options, depth, position));
  // One description the stand-ins agree on is the schema's (two different ones: which is this one's is unknown).
  const description = described.size === 1 ? { description: [...described][0]! } : {};
  if (schemas.length === 0) {
    // Only cycle marks here (no real sample): the enclosing object they stand for, when certain.
    const up = circular && !nullable ? cycleTarget(position) : undefined;
    return up === undefined ? description : ({ [RECURSION]: up } as Schema);
  }
  // OpenAPI 3.0's `nullable` needs a `type` beside it: in a union, each branch says it.
  if (schemas.length > 1) return { anyOf: nullable ? schemas.map((s) => ({ ...s, nullable: true })) : schemas, ...description };
  const schema = schemas[0]!;
  if (nullable) schema.nullable = true;
  if (description.description !== undefined && schema.description === undefined) schema.description = description.description;
  return schema;
}

function schemaOfKind(kind: Exclude<Kind, "null">, samples: Sample[], options: InferOptions, depth: number, position: Position): Schema {
  const real = samples.filter((s) => !s.placeholder);
  const hinted = [...new Set(samples.filter((s) => s.placeholder).map((s) => s.format ?? ""))];
  const hintedFormat = hinted.length === 1 && hinted[0] ? hinted[0] : undefined;
  switch (kind) {
    case "object": {
      const objects = real.map((s) => s.value as Record<string, unknown>);
      // A `$ref` key would read as a reference to every OpenAPI tool downstream.
      const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].filter((k) => k !== "$ref");
      // A map the exporter filled with made-up keys: its values are samples of one value schema.
      // A map keyed by ids (`{ "U02UCPE1R": {…}, "U0632EWRW": {…} }`) is one too.
      if (isGeneratedMap(keys) || isIdKeyedMap(keys, objects)) {
        const values = real.flatMap((s) => Object.values(s.value as Record<string, unknown>).map((v) => ({ v, origin: s.origin })));
        return { type: "object", additionalProperties: inferAt(values, options, depth + 1, { ...position, blocked: true }) };
      }
      // Keys are the example's own: `constructor` or `__proto__` are properties like any other.
      const own = (o: Record<string, unknown>, key: string) => (hasOwn(o, key) ? o[key] : undefined);
      const properties: Record<string, Schema> = {};
      const frames = [...position.frames, position.key];
      for (const key of keys) setOwn(properties, key, inferAt(real.map((s) => ({ v: own(s.value as Record<string, unknown>, key), origin: s.origin })), options, depth + 1, { frames, key, blocked: position.blocked, arrayBody: position.arrayBody }));
      // Only real samples say what always comes back: a template of placeholders (`"<string>"`) is
      // what a schema allows, and a property written `<Error: …>` is not there. And one example
      // cannot tell a required property from an optional one it happens to show (exporters fill
      // in every optional property): it takes two saved examples, apart, that both carry it.
      // Items of one array are not apart: a generator writes them from one schema.
      const realSamples = options.required ? real.filter((s) => !hasPlaceholder(s.value)) : [];
      const apart = new Set(realSamples.map((s) => s.origin)).size >= 2;
      const realObjects = apart ? realSamples.map((s) => s.value as Record<string, unknown>) : [];
      // A null shows the key, not that a value always comes back (`"action": null` where the spec has it optional).
      const required = keys.filter((key) => realObjects.length > 0 && realObjects.every((o) => own(o, key) !== undefined && own(o, key) !== null && !isNoValue(own(o, key))));
      const schema: Schema = { type: "object" };
      if (keys.length > 0) schema.properties = properties;
      if (required.length > 0) schema.required = required;
      return schema;
    }
    case "array":
      return {
        type: "array",
        items: inferAt(real.flatMap((s) => (s.value as unknown[]).map((v) => ({ v, origin: s.origin }))), options, depth + 1, position.frames.length === 0 ? { ...position, arrayBody: true } : position),
      };
    case "string": {
      const strings = real.map((s) => s.value as string);
      const detected = strings.length > 0 ? FORMATS.find(([, re]) => strings.every((s) => re.test(s)))?.[0] : undefined;
      const format = hintedFormat && (!detected || detected === hintedFormat) ? hintedFormat : real.length > 0 && hinted.length === 0 ? detected : hintedFormat;
      return format ? { type: "string", format } : { type: "string" };
    }
    default:
      return hintedFormat ? { type: kind, format: hintedFormat } : { type: kind };
  }
}

/**
 * Why an example value cannot be kept whole, or undefined when it can: one nested deeper than
 * `EXAMPLE_DEPTH_LIMIT` gets a schema cut at that level and is left out of the examples (a
 * document holding it could not be printed or typed without overflowing the call stack).
 */
export function exampleTooDeep(value: unknown, what: string): string | undefined {
  const path = findTooDeep(value, EXAMPLE_DEPTH_LIMIT);
  return path ? tooDeepMessage(what, path) : undefined;
}

/** The `too-deep` warning for an example: what it is, and the path inside it where the limit was met. */
export function tooDeepMessage(what: string, path: readonly (string | number)[]): string {
  return `${what} is nested more than ${EXAMPLE_DEPTH_LIMIT} levels deep (at ${describePath(path)}); below that level its schema allows any value, and it was left out of the examples`;
}

/** What a text value (a form field, a query parameter) holds, read the way a person would. */
export interface TextValue {
  schema: Schema;
  /** The value typed like its schema; undefined for a placeholder. */
  value: unknown;
  /** True when the text is a JSON object or array, to be sent as JSON text. */
  json: boolean;
  /** Where the JSON is nested too deep to keep as an example (see `exampleTooDeep`). */
  tooDeep?: (string | number)[];
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const DECIMAL = /^-?(0|[1-9][0-9]*)\.[0-9]+([eE][+-]?[0-9]+)?$/;

/**
 * `"true"`/`"false"` are booleans, a canonical digit string is an integer, a decimal is a
 * number, a placeholder is its type, JSON object or array text (when `allowJson`) is that
 * JSON, and anything else is a string.
 */
export function inferFromText(text: string, allowJson: boolean): TextValue {
  const trimmed = text.trim();
  const placeholder = placeholderSchema(trimmed);
  if (placeholder) return { schema: placeholder, value: undefined, json: false };
  if (trimmed === "true" || trimmed === "false") return { schema: { type: "boolean" }, value: trimmed === "true", json: false };
  if (INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    return { schema: { type: "integer" }, value: Number(trimmed), json: false };
  }
  if (DECIMAL.test(trimmed) && Number.isFinite(Number(trimmed))) return { schema: { type: "number" }, value: Number(trimmed), json: false };
  if (allowJson && /^[[{]/.test(trimmed)) {
    try {
      const value: unknown = JSON.parse(trimmed);
      const schema = inferSchema([value], { required: false });
      const tooDeep = findTooDeep(value, EXAMPLE_DEPTH_LIMIT);
      if (tooDeep) return { schema, value: undefined, json: true, tooDeep };
      // A `$ref` key inside an example would read as a reference to OpenAPI tools.
      return { schema, value: hasPlaceholder(value) || hasRefKey(value) ? undefined : value, json: true };
    } catch {
      // Not JSON after all: a string that happens to start with a bracket.
    }
  }
  return { schema: { type: "string" }, value: text, json: false };
}
