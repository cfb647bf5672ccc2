/**
 * The SDK as a package, on a small literal document: package.json field by field, the README
 * byte for byte (test/package/pets.README.md), names and versions npm accepts, the Markdown
 * doors, and `emit: "js"` (one `.js` and one `.d.ts` per `.ts`, under the header line, and
 * the same bytes every time).
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generate } from "../../codegen/index.js";
import { canonicalDocument } from "../../codegen/emit/canonical.js";
import { checkPackageName, compileSdk, emitPackage, packageNameOf, packageVersion } from "../../codegen/emit/package.js";
import { planSdk } from "../../codegen/emit/plan.js";
import { codeBlock, inlineCode, inlineText, paragraphText } from "../../codegen/emit/readme.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { HOSTILE } from "../emit/hostile-document.js";
import { petsDocument } from "./document.js";

const HEADER = "// Generated from spec/pets.openapi.yaml by codegen. Do not edit.\n";
const INDEX = { path: "index.ts", content: `${HEADER}// @ts-nocheck: checked by codegen's own tests.\n\nexport {};\n` };

function packageOf(document: OpenApiDocument, options: Parameters<typeof emitPackage>[3] = {}) {
  const files = emitPackage(document, planSdk(canonicalDocument(document)), [INDEX], options);
  const file = (path: string) => files.find((f) => f.path === path)?.content;
  return { files, file, json: JSON.parse(file("package.json") ?? "null") as Record<string, unknown> };
}

describe("package.json", () => {
  it("names the package after the title, asks for openapi-fetch as a peer and points exports at the TypeScript", () => {
    const { files, file } = packageOf(petsDocument);
    expect(files.map((f) => f.path)).toEqual(["README.md", "index.ts", "package.json"]);
    expect(file("index.ts")).toBe(INDEX.content);
    expect(file("package.json")).toBe(
      [
        "{",
        '  "name": "pets-store-api",',
        '  "version": "0.0.0",',
        '  "description": "Pets and *their* owners.",',
        '  "type": "module",',
        '  "types": "./index.ts",',
        '  "exports": {',
        '    ".": {',
        '      "types": "./index.ts",',
        '      "default": "./index.ts"',
        "    },",
        '    "./package.json": "./package.json"',
        "  },",
        '  "files": [',
        '    "**/*.ts",',
        '    "README.md"',
        "  ],",
        '  "sideEffects": false,',
        '  "peerDependencies": {',
        '    "openapi-fetch": "^0.17.0"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("takes a given name, and the document's version when it is semver", () => {
    const { json } = packageOf({ ...petsDocument, info: { title: "Pets", version: "1.4.0-beta.2" } }, { name: "@acme/pets" });
    expect([json.name, json.version, json.description]).toEqual(["@acme/pets", "1.4.0-beta.2", undefined]);
  });

  it("the peer range is ^ of the openapi-fetch codegen itself depends on", () => {
    const own = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
    expect(packageOf(petsDocument).json.peerDependencies).toEqual({ "openapi-fetch": `^${own.dependencies["openapi-fetch"]}` });
  });

  it.each([
    ["Zoom API", "zoom-api"],
    ["Pëts | <Store> API", "pets-store-api"],
    ["  Ünïcödé   naïve café!! ", "unicode-naive-cafe"],
    ["Ωμέγα", "api-sdk"],
    ["", "api-sdk"],
    [undefined, "api-sdk"],
    ["GitHub's official OpenAPI spec + Octokit extension", "github-official-openapi-spec-octokit-extension"],
    ["Rock 'n' Roll’s API", "rock-n-roll-api"],
    ["HTTP", "http-sdk"],
    ["node_modules", "node-modules"],
  ])("title %j → %j", (title, name) => {
    expect(packageNameOf(title)).toBe(name);
  });

  it.each([
    ["Zoom", "it has capital letters"],
    ["_private", "it starts with a period or an underscore"],
    [".hidden", "it starts with a period or an underscore"],
    ["a b", "it has characters that are not URL-safe"],
    ["wow!", "it has one of the characters ~'!()*"],
    ["http", "it is the name of a Node.js core module"],
    ["node_modules", "the name is reserved"],
    ["@acme", "a scoped name is @scope/name"],
    ["", "it is empty"],
    ["x".repeat(215), "it is longer than 214 characters"],
  ])("refuses the name %j: %s", (name, why) => {
    expect(() => checkPackageName(name)).toThrow(`${JSON.stringify(name)} is not a valid npm package name: ${why}`);
    expect(() => packageOf(petsDocument, { name })).toThrow(why);
  });

  it.each([
    ["1.0.0", "1.0.0"],
    ["1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5"],
    ["2.1", "0.0.0"],
    ["v1.2.3", "0.0.0"],
    ["01.2.3", "0.0.0"],
    [3, "0.0.0"],
  ])("version %j → %j", (version, want) => {
    expect(packageVersion(version)).toBe(want);
  });
});

describe("README.md", () => {
  it("is the committed text for the pets document", () => {
    expect(packageOf(petsDocument).file("README.md")).toBe(readFileSync(new URL("./pets.README.md", import.meta.url), "utf8"));
  });

  it("says the js package needs no DOM, and how to install it from a folder", () => {
    const readme = packageOf(petsDocument, { emit: "js" }).file("README.md")!;
    expect(readme).toContain("its declarations compile without the DOM lib (Node's types are enough) and without `skipLibCheck`");
    expect(readme).toContain("```sh\nnpm install --install-links <path to this folder> openapi-fetch@^0.17.0\n```");
    expect(readme).not.toContain("./index.ts");
  });

  it("without security schemes, says a token is sent as a bearer token", () => {
    const document = { ...petsDocument, components: {}, security: undefined } as unknown as OpenApiDocument;
    const readme = packageOf(document).file("README.md")!;
    expect(readme).toContain('  // a token, or a function (sync or async) returning one, called per request\n  auth: "YOUR_TOKEN",\n');
    expect(readme).toContain("## Authentication\n\nThe API declares no security scheme. A token given as `auth` is sent as `Authorization: Bearer …`.\n");
  });

  it("keeps backticks in examples and paths inside their code", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "T", version: "1.0.0" },
      paths: {
        "/a`b": {
          get: {
            operationId: "getAB",
            parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" }, example: "```js" }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const readme = packageOf(document).file("README.md")!;
    expect(readme).toContain("### All operations\n\n#### `getAB`\n\n``GET /a`b``\n\n````ts\nconst { data, error } = await getAB(client, { query: { q: \"```js\" } });\n````\n");
  });
});

describe("README.md of hostile text", () => {
  const plan = planSdk(canonicalDocument(HOSTILE));
  const readme = emitPackage(HOSTILE, plan, [INDEX], {}).find((f) => f.path === "README.md")!.content;

  it("prints spec text as text: escaped where it is prose, fenced where it is code", () => {
    const lines = readme.split("\n");
    expect(lines[2]).toBe("A typed SDK for \\*/ globalThis.\\_\\_pwned = 1; /\\* \\`${(globalThis.\\_\\_pwned = 2)}\\` \" ' \\\\ /\\* 1.");
    expect(readme).toContain("\n### \\_\\_proto\\_\\_\n");
    expect(readme).toContain('\n- `__proto__` (HTTP bearer): a token as `auth` (a string, or a function returning one, called per request), or `auth: { ["__proto__"]: "YOUR_TOKEN" }`.\n');
    expect(readme).toContain("\n- `my-key` (API key in the header `X-\"Key\"*/`): `auth: { \"my-key\": \"YOUR_API_KEY\" }`.\n");
    expect(readme).toContain(' · ``GET /odd/"quoted"/100%/`tick`/*/``\n');
    expect(readme).toContain('\n```ts\nconst { data, error } = await callOperation(client, { body: { ["__proto__"]: "string" } });\n```\n');
  });

  it("has one heading per operation, named by its function, and every example is TypeScript that parses", () => {
    expect([...readme.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1]).sort()).toEqual(plan.operations.map((op) => op.functionName).sort());
    const blocks = [...readme.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
    expect(blocks.length).toBe(plan.operations.length + 1);
    for (const code of blocks) {
      const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } });
      expect(diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), code).toEqual([]);
    }
  });

  it("keeps an example short however deep or wide its schema is", () => {
    const node = { type: "object", required: ["a", "b", "c", "d", "e"], properties: Object.fromEntries(["a", "b", "c", "d", "e"].map((k) => [k, { $ref: "#/components/schemas/Node" }])) };
    const document = {
      openapi: "3.0.3",
      info: { title: "Deep", version: "1.0.0" },
      components: { schemas: { Node: node } },
      paths: { "/nodes": { post: { operationId: "addNode", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } }, responses: { "204": { description: "ok" } } } } },
    } as unknown as OpenApiDocument;
    const readme = emitPackage(document, planSdk(canonicalDocument(document)), [INDEX], {}).find((f) => f.path === "README.md")!.content;
    const example = /```ts\n(const \{ data, error \} = await addNode[\s\S]*?)\n```/.exec(readme)![1]!;
    // Five required children per level would be 5^8 values at the depth limit. The budget stops
    // at 200: past it, objects are {}, and the objects already begun keep their required keys.
    expect(example.match(/\{\}/g)!.length).toBeGreaterThan(0);
    expect(example.match(/[a-e]: /g)!.length).toBeGreaterThanOrEqual(200);
    expect(example.match(/[a-e]: /g)!.length).toBeLessThanOrEqual(200 + 5 * 8);
  });
});

describe("README.md of a document nobody validated", () => {
  it("takes boolean schemas, string media and entries that are not objects, and still gives a call", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "W", version: "1.0.0" },
      tags: ["x", null],
      components: { securitySchemes: { s: "nope" } },
      paths: {
        "/a/{id}": {
          parameters: ["bad", null, { name: "id", in: "path", required: true, schema: true }],
          post: {
            operationId: "postA",
            parameters: [{ name: "q", in: "query", required: true, content: { "application/json": "x" } }],
            requestBody: { required: true, content: { "application/json": { schema: true, examples: { a: "str", b: { $ref: "#/nowhere" } } } } },
            responses: {},
          },
        },
      },
    } as unknown as OpenApiDocument;
    const readme = emitPackage(document, planSdk(canonicalDocument(document)), [], {}).find((f) => f.path === "README.md")!.content;
    expect(readme).toContain(
      '\n#### `postA`\n\n`POST /a/{id}`\n\n```ts\nconst { data, error } = await postA(client, {\n  path: { id: "string" },\n  query: { q: "string" },\n  body: "string",\n});\n```\n',
    );
    expect(readme).toContain("\n- `s` (unknown): not applied by the SDK; send its header yourself with `headers`.\n");
  });
});

describe("Markdown doors", () => {
  it("inline text escapes what Markdown reads as markup, on one line", () => {
    expect(inlineText("a|b <c> `d` *e* _f_ [g](h) #i &amp; ~~j~~\\\nnext")).toBe("a\\|b \\<c\\> \\`d\\` \\*e\\* \\_f\\_ \\[g\\](h) \\#i \\&amp; \\~\\~j\\~\\~\\\\ next");
  });

  it("a paragraph's first characters cannot open a block", () => {
    expect(["- x", "+ x", "> x", "= x", "12. x", "3) x", "1.5 x"].map(paragraphText)).toEqual(["\\- x", "\\+ x", "\\> x", "\\= x", "12\\. x", "3\\) x", "1.5 x"]);
  });

  it("code spans and blocks are fenced longer than their longest backtick run", () => {
    expect(inlineCode("a `b` c")).toBe("``a `b` c``");
    expect(inlineCode("`x`")).toBe("`` `x` ``");
    expect(inlineCode("two\nlines")).toBe("`two lines`");
    expect(codeBlock("ts", 'const s = "````";')).toBe('`````ts\nconst s = "````";\n`````');
    expect(codeBlock("sh", "ls")).toBe("```sh\nls\n```");
  });
});

describe('emit: "js"', async () => {
  const source = (await generate(petsDocument, "spec/pets.openapi.yaml")).filter((f) => f.path.endsWith(".ts"));
  const plan = planSdk(canonicalDocument(petsDocument));
  const files = emitPackage(petsDocument, plan, source, { emit: "js" });
  const file = (path: string) => files.find((f) => f.path === path)!.content;

  it("writes one .js and one .d.ts for each .ts, and no .ts", () => {
    const stems = source.map((f) => f.path.replace(/\.ts$/, "")).sort();
    expect(files.map((f) => f.path)).toEqual(["README.md", ...stems.flatMap((s) => [`${s}.d.ts`, `${s}.js`]), "package.json"].sort());
    expect(JSON.parse(file("package.json"))).toMatchObject({
      main: "./index.js",
      types: "./index.d.ts",
      exports: { ".": { types: "./index.d.ts", default: "./index.js" }, "./package.json": "./package.json" },
    });
  });

  it("keeps the header line on every file and drops @ts-nocheck: a declaration file is the consumer's to check", () => {
    for (const f of files.filter((f) => /\.(js|d\.ts)$/.test(f.path))) {
      expect(f.content.startsWith(`${HEADER}\n`), f.path).toBe(true);
      expect(f.content, f.path).not.toContain("@ts-nocheck");
      expect(f.content.endsWith("\n") && !f.content.endsWith("\n\n"), f.path).toBe(true);
    }
    expect(file("index.js")).toBe(
      `${HEADER}\nexport * from "./client.gen.js";\nexport * from "./default.gen.js";\nexport * from "./owners.gen.js";\nexport * from "./pets.gen.js";\nexport { ApiError } from "./runtime/call.gen.js";\nexport { withHooks } from "./runtime/hooks.gen.js";\n`,
    );
  });

  it("refuses code that does not parse (a bug in the generator), naming the file", () => {
    expect(() => compileSdk([{ path: "broken.gen.ts", content: `${HEADER}export const = ;\n` }])).toThrow("compiling the SDK failed in broken.gen.ts: Variable declaration expected.");
  });

  it("declares the DOM-only types it uses privately, so they resolve without the DOM lib", () => {
    const client = file("runtime/client.gen.d.ts");
    expect(client).toContain("\ntype HeadersInit = ConstructorParameters<typeof Headers>[0];\n");
    expect(client.endsWith("\nexport {};\n")).toBe(true);
    expect(file("runtime/body.gen.d.ts")).toContain('\ntype BodyInit = NonNullable<RequestInit["body"]>;\n');
  });

  it("gives the same bytes every time, and changes none of its inputs", () => {
    const frozen = <T>(value: T): T => {
      if (value && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) frozen(v);
      }
      return value;
    };
    const copy = structuredClone({ petsDocument, plan, source });
    expect(emitPackage(frozen(copy.petsDocument), frozen(copy.plan), frozen(copy.source), { emit: "js" })).toEqual(files);
    expect(emitPackage(copy.petsDocument, copy.plan, copy.source, { emit: "ts" }).length).toBe(source.length + 2);
  });
});
