/**
 * The doors where spec text becomes code: any text through them gives a module that parses,
 * carries exactly that text, and runs nothing of it.
 */
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { docComment, docText, propertyAccess, propertyKey, stringLiteral } from "../../codegen/emit/escape.js";

/** Text built from the pieces that break out of comments and literals, plus any unicode. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc
    .array(fc.constantFrom("*/", "/*", "*", "/", "`", "${", "}", '"', "'", "\\", "\n", "\r", "\u2028", "\u2029", "@param x", "{@link y}", "<!--", "-->", "globalThis.__pwned = 1;", "__proto__", " ", "a", "é", "😀", "\ud800"), { maxLength: 12 })
    .map((parts) => parts.join("")),
);

/** Transpiles and runs a module text; returns its exports. Throws on a syntax error. */
function load(source: string): Record<string, unknown> {
  const file = ts.createSourceFile("m.ts", source, ts.ScriptTarget.ES2022, true);
  const parseErrors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (parseErrors.length > 0) throw new Error(`does not parse: ${ts.flattenDiagnosticMessageText(parseErrors[0]!.messageText, "\n")}\n${source}`);
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  new Function("module", "exports", js)(module, module.exports);
  return module.exports;
}

describe("text through the doors", () => {
  it("docComment(docText(t)) is one comment: nothing after it changes, nothing in it runs", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (summary, tag) => {
        const source = `${docComment(docText(summary), [{ tagName: "returns", text: docText(tag) }])}export const marker = 1;\n`;
        const exports = load(source);
        expect(Object.keys(exports)).toEqual(["marker"]);
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
        // The comment ends where we end it: a tag inside the text cannot start one of its own.
        const file = ts.createSourceFile("m.ts", source, ts.ScriptTarget.ES2022, true);
        const tags = ts.getJSDocTags(file.statements[0]!).map((t) => t.tagName.text);
        expect(tags).toEqual(["returns"]);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it("stringLiteral(t) evaluates to t, propertyKey(t) and propertyAccess(t) name exactly t", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const exports = load(
          `export const value = ${stringLiteral(text)};\nexport const object = { ${propertyKey(text)}: 1 };\nexport const read = object${propertyAccess(text)};\n`,
        );
        expect(exports.value).toBe(text);
        expect(Object.keys(exports.object as object)).toEqual([text]);
        expect(Object.getPrototypeOf(exports.object)).toBe(Object.prototype);
        expect(exports.read).toBe(1);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it.each([
    ["*/ end", "*\\/ end"],
    ["@see x", "\\@see x"],
    ["see {@link y}", "see {\\@link y}"],
    ["a\r\nb\u2028c", "a\nb\nc"],
    ["/* stays */", "/* stays *\\/"],
  ])("docText(%j) = %j", (given, want) => {
    expect(docText(given)).toBe(want);
  });

  it.each([
    ["name", "name"],
    ["odd-name", '"odd-name"'],
    ["__proto__", '["__proto__"]'],
    ["line\u2028sep", '"line\\u2028sep"'],
  ])("propertyKey(%j) = %s", (given, want) => {
    expect(propertyKey(given)).toBe(want);
  });
});
