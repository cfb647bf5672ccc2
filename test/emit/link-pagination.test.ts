/**
 * An operation paged by its `Link` header that declares no query parameters: the next page's
 * URL carries the query (`?cursor=…`), and the generated operation sends it, so the paginator
 * walks every page instead of asking for the first one again.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";
import { compilerOptionsOf, typeCheckIgnoringNoCheck } from "../typecheck.js";

const DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "Linked", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/teams/{team}/items": {
      get: {
        operationId: "listItems",
        "x-pagination": { style: "link" },
        parameters: [{ name: "team", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } },
      },
    },
  },
} as unknown as OpenApiDocument;

const DIR = join("test", ".sdk-link-pagination");

describe("a Link-paged operation without query parameters", () => {
  beforeAll(async () => {
    rmSync(DIR, { recursive: true, force: true });
    for (const f of await generate(DOCUMENT, "spec/linked.openapi.json")) {
      mkdirSync(dirname(join(DIR, f.path)), { recursive: true });
      writeFileSync(join(DIR, f.path), f.content);
    }
  }, 60_000);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it("type-checks strictly, @ts-nocheck ignored", () => {
    expect(typeCheckIgnoringNoCheck(DIR, compilerOptionsOf("tsconfig.json"))).toEqual([]);
  }, 60_000);

  it("follows rel=next across three pages, sending each page's query", async () => {
    const sdk = (await import(pathToFileURL(join(process.cwd(), DIR, "index.ts")).href)) as {
      createClient(options: object): object;
      listItemsItems(client: object, args: object): AsyncIterable<string>;
    };
    const urls: string[] = [];
    const pagesByCursor: Record<string, [string[], string | undefined]> = {
      "": [["a", "b"], "https://api.example.com/teams/t%201/items?cursor=c2"],
      c2: [["c"], "https://api.example.com/teams/t%201/items?cursor=c3"],
      c3: [["d"], undefined],
    };
    const fetch = async (request: Request) => {
      urls.push(request.url);
      const [items, next] = pagesByCursor[new URL(request.url).searchParams.get("cursor") ?? ""]!;
      return new Response(JSON.stringify(items), { headers: { "Content-Type": "application/json", ...(next ? { Link: `<${next}>; rel="next"` } : {}) } });
    };
    const client = sdk.createClient({ fetch, retry: false });
    const seen: string[] = [];
    for await (const item of sdk.listItemsItems(client, { path: { team: "t 1" } })) seen.push(item);
    expect(seen).toEqual(["a", "b", "c", "d"]);
    expect(urls).toEqual(["https://api.example.com/teams/t%201/items", "https://api.example.com/teams/t%201/items?cursor=c2", "https://api.example.com/teams/t%201/items?cursor=c3"]);
  });
});
