/**
 * Named components: a Postman collection carries no `$ref`s (openapi-to-postmanv2 inlines
 * every one), so each body and response is inferred as an anonymous shape, repeated wherever
 * the API repeats it. This stage finds identical shapes and defines each once under
 * `components/schemas`, referenced everywhere it occurs, under a name taken from where it
 * lives: the resource its path names (`/meetings/{meetingId}/registrants` → `MeetingRegistrant`),
 * the request it is the body of (`CreateMeetingRequest`), the property that holds it (`Settings`;
 * `BreakdownDiscount`, qualified by the enclosing properties, when another shape has that name).
 *
 * - Shapes are equal when their JSON is, keyword for keyword (types, formats, enums, required,
 *   descriptions, nullable), up to the order of keys and of `required`. Nothing near-identical
 *   is merged: a wrong merge would change a type a caller relies on.
 * - Every object (or array-of-objects item, or a map's object values) that is a whole request or
 *   response body gets a component. A nested object gets one when it has two properties or more (`Money`, `Range`:
 *   a type a reader looks up, and what the API's own spec most often names), or one and the
 *   document would otherwise spell it out twice or more (counted after its parents are named).
 *   A one-property object written once stays inline: `{ uid: string }` reads better there than
 *   under a name of its own.
 * - A nested object of one or two properties is one type only among the places whose property
 *   names end in one word (`owner`, `owners`' items, `primary_owner`; see `placeWord`): short
 *   shapes like `{ id }` and `{ href }` repeat by accident, and calling an invoice's `order`
 *   a `Customer` would state what the collection never does. Under another word the same shape
 *   is named and referenced apart (`Self` and `Next`, both `{ href }`); a one-property shape
 *   spelled out twice or more, under any words, is named under each. Three properties or more
 *   are one type wherever.
 * - Names depend only on content and places, never on item order: each shape's candidate names
 *   are ranked (a GET of one resource first, then other responses, requests, errors, nested
 *   properties, a success response's before a request's before an error's) and names are given in that rank, ties broken by how often a shape is used and
 *   then by a hash of its content. A name that is taken falls to the shape's next candidate,
 *   and when all are taken its most specific one is numbered (`GetMeetingError2`).
 * - Examples stay where they were (on the media type of each request and response): they are
 *   samples of one operation, not of the type, and a shared type has many operations' samples.
 */
import { createHash } from "node:crypto";
import { hasWords, pascalCase } from "../naming.js";
import type { MediaType, OpenApiDocument, Schema } from "../openapi.js";
import { getOwn, hasOwn, setOwn } from "../postman/own-keys.js";
import { RECURSION, recursionDepth } from "./schema-from-example.js";

/** A nested object written twice or more needs this many properties to be named. */
const REPEATED_MIN_PROPERTIES = 1;

/**
 * A nested object of at most this many properties (`{ id }`, `{ href }`, `{ id, name }`) is one
 * type only where it sits under one word's names (`owner` and `owners`, `billing_address` and
 * `address`): such short shapes repeat by accident, and an invoice's `order: { id }` is no
 * `Customer` because a customer's `{ id }` looks the same. Under each other word it is a type of
 * its own, named from that word's places.
 */
const SMALL_PROPERTIES = 2;

/** A nested object written once is named when it has this many properties: a type a reader looks up (`Settings`, `Address`). */
const BIG_PROPERTIES = 2;

/** How many enclosing property names a nested shape's name may be qualified by before the body's name is used. */
const MAX_QUALIFIERS = 3;

type Json = Record<string, unknown>;

interface Shape {
  hash: string;
  /** The first node seen with this shape (in document order): the component's content. */
  node: Json;
  /** Serialized length of the canonical form: a parent is always longer than its children. */
  size: number;
  /** Objects with properties can be components. */
  candidate: boolean;
  propertyCount: number;
  /**
   * The nearest candidate shapes below this one, once per occurrence, each with the property name
   * it sits under (undefined: none between it and this shape, an array body's items).
   */
  children: Child[];
  /**
   * For each cycle inside that points above this object, how many objects up (none: it stands
   * alone). A shape that points above itself is not named: its meaning depends on where it is.
   */
  needs: number[];
  /** Some cycle inside points at this very object: it is named, and the cycle is a `$ref` to it. */
  target: boolean;
}

type Child = readonly [hash: string, key: string | undefined];

interface NameChoice {
  name: string;
  /** Lower is better: 0 a GET of one resource … 5 a nested property. */
  rank: number;
}

const RANK = { resource: 0, list: 1, otherResponse: 2, request: 3, error: 4, nested: 5, fallback: 6 } as const;

/** Where a body schema sits: its media type object and the names its place suggests. */
interface Place {
  media: MediaType;
  names: NameChoice[];
  /** A name for shapes below this place (`Meeting` for the properties of a meeting). */
  context: string;
  /** Added to the rank of names offered below this place: a response's shapes win a tie with a request's. */
  bias: number;
  /**
   * The name offered to the items of a list response (a GET of a collection) held under a word
   * that names no type (`{ value: [ … ], nextLink }`, `{ data: [ … ] }`): the resource its path
   * names (`PipelineTemplate`, where the property's word gives `Value`), ranked after the list's.
   */
  element?: NameChoice;
}

/**
 * Property names that say "the contents" and whose singular names no type (`Value`, `Data`): what
 * a list holds under them is named after the resource. `items`, `results`, `records` give a name
 * that says what a list holds (`SearchCommitItem`, `Record`), and keep it.
 */
const CONTAINER_WORDS = new Set(["value", "values", "data", "content", "contents", "list", "objects", "elements"]);

const SCHEMA_LIST_KEYS = ["anyOf", "oneOf", "allOf"] as const;

/** A shape's hash: SHA-1 in base64url. */
const HASH_LENGTH = 27;

/** Returns the document with identical body shapes defined once under `components/schemas` and referenced. */
export function nameComponents(document: OpenApiDocument): OpenApiDocument {
  const places = collectPlaces(document);
  if (places.length === 0) return document;

  // 1. Hash every schema node bottom-up (hash-consing: a node's key holds its children's hashes).
  const shapes = new Map<string, Shape>();
  const hashOf = new WeakMap<object, string>();
  const intern = (node: unknown): string | undefined => {
    if (!isObject(node)) return undefined;
    const known = hashOf.get(node);
    if (known !== undefined) return known;
    // A cut `$ref` cycle: the object `up` objects above the one holding it (schema-from-example.ts).
    const up = recursionDepth(node);
    if (up !== undefined) {
      const text = JSON.stringify(["recursion", up]);
      const hash = createHash("sha1").update(text).digest("base64url");
      hashOf.set(node, hash);
      if (!shapes.has(hash)) shapes.set(hash, { hash, node, size: text.length, candidate: false, propertyCount: 0, children: [], needs: [up + 1], target: false });
      return hash;
    }
    const needSet = new Set<number>();
    const needOf = (h: string | undefined) => {
      if (h !== undefined) for (const n of shapes.get(h)!.needs) needSet.add(n);
    };
    const parts: [string, unknown][] = [];
    const children: Child[] = [];
    const nearest = (h: string | undefined, name?: string) => {
      if (h === undefined) return;
      const s = shapes.get(h)!;
      if (s.candidate) children.push([h, name]);
      else for (const [c, k] of s.children) children.push([c, k ?? name]);
    };
    let size = 2;
    for (const key of Object.keys(node).sort()) {
      const value = node[key];
      if (key === "properties" && isObject(value)) {
        const props = Object.keys(value)
          .sort()
          .map((name) => {
            const h = intern(value[name]);
            nearest(h, name);
            needOf(h);
            if (h !== undefined) size += shapes.get(h)!.size;
            return [name, h ?? JSON.stringify(value[name])];
          });
        parts.push([key, props]);
      } else if ((key === "items" || key === "additionalProperties" || key === "not") && isObject(value)) {
        const h = intern(value)!;
        nearest(h);
        needOf(h);
        size += shapes.get(h)!.size;
        parts.push([key, h]);
      } else if ((SCHEMA_LIST_KEYS as readonly string[]).includes(key) && Array.isArray(value)) {
        parts.push([
          key,
          value.map((v) => {
            const h = intern(v);
            nearest(h);
            needOf(h);
            if (h !== undefined) size += shapes.get(h)!.size;
            return h ?? JSON.stringify(v);
          }),
        ]);
      } else if (key === "required" && Array.isArray(value)) {
        parts.push([key, [...value].map(String).sort()]);
      } else {
        parts.push([key, value]);
      }
    }
    const text = JSON.stringify(parts);
    size += text.length;
    const hash = unfolded(node) ?? createHash("sha1").update(text).digest("base64url");
    hashOf.set(node, hash);
    if (!shapes.has(hash)) {
      const properties = node.properties;
      const propertyCount = isObject(properties) ? Object.keys(properties).length : 0;
      // An object of properties is one level of the cycles' count: a cycle needing one more level is this object.
      const frame = isFrame(node);
      const target = frame && needSet.has(1);
      const needs = [...needSet].sort((a, b) => a - b).flatMap((n) => (!frame ? [n] : n > 1 ? [n - 1] : []));
      shapes.set(hash, { hash, node, size, candidate: node.type === "object" && propertyCount > 0 && !hasOwn(node, "$ref") && needs.length === 0, propertyCount, children, needs, target });
    }
    return hash;
  };

  // An object that is a recursive shape once unfolded (`{ a, inner: Node }` where Node is
  // `{ a, inner: Node }`: the exporter wrote one level before its cycle mark) is that shape.
  let folding = false;
  function unfolded(node: Json): string | undefined {
    if (folding || !isFrame(node)) return undefined;
    const properties = node.properties as Json;
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const inner = isObject(child.items) && child.type === "array" ? child.items : child;
      const h = hashOf.get(inner);
      if (h === undefined || !shapes.get(h)!.target) continue;
      const mark = { [RECURSION]: 0 };
      const replaced = inner === child ? mark : { ...child, items: mark };
      folding = true;
      const alternative = intern({ ...node, properties: { ...properties, [name]: replaced } });
      folding = false;
      if (alternative === h) return h;
    }
    return undefined;
  }

  // What a shape is counted, named and referenced as where it sits under `key`: its hash, or for a
  // small shape its hash and the word its place names (SMALL_PROPERTIES). A recursive shape is
  // one type wherever it is: its cycles point at it.
  const idOf = (h: string, key: string | undefined): string => {
    const s = shapes.get(h)!;
    return s.propertyCount <= SMALL_PROPERTIES && !s.target ? `${h} ${key === undefined ? "" : placeWord(key)}` : h;
  };
  const shapeOf = (id: string): Shape => shapes.get(id.length > HASH_LENGTH ? id.slice(0, HASH_LENGTH) : id)!;

  // 2. The shapes that are whole bodies, and how often each candidate is spelled out.
  const top = new Set<string>();
  const topHashes = new Set<string>();
  const occurrences = new Map<string, number>();
  // The same, per shape whatever its place's word.
  const shapeOccurrences = new Map<string, number>();
  const uses = new Map<string, number>();
  const bump = (map: Map<string, number>, h: string, n = 1) => map.set(h, (map.get(h) ?? 0) + n);
  const spelled = (h: string, key: string | undefined, n: number) => {
    bump(occurrences, idOf(h, key), n);
    bump(shapeOccurrences, h, n);
  };
  const bodyOf = (schema: Json): string | undefined => {
    const h = hashOf.get(schema)!;
    if (shapes.get(h)!.candidate) return h;
    const element = elementOf(schema);
    const item = element !== undefined ? hashOf.get(element) : undefined;
    return item !== undefined && shapes.get(item)!.candidate ? item : undefined;
  };
  for (const place of places) {
    const h = intern(place.media.schema)!;
    const shape = shapes.get(h)!;
    const body = bodyOf(place.media.schema as unknown as Json);
    if (body !== undefined) {
      top.add(idOf(body, undefined));
      topHashes.add(body);
    }
    for (const [c, k] of shape.candidate ? [[h, undefined] as const] : shape.children) spelled(c, k, 1);
  }

  // 3. Decide which shapes are named, parents before children (a parent is longer): a shape
  // inside a named parent is written once however often the parent is used.
  const named = new Set<string>();
  const ids = new Set(occurrences.keys());
  for (const s of shapes.values()) if (s.candidate) for (const [c, k] of s.children) ids.add(idOf(c, k));
  const ordered = [...ids].sort((a, b) => shapeOf(b).size - shapeOf(a).size || compare(a, b));
  for (const id of ordered) {
    const n = occurrences.get(id) ?? 0;
    if (n === 0) continue;
    const shape = shapeOf(id);
    // A one-property body's shape stays inline where nested: Stripe's `{ value }` body is a
    // component, but the forty properties of that shape inside Customer stay `{ value?: unknown }`.
    const bodyWrapper = shape.propertyCount < 2 && topHashes.has(shape.hash) && !top.has(id);
    // A small shape spelled out twice or more (under any words) is named, once per word: each
    // place's type under its own name (`Self`, `Next`), none another word's.
    const repeated = (shapeOccurrences.get(shape.hash) ?? 0) >= 2;
    const isNamed = top.has(id) || shape.target || (!bodyWrapper && ((repeated && shape.propertyCount >= REPEATED_MIN_PROPERTIES) || shape.propertyCount >= BIG_PROPERTIES));
    if (isNamed) named.add(id);
    for (const [c, k] of shape.children) spelled(c, k, isNamed ? 1 : n);
  }

  // 4. Candidate names, from every place a named shape occurs.
  // Each name once per shape, at its best rank (a shape used in thousands of places is offered the same names thousands of times).
  const choices = new Map<string, Map<string, number>>();
  const offer = (h: string, choice: NameChoice) => {
    if (!named.has(h)) return;
    let ranks = choices.get(h);
    if (ranks === undefined) choices.set(h, (ranks = new Map()));
    const known = ranks.get(choice.name);
    if (known === undefined || choice.rank < known) ranks.set(choice.name, choice.rank);
  };
  for (const place of places) {
    const schema = place.media.schema as unknown as Json;
    const body = bodyOf(schema);
    if (body !== undefined) {
      for (const choice of place.names) offer(idOf(body, undefined), choice);
      bump(uses, idOf(body, undefined));
    }
    if (place.element !== undefined && isObject(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        if (!CONTAINER_WORDS.has(name.toLowerCase()) || !isObject(child)) continue;
        const inner = child.type === "array" && isObject(child.items) ? child.items : undefined;
        const h = inner === undefined ? undefined : hashOf.get(inner);
        if (h !== undefined && inner!.type === "object") offer(idOf(h, name), place.element);
      }
    }
    offerNested(schema, place.context, place.bias, [], undefined, undefined, (node, prop) => {
      const h = hashOf.get(node);
      return h === undefined ? undefined : idOf(h, prop);
    }, offer, uses, new Map());
  }

  // 5. Names in rank order: best candidate first, then most used, then by content.
  const taken = new Set(Object.keys(document.components?.schemas ?? {}));
  const nameOf = new Map<string, string>();
  const sorted = new Map<string, NameChoice[]>();
  const best = (h: string): NameChoice[] => {
    let list = sorted.get(h);
    if (list === undefined) {
      const ranks = choices.get(h);
      list = ranks ? sortChoices([...ranks].map(([name, rank]) => ({ name, rank }))) : [{ name: "Schema", rank: RANK.fallback }];
      sorted.set(h, list);
    }
    return list;
  };
  const queue = [...named].sort((a, b) => {
    const ca = best(a)[0]!;
    const cb = best(b)[0]!;
    return ca.rank - cb.rank || (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || compare(ca.name, cb.name) || compare(a, b);
  });
  const unplaced: string[] = [];
  for (const h of queue) {
    const free = best(h).find((c) => !taken.has(c.name));
    if (free) {
      taken.add(free.name);
      nameOf.set(h, free.name);
    } else unplaced.push(h);
  }
  // Every candidate taken: the most specific one (the operation's), numbered.
  for (const h of unplaced) {
    const base = best(h).at(-1)!.name;
    let n = 2;
    while (taken.has(`${base}${n}`)) n++;
    taken.add(`${base}${n}`);
    nameOf.set(h, `${base}${n}`);
  }

  // 6. Rewrite: each named shape once under its name, a `$ref` wherever it was (for a small
  // shape, wherever it sits under its word: `key`, the nearest enclosing property's name).
  const refTo = (id: string) => ({ $ref: `#/components/schemas/${nameOf.get(id)!}` });
  // `own`: the node is the component being written. `frames`: the objects of properties this node
  // is inside, innermost last (a cycle's count is of them).
  const rewrite = (node: unknown, own = false, frames: readonly Json[] = [], key?: string): unknown => {
    if (!isObject(node)) return node;
    const up = recursionDepth(node);
    if (up !== undefined) {
      const target = frames[frames.length - 1 - up];
      const h = target === undefined ? undefined : hashOf.get(target);
      return h !== undefined && nameOf.has(h) ? refTo(h) : {};
    }
    const h = hashOf.get(node);
    if (h !== undefined && !own && nameOf.has(idOf(h, key))) return refTo(idOf(h, key));
    const inner = isFrame(node) ? [...frames, node] : frames;
    const out: Json = {};
    for (const [k, value] of Object.entries(node)) {
      if (k === "properties" && isObject(value)) {
        const props: Json = {};
        for (const [name, child] of Object.entries(value)) setOwn(props, name, rewrite(child, false, inner, name));
        out[k] = props;
      } else if ((k === "items" || k === "additionalProperties" || k === "not") && isObject(value)) out[k] = rewrite(value, false, inner, key);
      else if ((SCHEMA_LIST_KEYS as readonly string[]).includes(k) && Array.isArray(value)) out[k] = value.map((v) => rewrite(v, false, inner, key));
      else setOwn(out, k, value);
    }
    return out;
  };
  const schemas: Record<string, Schema> = { ...(document.components?.schemas ?? {}) };
  for (const [id, name] of [...nameOf].sort(([, a], [, b]) => compare(a, b))) schemas[name] = rewrite(shapeOf(id).node, true) as Schema;

  const paths: OpenApiDocument["paths"] = {};
  const replaced = new Map(places.map((p) => [p.media, { ...p.media, schema: rewrite(p.media.schema) as Schema }]));
  for (const [path, item] of Object.entries(document.paths)) {
    const copy: Json = {};
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) {
        copy[method] = operation;
        continue;
      }
      const op = { ...operation } as Json;
      const body = op.requestBody as { content?: Record<string, MediaType> } | undefined;
      if (body?.content) op.requestBody = { ...body, content: mapContent(body.content, replaced) };
      const responses: Json = {};
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const r = response as { content?: Record<string, MediaType> };
        setOwn<unknown>(responses, status, r.content ? { ...r, content: mapContent(r.content, replaced) } : r);
      }
      op.responses = responses;
      copy[method] = op;
    }
    setOwn<unknown>(paths as Json, path, copy);
  }
  const { schemas: _own, ...otherComponents } = document.components ?? {};
  return { ...document, paths, components: { schemas: sortedRecord(schemas), ...otherComponents } };
}

function mapContent(content: Record<string, MediaType>, replaced: Map<MediaType, MediaType>): Record<string, MediaType> {
  const out: Record<string, MediaType> = {};
  for (const [media, value] of Object.entries(content)) setOwn(out, media, replaced.get(value) ?? value);
  return out;
}

/**
 * Offers names to the named shapes below a body: the property that holds them (singular under an
 * array), then that name qualified by the enclosing properties, one more at a time (`Discount`,
 * `BreakdownDiscount`, `TotalDetailsBreakdownDiscount`), then by the body's own name.
 */
function offerNested(
  node: Json,
  context: string,
  bias: number,
  chain: string[],
  key: string | undefined,
  prop: string | undefined,
  idOf: (node: Json, prop: string | undefined) => string | undefined,
  offer: (id: string, choice: NameChoice) => void,
  uses: Map<string, number>,
  seen: Map<object, Set<string | undefined>>,
): void {
  // A shared subtree is walked once per place and property: its names are the same each time.
  let props = seen.get(node);
  if (props === undefined) seen.set(node, (props = new Set()));
  if (props.has(prop)) return;
  props.add(prop);
  const h = idOf(node, prop);
  let below = chain;
  if (key !== undefined && h !== undefined && node.type === "object") {
    const local = typeName(key);
    for (let j = 0; j <= Math.min(chain.length, MAX_QUALIFIERS); j++) offer(h, { name: `${chain.slice(chain.length - j).join("")}${local}`, rank: RANK.nested + j / 10 + bias });
    offer(h, { name: `${context}${chain.join("")}${local}`, rank: RANK.nested + 0.9 + bias });
    uses.set(h, (uses.get(h) ?? 0) + 1);
    below = [...chain, local];
  }
  if (isObject(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) if (isObject(child)) offerNested(child, context, bias, below, name, name, idOf, offer, uses, seen);
  }
  if (isObject(node.items)) offerNested(node.items, context, bias, chain, key === undefined ? undefined : singular(key), prop, idOf, offer, uses, seen);
  if (isObject(node.additionalProperties)) offerNested(node.additionalProperties, context, bias, chain, key === undefined ? undefined : `${key} value`, prop, idOf, offer, uses, seen);
  for (const list of SCHEMA_LIST_KEYS) {
    const value = node[list];
    if (Array.isArray(value)) for (const v of value) if (isObject(v)) offerNested(v, context, bias, chain, key, prop, idOf, offer, uses, seen);
  }
}

/** Words that end a property name without naming what it holds (`created_by`, `ship_to`). */
const LINKING_WORDS = new Set(["by", "to", "of", "at", "in", "on", "for", "from", "with", "as", "per", "via"]);

/**
 * The word a property name says its value is, which small shapes are grouped by: its last word,
 * singular and in lower case (`billing_address`, `Addresses` and `address` → `address`), or the
 * whole name when that word links rather than names (`ship_to` → `shipto`).
 */
export function placeWord(key: string): string {
  let word = placeWords.get(key);
  if (word === undefined) {
    word = readPlaceWord(key);
    if (placeWords.size > 10_000) placeWords.clear();
    placeWords.set(key, word);
  }
  return word;
}

const placeWords = new Map<string, string>();

function readPlaceWord(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((w) => w !== "");
  const last = words.at(-1);
  if (last === undefined) return key;
  return LINKING_WORDS.has(last) ? words.join("") : singular(last);
}

const typeNames = new Map<string, string>();

/** A property name as a type name (`join_url` → `JoinUrl`); memoized, as keys repeat across a whole API. */
function typeName(key: string): string {
  let name = typeNames.get(key);
  if (name === undefined) {
    name = hasWords(key) ? pascalCase(key) : "Value";
    if (typeNames.size > 10_000) typeNames.clear();
    typeNames.set(key, name);
  }
  return name;
}

/** Every request and response body schema in the document, with the names its place suggests. */
function collectPlaces(document: OpenApiDocument): Place[] {
  const places: Place[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      const op = pascalCase(typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`);
      const resource = resourceName(path);
      const endsWithParameter = /\}$/.test(path);
      const body = operation.requestBody as { content?: Record<string, MediaType> } | undefined;
      for (const media of Object.values(body?.content ?? {})) {
        if (isObject(media.schema)) places.push({ media, names: [{ name: `${op}Request`, rank: RANK.request }], context: op, bias: 0.05 });
      }
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        const content = (response as { content?: Record<string, MediaType> }).content;
        if (!content) continue;
        const success = /^2/.test(status);
        for (const media of Object.values(content)) {
          if (!isObject(media.schema)) continue;
          const schema = media.schema as Json;
          const names: NameChoice[] = [];
          if (!success) names.push({ name: "Error", rank: RANK.error }, { name: `${op}Error`, rank: RANK.error + 0.5 });
          // What a DELETE answers is not the resource (a confirmation, a deleted stub): named by the operation.
          else if (resource === undefined || method === "delete") names.push({ name: `${op}Response`, rank: RANK.otherResponse });
          else if (method === "get" && !endsWithParameter && elementOf(schema) === undefined) names.push({ name: `${resource}List`, rank: RANK.list }, { name: `${op}Response`, rank: RANK.list + 0.5 });
          else names.push({ name: resource, rank: method === "get" ? RANK.resource : RANK.otherResponse }, { name: `${op}Response`, rank: RANK.otherResponse + 0.5 });
          const element = names[0]!.rank === RANK.list ? { name: resource!, rank: RANK.list + 0.25 } : undefined;
          places.push({ media, names, context: success && resource !== undefined ? resource : op, bias: success ? 0 : 0.07, ...(element ? { element } : {}) });
        }
      }
    }
  }
  return places;
}

/**
 * The resource a path names: its last two literal segments, singular
 * (`/meetings/{meetingId}/registrants` → `MeetingRegistrant`, `/v1/customers/{customer}` →
 * `Customer`). RPC-style paths (`/conversations.list`) and paths with no literal segment name
 * none: their bodies are named by operation.
 */
export function resourceName(path: string): string | undefined {
  const literal = path
    .split("/")
    .filter((s) => s !== "" && !s.includes("{") && !/^v\d+(\.\d+)*$/i.test(s) && s.toLowerCase() !== "api");
  const last = literal.at(-1);
  if (last === undefined || /[.#]/.test(last)) return undefined;
  const name = pascalCase(literal.slice(-2).map(singular).join(" "));
  return name === "Operation" ? undefined : name;
}

/** An English plural's singular, for resource names (`registrants` → `registrant`, `policies` → `policy`). */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined) return word.charAt(0) + irregular.slice(1);
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/.test(lower)) return word.slice(0, -2);
  if (/(ss|us|is|ys)$/.test(lower) || !/s$/.test(lower)) return word;
  return word.slice(0, -1);
}

/** Plurals the rules below get wrong, and words that are their own plural. */
const IRREGULAR = new Map([
  ["statuses", "status"],
  ["aliases", "alias"],
  ["analyses", "analysis"],
  ["indices", "index"],
  ["people", "person"],
  ["children", "child"],
  ["series", "series"],
  ["species", "species"],
  ["news", "news"],
  ["data", "data"],
  ["metadata", "metadata"],
]);

function sortChoices(choices: NameChoice[]): NameChoice[] {
  return [...choices].sort((a, b) => a.rank - b.rank || compare(a.name, b.name));
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort(compare)) setOwn(out, key, getOwn(record, key)!);
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a body holds many of: an array's items, or a map's values (an object of
 * `additionalProperties` and no properties: users by id). That element is named as the body's
 * items are (`GET /users` → `User`), never by the fallback `Schema`.
 */
function elementOf(schema: Json): Json | undefined {
  if (schema.type === "array") return isObject(schema.items) ? schema.items : undefined;
  const map = schema.type === "object" && isObject(schema.additionalProperties) && !(isObject(schema.properties) && Object.keys(schema.properties).length > 0);
  return map ? (schema.additionalProperties as Json) : undefined;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** An object schema of properties: one level of a cycle's count (schema-from-example.ts counts the same objects). */
const isFrame = (node: Json): boolean => node.type === "object" && isObject(node.properties) && Object.keys(node.properties).length > 0;
