/**
 * The one door from spec text into a change message: a Markdown code span, so a name holding
 * `*`, `|`, `<` or a backtick shows as itself in a pull-request description (CommonMark:
 * the fence is one backtick longer than the longest run inside). Line breaks become spaces.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith(" ") || flat.endsWith(" ") || flat === "" ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A JSON value (an enum member) as a code span: `"Away"`, `3`, `true`. */
export function valueSpan(value: unknown): string {
  return codeSpan(JSON.stringify(value) ?? String(value));
}
