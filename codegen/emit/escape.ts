/**
 * The doors through which spec text becomes generated code: one function per place it lands.
 * Nothing else writes spec text into code, so escaping is decided here once.
 */

/**
 * Text for a JSDoc comment body: `*\/` is broken (it would end the comment), an `@` after a
 * space or a line start (TypeScript reads a tag there, mid-line too) or an inline `{@` cannot
 * start a tag (an address like a@b.c stays as it is), and every line terminator becomes `\n` (a lone
 * CR or U+2028 would start a line without ` * `). `/*` stays as it is: block comments do not
 * nest, and `docComment` (not ts-morph's JSDoc printer, which misreads it) prints the comment.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/(^|\s)@/gm, "$1\\@")
    .replace(/\{@/g, "{\\@");
}

/** Text as a double-quoted string literal: JSON's escaping, plus U+2028/U+2029 (line terminators before ES2019). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * A property name as an object-literal or interface key: bare when it is a plain identifier,
 * else a string literal. `__proto__` is computed (`["__proto__"]`): written plainly or quoted in
 * an object literal it would set the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return PLAIN_KEY.test(name) ? name : stringLiteral(name);
}

/** Reading a property: `.name`, or `["odd-name"]` where a dot cannot be used. */
export function propertyAccess(name: string): string {
  return PLAIN_KEY.test(name) && name !== "__proto__" ? `.${name}` : `[${stringLiteral(name)}]`;
}

/** A JSON value as a TypeScript literal, keys through `propertyKey`, strings through `stringLiteral`. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  if (typeof value === "string") return stringLiteral(value);
  return JSON.stringify(value) ?? "undefined";
}

/**
 * A whole JSDoc comment, ready to stand before a declaration (as its `leadingTrivia`). Written
 * here, not by ts-morph's JSDoc printer: that printer runs the text through a code writer that
 * reads `/*`, quotes and backticks in it as code, and prints a stray `*\/` after an unclosed
 * `/*` (Microsoft Graph's `- /* Add any attachments…` broke its SDK that way). Pieces of spec
 * text in `description` must already have been through `docText`.
 */
export function docComment(description: string, tags: { tagName: string; text?: string }[] = []): string {
  const lines = [...description.split("\n"), ...tags.map((t) => (t.text ? `@${t.tagName} ${t.text}` : `@${t.tagName}`))];
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((line) => (line ? ` * ${line}` : " *")).join("\n")}\n */\n`;
}
