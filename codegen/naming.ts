/**
 * Every identifier the generator invents is made here, from content only, so the same
 * collection always gives the same names and clashes are settled in one place.
 */

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval").split(" "),
);

/** Splits text into words: at non-alphanumerics and at lower→upper case steps; apostrophes join. */
function words(text: string): string[] {
  return text
    .replace(/['’`]/g, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([0-9])([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** `Update registrant's status` → `updateRegistrantsStatus`; always a valid identifier. */
export function camelCase(text: string): string {
  const [first = "operation", ...rest] = words(text);
  const name = first.toLowerCase() + rest.map(capitalize).join("");
  return safeIdentifier(name);
}

/** `updateRegistrantsStatus` → `UpdateRegistrantsStatus`. */
export function pascalCase(text: string): string {
  return safeIdentifier(words(text).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("") || "Operation");
}

/** A tag or collection name as a file or folder name: `Zoom Rooms` → `zoom-rooms`. */
export function kebabCase(text: string): string {
  return words(text).map((w) => w.toLowerCase()).join("-") || "default";
}

function safeIdentifier(name: string): string {
  if (/^[0-9]/.test(name)) return `op${name}`;
  if (RESERVED.has(name)) return `${name}Operation`;
  return name;
}

/** An operation waiting for its id: its name and the folders it sits in, outermost first. */
export interface NamedOperation {
  name: string;
  folders: string[];
}

/**
 * operationIds: camelCase of the item name. When names collide, every colliding item is
 * qualified by its folders (innermost first, as many as it takes), so a name depends on its
 * own content and not on which item came first. Only items identical in name and folders
 * fall back to numbered suffixes, in collection order.
 */
export function assignOperationIds(operations: NamedOperation[]): string[] {
  const qualify = (op: NamedOperation, depth: number) =>
    camelCase([...op.folders.slice(op.folders.length - depth), op.name].join(" "));
  const ids = operations.map((op) => qualify(op, 0));
  for (let depth = 1; ; depth++) {
    const clashes = duplicates(ids);
    if (clashes.size === 0) return ids;
    let changed = false;
    ids.forEach((id, i) => {
      const op = operations[i]!;
      if (clashes.has(id) && depth <= op.folders.length) {
        ids[i] = qualify(op, depth);
        changed = true;
      }
    });
    if (!changed) break;
  }
  const seen = new Map<string, number>();
  const clashes = duplicates(ids);
  return ids.map((id) => {
    if (!clashes.has(id)) return id;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}${n}`;
  });
}

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}
