/**
 * emit: OperationPlans → TypeScript source, one file per tag, printed by ts-morph from plain
 * structures (each file created once; indentation and quotes set once for the project).
 * Every function is `fn(client, { path, query, header, body }, init?)` and is typed from
 * the openapi-typescript `operations`, so a wrong enum value, a missing required form field
 * or a missing path parameter does not compile.
 */
import {
  printStructure,
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import { OBJECT_PROTOTYPE_NAMES } from "../naming.js";
import { docComment, docText, literal, propertyAccess, propertyKey, stringLiteral } from "./escape.js";
import type { OperationPlan, SdkPlan } from "./plan.js";

/** A file of the SDK, path relative to the SDK's folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/**
 * Prints one file from plain structures, once: ts-morph's structure printer, with no Project
 * behind it, so nothing is parsed back into an AST we would not use (on GitHub's 1,223
 * operations a Project costs a parse of every file it prints). Indentation and quotes are set
 * here, once.
 */
function printFile(statements: (string | StatementStructures | WriterFunction)[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, useSingleQuote: false, newLine: "\n" });
}

/** Every file ts-morph prints for a plan: `client.gen.ts`, the operation modules, `index.ts`. */
export function emitCode(plan: SdkPlan): GeneratedFile[] {
  const operations = emitOperations(plan);
  return [emitClient(plan), ...operations, emitIndex(operations.map((f) => f.path.replace(/\.ts$/, ".js")).sort(), plan.models)];
}

/** Prints the operation modules, one per tag, in the order their first operation appears. */
export function emitOperations(plan: SdkPlan): GeneratedFile[] {
  const modules = new Map<string, OperationPlan[]>();
  for (const op of plan.operations) modules.set(op.module, [...(modules.get(op.module) ?? []), op]);
  return [...modules].map(([module, ops]) => {
    // Module names are minted in plan (naming.ts): distinct from the SDK's own files, case folded.
    const path = `${module}.gen.ts`;
    const statements: StatementStructures[] = [
      ...imports(ops),
      ...ops.flatMap((op) => [argsInterface(op), operationFunction(op), ...(op.pagination ? paginationFunctions(op) : [])]),
    ];
    return { path, content: printFile(statements) };
  });
}

/** Prints `client.gen.ts`: the client type, `createClient`, `logging`, the spec's security, and the OAuth helper. */
export function emitClient(plan: SdkPlan): GeneratedFile {
  const credentials = Object.entries(plan.schemes).map(([name, scheme]) => ({
    name: propertyKey(name),
    hasQuestionToken: true,
    type: scheme.type === "basic" || scheme.type === "digest" ? "BasicCredentials | (() => BasicCredentials | Promise<BasicCredentials>)" : "TokenSource",
    leadingTrivia: docComment(
      docText(
        scheme.type === "basic"
          ? "HTTP basic: a user name and password."
          : scheme.type === "digest"
            ? "HTTP Digest (RFC 7616, MD5 or SHA-256): a user name and password, answered after the server's challenge."
          : scheme.type === "apiKey"
            ? `An API key, sent in the ${scheme.in} \`${scheme.name}\`.`
            : scheme.implied
              ? "A bearer token. The spec declares no security scheme; a token given is sent as `Authorization: Bearer …`."
              : "A bearer token.",
      ),
    ),
  }));
  const operationSecurity = Object.fromEntries(plan.operations.filter((op) => op.security).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.security!]));
  const statements: (string | StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] },
    importOf(
      "./runtime/auth.gen.js",
      [...new Set(Object.values(plan.schemes).flatMap((s) => (s.type === "digest" ? [] : [s.type])))].sort(),
      plan.tokenUrl ? ["BasicCredentials", "RefreshableToken", "SecurityInfo", "TokenSource"] : ["BasicCredentials", "SecurityInfo", "TokenSource"],
    ),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/client.gen.js", namedImports: ["createApiClient", { name: "ClientOptions", isTypeOnly: true }] },
    // Imported under another name: the SDK's own `logging` passes the API's environment variable.
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/log.gen.js",
      namedImports: [{ name: "logging", alias: "createLogging" }, { name: "Logger", isTypeOnly: true }, { name: "LogLevel", isTypeOnly: true }, { name: "Logging", isTypeOnly: true }],
    },
    ...(Object.values(plan.schemes).some((s) => s.type === "digest") ? [importOf("./runtime/digest.gen.js", ["digest"])] : []),
    ...(plan.tokenUrl ? [importOf("./runtime/oauth.gen.js", ["clientCredentialsToken"], ["ClientCredentialsOptions"])] : []),
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/transport.gen.js",
      namedImports: [{ name: "fetchClient", alias: "openapiFetchClient" }, { name: "ApiClient", alias: "RuntimeClient", isTypeOnly: true }],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: ["paths"] },
    (writer) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      leadingTrivia: docComment("The server the spec names first; `createClient({ baseUrl })` overrides it."),
      declarations: [{ name: "defaultBaseUrl", initializer: stringLiteral(plan.defaultBaseUrl) }],
    },
    (writer) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "Credentials",
      leadingTrivia: docComment("Credentials for each of the API's security schemes, by scheme name."),
      properties: credentials,
    },
    (writer) => writer.blankLineIfLastNot(),
    // Printed as text: ts-morph indents a multi-line initializer one level too deep.
    [
      "/** What the spec says of its security: the runtime sends each operation the credentials it asks for. */",
      "export const security: SecurityInfo = {",
      `  schemes: ${schemesLiteral(plan.schemes)},`,
      `  default: ${literal(plan.security)},`,
      `  operations: ${literal(operationSecurity)},`,
      "};",
    ].join("\n"),
    (writer) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ApiClient",
      leadingTrivia: docComment("A client for this API, from `createClient`: every operation function takes one. `fetchClient(client)` makes an openapi-fetch client of it."),
      type: "RuntimeClient",
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "createClient",
      leadingTrivia: docComment(
          [
            "Creates a client for this API.",
            "",
            "```ts",
            "const client = createClient({",
            "  auth: async () => getAccessToken(), // or a string; called per request",
            "  retry: { retries: 3, maxDelayMs: 10_000 }, // 408, 429, 5xx, network errors",
            "  timeoutMs: 30_000, // each call's deadline, retries included",
            "  hooks: withHooks({ onResponse: ({ method, path, response, attempts }) => log(method, path, response.status, attempts) }),",
            "});",
            "```",
          ].join("\n"),
          [
            { tagName: "param", text: "options.baseUrl Defaults to `defaultBaseUrl`." },
            { tagName: "param", text: "options.auth One token (string, or function returning one) for bearer/OAuth 2 schemes, or `Credentials` per scheme." },
            { tagName: "param", text: "options.retry Retries on 408, 429, 500, 502, 503, 504 and network errors (default 2, honouring Retry-After); `false` turns them off." },
            { tagName: "param", text: "options.timeoutMs Each call's deadline, retries included." },
            { tagName: "param", text: "options.throwOnError Throw an `ApiError` instead of returning `{ error }`." },
            { tagName: "param", text: "options.hooks `withHooks({ onRequest, onResponse, onError })`, called once per call, around the retry loop; none, and no hook code, by default." },
            { tagName: "param", text: `options.logger \`logging(console)\` logs every attempt, secrets masked; \`logging()\` logs to the console at the level \`${plan.logEnv}\` names, nothing while it is unset.` },
            { tagName: "param", text: "options.fetch The fetch to use; defaults to the global one." },
          ],
      ),
      parameters: [{ name: "options", type: "ClientOptions<Credentials>", initializer: "{}" }],
      returnType: "ApiClient",
      statements: ["return createApiClient(defaultBaseUrl, security, options);"],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "fetchClient",
      leadingTrivia: docComment(
        [
          "An openapi-fetch client with the base URL, fetch, headers and middleware (credentials, logging, Digest,",
          "token refresh) of `client`, for requests outside the operation functions. Retries, timeouts, hooks and",
          "`throwOnError` are the operation functions' own; middleware added to `client` later does not reach it.",
          "An app that never calls this bundles none of openapi-fetch's client.",
          "",
          "```ts",
          "const { data, error } = await fetchClient(client).GET(path, { params });",
          "```",
        ].join("\n"),
      ),
      parameters: [{ name: "client", type: "ApiClient" }],
      returnType: "Client<paths>",
      statements: ["return openapiFetchClient<paths>(client);"],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "logging",
      leadingTrivia: docComment(
        [
          "Logging for `createClient({ logger })`: method, URL, status, attempt, duration and request id of every",
          "attempt, with `Authorization`, cookies, API keys and token-like names masked. An app that never calls",
          "this bundles no logging code.",
          "",
          "```ts",
          "createClient({ logger: logging(console) }); // from debug up",
          `createClient({ logger: logging() }); // to the console, at the level ${plan.logEnv}=debug|info|warn|error names; nothing while it is unset`,
          "```",
        ].join("\n"),
        [
          { tagName: "param", text: "logger `console`, pino, winston, …; defaults to `console`." },
          { tagName: "param", text: `level The lowest level logged; else the level \`${plan.logEnv}\` names, else \`debug\` when a logger is given.` },
        ],
      ),
      parameters: [
        { name: "logger", type: "Logger", hasQuestionToken: true },
        { name: "level", type: "LogLevel", hasQuestionToken: true },
      ],
      returnType: "Logging",
      statements: [`return createLogging(logger, level, ${stringLiteral(plan.logEnv)});`],
    },
  ];
  if (plan.tokenUrl) {
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      name: "clientCredentials",
      leadingTrivia: docComment(
          [
            `OAuth 2 client credentials against ${docText(plan.tokenUrl)}: the token is fetched once, cached,`,
            "refreshed before it expires and again after a 401. Pass the result as `auth`.",
            "",
            "```ts",
            "// Zoom server-to-server OAuth",
            "const auth = clientCredentials({ clientId, clientSecret, grantType: \"account_credentials\", params: { account_id: accountId } });",
            "const client = createClient({ auth });",
            "```",
          ].join("\n"),
      ),
      parameters: [{ name: "options", type: 'Omit<ClientCredentialsOptions, "tokenUrl"> & { tokenUrl?: string }' }],
      returnType: "RefreshableToken",
      statements: [`return clientCredentialsToken({ tokenUrl: ${stringLiteral(plan.tokenUrl)}, ...options });`],
    });
  }
  return { path: "client.gen.ts", content: printFile(statements) };
}

/** Prints `index.ts`: everything a user imports, from one place. */
/** The index: every module's exports, the runtime's public names, the schema types, and each of `models` by name. */
export function emitIndex(modules: string[], models: readonly string[] = []): GeneratedFile {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.gen.js" },
    ...modules.map((m): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${m}` })),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/call.gen.js", namedExports: ["ApiError"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/call.gen.js", namedExports: ["CallOptions", "Hooks", "HttpError", "Result", "RetryOptions"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/auth.gen.js", namedExports: ["BasicCredentials", "RefreshableToken", "TokenSource"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/body.gen.js", namedExports: ["FileUpload"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/client.gen.js", namedExports: ["ClientOptions"] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/hooks.gen.js", namedExports: ["withHooks"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/hooks.gen.js", namedExports: ["HookRunner"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/log.gen.js", namedExports: ["LogLevel", "Logger", "Logging"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/transport.gen.js", namedExports: ["Middleware"] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedExports: ["components", "operations", "paths"] },
  ];
  if (models.length > 0) {
    statements.unshift({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: ["components"] });
    statements.push(...models.map((name): StatementStructures => ({ kind: StructureKind.TypeAlias, isExported: true, name, type: `components["schemas"][${stringLiteral(name)}]` })));
  }
  return { path: "index.ts", content: printFile(statements) };
}

function importOf(moduleSpecifier: string, values: string[], types: string[] = []): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier,
    namedImports: [...values, ...types.map((name) => ({ name, isTypeOnly: true }))],
  };
}

function imports(ops: OperationPlan[]): ImportDeclarationStructure[] {
  const body = new Set<string>();
  for (const op of ops) {
    const kind = op.body?.kind;
    if (kind === "json" && op.body!.contentType) body.add("json");
    if (kind === "multipart") body.add("multipart");
    if (kind === "urlencoded") body.add("urlencoded");
    if (kind === "text" || kind === "binary") body.add("raw");
  }
  const styles = [...new Set(ops.flatMap((op) => (op.pagination ? [op.pagination.style] : [])))];
  const keyed = ops.some(sendsKey);
  const schemaTypes = [...new Set(ops.map((op) => (op.typeRef.startsWith("operations") ? "operations" : "paths")))].sort();
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./client.gen.js", namedImports: ["ApiClient"] },
    ...(body.size > 0 ? [importOf("./runtime/body.gen.js", [...body].sort())] : []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/call.gen.js", namedImports: ["call", { name: "CallOptions", isTypeOnly: true }, { name: "Result", isTypeOnly: true }] },
    ...(styles.length > 0 ? [importOf("./runtime/paginate.gen.js", ["items", "pages", ...styles].sort())] : []),
    ...(keyed ? [importOf("./runtime/idempotency.gen.js", ["idempotent"])] : []),
    ...(ops.some((op) => op.params.query || linkPagedWithoutQuery(op)) ? [importOf("./runtime/query.gen.js", ["encodeQuery"])] : []),
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: schemaTypes },
  ];
}

/**
 * Whether an operation may send an idempotency key: it declares the header, or it is a POST or
 * PATCH (the client's `idempotencyKey: true`). Only those import the code that makes one.
 */
const sendsKey = (op: OperationPlan) => op.idempotencyKey !== undefined || /^(post|patch)$/i.test(op.method);

function argsInterface(op: OperationPlan): InterfaceDeclarationStructure {
  const properties: { name: string; hasQuestionToken: boolean; type: string }[] = (["path", "query", "header"] as const).flatMap((where) => {
    const group = op.params[where];
    return group ? [{ name: where, hasQuestionToken: !group.required, type: `${op.typeRef}["parameters"][${stringLiteral(where)}]` }] : [];
  });
  if (op.body) {
    const requestBody = op.body.required ? `${op.typeRef}["requestBody"]` : `NonNullable<${op.typeRef}["requestBody"]>`;
    properties.push({ name: "body", hasQuestionToken: !op.body.required, type: `${requestBody}["content"][${stringLiteral(op.body.mediaType)}]` });
  }
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: op.argsTypeName,
    leadingTrivia: docComment(`The arguments of \`${op.functionName}\`.`),
    properties,
  };
}

/** An operation paged by its Link header that declares no query parameters: its next pages' URLs still carry one. */
const linkPagedWithoutQuery = (op: OperationPlan) => op.pagination?.style === "link" && !op.params.query;

const argsRequiredOf = (op: OperationPlan) => Object.values(op.params).some((g) => g.required) || op.body?.required === true;

function operationFunction(op: OperationPlan): FunctionDeclarationStructure {
  const groups = (["path", "query", "header"] as const).filter((where) => op.params[where]);
  const kind = op.body?.kind;
  const fields = [`method: ${stringLiteral(op.method.toUpperCase())}`, `path: ${stringLiteral(op.path)}`];
  if (op.baseUrl !== undefined) fields.push(`baseUrl: ${stringLiteral(op.baseUrl)}`);
  const params = groups.map((g) => (g === "query" ? "query: encodeQuery(args.query)" : `${g}: args.${g}`));
  // Its paginator hands it the next page's query, from the Link header: sent though the operation declares none.
  if (linkPagedWithoutQuery(op)) params.push("query: encodeQuery((args as unknown as { query?: object }).query)");
  if (params.length > 0) fields.push(`params: { ${params.join(", ")} }`);
  if (op.body) fields.push("body: args.body");
  // A JSON body with a Content-Type of its own (parameters, a +json type) is encoded by the
  // runtime's json(), imported only where one is: plain application/json needs no encoder.
  if (kind === "json" && op.body!.contentType) fields.push(`encode: json(${stringLiteral(op.body!.contentType)})`);
  if (kind === "multipart") fields.push(`encode: multipart(${formPlanLiteral(op.body!.parts ?? {})})`);
  if (kind === "urlencoded") {
    const type = op.body!.contentType ? `, ${stringLiteral(op.body!.contentType)}` : "";
    fields.push(`encode: urlencoded(${formPlanLiteral(op.body!.parts ?? {})}${type})`);
  }
  if (kind === "text" || kind === "binary") fields.push(`encode: raw(${stringLiteral(op.body!.mediaType)})`);
  if (op.parseAs) fields.push(`parseAs: ${stringLiteral(op.parseAs)}`);
  if (op.errors) fields.push(`errors: ${literal(op.errors)}`);
  if (op.idempotencyKey !== undefined) fields.push(`idempotencyKey: ${stringLiteral(op.idempotencyKey)}`);
  if (sendsKey(op)) fields.push("idempotent");
  // The result type comes from the operation itself; see Result in runtime/call.
  const resultType = `Promise<Result<${op.parseAs ? `${op.typeRef}, { parseAs: ${stringLiteral(op.parseAs)} }` : op.typeRef}>>`;
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: op.functionName,
    leadingTrivia: jsDoc(op),
    parameters: [
      { name: "client", type: "ApiClient" },
      { name: "args", type: op.argsTypeName, ...(argsRequiredOf(op) ? {} : { initializer: "{}" }) },
      { name: "init", type: "CallOptions", hasQuestionToken: true },
    ],
    returnType: resultType,
    statements: [["return call(", "  client,", "  {", ...fields.map((f) => `    ${f},`), "  },", "  init,", ");"].join("\n")],
  };
}

/** For a paged operation: an async iterator over its pages, and one over their items. */
function paginationFunctions(op: OperationPlan): FunctionDeclarationStructure[] {
  const p = op.pagination!;
  const parameters = [
    { name: "client", type: "ApiClient" },
    { name: "args", type: op.argsTypeName, ...(argsRequiredOf(op) ? {} : { initializer: "{}" }) },
    { name: "init", type: "CallOptions", hasQuestionToken: true },
  ];
  const param = p.param === undefined ? "" : stringLiteral(p.param);
  const next = p.style === "link" ? "link" : p.style === "cursor" ? `cursor(${param}, ${literal(p.field ?? [])})` : `${p.style}(${param})`;
  const follows =
    p.style === "cursor"
      ? `following \`${docText(p.tokenField)}\` until it is empty or repeats`
      : p.style === "link"
        ? "following the `Link` header's `rel=\"next\"`"
        : `moving \`${docText(p.param ?? "")}\` on until a page is empty`;
  const fns: FunctionDeclarationStructure[] = [
    {
      kind: StructureKind.Function,
      isExported: true,
      name: p.pagesName,
      leadingTrivia: docComment(`Every page of \`${op.functionName}\`, ${follows}. A failed page throws an \`ApiError\`.\n\n\`\`\`ts\nfor await (const page of ${p.pagesName}(client, args)) { … }\n\`\`\``),
      parameters,
      statements: [
        [
          "return pages(",
          // The whole args cast: an operation paged by its Link header may take no query at all.
          `  (query) => ${op.functionName}(client, { ...args, query } as ${op.argsTypeName}, init),`,
          `  ${next},`,
          `  ${op.params.query ? "args.query" : "{}"}${p.items ? `,\n  ${literal(p.items)}` : ""}`,
          ");",
        ].join("\n"),
      ],
    },
  ];
  if (p.items) {
    // A page whose operation also answers in text (GitHub's diffs) is narrowed to its JSON first.
    const access = itemsAccessor(p.items);
    fns.push({
      kind: StructureKind.Function,
      isExported: true,
      name: p.itemsName,
      leadingTrivia: docComment(`Every item of every page of \`${op.functionName}\`${p.items.length > 0 ? ` (\`${docText(p.items.join("."))}\`)` : ""}, in order.`),
      parameters,
      statements: [`return items(${p.pagesName}(client, args, init), (page) => ${access});`],
    });
  }
  return fns;
}

/**
 * `(page) => …` reading the items array at `path` in a page, narrowing with `in` at each step:
 * a page typed as a union (a JSON body or an error shape), as `object`, or with a key that is
 * no identifier (`"Templates API"`) still compiles, and an array keeps its item type.
 */
function itemsAccessor(path: string[]): string {
  if (path.length === 0) return "(Array.isArray(page) ? page : undefined)";
  const lines = ["{", "  const v0 = page;"];
  path.forEach((name, i) => {
    const key = stringLiteral(name);
    lines.push(`  const v${i + 1} = typeof v${i} === "object" && v${i} !== null && ${key} in v${i} ? v${i}${propertyAccess(name)} : undefined;`);
  });
  lines.push(`  return Array.isArray(v${path.length}) ? v${path.length} : undefined;`, "}");
  return lines.join("\n");
}

/**
 * A body's field plan as a literal. A field named after an Object.prototype member
 * (`toString`) is contextually typed by that member rather than by the plan's index
 * signature, so its value would widen to `string`: it is written `as const`.
 */
function formPlanLiteral(parts: Record<string, unknown>): string {
  const entries = Object.entries(parts).map(([name, plan]) => `${propertyKey(name)}: ${literal(plan)}${PROTOTYPE_NAMES.has(name) ? " as const" : ""}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

const PROTOTYPE_NAMES = new Set(OBJECT_PROTOTYPE_NAMES);

/** Each scheme as the runtime function that applies it: `{ oauth2: bearer, key: apiKey("header", "X-Key") }`. */
function schemesLiteral(schemes: SdkPlan["schemes"]): string {
  const entries = Object.entries(schemes).map(([name, s]) => {
    return `${propertyKey(name)}: ${s.type === "apiKey" ? `apiKey(${stringLiteral(String(s.in))}, ${stringLiteral(String(s.name))})` : s.type}`;
  });
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/**
 * Summary, description (Markdown), `METHOD /path`, `@deprecated`; text made safe for a comment.
 * No `@see` and no `{@link}` in what codegen writes: tsc parses a comment in a .ts file only
 * when it holds one of them (TypeScript's jsDocSeeOrLink), and on GitHub's 1,223 operations
 * that parsing was 0.06 s of the consumer's type-check. Editors read every tag either way.
 */
function jsDoc(op: OperationPlan): string {
  const prose = [op.summary, op.description].filter((t): t is string => Boolean(t)).map(docText);
  const text = [...prose, `\`${op.method.toUpperCase()} ${docText(op.path)}\``].join("\n\n");
  const tags: { tagName: string; text?: string }[] = [
    { tagName: "param", text: "client From `createClient`." },
    { tagName: "param", text: `args ${["path", "query", "header"].filter((g) => op.params[g as "path"]).concat(op.body ? ["body"] : []).map((g) => `\`${g}\``).join(", ") || "None"}.` },
    { tagName: "param", text: "init Per call: `signal`, `headers`, `timeoutMs`, `retry`, `throwOnError`, and anything else `fetch` takes." },
    { tagName: "returns", text: "openapi-fetch's `{ data, error, response }`; on failure `error` is the documented error body or an `HttpError` (status, status text, body text)." },
  ];
  if (op.deprecated) tags.push({ tagName: "deprecated" });
  return docComment(text, tags);
}
