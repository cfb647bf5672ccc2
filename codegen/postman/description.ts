/**
 * Postman descriptions are Markdown with HTML mixed in (Zoom's use `<br>` for line breaks).
 * OpenAPI descriptions are CommonMark, so the HTML we know is turned into Markdown and
 * everything else is left as written.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** Turns the HTML found in Postman descriptions into Markdown and tidies the white space. */
export function htmlToMarkdown(text: string): string {
  const md = text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>[ \t]*\n?/gi, "\n")
    .replace(/<\/?p\s*>/gi, "\n\n")
    // An element's text never runs past the next opening tag of its kind, and a tag never past
    // a `<`: otherwise every unclosed `<b>` scans to the end of the text (20,000 of them: 1 s).
    .replace(/<(strong|b)>((?:(?!<\1>)[\s\S])*?)<\/\1>/gi, "**$2**")
    .replace(/<(em|i)>((?:(?!<\1>)[\s\S])*?)<\/\1>/gi, "_$2_")
    .replace(/<code>((?:(?!<code>)[\s\S])*?)<\/code>/gi, "`$1`")
    .replace(/<a\s+[^<>]*?href="([^"<>]*)"[^<>]*>((?:(?!<a\s)[\s\S])*?)<\/a>/gi, "[$2]($1)")
    .replace(/<h([1-6])>((?:(?!<h\1>)[\s\S])*?)<\/h\1>/gi, (_, n: string, t: string) => `\n\n${"#".repeat(Number(n))} ${t}\n\n`)
    // Each white-space run is tried from its start only (the look-behind): tried from every
    // position, a long run of spaces costs its length squared.
    .replace(/(?<!\s)\s*<li>\s*/gi, "\n* ")
    .replace(/(?<![ \t])[ \t]*<\/li>/gi, "")
    .replace(/<\/?[uo]l>/gi, "\n")
    .replace(/&(?:(amp|lt|gt|quot|apos|nbsp|#39)|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (text, name?: string, dec?: string, hex?: string) => {
      if (name) return ENTITIES[name.toLowerCase()] ?? text;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      // A code point outside Unicode, a surrogate or NUL stays as written.
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : text;
    });
  return md
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
