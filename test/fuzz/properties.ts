/**
 * The fuzzer's properties, each a function of one input that returns its failures (empty when
 * it holds): convert never throws; the spec has 0 Redocly errors; the SDK parses and
 * type-checks strictly with `@ts-nocheck` ignored (many SDKs in one TypeScript program);
 * importing it runs no injected code; a wire call sends exactly the method, path, query and
 * body fields given. Everything runs in memory: SDKs are virtual files for tsc, and esbuild
 * bundles them for `vm` to run.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { runInThisContext } from "node:vm";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { build, type Plugin } from "esbuild";
import ts from "typescript";
import { convert, generate, type GeneratedFile, type OpenApiDocument } from "../../codegen/index.js";
import { compilerOptionsOf } from "../typecheck.js";
import { INJECTED } from "./arbitraries.js";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** Where the virtual SDK folders live for tsc (inside the repository, so `openapi-fetch` resolves from its node_modules); nothing is written there. */
const VIRTUAL = join(ROOT, "test/fuzz/.virtual");

export type Property = "convert" | "redocly" | "generate" | "typecheck" | "import" | "wire";

/** One failed property on one input: `kind` groups failures of one cause (the finding's class). */
export interface Failure {
  property: Property;
  kind: string;
  message: string;
}

/** Replaces the input-specific parts of a message (quoted text, numbers) so failures of one cause share a kind. */
export function kindOf(property: Property, message: string): string {
  const first = message.split("\n")[0]!.slice(0, 300);
  return `${property}: ${first
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`.*?`(?=[ .,;:)]|$)/g, "Q")
    .replace(/\d+/g, "N")
    .slice(0, 160)}`;
}

const fail = (property: Property, message: string, kind = kindOf(property, message)): Failure => ({ property, kind, message });

// ---- 1. convert never throws ---------------------------------------------------------------

export interface Converted {
  document: OpenApiDocument | undefined;
  failures: Failure[];
}

/** Property 1: `convert` answers any collection with a document or diagnostics, never a throw. */
export function checkConvert(collection: unknown): Converted {
  try {
    const { document } = convert(JSON.stringify(collection), "fuzz.postman_collection.json");
    return { document, failures: [] };
  } catch (e) {
    const err = e as Error;
    return { document: undefined, failures: [fail("convert", `${err.name}: ${err.message}`, kindOf("convert", `${err.name}: ${err.message} ${topFrame(err)}`))] };
  }
}

Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 60);

/** The first stack frame in codegen/ (else the first at all), which tells one crash from another with the same message. */
function topFrame(err: Error): string {
  const frames = (err.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  const line = frames.find((l) => l.includes("/codegen/")) ?? frames[0];
  return line ? `@ ${line.replace(/^.*\/(codegen|node_modules)\//, "$1/").replace(/:\d+\)?$/, "")}` : "";
}

// ---- 2. the spec has 0 Redocly errors ------------------------------------------------------

let redocly: Awaited<ReturnType<typeof createConfig>> | undefined;

const PROTO_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== "__proto__"));

/**
 * The document with object keys named like Object.prototype members renamed: Redocly 1.34 looks
 * keys up in plain objects, so a schema property `__lookupSetter__` crashes it and one named
 * `constructor` gives a false `struct` error. Such keys are valid OpenAPI; the rest is linted as is.
 */
function lintable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lintable);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, PROTO_MEMBERS.has(k) ? `${k}_` : k, { value: lintable(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Property 2: Redocly's recommended ruleset finds no error in the converted document. */
export async function checkRedocly(document: OpenApiDocument): Promise<Failure[]> {
  redocly ??= await createConfig({ extends: ["recommended"] });
  let problems: Awaited<ReturnType<typeof lintFromString>>;
  try {
    problems = await lintFromString({ source: JSON.stringify(lintable(document)), absoluteRef: join(ROOT, "fuzz.openapi.json"), config: redocly });
  } catch (e) {
    // Redocly's own crash (it reads some Object.prototype names as its own): not an error in the spec, but a spec users cannot lint.
    const err = e as Error;
    return [fail("redocly", `Redocly crashed: ${err.name}: ${err.message} ${topFrame(err)}`, kindOf("redocly", `Redocly crashed: ${err.name}: ${err.message}`))];
  }
  return problems
    .filter((p) => p.severity === "error")
    .map((p) => fail("redocly", `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ""}`, `redocly: ${p.ruleId}: ${p.message.replace(/`.*`/gs, "Q").replace(/\d+/g, "N").slice(0, 120)}`));
}

// ---- 3. the SDK: generate, parse and type-check ---------------------------------------------

export interface Sdk {
  files: GeneratedFile[];
  document: OpenApiDocument;
}

/** Property 3a: `generate` makes the SDK of any document (on a copy), at distinct, portable paths. */
export async function checkGenerate(document: OpenApiDocument): Promise<{ sdk?: Sdk; failures: Failure[] }> {
  const copy = JSON.parse(JSON.stringify(document)) as OpenApiDocument;
  try {
    const files = await generate(copy, "fuzz.openapi.json");
    return { sdk: { files, document }, failures: checkPaths(files) };
  } catch (e) {
    const err = e as Error;
    return { failures: [fail("generate", `${err.name}: ${err.message}`, kindOf("generate", `${err.name}: ${err.message} ${topFrame(err)}`))] };
  }
}

/** Windows' reserved device names, which no file may be called whatever its extension. */
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** Every file has a distinct path on case-insensitive file systems, and each segment is valid on Windows, macOS and Linux. */
function checkPaths(files: GeneratedFile[]): Failure[] {
  const failures: Failure[] = [];
  const seen = new Map<string, string>();
  for (const { path } of files) {
    const key = path.normalize("NFC").toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) failures.push(fail("generate", `two files at one path on a case-insensitive file system: ${JSON.stringify(other)} and ${JSON.stringify(path)}`, "generate: two files share a path (case-insensitively)"));
    seen.set(key, path);
    for (const segment of path.split("/")) {
      const bad = segment === "" || segment === "." || segment === ".." || /[<>:"\\|?*\u0000-\u001f]/.test(segment) || /[. ]$/.test(segment) || DEVICE.test(segment) || Buffer.byteLength(segment) > 255;
      if (bad) failures.push(fail("generate", `file path ${JSON.stringify(path)} has a segment no portable file system takes: ${JSON.stringify(segment)}`, "generate: a file path is not portable"));
    }
  }
  return failures;
}

const NO_CHECK = /^\/\/ @ts-nocheck\b.*$/m;
let compilerOptions: ts.CompilerOptions | undefined;
const realFiles = new Map<string, ts.SourceFile | undefined>();

/** Which kind of file an error is in, for the finding's class. */
function fileKind(path: string): string {
  if (path.startsWith("runtime/")) return "runtime/*";
  if (["schema.gen.ts", "client.gen.ts", "index.ts"].includes(path)) return path;
  return "<tag>.gen.ts";
}

/**
 * Property 3b. Type-checks many SDKs in ONE program, each in its own virtual folder, with their
 * `@ts-nocheck` lines blanked; returns the failures of each SDK by its position.
 */
export function checkTypes(sdks: Sdk[]): Failure[][] {
  compilerOptions ??= compilerOptionsOf(join(ROOT, "tsconfig.json"));
  const options = { ...compilerOptions, noEmit: true };
  const virtual = new Map<string, string>();
  const dirs = new Set<string>();
  sdks.forEach((sdk, i) => {
    for (const f of sdk.files) {
      const path = join(VIRTUAL, String(i), f.path);
      virtual.set(path, f.content.replace(NO_CHECK, ""));
      for (let d = join(path, ".."); d.startsWith(VIRTUAL); d = join(d, "..")) dirs.add(d);
    }
  });
  dirs.add(VIRTUAL);
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, directoryExists, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(resolve(f)) ?? readFile.call(host, f);
  host.directoryExists = (d) => dirs.has(resolve(d)) || (directoryExists?.call(host, d) ?? false);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = virtual.get(resolve(f));
    if (text !== undefined) return ts.createSourceFile(f, text, lang);
    // lib.dom.d.ts, openapi-fetch's types…: parsed once for every batch.
    const key = `${typeof lang === "object" ? lang.languageVersion : lang} ${f}`;
    let file = realFiles.get(key);
    if (!file) realFiles.set(key, (file = getSourceFile.call(host, f, lang, onError, create)));
    return file;
  };
  const program = ts.createProgram({ rootNames: [...virtual.keys()].filter((f) => f.endsWith(".ts")), options, host });
  const out: Failure[][] = sdks.map(() => []);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? resolve(d.file.fileName) : "";
    const rel = relative(VIRTUAL, file).split("\\").join("/");
    const [index, ...rest] = rel.split("/");
    const i = Number(index);
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const path = rest.join("/");
    const failure = fail("typecheck", `${path}:${where ? where.line + 1 : 0}: TS${d.code}: ${message}`, kindOf("typecheck", `${fileKind(path)} TS${d.code}: ${message}`));
    if (Number.isInteger(i) && out[i]) out[i].push(failure);
    else out.forEach((o) => o.push(failure));
  }
  return out;
}

// ---- 4. importing runs no injected code; 5. a wire call sends what it was given ---------------

/**
 * The SDK bundled (with openapi-fetch) into one CommonJS module, in memory. It is run by `vm` in
 * this realm rather than imported, so no module loader (tsx's, vite's) parses it on the way.
 */
async function bundle(sdk: Sdk): Promise<string> {
  const files = new Map(sdk.files.map((f) => [`/${f.path}`, f.content]));
  const plugin: Plugin = {
    name: "virtual-sdk",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace !== "sdk") return undefined;
        const path = resolve(args.resolveDir || "/", args.path).replace(/\.js$/, ".ts");
        return { path, namespace: "sdk" };
      });
      b.onResolve({ filter: /^sdk:/ }, (args) => ({ path: args.path.slice(4), namespace: "sdk" }));
      b.onLoad({ filter: /.*/, namespace: "sdk" }, (args) => {
        const contents = files.get(args.path);
        if (contents === undefined) return { errors: [{ text: `no such SDK file ${args.path}` }] };
        return { contents, loader: "ts", resolveDir: join(args.path, "..") };
      });
      // openapi-fetch and anything else bare: from the repository's node_modules.
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.namespace !== "sdk") return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, resolveDir: ROOT });
        return { path: r.path, external: false, errors: r.errors };
      });
    },
  };
  const result = await build({ entryPoints: ["sdk:/index.ts"], bundle: true, write: false, format: "cjs", platform: "neutral", target: "es2022", plugins: [plugin], logLevel: "silent", mainFields: ["module", "main"] });
  return result.outputFiles[0]!.text;
}

type SdkModule = Record<string, unknown>;

/** Property 3c: running the SDK's modules sets no global a payload in the spec's text would set. */
export async function checkImport(sdk: Sdk): Promise<{ module?: SdkModule; failures: Failure[] }> {
  let code: string;
  try {
    code = await bundle(sdk);
  } catch (e) {
    return { failures: [fail("import", `esbuild: ${(e as Error).message}`)] };
  }
  const g = globalThis as Record<string, unknown>;
  delete g[INJECTED];
  try {
    const holder = { exports: {} as SdkModule };
    (runInThisContext(`(function (module, exports) {${code}\n})`, { filename: "fuzz-sdk.cjs" }) as (m: typeof holder, e: SdkModule) => void)(holder, holder.exports);
    const module = holder.exports;
    if (g[INJECTED] !== undefined) return { failures: [fail("import", "importing the SDK ran injected code")] };
    return { module, failures: [] };
  } catch (e) {
    const err = e as Error;
    return { failures: [fail("import", `${err.name}: ${err.message}`)] };
  } finally {
    delete g[INJECTED];
  }
}

interface Received {
  method: string;
  url: string;
  contentType: string;
  /** By lower-case name, from the raw headers (a header may be called `__proto__`). */
  headers: Map<string, string>;
  body: Buffer;
}

/** A local HTTP server that records every request and answers 204. */
export interface WireServer {
  baseUrl: string;
  requests: Received[];
  close(): Promise<void>;
}

function headerMap(raw: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    map.set(name, map.has(name) ? `${map.get(name)}, ${raw[i + 1]}` : raw[i + 1]!);
  }
  return map;
}

export async function startWireServer(): Promise<WireServer> {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method!, url: req.url!, contentType: req.headers["content-type"] ?? "", headers: headerMap(req.rawHeaders), body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** Path parameter values that must not change the path. */
const PATH_VALUES = ["..", ".", "a/b", "?x=1", "#h", "100%", "ü x", "%2F", "{id}", "..%2F.."];
/** Header parameter values: sendable ones must arrive as given, the others (CR/LF, beyond Latin-1) be refused with nothing sent. */
const HEADER_VALUES = ["plain value", "caf\u00e9", "a\r\nX-Injected: 1", "\u65e5\u672c"];
const sendableHeader = (v: string) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v);
/** Header names fetch sets itself or refuses; a spec's parameter of that name is not sent here. */
const SKIPPED_HEADERS = new Set(["accept", "accept-charset", "accept-encoding", "authorization", "connection", "content-length", "content-type", "cookie", "host", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "expect", "date", "via", "origin", "referer"]);
/** Query and body values. */
const VALUES = ['a "quoted" value', "line\nbreak", "ü 😀 &=+?#", "", "*/ ${x} `", "__proto__"];

type Schema = { type?: string; format?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
type Operation = {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema; encoding?: Record<string, { contentType?: string }> }> };
};

/** A value of a primitive schema, or undefined when the schema is not primitive. */
function valueFor(schema: Schema | undefined, n: number): unknown {
  if (!schema) return VALUES[n % VALUES.length];
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case "string":
      return schema.format === "binary" ? undefined : VALUES[n % VALUES.length];
    case "integer":
      return 7;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    default:
      return undefined;
  }
}

/** What FormData puts on the wire for a text field's name and value (WHATWG multipart/form-data encoding). */
const wireName = (s: string) => s.replace(/\r\n|\r|\n/g, "\r\n").replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
const wireValue = (s: string) => s.replace(/\r\n|\r|\n/g, "\r\n");

const sortEntries = (e: [string, string][]) => [...e].sort((a, b) => (a[0] + "\0" + a[1] < b[0] + "\0" + b[1] ? -1 : 1));

/** The operations the SDK's modules export: function name, method and path template, read from the generated code. */
export function operationsOf(sdk: Sdk): { fn: string; method: string; path: string }[] {
  const out: { fn: string; method: string; path: string }[] = [];
  for (const f of sdk.files) {
    if (f.path.startsWith("runtime/") || f.path === "schema.gen.ts" || f.path === "index.ts") continue;
    // The signature ends its line with `{` (its return type may hold braces: `operations["{@link y}"]`).
    const re = /export function ([^\s(<]+)\(client: [^\n]*\{\n\s*return call\(\s*client,\s*\{\s*method: ("[A-Z]+"),\s*path: ("(?:[^"\\]|\\.)*")/g;
    for (const m of f.content.matchAll(re)) {
      try {
        out.push({ fn: m[1]!, method: JSON.parse(m[2]!) as string, path: JSON.parse(m[3]!) as string });
      } catch {
        // A path literal that is not JSON is not ours to judge here (the type-check reports it).
      }
    }
  }
  return out;
}

/**
 * Property 4. Calls every operation of the SDK against the wire server with hostile path, query and body
 * values, and compares what arrives with what was given.
 */
export async function checkWire(sdk: Sdk, module: SdkModule, server: WireServer): Promise<Failure[]> {
  const failures: Failure[] = [];
  const createClient = module.createClient as ((o: unknown) => unknown) | undefined;
  if (typeof createClient !== "function") return [fail("wire", "the SDK exports no createClient function")];
  const client = createClient({ baseUrl: server.baseUrl, retry: false, auth: "tok" });
  const ops = operationsOf(sdk);
  // Every operation of the spec has its function (this also keeps the reader above honest).
  const found = new Set(ops.map((o) => `${o.method.toLowerCase()} ${o.path}`));
  for (const [path, item] of Object.entries(sdk.document.paths))
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"])
      if ((item as Record<string, unknown> | undefined)?.[method] && !found.has(`${method} ${path}`))
        failures.push(fail("wire", `${method.toUpperCase()} ${path} has no function in the SDK (found: ${[...found].join(", ")})`, "wire: an operation of the spec has no function in the SDK"));
  let n = 0;
  for (const { fn, method, path } of ops) {
    n++;
    const op = (sdk.document.paths[path] as Record<string, Operation & { parameters?: Operation["parameters"] }> | undefined)?.[method.toLowerCase()];
    if (!op) {
      failures.push(fail("wire", `${fn} calls ${method} ${path}, which the spec does not have`, "wire: an operation's method and path are not the spec's"));
      continue;
    }
    // fetch refuses these methods, and a fragment never reaches a server: nothing to compare on the wire.
    if (["TRACE", "CONNECT"].includes(method) || path.includes("#")) continue;
    const f = module[fn];
    if (typeof f !== "function") {
      failures.push(fail("wire", `${fn} (${method} ${path}) is not exported by index.ts`, "wire: an operation is not exported by index.ts"));
      continue;
    }
    const pathLevel = ((sdk.document.paths[path] as { parameters?: Operation["parameters"] }).parameters ?? []);
    const params = [...pathLevel, ...(op.parameters ?? [])];
    const pathArgs: Record<string, string> = {};
    const names = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
    names.forEach((name, i) => Object.defineProperty(pathArgs, name, { value: PATH_VALUES[(n + i) % PATH_VALUES.length], enumerable: true, writable: true, configurable: true }));
    const query: [string, string][] = [];
    for (const p of params) {
      if (p.in !== "query" || query.some(([k]) => k === p.name)) continue;
      const v = valueFor(p.schema, n + query.length);
      if (typeof v === "string") query.push([p.name, v]);
    }
    const headers: [string, string][] = [];
    for (const p of params) {
      const lower = p.name.toLowerCase();
      if (p.in !== "header" || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(p.name) || SKIPPED_HEADERS.has(lower) || lower.startsWith("sec-") || lower.startsWith("proxy-")) continue;
      if (headers.some(([k]) => k.toLowerCase() === lower) || (p.schema?.type !== undefined && p.schema.type !== "string") || p.schema?.enum) continue;
      headers.push([p.name, HEADER_VALUES[(n + headers.length) % HEADER_VALUES.length]!]);
    }
    const args: Record<string, unknown> = {};
    if (names.length) args.path = pathArgs;
    if (query.length) args.query = Object.fromEntries(query);
    if (headers.length) args.header = Object.fromEntries(headers);
    const content = op.requestBody?.content ?? {};
    const mediaTypes = Object.keys(content);
    let expectBody: ((r: Received) => Promise<string | undefined>) | undefined;
    if (mediaTypes.length === 1 && !["GET", "HEAD"].includes(method)) {
      const media = mediaTypes[0]!;
      const { schema, encoding } = content[media]!;
      if (/json/i.test(media) || /multipart\/form-data|x-www-form-urlencoded/i.test(media)) {
        if (schema?.type === "object" || schema?.properties) {
          const entries: [string, unknown][] = [];
          for (const [k, s] of Object.entries(schema.properties ?? {})) {
            const v = valueFor(s, n + entries.length);
            if (v !== undefined) entries.push([k, v]);
          }
          const body = Object.fromEntries(entries);
          args.body = body;
          const asText = (k: string, v: unknown) => (/json/i.test(encoding?.[k]?.contentType ?? "") ? JSON.stringify(v) : String(v));
          if (/json/i.test(media))
            expectBody = async (r) => {
              let got: unknown;
              try {
                got = JSON.parse(r.body.toString("utf8"));
              } catch {
                return `the JSON body is not JSON: ${r.body.toString("utf8").slice(0, 200)}`;
              }
              return isDeepStrictEqual(got, body) ? undefined : `JSON body ${JSON.stringify(got)} instead of ${JSON.stringify(body)}`;
            };
          else if (/multipart/i.test(media))
            expectBody = async (r) => {
              let form: FormData;
              try {
                form = await new Response(new Uint8Array(r.body), { headers: { "content-type": r.contentType } }).formData();
              } catch (e) {
                return `the multipart body does not parse (${(e as Error).message}); Content-Type ${r.contentType}`;
              }
              const got = sortEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `<file ${v.name}>`]));
              const want = sortEntries(entries.map(([k, v]) => [wireName(k), wireValue(asText(k, v))]));
              return isDeepStrictEqual(got, want) ? undefined : `multipart fields ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`;
            };
          else
            expectBody = async (r) => {
              const got = sortEntries([...new URLSearchParams(r.body.toString("utf8")).entries()]);
              const want = sortEntries(entries.map(([k, v]) => [k, asText(k, v)]));
              return isDeepStrictEqual(got, want) ? undefined : `urlencoded fields ${JSON.stringify(got)} instead of ${JSON.stringify(want)}`;
            };
        }
      } else if (!(schema?.type === "object")) {
        args.body = media.startsWith("text/") ? "raw ü text */" : new Blob(["raw bytes"]);
        expectBody = async (r) => (r.body.toString("utf8") === (media.startsWith("text/") ? "raw ü text */" : "raw bytes") ? undefined : `raw body ${JSON.stringify(r.body.toString("utf8"))}`);
      }
    }
    let before = server.requests.length;
    let threw: Error | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      before = server.requests.length;
      threw = undefined;
      try {
        await (f as (c: unknown, a: unknown) => Promise<unknown>)(client, args);
        break;
      } catch (e) {
        threw = e as Error;
        // "", "." and ".." cannot be encoded so that a server keeps them in one segment (a URL parser
        // reads %2E as a dot too): refusing them, with nothing sent, is the right answer. The call is
        // then made again with plain values, so the rest is still checked.
        // Likewise a header value that cannot be sent (CR/LF, beyond Latin-1).
        const refusable = Object.entries(pathArgs).filter(([, v]) => v === "" || v === "." || v === "..");
        const unsendable = headers.filter(([, v]) => !sendableHeader(v));
        // And a header named __proto__, which Node's fetch drops (the runtime refuses it there).
        const protoHeader = headers.findIndex(([k]) => k.toLowerCase() === "__proto__");
        if (attempt === 2 || server.requests.length !== before) break;
        if (protoHeader >= 0 && /__proto__/.test(threw.message)) {
          headers.splice(protoHeader, 1);
          args.header = Object.fromEntries(headers);
        } else if (refusable.length && /path/i.test(threw.message)) for (const [k] of refusable) pathArgs[k] = "plain";
        else if (unsendable.length && /header/i.test(threw.message)) {
          for (const h of unsendable) h[1] = "plain value";
          args.header = Object.fromEntries(headers);
        } else break;
      }
    }
    if (threw) {
      const err = threw;
      failures.push(fail("wire", `${fn}: ${method} ${path} threw ${err.name}: ${err.message} (args ${JSON.stringify(args)})`, kindOf("wire", `${method === "GET" || method === "HEAD" ? method : "M"} threw ${err.name}: ${err.message}`)));
      continue;
    }
    const sent = server.requests.slice(before);
    if (sent.length !== 1) {
      failures.push(fail("wire", `${fn}: ${method} ${path} sent ${sent.length} requests`, `wire: a call sent ${sent.length === 0 ? "no request" : "several requests"}`));
      continue;
    }
    const r = sent[0]!;
    if (r.method !== method) failures.push(fail("wire", `${fn}: sent ${r.method} instead of ${method}`, "wire: wrong method"));
    const [rawPath, rawQuery = ""] = r.url.split(/\?(.*)/s) as [string, string?];
    // The path as a URL parser makes it from the template, each parameter a placeholder.
    const placeholders = names.map((_, i) => `__fuzz${i}__`);
    let template = path;
    names.forEach((name, i) => (template = template.replace(`{${name}}`, placeholders[i]!)));
    const want = new URL(`${server.baseUrl}${template}`).pathname.split("/");
    const got = rawPath.split("/");
    let pathOk = want.length === got.length;
    if (pathOk)
      want.forEach((w, i) => {
        // A segment may hold a parameter beside literal text (`/a{b}c`): match the segment
        // against the template, each placeholder a capture, and compare the decoded captures.
        const used = placeholders.map((p, k) => [p, k] as const).filter(([p]) => w.includes(p));
        if (used.length === 0) {
          if (w !== got[i]) pathOk = false;
          return;
        }
        const order = [...w.matchAll(/__fuzz(\d+)__/g)].map((m) => Number(m[1]));
        const pattern = new RegExp(`^${w.split(/__fuzz\d+__/).map((lit) => lit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(.*?)")}$`, "s");
        const match = pattern.exec(got[i]!);
        if (!match) {
          pathOk = false;
          return;
        }
        order.forEach((k, j) => {
          let decoded: string | undefined;
          try {
            decoded = decodeURIComponent(match[j + 1]!);
          } catch {
            decoded = undefined;
          }
          if (decoded !== pathArgs[names[k]!]) pathOk = false;
        });
      });
    if (!pathOk)
      failures.push(
        fail("wire", `${fn}: ${method} ${path} with path ${JSON.stringify(pathArgs)} sent ${rawPath}`, names.length ? "wire: a path parameter value changed the path" : "wire: the path sent is not the spec's path"),
      );
    for (const [k, v] of headers) {
      const got = r.headers.get(k.toLowerCase());
      if (!sendableHeader(v)) failures.push(fail("wire", `${fn}: the header ${k} = ${JSON.stringify(v)} cannot be sent, yet the call went out (${JSON.stringify(got)} arrived)`, "wire: an unsendable header value was not refused"));
      else if (got !== Buffer.from(v, "latin1").toString("latin1").trim()) failures.push(fail("wire", `${fn}: header ${k} arrived as ${JSON.stringify(got)} instead of ${JSON.stringify(v)}`, "wire: a header parameter is not the one given"));
    }
    const gotQuery = sortEntries([...new URLSearchParams(rawQuery).entries()]);
    if (!isDeepStrictEqual(gotQuery, sortEntries(query)))
      failures.push(fail("wire", `${fn}: query ${JSON.stringify(gotQuery)} instead of ${JSON.stringify(query)}`, "wire: the query sent is not the one given"));
    if (expectBody) {
      const problem = await expectBody(r);
      if (problem) failures.push(fail("wire", `${fn} (${method} ${path}): ${problem}`, `wire: ${problem.replace(/ .*/, "")} body differs (${mediaTypes[0]})`));
    }
  }
  return failures;
}
