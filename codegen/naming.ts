/**
 * Every identifier and file name the generator invents is made here, from content only, so the
 * same input always gives the same names and clashes are settled in one place (`NameScope`).
 */

/** Words JavaScript or TypeScript will not take as a function or type name (ES2023 strict mode, modules). */
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval " +
    // Not reserved, but a module-level declaration of one of these shadows a global every reader relies on.
    "undefined NaN Infinity globalThis").split(" "),
);

/**
 * Object.prototype's members, spelled out (not read from the running Node, so every Node version
 * names alike): an export or a key with one of these names is looked up wrongly by `in`,
 * plain-object maps and some bundlers.
 */
export const OBJECT_PROTOTYPE_NAMES: readonly string[] = [
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
];

/**
 * Latin letters without their marks, and the letters NFKD does not decompose spelled in ASCII:
 * `Ünïcödé naïve café` → `Unicode naive cafe`. Other scripts are left as they are.
 */
export function transliterate(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæÆøØœŒđĐłŁþÞðÐıĸŋŊ]/g, (c) => LETTERS[c] ?? c);
}

const LETTERS: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "Ae", ø: "o", Ø: "O", œ: "oe", Œ: "Oe", đ: "d", Đ: "D", ł: "l", Ł: "L",
  þ: "th", Þ: "Th", ð: "d", Ð: "D", ı: "i", ĸ: "k", ŋ: "ng", Ŋ: "Ng",
};

/** Splits text into ASCII words: at non-alphanumerics and at lower→upper case steps; apostrophes join. */
function words(text: string): string[] {
  return transliterate(text)
    .replace(/['’`]/g, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([0-9])([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** Whether `text` has words to make a name of (Latin letters or digits, after transliteration). */
export const hasWords = (text: string): boolean => words(text).length > 0;

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

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/**
 * A name JavaScript takes as it is for a function or type: a Unicode identifier, not reserved,
 * in NFC and within the Basic Multilingual Plane (esbuild writes astral letters in an export
 * list as `\u{…}` escapes, which tsx's module lexer cannot read).
 */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED.has(text) && text === text.normalize("NFC") && !/[\u{10000}-\u{10FFFF}]/u.test(text);
}

/**
 * The names of one scope, taken in a stable order: the first to ask for a free name gets it,
 * later ones get the name with `suffix`, then numbered (`getUser2`). Names in `reserved` are
 * never handed out. A case-insensitive scope (file names: macOS and Windows fold case) treats
 * `Users` and `users` as one name.
 */
export class NameScope {
  private readonly taken = new Set<string>();
  constructor(
    reserved: Iterable<string>,
    private readonly options: { caseInsensitive?: boolean } = {},
  ) {
    for (const name of reserved) this.taken.add(this.fold(name));
  }

  private fold(name: string): string {
    return this.options.caseInsensitive ? name.toLowerCase() : name;
  }

  /** Whether `name` is still free. */
  isFree(name: string): boolean {
    return !this.taken.has(this.fold(name));
  }

  /** Takes `wanted` if it is free, else `wanted + suffix`, else `wanted + suffix + n` (n from 2). */
  mint(wanted: string, suffix = ""): string {
    let name = wanted;
    if (!this.isFree(name) && suffix) name = `${wanted}${suffix}`;
    for (let n = 2; !this.isFree(name); n++) name = `${wanted}${suffix}${n}`;
    this.taken.add(this.fold(name));
    return name;
  }
}

/** Device names Windows refuses as file names, whatever their extension. */
const WINDOWS_DEVICES = ["con", "prn", "aux", "nul", ..."123456789".split("").flatMap((d) => [`com${d}`, `lpt${d}`])];

/** The longest module name kept whole: far below every file system's 255-byte limit, still readable. */
const MAX_MODULE_NAME = 64;

/**
 * The scope of an SDK's module files (`<name>.gen.ts`): the SDK's own files, Windows' device
 * names and Object.prototype's members are taken, and case does not tell names apart.
 */
export function moduleScope(ownFiles: Iterable<string>): NameScope {
  return new NameScope([...ownFiles, ...WINDOWS_DEVICES, ...OBJECT_PROTOTYPE_NAMES.map(kebabCase)], { caseInsensitive: true });
}

/**
 * A tag as a module file name: kebab-case of its Latin words, cut to a readable length; a tag
 * with no such words (`日本語`) is named by a hash of its text, so it still has a stable name.
 */
export function moduleName(tag: string): string {
  if (!hasWords(tag)) return `tag-${fnv1a(tag)}`;
  const name = kebabCase(tag);
  if (name.length <= MAX_MODULE_NAME) return name;
  return `${name.slice(0, MAX_MODULE_NAME - 9).replace(/-+$/, "")}-${fnv1a(tag)}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a text. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** An operation waiting for its id: its name and the folders it sits in, outermost first. */
export interface NamedOperation {
  name: string;
  folders: string[];
  /** What to name it by when `name` has no Latin words (`日本語`): its method and path (`GET users :id` → `getUsersId`). */
  fallback?: string;
  /** Its method and OpenAPI path (`/project/{username}/tree/{branch}`): what tells apart operations of one name in one folder. */
  method?: string;
  path?: string;
}

/**
 * operationIds: camelCase of the item name. When names collide, every colliding item is
 * qualified by its folders (innermost first, as many as it takes), so a name depends on its
 * own content and not on which item came first. Ids that differ only in case collide too
 * (`…Basehead`, `…BaseHead`: one file on a case-insensitive disk, one word to a reader).
 * Names no other operation wants are then settled: they never change for another's sake. The
 * items still alike (one name in one folder: circleci's two "Triggers a new build, returns a
 * summary of the build.") are told apart by the first segments of their path that the others
 * do not share (`…OfTheBuild` for `/project/{username}/{project}`, `…OfTheBuildTree` for its
 * `/tree/{branch}`), then, among those with one path, by their method after it (the first in
 * OpenAPI's order, `get` before `post`, keeps the plain name: `usersX`, `usersXPost`). A name
 * taken that way by another operation is not taken again: the item is numbered (`list2`), in the
 * order of path and method, so no id depends on item order.
 */
export function assignOperationIds(operations: NamedOperation[]): string[] {
  const texts = operations.map((op) => (op.fallback !== undefined && !hasWords(op.name) ? op.fallback : op.name));
  const qualify = (i: number, depth: number) => {
    const op = operations[i]!;
    return [...op.folders.slice(op.folders.length - depth), texts[i]!].join(" ");
  };
  const names = operations.map((_, i) => qualify(i, 0));
  const ids = names.map(camelCase);
  for (let depth = 1; ; depth++) {
    const clashes = duplicates(ids);
    if (clashes.size === 0) return ids;
    let changed = false;
    ids.forEach((id, i) => {
      const op = operations[i]!;
      if (clashes.has(fold(id)) && depth <= op.folders.length) {
        names[i] = qualify(i, depth);
        ids[i] = camelCase(names[i]!);
        changed = true;
      }
    });
    if (!changed) break;
  }
  const clashes = duplicates(ids);
  if (clashes.size === 0) return ids;
  // Names not contested are settled first.
  const taken = new Set<string>();
  const groups = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const key = fold(id);
    if (!clashes.has(key)) taken.add(key);
    else {
      const members = groups.get(key);
      if (members === undefined) groups.set(key, [i]);
      else members.push(i);
    }
  });
  const rank = (i: number) => {
    const r = METHOD_ORDER.indexOf((operations[i]!.method ?? "").toLowerCase());
    return r < 0 ? METHOD_ORDER.length : r;
  };
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const numbered = new Map<string, number>();
  for (const key of [...groups.keys()].sort(byText)) {
    const members = groups.get(key)!;
    const tails = distinctTails(members.map((i) => operations[i]!.path));
    const order = members.map((i, k) => ({ i, tail: tails[k]!, rank: rank(i), path: operations[i]!.path ?? "" }));
    order.sort((x, y) => byText(x.tail, y.tail) || x.rank - y.rank || byText(x.path, y.path) || byText(ids[x.i]!, ids[y.i]!) || x.i - y.i);
    const perTail = new Map<string, number>();
    const perMethod = new Map<string, number>();
    for (const m of order) {
      perTail.set(m.tail, (perTail.get(m.tail) ?? 0) + 1);
      perMethod.set(`${m.tail}\n${m.rank}`, (perMethod.get(`${m.tail}\n${m.rank}`) ?? 0) + 1);
    }
    for (const m of order) {
      const base = `${names[m.i]} ${m.tail}`;
      const candidates = [camelCase(base)];
      // The method tells apart operations of one path tail, when it is this one's alone.
      if (perTail.get(m.tail)! > 1 && perMethod.get(`${m.tail}\n${m.rank}`) === 1) candidates.push(camelCase(`${base} ${(operations[m.i]!.method ?? "").toLowerCase()}`));
      let id = candidates.find((c) => !taken.has(fold(c)));
      if (id === undefined) {
        const plain = camelCase(names[m.i]!);
        let n = numbered.get(fold(plain)) ?? 2;
        while (taken.has(fold(`${plain}${n}`))) n++;
        numbered.set(fold(plain), n + 1);
        id = `${plain}${n}`;
      }
      taken.add(fold(id));
      ids[m.i] = id;
    }
  }
  return ids;
}

/** Ids compared as a case-insensitive file system and a reader compare them. */
const fold = (id: string): string => id.toLowerCase();

/**
 * What tells each path from the others: its segments after the ones all the paths begin with,
 * as few of them as tell the paths apart, as words (`{branch}` → `branch`).
 * `/project/{p}` and `/project/{p}/tree/{branch}` → `""` and `tree`; `/a/search/{q}` and
 * `/a/searchall/{q}` → `search` and `searchall`. A missing path has none.
 */
function distinctTails(paths: (string | undefined)[]): string[] {
  const segments = paths.map((p) => (p ?? "").split("/").filter(Boolean));
  let common = 0;
  while (segments.every((s) => common < s.length && s[common] === segments[0]![common])) common++;
  const rests = segments.map((s) => s.slice(common).map((segment) => segment.replace(/[{}]/g, "")));
  const longest = Math.max(0, ...rests.map((r) => r.length));
  for (let n = 1; ; n++) {
    const tails = rests.map((r) => r.slice(0, n).join(" "));
    if (n >= longest || new Set(tails).size === tails.length) return tails;
  }
}

/** Methods in the order OpenAPI's path item lists them. */
const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The ids (case folded) more than one operation has. */
function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    const key = fold(id);
    (seen.has(key) ? dup : seen).add(key);
  }
  return dup;
}
