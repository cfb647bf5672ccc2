/**
 * Issue 11's "done when" for SDK packages: the Zoom SDK generated with `emit: "js"`, installed
 * into a new app with `npm install <folder>`, is imported and called from plain Node against a
 * real server on 127.0.0.1, and the app type-checks without the DOM lib and without
 * skipLibCheck, as do the README's examples. No network: openapi-fetch (the SDK's peer) and
 * its one dependency are packed from codegen's own node_modules and installed from those
 * tarballs with `--offline`.
 */
import { execFile } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, parseDocument } from "../../codegen/index.js";
import { canonicalDocument } from "../../codegen/emit/canonical.js";
import { emitPackage } from "../../codegen/emit/package.js";
import { planSdk } from "../../codegen/emit/plan.js";
import { startServer, type RecordingServer } from "../wire/server.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const work = join(root, "test", `.sdk-package-${process.pid}`);
const sdk = join(work, "zoom-sdk");
const app = join(work, "app");
const tsSdk = join(work, "zoom-ts");
const tsApp = join(work, "app-ts");
const peers = join(work, "peers");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** npm without the network, the user's audit and funding chatter, or lifecycle scripts. */
const NPM_FLAGS = ["--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"];

/** What an installed app's compilation holds besides Node's types: its own files, and the SDK and openapi-fetch from its node_modules. */
const FROM_INSTALL = ["app", "app/node_modules/openapi-fetch", "app/node_modules/openapi-typescript-helpers", "app/node_modules/zoom-api"];
/** Linked in place, the SDK's files are its folder's, and openapi-fetch is found above it. */
const FROM_FOLDER = ["app-ts", "codegen/node_modules/openapi-fetch", "codegen/node_modules/openapi-typescript-helpers", "zoom-ts"];

let server: RecordingServer;
let readme = "";

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const specFile = "spec/zoom.openapi.json";
  const { document } = parseDocument(readFileSync(join(root, specFile), "utf8"), specFile);
  if (!document) throw new Error(`${specFile} did not parse`);
  // generate() gives the package files too; emitPackage is tested here on the code alone.
  const generated = (await generate(document, specFile)).filter((f) => f.path.endsWith(".ts"));
  const plan = planSdk(canonicalDocument(document));
  const files = emitPackage(document, plan, generated, { emit: "js" });
  writeFiles(sdk, files);
  writeFiles(tsSdk, emitPackage(document, plan, generated, { emit: "ts" }));
  readme = files.find((f) => f.path === "README.md")!.content;
  mkdirSync(peers, { recursive: true });
  await run(npm, ["pack", ...NPM_FLAGS, join(root, "node_modules/openapi-fetch"), join(root, "node_modules/openapi-typescript-helpers")], { cwd: peers });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "zoom-app", private: true, type: "module" }, null, 2)}\n`);
  const tarballs = readdirSync(peers).filter((f) => f.endsWith(".tgz")).sort().map((f) => join(peers, f));
  // --install-links copies the folder in (a plain link would make Node look for openapi-fetch from the SDK's own folder).
  await run(npm, ["install", ...NPM_FLAGS, "--install-links", sdk, ...tarballs], { cwd: app });
  // The TypeScript package is linked in place, as a folder of an app would be: from its real
  // folder it finds openapi-fetch in codegen's own node_modules, as it would in the app's.
  mkdirSync(tsApp, { recursive: true });
  writeFileSync(join(tsApp, "package.json"), `${JSON.stringify({ name: "zoom-ts-app", private: true, type: "module" }, null, 2)}\n`);
  await run(npm, ["install", ...NPM_FLAGS, tsSdk], { cwd: tsApp });
  server = await startServer();
}, 180_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the Zoom SDK as an installed package", () => {
  it("is installed as a copy, with its peer openapi-fetch beside it", () => {
    const installed = join(app, "node_modules/zoom-api");
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(installed, "package.json"), "utf8"))).toMatchObject({ name: "zoom-api", version: "1.0.0", type: "module" });
    expect(JSON.parse(readFileSync(join(app, "node_modules/openapi-fetch/package.json"), "utf8")).version).toBe("0.17.0");
    expect(JSON.parse(readFileSync(join(app, "package.json"), "utf8")).dependencies["zoom-api"]).toBe("file:../zoom-sdk");
  });

  it("imports and calls an operation from plain Node", async () => {
    writeFileSync(
      join(app, "main.mjs"),
      [
        'import { createClient, updateUserStatus } from "zoom-api";',
        "",
        "const zoom = createClient({ baseUrl: process.argv[2], auth: \"app-token\", retry: false });",
        'const { error, response } = await updateUserStatus(zoom, { path: { userId: "me" }, body: { action: "activate" } });',
        "console.log(response.status, JSON.stringify(error ?? null));",
        "",
      ].join("\n"),
    );
    server.reset();
    const { stdout } = await run(process.execPath, ["main.mjs", `${server.baseUrl}/v2`], { cwd: app });
    expect(stdout).toBe("204 null\n");
    expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization, r.parts.map((p) => [p.name, p.value])])).toEqual([
      ["PUT", "/v2/users/me/status", "Bearer app-token", [["action", "activate"]]],
    ]);
  });

  it("also runs linked in place by a plain npm install <folder>, from a project that has openapi-fetch", async () => {
    // As generated/<name>/ inside an app would be: Node follows the link to the SDK's real
    // folder and finds openapi-fetch above it (here in codegen's own node_modules).
    const linked = join(work, "app-linked");
    mkdirSync(linked, { recursive: true });
    writeFileSync(join(linked, "package.json"), `${JSON.stringify({ name: "zoom-linked-app", private: true, type: "module" }, null, 2)}\n`);
    await run(npm, ["install", ...NPM_FLAGS, sdk], { cwd: linked });
    expect(lstatSync(join(linked, "node_modules/zoom-api")).isSymbolicLink()).toBe(true);
    writeFileSync(join(linked, "main.mjs"), readFileSync(join(app, "main.mjs"), "utf8"));
    server.reset();
    const { stdout } = await run(process.execPath, ["main.mjs", `${server.baseUrl}/v2`], { cwd: linked });
    expect(stdout).toBe("204 null\n");
    expect(server.requests.map((r) => [r.method, r.url])).toEqual([["PUT", "/v2/users/me/status"]]);
  }, 60_000);

  it("type-checks in an app without the DOM lib and without skipLibCheck, with its real types, and so do the README's examples", () => {
    writeFileSync(
      join(app, "app.ts"),
      [
        'import { createClient, updateUserStatus, type ApiClient } from "zoom-api";',
        "",
        'const zoom: ApiClient = createClient({ auth: async () => "token", headers: [["x-trace", "1"]] });',
        'const { data, error, response } = await updateUserStatus(zoom, { path: { userId: "me" }, body: { action: "deactivate" } });',
        "const status: number = response.status;",
        "console.log(data, error, status);",
        "// @ts-expect-error: not one of the enum's values",
        'await updateUserStatus(zoom, { path: { userId: "me" }, body: { action: "delete" } });',
        "// @ts-expect-error: the path parameter is required",
        'await updateUserStatus(zoom, { body: { action: "activate" } });',
        "",
      ].join("\n"),
    );
    // Each README example as a module: the ones that import stand alone, an operation's call gets its import and a client.
    const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
    expect(blocks.length).toBe(7); // create a client, client credentials, five operations
    const examples = blocks.map((code, i) => {
      const called = /await (\w+)\(client/.exec(code)?.[1];
      const prelude = code.startsWith("import ") ? "" : `import { createClient, ${called} } from "zoom-api";\n\nconst client = createClient();\n`;
      writeFileSync(join(app, `readme-${i}.ts`), `${prelude}${code}\nexport {};\n`);
      return `readme-${i}.ts`;
    });
    expect(typeErrors(app, ["app.ts", ...examples], ["lib.es2022.d.ts"], FROM_INSTALL)).toEqual([]);
  }, 120_000);

  it("type-checks with the DOM lib too (a browser app), where the DOM declares the same names", () => {
    expect(typeErrors(app, ["app.ts"], ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"], FROM_INSTALL)).toEqual([]);
  }, 120_000);
});

describe('the Zoom SDK as TypeScript (emit: "ts"), linked in place', () => {
  it("runs in a runtime that runs TypeScript (tsx) and type-checks with bundler resolution", async () => {
    expect(lstatSync(join(tsApp, "node_modules/zoom-api")).isSymbolicLink()).toBe(true);
    const main = [
      'import { createClient, updateUserStatus } from "zoom-api";',
      "",
      'const zoom = createClient({ baseUrl: process.argv[2]!, auth: "ts-token", retry: false });',
      'const { response } = await updateUserStatus(zoom, { path: { userId: "ada" }, body: { action: "deactivate" } });',
      "console.log(response.status);",
      "// @ts-expect-error: not one of the enum's values",
      'if (response.status === 0) await updateUserStatus(zoom, { path: { userId: "me" }, body: { action: "delete" } });',
      "",
    ].join("\n");
    writeFileSync(join(tsApp, "main.ts"), main);
    server.reset();
    const tsx = pathToFileURL(join(root, "node_modules/tsx/dist/loader.mjs")).href;
    const { stdout } = await run(process.execPath, ["--import", tsx, "main.ts", `${server.baseUrl}/v2`], { cwd: tsApp });
    expect(stdout).toBe("204\n");
    expect(server.requests.map((r) => [r.method, r.url, r.headers.authorization, r.parts.map((p) => [p.name, p.value])])).toEqual([
      ["PUT", "/v2/users/ada/status", "Bearer ts-token", [["action", "deactivate"]]],
    ]);
    expect(typeErrors(tsApp, ["main.ts"], ["lib.es2022.d.ts", "lib.dom.d.ts"], FROM_FOLDER, ts.ModuleResolutionKind.Bundler)).toEqual([]);
  }, 120_000);
});

function writeFiles(dir: string, files: { path: string; content: string }[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
}

/** Where a file comes from: `app/node_modules/zoom-api`, `zoom-ts` (a folder of the test's), `codegen/node_modules/openapi-fetch`. */
function origin(file: string): string {
  const [base, rest] = file.startsWith(`${work}/`) ? ["", file.slice(work.length + 1)] : ["codegen/", file.slice(root.length)];
  const match = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(rest);
  return base + (match ? match[1]! : rest.split("/")[0]!);
}

/** Declaration files parsed once for every program of this file (they do not change between them). */
const parsed = new Map<string, ts.SourceFile | undefined>();

/**
 * Type errors of an app's files, as `file(line): message`, with strict options, Node's types
 * and no skipLibCheck; `from` is where the checked files must come from (see `origin`).
 */
function typeErrors(dir: string, files: string[], lib: string[], from: string[], resolution = ts.ModuleResolutionKind.NodeNext): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: resolution === ts.ModuleResolutionKind.NodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: resolution,
    lib,
    types: ["node"],
    // Node's types come from codegen's own devDependencies: the app is a stand-in, the SDK is what is checked.
    typeRoots: [join(root, "node_modules/@types")],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError) => {
    if (!fileName.endsWith(".d.ts") && !fileName.endsWith(".d.mts")) return parse(fileName, version, onError);
    if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, version, onError));
    return parsed.get(fileName);
  };
  const program = ts.createProgram(files.map((f) => join(dir, f)), options, host);
  // Every file the app's compilation holds is checked, as without skipLibCheck, except Node's
  // and TypeScript's own declarations: those are the same for any app (and the slowest part).
  const checked = program.getSourceFiles().filter((f) => !/\/node_modules\/(typescript\/lib|@types\/node|undici-types)\//.test(f.fileName));
  expect([...new Set(checked.map((f) => origin(f.fileName)))].sort()).toEqual(from);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...checked.flatMap((f) => program.getSemanticDiagnostics(f)),
  ];
  return diagnostics.map((d) => {
    const where = d.file ? `${d.file.fileName.replace(`${work}/`, "")}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
