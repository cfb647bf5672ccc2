/**
 * Exporters write facts the collection format has no field for into descriptions:
 * `(Required)` / `[required]` in front, `(This can only be one of a,b,c)` at the end
 * (openapi-to-postmanv2, and so Zoom's collection), or a bullet list after "one of the following".
 * This module reads them back out.
 */

export interface Annotations {
  /** The description with the markers that became facts taken out. */
  description: string;
  required: boolean;
  enum?: string[];
}

const REQUIRED = /^\s*(?:\(required\)|\[required\])\s*/i;
// Matched from the start of a white-space run only: from every position, a long run costs its length squared.
const ONE_OF_NOTE = /(?<!\s)\s*\(This can only be one of ([^)]*)\)\s*$/;
const ONE_OF_LIST = /one of the following\s*:?\s*\n((?:[ \t]*[*-][ \t]+.*(?:\n|$))+)/i;

/** Reads `(Required)`, `(This can only be one of …)` and "one of the following" lists out of a Markdown description. */
export function readAnnotations(markdown: string): Annotations {
  let description = markdown;
  const required = REQUIRED.test(description);
  description = description.replace(REQUIRED, "");
  let values: string[] | undefined;
  const note = ONE_OF_NOTE.exec(description);
  if (note) {
    values = note[1]!.split(",").map((v) => v.trim()).filter(Boolean);
    description = description.slice(0, note.index);
  } else {
    values = bulletEnum(description);
  }
  const result: Annotations = { description: description.trim(), required };
  if (values && values.length > 0) result.enum = [...new Set(values)];
  return result;
}

/** A list counts as an enum only when every bullet is one token (`zoomroom.check_in`, `` `Away` ``). */
function bulletEnum(description: string): string[] | undefined {
  const list = ONE_OF_LIST.exec(description);
  if (!list) return undefined;
  const values = list[1]!
    .split("\n")
    .map((line) => line.replace(/^[ \t]*[*-][ \t]+/, "").trim())
    .filter(Boolean)
    .map((v) => v.replace(/^`(.*)`$/, "$1").replace(/^\*\*(.*)\*\*$/, "$1"));
  return values.every((v) => /^[^\s`*]+$/.test(v)) ? values : undefined;
}
