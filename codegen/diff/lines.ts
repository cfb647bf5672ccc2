/**
 * The line each JSON pointer starts on in a document's text, so a GitHub annotation sits on
 * the line a reviewer sees in the pull request's diff. JSON is read by a small scanner (one
 * pass, no tree: the `yaml` library's source-keeping parser takes seconds on GitHub's 11 MB
 * spec); YAML through the `yaml` library, which keeps source ranges.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

/** For each pointer (`#/paths/~1things/put`) found in the text, its 1-based line: a member's is its key's, an item's its own. */
export function pointerLines(text: string, file: string, pointers: Iterable<string>): Map<string, number> {
  const wanted = new Set<string>();
  for (const pointer of pointers) wanted.add(pointer);
  if (wanted.size === 0) return new Map();
  return /\.ya?ml$/i.test(file) ? yamlLines(text, wanted) : jsonLines(text, wanted);
}

/** The line of a pointer, or of its nearest ancestor the text has (the line a removal is best shown at). */
export function nearestLine(lines: Map<string, number>, pointer: string): number | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const line = lines.get(p);
    if (line !== undefined || !p.includes("/")) return line;
  }
}

/** Every ancestor of each pointer too, so nearestLine can fall back on them. */
function withAncestors(wanted: Set<string>): Set<string> {
  const all = new Set<string>(["#"]);
  for (const pointer of wanted) {
    for (let i = pointer.indexOf("/"); i !== -1; i = pointer.indexOf("/", i + 1)) all.add(pointer.slice(0, i));
    all.add(pointer);
  }
  return all;
}

const escapeSegment = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

interface Frame {
  pointer: string;
  array: boolean;
  index: number;
  /** Whether any wanted pointer lies below this container: only then are its children's pointers built. */
  open: boolean;
}

function jsonLines(text: string, wanted: Set<string>): Map<string, number> {
  const targets = withAncestors(wanted);
  const found = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  /** The pointer of the value about to start, when its container is open. */
  let next: string | undefined = "#";
  const record = (pointer: string | undefined) => {
    if (pointer !== undefined && targets.has(pointer) && !found.has(pointer)) found.set(pointer, line);
  };
  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  /** The string starting at i (a quote); leaves i after its closing quote. */
  const readString = (): string => {
    const start = i;
    let end = i;
    for (;;) {
      end = text.indexOf('"', end + 1);
      if (end === -1) {
        i = text.length;
        return "";
      }
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    i = end + 1;
    const raw = text.slice(start, end + 1);
    if (!raw.includes("\\")) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  };
  while (i < text.length) {
    skipSpace();
    if (i >= text.length) break;
    const frame = stack[stack.length - 1];
    const c = text[i]!;
    if (c === "}" || c === "]") {
      stack.pop();
      i++;
      continue;
    }
    if (c === ",") {
      i++;
      continue;
    }
    if (frame && !frame.array) {
      // A member: its key, a colon, then its value.
      if (c !== '"') return found; // not JSON after all
      const keyLine = line;
      const key = readString();
      const pointer = frame.open ? `${frame.pointer}/${escapeSegment(key)}` : undefined;
      if (pointer !== undefined && targets.has(pointer) && !found.has(pointer)) found.set(pointer, keyLine);
      skipSpace();
      if (text[i] === ":") i++;
      skipSpace();
      next = pointer;
    } else if (frame) {
      next = frame.open ? `${frame.pointer}/${frame.index}` : undefined;
      frame.index++;
      record(next);
    } else {
      record(next);
    }
    // The value.
    const v = text[i];
    if (v === "{" || v === "[") {
      stack.push({ pointer: next ?? "", array: v === "[", index: 0, open: next !== undefined && targets.has(next) });
      i++;
    } else if (v === '"') {
      readString();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  }
  return found;
}

function yamlLines(text: string, wanted: Set<string>): Map<string, number> {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  const found = new Map<string, number>();
  const lineAt = (offset: number) => counter.linePos(offset).line;
  for (const pointer of withAncestors(wanted)) {
    if (pointer === "#") continue;
    let node: unknown = document.contents;
    let offset: number | undefined;
    for (const raw of pointer.slice(2).split("/")) {
      const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
        if (!pair) {
          offset = undefined;
          break;
        }
        offset = (pair.key as Node | null)?.range?.[0];
        node = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(segment)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) {
          offset = undefined;
          break;
        }
        offset = item.range?.[0];
        node = item;
      } else {
        offset = undefined;
        break;
      }
    }
    if (offset !== undefined) found.set(pointer, lineAt(offset));
  }
  return found;
}
