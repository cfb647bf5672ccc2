/**
 * fast-check arbitraries for issue 9's fuzzer: Postman collections and OpenAPI documents full of
 * hostile names and text (comment and literal breakers, reserved words, Object.prototype keys,
 * names of the SDK's own files, unicode, empty and colliding names), every body mode and auth
 * type, deep folders, invalid JSON examples, duplicates, `%` and `{}` in paths.
 *
 * Every injection payload sets `globalThis[INJECTED]`: importing an SDK must leave it unset.
 */
import fc from "fast-check";

/** The global an injected payload sets; importing a generated SDK must never set it. */
export const INJECTED = "__fuzzInjected";

const PAYLOADS = [
  `*/ globalThis.${INJECTED} = 1; /*`,
  `"; globalThis.${INJECTED} = 1; //`,
  `'; globalThis.${INJECTED} = 1; //`,
  `\${globalThis.${INJECTED} = 1}`,
  `\`; globalThis.${INJECTED} = 1; \``,
  `\n globalThis.${INJECTED} = 1; //`,
  `\u2028globalThis.${INJECTED} = 1; //`,
  `*/ }); globalThis.${INJECTED} = 1; (function(){ /*`,
];

/** Object.prototype's members and other keys that mean something to JavaScript objects. */
export const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
];

/** Names of the SDK's own files, runtime modules and exports. */
export const SDK_NAMES = [
  "client",
  "Client",
  "schema",
  "SCHEMA",
  "index",
  "runtime",
  "call",
  "multipart",
  "raw",
  "json",
  "fetchClient",
  "Middleware",
  "pages",
  "items",
  "security",
  "default",
  "createClient",
  "ApiError",
  "paths",
  "operations",
  "components",
  "auth",
  "oauth",
  "body",
  "paginate",
];

const RESERVED = ["class", "function", "delete", "await", "yield", "enum", "let", "new", "import", "export", "this", "void", "null", "true", "in", "typeof", "arguments", "eval", "undefined", "NaN", "Infinity", "Object", "Promise", "Array"];

const TEXT_BITS = [
  "*/",
  "/*",
  "/**",
  "//",
  "`",
  "${",
  "}",
  "{",
  "{}",
  '"',
  "'",
  "\\",
  "\\u0000",
  "\u2028",
  "\u2029",
  "\0",
  "\n",
  "\r\n",
  "\t",
  " ",
  "",
  "@param",
  "@see x",
  "{@link y}",
  "@deprecated",
  "<!--",
  "</script>",
  "<b>bold</b><br>",
  "😀",
  "👩‍👩‍👧",
  "日本語",
  "Ünïcödé naïve café",
  "Ω≈ç√",
  "\u202Eevil",
  "%",
  "100%",
  "%2F",
  "?",
  "#",
  "..",
  ".",
  "/",
  "&",
  "=",
  "+",
  "a".repeat(255),
  "-",
  "_",
  "$",
  "0",
  "1abc",
];

const WORDS = ["get user", "Get User", "get-user", "getUser", "GET_USER", "get_user", "list", "List", "update AH323 SIP device", "users", "Users", "meetings"];

const fragment = fc.constantFrom(...PAYLOADS, ...PROTO_KEYS, ...SDK_NAMES, ...RESERVED, ...TEXT_BITS, ...WORDS);

/** Text for descriptions, summaries, values: hostile fragments, random unicode, or both. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fragment },
  { weight: 2, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 4 }).map((a) => a.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** A name: mostly from small pools so names collide (exactly, by case, after kebab-casing). */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS, ...SDK_NAMES, ...PROTO_KEYS, ...RESERVED) },
  { weight: 2, arbitrary: fragment },
  { weight: 2, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 3 }).map((a) => a.join(" ")) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
);

/** A field, parameter or header name (shorter pool, Object.prototype keys often). */
const fieldName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("id", "name", "email", "ID", "Name", "page_size", "page-size", "x", ...PROTO_KEYS, ...SDK_NAMES.slice(0, 8)) },
  { weight: 2, arbitrary: fragment },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
);

type Json = Record<string, unknown>;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "get", "Post", "TRACE", "PURGE", "COPY"];

/** A path segment: literal words, `:param`, `{{variable}}`, `%`, `{}` and unicode. */
const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("users", "me", "v1", "meetings", "client", "schema", "index", "Users", "users.json", "100%", "%", "{}", "{id}", "a{b}c", "café", "日本", "~x", "a b", "$", "..", ".") },
  { weight: 3, arbitrary: fieldName.map((n) => `:${n}`) },
  { weight: 1, arbitrary: fieldName.map((n) => `{{${n}}}`) },
  { weight: 1, arbitrary: text.map((t) => encodeURIComponent(t).slice(0, 20)) },
);

const url: fc.Arbitrary<unknown> = fc
  .record({
    host: fc.constantFrom("{{baseUrl}}", "https://api.example.com/v2", "https://other.example.org", "{{host}}", "http://localhost:8080/api", "{{%}}"),
    path: fc.array(segment, { maxLength: 5 }),
    query: fc.array(fc.record({ key: fieldName, value: text, description: fc.option(text, { nil: undefined }) }), { maxLength: 3 }),
    variable: fc.array(fc.record({ key: fieldName, value: text, description: text }), { maxLength: 2 }),
    hash: fc.option(fc.constantFrom("X-Amz-Target=Service.Op", "frag", "{}"), { nil: undefined, freq: 8 }),
    asString: fc.boolean(),
  })
  .map(({ host, path, query, variable, hash, asString }) => {
    const raw = `${host}/${path.join("/")}${query.length ? `?${query.map((q) => `${q.key}=${q.value}`).join("&")}` : ""}${hash ? `#${hash}` : ""}`;
    if (asString) return raw;
    return { raw, host: [host], path, query, variable, ...(hash ? { hash } : {}) };
  });

const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.constantFrom("2024-05-01T09:00:00Z", "2024-05-01", "a@b.co", "https://x.y/z", "123e4567-e89b-12d3-a456-426614174000", "<string>", "<integer>", "<boolean>", "true", "42"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.array(fc.tuple(fieldName, tie("value")), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).value;

/** Raw JSON text: valid, with `{{variables}}`, with comments, or not JSON at all. */
const rawJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: jsonValue.map((v) => JSON.stringify(v, null, 2)) },
  { weight: 1, arbitrary: fc.constantFrom('{"a": {{value}}, "b": "{{other}}"}', '{"a": 1, // comment\n "b": 2}', '{"a": 1,}', "{", "not json", "", "[1, 2", '{"__proto__": {"x": 1}, "constructor": 2}') },
  { weight: 1, arbitrary: text },
);

const formField = (mode: "formdata" | "urlencoded"): fc.Arbitrary<Json> =>
  fc.record(
    {
      key: fieldName,
      value: fc.oneof(text, rawJson),
      type: mode === "formdata" ? fc.constantFrom("text", "text", "file") : fc.constant("text"),
      src: fc.constantFrom("/tmp/a.png", "", "x\r\ny"),
      contentType: fc.constantFrom("application/json", "text/plain", "image/png", "x\r\nInjected: 1", "évil"),
      description: text,
      disabled: fc.boolean(),
    },
    { requiredKeys: ["key", "value", "type"] },
  );

const body: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ mode: fc.constant("raw"), raw: rawJson, options: fc.record({ raw: fc.record({ language: fc.constantFrom("json", "xml", "text", "html", "javascript", "graphql", "weird") }) }) }),
  fc.record({ mode: fc.constant("raw"), raw: fc.constantFrom("<a><b>1</b></a>", "<?xml version='1.0'?><x/>", "plain text") }),
  fc.record({ mode: fc.constant("formdata"), formdata: fc.array(formField("formdata"), { maxLength: 5 }) }),
  fc.record({ mode: fc.constant("urlencoded"), urlencoded: fc.array(formField("urlencoded"), { maxLength: 5 }) }),
  fc.record({ mode: fc.constant("file"), file: fc.record({ src: fc.constantFrom("/tmp/a.bin", "") }) }),
  fc.record({ mode: fc.constant("graphql"), graphql: fc.record({ query: text, variables: rawJson }) }),
);

const AUTH_TYPES = ["noauth", "apikey", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "ntlm", "oauth1", "oauth2", "jwt", "akamai", "asap", "unknown"] as const;

const auth: fc.Arbitrary<Json> = fc
  .record({
    type: fc.constantFrom(...AUTH_TYPES),
    key: fieldName,
    value: text,
    in: fc.constantFrom("header", "query", "cookie"),
    grant: fc.constantFrom("authorization_code", "client_credentials", "password", "implicit", "authorization_code_with_pkce", "weird"),
    urls: fc.boolean(),
    scope: text,
    bare: fc.boolean(),
  })
  .map(({ type, key, value, in: where, grant, urls, scope, bare }) => {
    if (bare) return { type };
    const attrs: Json[] =
      type === "apikey"
        ? [{ key: "key", value: key }, { key: "value", value }, { key: "in", value: where }]
        : type === "oauth2"
          ? [{ key: "grant_type", value: grant }, { key: "scope", value: scope }, ...(urls ? [{ key: "authUrl", value: "https://auth.example.com/authorize" }, { key: "accessTokenUrl", value: "https://auth.example.com/token" }] : [])]
          : [{ key: "token", value }, { key: "username", value: key }, { key: "password", value }];
    return { type, [type]: attrs };
  });

const header = fc.record({ key: fc.oneof(fieldName, fc.constantFrom("Content-Type", "Accept", "Authorization", "X-Api-Key")), value: fc.oneof(text, fc.constantFrom("application/json", "multipart/form-data", "application/xml", "text/plain", "application/json; odata=minimalmetadata", "application/merge-patch+json", "application/x-www-form-urlencoded; charset=UTF-8")), description: text });

const response: fc.Arbitrary<Json> = fc.record(
  {
    name: fc.oneof(text, fc.constant("Untitled Example"), fc.constant("**HTTP Status Code:** `200`<br>OK")),
    code: fc.constantFrom(200, 201, 204, 400, 404, 500, 299, 999),
    status: text,
    header: fc.array(header, { maxLength: 2 }),
    body: rawJson,
    _postman_previewlanguage: fc.constantFrom("json", "text", "xml"),
    originalRequest: fc.record({ method: fc.constantFrom(...METHODS), url, body }),
  },
  { requiredKeys: ["name", "code", "body"] },
);

const request: fc.Arbitrary<Json> = fc.record(
  {
    method: fc.constantFrom(...METHODS),
    url,
    header: fc.array(header, { maxLength: 3 }),
    body,
    auth,
    description: fc.oneof(text, text.map((content) => ({ content, type: "text/markdown" })), fc.constant("(Required) [required] (This can only be one of a,b,c) one of the following:\n* `x`\n* `y`")),
  },
  { requiredKeys: ["method", "url"] },
);

/** A request item. */
const requestItem: fc.Arbitrary<Json> = fc.record(
  { name, request, response: fc.array(response, { maxLength: 2 }) },
  { requiredKeys: ["name", "request"] },
);

/** A folder holding `items`, sometimes with its own auth, description and variables. */
const folderAround = (items: Json[], extra: { name: string; description?: string; auth?: Json }): Json => ({ ...extra, item: items });

const tree: fc.Arbitrary<Json[]> = fc.letrec<{ items: Json[]; node: Json }>((tie) => ({
  items: fc.array(tie("node"), { maxLength: 4 }),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: requestItem },
    {
      weight: 1,
      arbitrary: fc
        .record({ name, description: fc.option(text, { nil: undefined }), auth: fc.option(auth, { nil: undefined, freq: 4 }), items: tie("items") })
        .map(({ items, ...extra }) => folderAround(items, JSON.parse(JSON.stringify(extra)) as { name: string })),
    },
    { weight: 1, arbitrary: fc.constantFrom<Json>({ name: "neither" }, { name: "empty folder", item: [] }, { request: "{{baseUrl}}/bare-string" } as Json) },
  ),
})).items;

/** Up to 50 folders, one inside the other, around a list of items. */
const deep: fc.Arbitrary<Json[]> = fc.tuple(fc.integer({ min: 1, max: 50 }), name, fc.array(requestItem, { minLength: 1, maxLength: 2 })).map(([depth, folder, items]) => {
  let node: Json[] = items;
  for (let i = 0; i < depth; i++) node = [folderAround(node, { name: i % 2 ? folder : `${folder} ${i}` })];
  return node;
});

/** A Postman v2.1 (or v2.0) collection as parsed JSON. */
export const collection: fc.Arbitrary<Json> = fc
  .record({
    name: text,
    description: fc.option(text, { nil: undefined }),
    schema: fc.constantFrom("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"),
    items: fc.oneof({ weight: 5, arbitrary: tree }, { weight: 1, arbitrary: deep }),
    dup: fc.boolean(),
    auth: fc.option(auth, { nil: undefined }),
    variable: fc.array(fc.record({ key: fc.oneof(fc.constant("baseUrl"), fc.constant("host"), fieldName), value: fc.oneof(fc.constant("https://api.example.com/v2"), text) }), { maxLength: 3 }),
  })
  .map(({ name: title, description, schema, items, dup, auth: collectionAuth, variable }) => ({
    info: { name: title, schema, ...(description !== undefined ? { description } : {}) },
    // A duplicate of the first item: same method and path twice.
    item: dup && items.length ? [...items, items[0]] : items,
    ...(collectionAuth ? { auth: collectionAuth } : {}),
    variable: [{ key: "baseUrl", value: "https://api.example.com/v2" }, ...variable],
  }));

// ---- OpenAPI documents, for `generate` alone -------------------------------------------------

const REF = "x-fuzz-ref";

/** Component names: valid OpenAPI keys (`^[a-zA-Z0-9._-]+$`) that collide with JavaScript, the SDK and each other. */
const componentName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "client", "Client", "schema", "Schema", "index", "default", "ApiError", "paths", "operations", "components", "1abc", "a.b", "a-b", "a_b", "A-B", "Error", "Promise", "Record", "-", "_", "."),
  name.filter((n) => /^[a-zA-Z0-9._-]+$/.test(n)),
);

const schemaArb: fc.Arbitrary<Json> = fc.letrec<{ schema: Json }>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ type: fc.constant("string"), description: text, enum: fc.option(fc.uniqueArray(text, { minLength: 1, maxLength: 3 }), { nil: undefined }), example: text, default: text }, { requiredKeys: ["type"] }),
    fc.record({ type: fc.constantFrom("integer", "number", "boolean"), description: text }, { requiredKeys: ["type"] }),
    fc.record({ type: fc.constant("string"), format: fc.constant("binary") }),
    // A reference to the n-th component schema (made a real `$ref` once the names are known).
    fc.nat(5).map((n) => ({ [REF]: n })),
    fc.record({ type: fc.constant("array"), items: tie("schema") }),
    fc.record({
      type: fc.constant("object"),
      description: text,
      properties: fc.array(fc.tuple(fieldName, tie("schema")), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
      required: fc.array(fieldName, { maxLength: 2 }),
      additionalProperties: fc.boolean(),
    }, { requiredKeys: ["type", "properties"] }),
  ),
})).schema;

const parameter = fc.record({
  name: fieldName,
  in: fc.constantFrom("query", "header", "cookie"),
  description: text,
  required: fc.boolean(),
  schema: schemaArb,
});

const operationArb = fc.record(
  {
    operationId: name,
    summary: text,
    description: text,
    tags: fc.array(name, { maxLength: 2 }),
    deprecated: fc.boolean(),
    parameters: fc.array(parameter, { maxLength: 3 }),
    requestBody: fc.record({
      required: fc.boolean(),
      content: fc.dictionary(fc.constantFrom("application/json", "multipart/form-data", "application/x-www-form-urlencoded", "application/octet-stream", "text/plain", "application/xml", "application/json; odata=minimalmetadata", "application/merge-patch+json", "application/x-www-form-urlencoded; charset=UTF-8"), schemaArb.map((schema) => ({ schema })), { minKeys: 1, maxKeys: 2 }),
    }),
    responses: fc.dictionary(fc.constantFrom("200", "201", "204", "404", "default", "2XX"), fc.record({ description: text, content: fc.option(fc.record({ "application/json": fc.record({ schema: schemaArb }) }), { nil: undefined }) }, { requiredKeys: ["description"] }), { minKeys: 1, maxKeys: 2 }),
    servers: fc.array(fc.record({ url: fc.constantFrom("https://a.example.com", "https://b.example.com/{v}", "/relative", "https://x.example.com/`${x}`"), description: text }), { maxLength: 1 }),
    security: fc.array(fc.constantFrom({ bearer: [] }, { key: [] }, { oauth: [] }, {}), { maxLength: 2 }),
  },
  { requiredKeys: ["responses"] },
);

/** A path: literal segments (some hostile) and whole-segment `{params}`, each param named once. */
const openApiPath: fc.Arbitrary<{ path: string; params: string[] }> = fc
  .array(fc.oneof(fc.constantFrom("users", "client", "100%", "café", "a b", "items", "..", "schema", "~"), fieldName.map((n) => ({ param: n }))), { minLength: 1, maxLength: 4 })
  .map((segs) => {
    const params: string[] = [];
    const parts = segs.map((s) => {
      if (typeof s === "string") return s;
      let p = s.param.replace(/[{}/?#]/g, "_") || "p";
      while (params.includes(p)) p += "_";
      params.push(p);
      return `{${p}}`;
    });
    return { path: `/${parts.join("/")}`, params };
  });

/** An OpenAPI 3.0 document with hostile names and text everywhere text can go. */
export const openApiDocument: fc.Arbitrary<Json> = fc
  .record({
    title: text,
    description: text,
    serverUrl: fc.oneof(fc.constantFrom("https://api.example.com/v1", "https://api.example.com/{version}", "/api", "https://x.example.com/*/"), text.map((t) => `https://h.example.com/${t}`)),
    keyName: fc.oneof(fc.constantFrom("X-Api-Key", "X-*/-Key"), text),
    serverDefault: text,
    tokenUrl: fc.oneof(fc.constant("https://auth.example.com/token"), text.map((t) => `https://auth.example.com/${t}`)),
    ops: fc.array(fc.tuple(openApiPath, fc.constantFrom("get", "post", "put", "patch", "delete"), operationArb, fc.option(fc.array(fc.record({ url: fc.constantFrom("https://path-level.example.com", "https://p.example.com/\"q\"") }), { minLength: 1, maxLength: 1 }), { nil: undefined, freq: 3 })), { minLength: 1, maxLength: 5 }),
    tags: fc.array(fc.record({ name, description: text }), { maxLength: 3 }),
    schemas: fc.array(fc.tuple(componentName, schemaArb), { maxLength: 4 }),
  })
  .map(({ title, description, serverUrl, keyName, serverDefault, tokenUrl, ops, tags, schemas }) => {
    const paths: Record<string, Json> = {};
    for (const [{ path, params }, method, op, servers] of ops) {
      const parameters = [...params.map((p) => ({ name: p, in: "path", required: true, schema: { type: "string" } })), ...((op.parameters as Json[] | undefined) ?? [])];
      paths[path] = { ...(paths[path] ?? {}), ...(servers ? { servers } : {}), [method]: { ...op, parameters } };
    }
    // Each reference points at a schema that exists (or, with no schemas, becomes a string schema).
    const names = [...new Set(schemas.map(([n]) => n))];
    const pointer = (n: string) => `#/components/schemas/${encodeURIComponent(n.replace(/~/g, "~0").replace(/\//g, "~1"))}`;
    const resolveRefs = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(resolveRefs);
      if (typeof v !== "object" || v === null) return v;
      const o = v as Json;
      if (typeof o[REF] === "number") return names.length ? { $ref: pointer(names[o[REF] % names.length]!) } : { type: "string" };
      const out: Json = {};
      for (const [k, x] of Object.entries(o)) Object.defineProperty(out, k, { value: resolveRefs(x), enumerable: true, writable: true, configurable: true });
      return out;
    };
    return resolveRefs(JSON.parse(JSON.stringify({
      openapi: "3.0.3",
      info: { title, description, version: "1.0.0" },
      servers: [
        { url: serverUrl, variables: serverUrl.includes("{version}") ? { version: { default: "v1" } } : undefined },
        // A second server whose variable's default is hostile text (it may become the client's default base URL).
        { url: "https://{region}.example.com/{base}", variables: { region: { default: "eu", enum: ["eu", "us"] }, base: { default: serverDefault, description: description } } },
      ],
      tags,
      paths,
      components: {
        // A component that is only a reference cannot be resolved when it points at itself: not a document from the wild.
        schemas: Object.fromEntries(schemas.map(([n, schema]) => [n, REF in schema ? { type: "object" } : schema])),
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          key: { type: "apiKey", in: "header", name: keyName },
          oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl, scopes: { [keyName]: description } } } },
        },
      },
    }))) as Json;
  });
