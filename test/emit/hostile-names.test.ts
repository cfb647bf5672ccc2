/**
 * Names and text nobody here would write: tags named after the SDK's own files, operationIds
 * that are runtime names, Object.prototype members, non-identifiers and other scripts, and
 * descriptions, paths and keys that try to break out of comments and literals. The SDK must
 * have distinct files and exports, compile, and run nothing of the spec's text when imported.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Diagnostics, generate, type GeneratedFile } from "../../codegen/index.js";
import { HOSTILE } from "./hostile-document.js";
import { compilerOptionsOf, typeCheckIgnoringNoCheck } from "../typecheck.js";

const DIR = join("test", ".sdk-hostile");

describe("an SDK of hostile names and text", () => {
  const diagnostics = new Diagnostics("spec/hostile.openapi.json");
  let files: GeneratedFile[];

  beforeAll(async () => {
    files = await generate(HOSTILE, "spec/hostile.openapi.json", { diagnostics });
    rmSync(DIR, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(DIR, f.path)), { recursive: true });
      writeFileSync(join(DIR, f.path), f.content);
    }
  });
  afterAll(() => process.env.KEEP_SDK || rmSync(DIR, { recursive: true, force: true }));

  it("gives every tag its own file, none of them the SDK's own, none differing only in case", () => {
    const modules = files.map((f) => f.path).filter((p) => p.endsWith(".ts") && !p.startsWith("runtime/"));
    expect(modules).toEqual([
      "a".repeat(55) + "-d2fda126.gen.ts",
      "client-operations.gen.ts",
      "client.gen.ts",
      "con-operations.gen.ts",
      "devices.gen.ts",
      "files.gen.ts",
      "index-operations.gen.ts",
      "index.ts",
      "odd.gen.ts",
      "proto-operations.gen.ts",
      "runtime-names.gen.ts",
      "runtime-operations.gen.ts",
      "schema-operations.gen.ts",
      "schema.gen.ts",
      "tag-805f5ce7.gen.ts",
      "users.gen.ts",
    ]);
    expect(new Set(modules.map((m) => m.toLowerCase())).size).toBe(modules.length);
  });

  it("type-checks strictly", () => {
    expect(typeCheckIgnoringNoCheck(DIR, compilerOptionsOf("tsconfig.json"))).toEqual([]);
  }, 60_000);

  it("names functions by their operationId where it is a free identifier, else the nearest readable name, and says so", async () => {
    const sdk = (await import(pathToFileURL(join(process.cwd(), DIR, "index.ts")).href)) as Record<string, unknown>;
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    const functions = Object.keys(sdk).filter((k) => typeof sdk[k] === "function" && !["ApiError", "createClient"].includes(k));
    expect(functions.sort()).toEqual(
      [
        "GetUser",
        "__proto__Operation",
        "aB",
        "callOperation",
        "clientOperation",
        "constructorOperation",
        "createClientOperation",
        "encodeQueryOperation",
        "fetchClient",
        "getCon",
        "getIndex",
        "getLong",
        "getOddQuoted100Tick",
        "getEmptyId",
        "getRuntime",
        "getSchema",
        "getUser",
        "getUser2",
        "idempotentOperation",
        "listClients",
        "listFiles",
        "listUsersA",
        "listUsersB",
        "logging",
        "loggingOperation",
        "multipartOperation",
        "op100",
        "toStringOperation",
        "unicodeNaiveCafe",
        "updateAH323SipDevice",
        "withHooks",
        "withHooksOperation",
        "日本語",
      ].sort(),
    );
    expect(diagnostics.list.map((d) => `${d.severity} ${d.code} ${d.at.pointer}: ${d.message}`)).toEqual([
      'warning renamed-operation #/paths/~1cafe/get/operationId: the operationId "Ünïcödé naïve café" is not a JavaScript identifier; its function is named unicodeNaiveCafe',
      'warning renamed-operation #/paths/~1call/post/operationId: the operationId "call" is a name the SDK itself exports or imports; its function is named callOperation',
      'warning renamed-operation #/paths/~1client-name/get/operationId: the operationId "client" is a name the SDK itself exports or imports; its function is named clientOperation',
      'warning renamed-operation #/paths/~1constructor/get/operationId: the operationId "constructor" is a member of Object.prototype; its function is named constructorOperation',
      'warning renamed-operation #/paths/~1create-client/get/operationId: the operationId "createClient" is a name the SDK itself exports or imports; its function is named createClientOperation',
      'warning renamed-operation #/paths/~1empty-id/get/operationId: the operationId "" is not a JavaScript identifier; its function is named getEmptyId',
      'warning renamed-operation #/paths/~1encode-query/get/operationId: the operationId "encodeQuery" is a name the SDK itself exports or imports; its function is named encodeQueryOperation',
      'warning renamed-operation #/paths/~1hash-id/get/operationId: the operationId "a#b" is not a JavaScript identifier; its function is named aB',
      'warning renamed-operation #/paths/~1idempotent/post/operationId: the operationId "idempotent" is a name the SDK itself exports or imports; its function is named idempotentOperation',
      'warning renamed-operation #/paths/~1logging/get/operationId: the operationId "logging" is a name the SDK itself exports or imports; its function is named loggingOperation',
      'warning renamed-operation #/paths/~1multipart/get/operationId: the operationId "multipart" is a name the SDK itself exports or imports; its function is named multipartOperation',
      'warning renamed-operation #/paths/~1percent-id/get/operationId: the operationId "100%" is not a JavaScript identifier; its function is named op100',
      'warning renamed-operation #/paths/~1proto/get/operationId: the operationId "__proto__" is a member of Object.prototype; its function is named __proto__Operation',
      'warning renamed-operation #/paths/~1to-string/get/operationId: the operationId "toString" is a member of Object.prototype; its function is named toStringOperation',
      'warning renamed-operation #/paths/~1user~1{id}/delete/operationId: the operationId "getUser" is taken by another operation; its function is named getUser2',
      'warning renamed-operation #/paths/~1with-hooks/get/operationId: the operationId "withHooks" is a name the SDK itself exports or imports; its function is named withHooksOperation',
    ]);
  });

  it("keeps a form field named __proto__ or after an Object.prototype member, in the plan and in the types", () => {
    const text = files.find((f) => f.path === "runtime-names.gen.ts")!.content;
    expect(text).toContain('["__proto__"]: "text" as const, "a\\"b": "text", hasOwnProperty: "text" as const, toString: "text" as const })');
    const types = files.find((f) => f.path === "schema.gen.ts")!.content;
    expect(types).toContain('"__proto__"?: string;');
    expect(types).not.toContain("__codegenMaskedKey");
  });

  it("sends an operation with its own server there, unless the caller chose a base URL", () => {
    const text = files.find((f) => f.path === "files.gen.ts")!.content;
    expect(text).toContain('baseUrl: "https://files.example.com/v2",');
    expect(files.find((f) => f.path === "users.gen.ts")!.content).not.toContain("baseUrl:");
  });
});
