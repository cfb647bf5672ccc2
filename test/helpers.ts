/** Small builders so each test states only the part of a collection it is about. */
import { readdirSync } from "node:fs";
import { convert } from "../codegen/index.js";
import type { OpenApiDocument } from "../codegen/openapi.js";

export type Json = Record<string, unknown>;

/** A v2.1 collection around the given items, with `baseUrl` set unless `extra` says otherwise. */
export function collection(items: Json[], extra: Json = {}): Json {
  return {
    info: { name: "Test API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: items,
    variable: [{ key: "baseUrl", value: "https://api.example.com/v2" }],
    ...extra,
  };
}

/** A request item; `request` fields override the defaults (GET {{baseUrl}}/things). */
export function item(name: string, request: Json = {}, response: Json[] = []): Json {
  return { name, request: { method: "GET", header: [], url: "{{baseUrl}}/things", ...request }, response };
}

/** A formdata body from `[key, value, description?]` rows. */
export function form(...fields: [string, string, string?][]): Json {
  return {
    mode: "formdata",
    formdata: fields.map(([key, value, description]) => ({ key, value, type: "text", ...(description ? { description } : {}) })),
  };
}

/** Converts and returns the document (asserting there was one) and the diagnostics. */
export function convertJson(json: Json, file = "test.postman_collection.json") {
  const result = convert(JSON.stringify(json), file);
  if (!result.document) throw new Error(`no document: ${JSON.stringify(result.diagnostics)}`);
  return { document: result.document, diagnostics: result.diagnostics };
}

/** The only operation of a document. */
export function onlyOperation(document: OpenApiDocument) {
  const [path] = Object.keys(document.paths);
  const item = document.paths[path!]!;
  const [method] = Object.keys(item);
  return { path, method, operation: item[method as "get"]! };
}

/** The TypeScript files of an SDK folder, with / separators, sorted. */
export function sdkFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.split("\\").join("/"))
    .sort();
}
