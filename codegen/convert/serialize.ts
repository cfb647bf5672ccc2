/**
 * The converted document as JSON text of any depth and any size. `JSON.stringify` recurses (it
 * overflows the call stack a few thousand levels down) and builds one string, which V8 caps at
 * `MAX_STRING_LENGTH` (2^29 − 24 characters, about 512 MB on 64-bit Node): a 250 MB collection
 * with large examples converts to more than that. This writer keeps its own stack and hands the
 * text out in chunks, byte for byte what `JSON.stringify(value, null, 2)` would give.
 */
import { constants } from "node:buffer";

/** The longest string V8 makes; longer text exists only as chunks. */
export const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/** Chunks are cut at about this many characters: large enough to write fast, far below the cap. */
const CHUNK = 1 << 24;

/**
 * Containers this close to the root are first tried with JSON.stringify: a too-large document
 * fails there only along its few large members, while a too-deep one pays a bounded number of
 * attempts before the walk goes on by itself.
 */
const NATIVE_LEVELS = 12;

/** A container being written; `native`: whether its members may still be tried with JSON.stringify. */
type Frame =
  | { kind: "array"; items: readonly unknown[]; next: number; indent: string; native: boolean }
  | { kind: "object"; value: Record<string, unknown>; keys: string[]; next: number; indent: string; wrote: boolean; native: boolean };

/** A value as JSON.stringify sees it: through its `toJSON` when it has one (a Date). */
function jsonValue(key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

/**
 * JSON.stringify's text of `v` as it reads `level` levels down (its lines indented to there), or
 * why JSON.stringify cannot make it. The value is wrapped in
 * `level` arrays and the wrappers' own lines are cut off again, so nothing is re-indented.
 */
function stringifyAt(v: unknown, level: number): string | "too-deep" | "too-large" {
  let wrapped = v;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  let text: string;
  try {
    text = JSON.stringify(wrapped, null, 2);
  } catch (e) {
    if (e instanceof RangeError) return /call stack/i.test(e.message) ? "too-deep" : "too-large";
    throw e;
  }
  // Each wrapper opens with `[`, a newline and the next indent, and closes with a newline, its indent and `]`.
  let head = 0;
  let tail = 0;
  for (let i = 0; i < level; i++) {
    head += 2 + 2 * (i + 1);
    tail += 2 + 2 * i;
  }
  return text.slice(head, text.length - tail);
}

const omitted = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * `JSON.stringify(value, null, 2)` as a list of chunks, without recursion. Their total length may
 * pass `MAX_STRING_LENGTH`; each chunk stays below it. `rootFailed`: the caller has just seen
 * JSON.stringify fail on the whole value, and why, so it is not tried again.
 */
export function stringifyJsonChunks(value: unknown, options: { rootFailed?: "too-deep" | "too-large" } = {}): string[] {
  const chunks: string[] = [];
  // Pieces are joined once per chunk: one flat string, not a rope of millions of small ones.
  let pieces: string[] = [];
  let length = 0;
  const write = (text: string) => {
    pieces.push(text);
    length += text.length;
    if (length >= CHUNK) {
      chunks.push(pieces.join(""));
      pieces = [];
      length = 0;
    }
  };
  const stack: Frame[] = [];
  // Writes a scalar, or opens a container (its members follow from the stack).
  const open = (v: unknown, indent: string) => {
    // Near the top, a member small and shallow enough is written by JSON.stringify (natively
    // fast), indented to its place; the walk goes into those that are too large or too deep.
    const root = stack.length === 0 && v === value;
    // Below a value too deep for JSON.stringify, its members almost always are too: not tried again.
    let native = root ? options.rootFailed !== "too-deep" : stack.at(-1)!.native;
    if (typeof v === "object" && v !== null && stack.length < NATIVE_LEVELS && native && !(root && options.rootFailed)) {
      const text = stringifyAt(v, indent.length / 2);
      if (text !== "too-deep" && text !== "too-large") {
        write(text);
        return;
      }
      native = text === "too-large";
    }
    if (v === null || typeof v === "boolean") write(String(v));
    else if (typeof v === "number") write(Number.isFinite(v) ? String(v) : "null");
    else if (typeof v === "string") write(JSON.stringify(v));
    else if (typeof v === "bigint") throw new TypeError("Do not know how to serialize a BigInt");
    else if (Array.isArray(v)) {
      if (v.length === 0) write("[]");
      else {
        write("[");
        stack.push({ kind: "array", items: v, next: 0, indent, native });
      }
    } else if (typeof v === "object") {
      const keys = Object.keys(v);
      stack.push({ kind: "object", value: v as Record<string, unknown>, keys, next: 0, indent, wrote: false, native });
      write("{");
    } else write("null");
  };
  open(jsonValue("", value), "");
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const inner = `${frame.indent}  `;
    if (frame.kind === "array") {
      if (frame.next === frame.items.length) {
        stack.pop();
        write(`\n${frame.indent}]`);
        continue;
      }
      const i = frame.next++;
      write(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const item = jsonValue(String(i), frame.items[i]);
      open(omitted(item) ? null : item, inner);
      continue;
    }
    if (frame.next === frame.keys.length) {
      stack.pop();
      write(frame.wrote ? `\n${frame.indent}}` : "}");
      continue;
    }
    const key = frame.keys[frame.next++]!;
    const member = jsonValue(key, frame.value[key]);
    if (omitted(member)) continue;
    write(`${frame.wrote ? "," : ""}\n${inner}${JSON.stringify(key)}: `);
    frame.wrote = true;
    open(member, inner);
  }
  if (pieces.length > 0 || chunks.length === 0) chunks.push(pieces.join(""));
  return chunks;
}

/**
 * A document that cannot become one text: larger than `MAX_STRING_LENGTH` (`too-large`), or, as
 * YAML, nested deeper than the YAML writer's recursion reaches (`too-deep`). Its message is the
 * sentence to show the user; the caller turns it into a diagnostic on the output file.
 */
export class DocumentTextError extends Error {
  constructor(
    readonly code: "too-large" | "too-deep",
    message: string,
  ) {
    super(message);
    this.name = "DocumentTextError";
  }
}

/**
 * A document as 2-space JSON with a final newline, of any depth: JSON.stringify when it can (the
 * same bytes, fast), else the chunk writer. Longer than `maxLength` (V8's longest string), it
 * throws a `too-large` DocumentTextError naming the size.
 */
export function stringifyDocument(document: unknown, maxLength = MAX_STRING_LENGTH): string {
  let chunks: string[];
  try {
    chunks = [JSON.stringify(document, null, 2)];
  } catch (e) {
    // Too deep for JSON.stringify's recursion, or longer than a string can be.
    if (!(e instanceof RangeError)) throw e;
    chunks = stringifyJsonChunks(document, { rootFailed: /call stack/i.test(e.message) ? "too-deep" : "too-large" });
  }
  const length = chunks.reduce((n, c) => n + c.length, 0) + 1;
  if (length > maxLength) {
    throw new DocumentTextError(
      "too-large",
      `the converted document is ${grouped(length)} characters of JSON, more than the ${grouped(maxLength)} a text can hold: split the collection, or leave large examples out of it`,
    );
  }
  return `${chunks.join("")}\n`;
}

/** `1234567890` → `1,234,567,890`: sizes in messages, grouped the same in every locale. */
export const grouped = (n: number): string => n.toLocaleString("en-US");
