/**
 * Reading one side of a diff: values with the JSON pointer where they really live. A `$ref`
 * is followed to its target, and the pointer becomes the target's, so a change inside
 * `components/schemas/User` is reported there, once per operation that uses it. `allOf`
 * members are flattened into the schema's view, each property keeping its member's pointer.
 */
import { pointerTo } from "../diagnostics.js";

/** A value and the JSON pointer (`#/…`) of where it is in its document. */
export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** One document, for reading with its `$ref`s followed. */
export class DocumentSide {
  constructor(readonly document: unknown) {}

  /** Follows `$ref`s (local ones; 32 hops at most, so a ref cycle ends) to the value they name. */
  resolve<T = unknown>(value: unknown, pointer: string): Located<T> {
    let current: Located = { value, pointer };
    for (let hops = 0; hops < 32 && isObject(current.value) && typeof current.value.$ref === "string"; hops++) {
      const ref = current.value.$ref;
      if (!ref.startsWith("#")) break;
      const target = this.lookup(ref);
      if (target === undefined) break;
      current = { value: target, pointer: ref === "#" ? "#" : `#${ref.slice(1)}` };
    }
    return current as Located<T>;
  }

  /** The child `key` of a located object, resolved. */
  child<T = unknown>(parent: Located, ...keys: (string | number)[]): Located<T> | undefined {
    let value: unknown = parent.value;
    for (const key of keys) {
      if (!isObject(value) && !Array.isArray(value)) return undefined;
      if (!Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
    if (value === undefined) return undefined;
    return this.resolve<T>(value, pointerTo(parent.pointer, ...keys));
  }

  /** The value at a local `$ref` (`#/components/schemas/X`), or undefined. */
  private lookup(ref: string): unknown {
    const path = ref.slice(1);
    if (path === "") return this.document;
    let node: unknown = this.document;
    for (const raw of path.split("/").slice(1)) {
      let segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      try {
        segment = decodeURIComponent(segment);
      } catch {
        // A `%` that is not an escape stays as it is.
      }
      if (!isObject(node) && !Array.isArray(node)) return undefined;
      if (!Object.hasOwn(node, segment)) return undefined;
      node = (node as Json)[segment];
    }
    return node;
  }

  /** What a schema says, with `allOf` members merged in and each part located. */
  schemaView(schema: Located): SchemaView {
    const view: SchemaView = { properties: new Map(), slots: new Map(), required: new Set(), pointer: schema.pointer };
    const pending: Located[] = [schema];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const current = pending.shift()!;
      if (seen.has(current.pointer) || !isObject(current.value)) continue;
      seen.add(current.pointer);
      const s = current.value;
      if (view.type === undefined && (typeof s.type === "string" || Array.isArray(s.type))) view.type = s.type as string | string[];
      if (view.format === undefined && typeof s.format === "string") view.format = s.format;
      if (view.nullable === undefined && typeof s.nullable === "boolean") view.nullable = s.nullable;
      if (view.enum === undefined && Array.isArray(s.enum)) view.enum = { value: s.enum, pointer: pointerTo(current.pointer, "enum") };
      if (view.items === undefined && s.items !== undefined) view.items = this.resolve(s.items, pointerTo(current.pointer, "items"));
      for (const key of ["anyOf", "oneOf"] as const) {
        if (view.alternatives === undefined && Array.isArray(s[key])) {
          view.alternatives = (s[key] as unknown[]).map((member, i) => this.resolve(member, pointerTo(current.pointer, key, i)));
        }
      }
      if (isObject(s.properties)) {
        for (const [name, property] of Object.entries(s.properties)) {
          if (view.properties.has(name)) continue;
          const slot = pointerTo(current.pointer, "properties", name);
          view.slots.set(name, slot);
          view.properties.set(name, this.resolve(property, slot));
        }
      }
      if (Array.isArray(s.required)) for (const name of s.required) if (typeof name === "string") view.required.add(name);
      if (Array.isArray(s.allOf)) s.allOf.forEach((member, i) => pending.push(this.resolve(member, pointerTo(current.pointer, "allOf", i))));
    }
    return view;
  }
}

/** A schema as the diff compares it. */
export interface SchemaView {
  pointer: string;
  type?: string | string[];
  format?: string;
  nullable?: boolean;
  enum?: Located<unknown[]>;
  items?: Located;
  alternatives?: Located[];
  /** Each property's schema, `$ref` followed. */
  properties: Map<string, Located>;
  /** Where each property is named (`…/properties/<name>`), before its `$ref` is followed: what field changes point at. */
  slots: Map<string, string>;
  required: Set<string>;
}

/** JSON text of a value with sorted keys and without prose (`description`, `example`, …): equal for schemas that mean the same. */
export function shapeKey(value: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): unknown => {
    if (!isObject(v) && !Array.isArray(v)) return v;
    if (seen.has(v)) return "[cycle]";
    seen.add(v);
    const out = Array.isArray(v)
      ? v.map(walk)
      : Object.fromEntries(
          Object.keys(v)
            .filter((k) => !PROSE.has(k))
            .sort()
            .map((k) => [k, walk(v[k])]),
        );
    seen.delete(v);
    return out;
  };
  return JSON.stringify(walk(value)) ?? "undefined";
}

const PROSE = new Set(["description", "summary", "title", "example", "examples", "deprecated", "externalDocs"]);
