/**
 * emit: OperationPlans → TypeScript source, one file per tag, printed by ts-morph from plain
 * structures (each file created once; indentation and quotes set once for the project).
 * Every function is `fn(client, { path, query, header, body }, init?)` and is typed from
 * the openapi-typescript `operations`, so a wrong enum value, a missing required form field
 * or a missing path parameter does not compile.
 */
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  type StatementStructures,
  type WriterFunction,
} from "ts-morph";
import type { OperationPlan, SdkPlan } from "./plan.js";

/** A file of the SDK, path relative to the SDK's folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A ts-morph project that only prints: no disk, no lib files, no type checking. */
export function createPrinter(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    skipFileDependencyResolution: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
}

/** Prints the operation modules, one per tag, in the order their first operation appears. */
export function emitOperations(plan: SdkPlan, project: Project): GeneratedFile[] {
  const modules = new Map<string, OperationPlan[]>();
  for (const op of plan.operations) modules.set(op.module, [...(modules.get(op.module) ?? []), op]);
  return [...modules].map(([module, ops]) => {
    const path = `${module}.gen.ts`;
    const statements: StatementStructures[] = [...imports(ops), ...ops.flatMap((op) => [argsInterface(op), operationFunction(op)])];
    const file = project.createSourceFile(path, { statements }, { overwrite: true });
    return { path, content: file.getFullText() };
  });
}

/** Prints `client.gen.ts`: the client type and `createClient`, with the spec's server as default. */
export function emitClient(plan: SdkPlan, project: Project): GeneratedFile {
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "openapi-fetch", namedImports: ["Client"] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.gen.js", namedImports: ["createApiClient", { name: "ClientOptions", isTypeOnly: true }] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: ["paths"] },
    (writer) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["The server the spec names first; `createClient({ baseUrl })` overrides it."],
      declarations: [{ name: "defaultBaseUrl", initializer: JSON.stringify(plan.defaultBaseUrl) }],
    },
    (writer) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ApiClient",
      docs: ["An openapi-fetch client for this API; every operation function takes one."],
      type: "Client<paths>",
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "createClient",
      docs: [
        {
          description:
            "Creates a client for this API.\n\n```ts\nconst client = createClient({ auth: process.env.API_TOKEN });\n```",
          tags: [
            { tagName: "param", text: "options.baseUrl Defaults to `defaultBaseUrl`." },
            { tagName: "param", text: "options.auth A bearer token, or a function (sync or async) returning one, called per request." },
            { tagName: "param", text: "options.fetch The fetch to use; defaults to the global one." },
          ],
        },
      ],
      parameters: [{ name: "options", type: "ClientOptions", initializer: "{}" }],
      returnType: "ApiClient",
      statements: ["return createApiClient<paths>(defaultBaseUrl, options);"],
    },
  ];
  const file = project.createSourceFile("client.gen.ts", { statements }, { overwrite: true });
  return { path: "client.gen.ts", content: file.getFullText() };
}

/** Prints `index.ts`: everything a user imports, from one place. */
export function emitIndex(modules: string[], project: Project): GeneratedFile {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.gen.js" },
    ...modules.map((m): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${m}` })),
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: "./runtime.gen.js",
      namedExports: ["CallOptions", "ClientOptions", "TokenSource"],
    },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedExports: ["components", "operations", "paths"] },
  ];
  const file = project.createSourceFile("index.ts", { statements }, { overwrite: true });
  return { path: "index.ts", content: file.getFullText() };
}

function imports(ops: OperationPlan[]): ImportDeclarationStructure[] {
  const runtime = new Set<string>();
  for (const op of ops) {
    const kind = op.body?.kind;
    if (kind === "multipart") runtime.add("toFormData");
    if (kind === "urlencoded") runtime.add("toUrlEncoded");
    if (kind === "urlencoded" || kind === "text" || kind === "binary") runtime.add("withContentType");
    if (kind === "text" || kind === "binary") runtime.add("rawBody");
  }
  const schemaTypes = [...new Set(ops.map((op) => (op.typeRef.startsWith("operations") ? "operations" : "paths")))].sort();
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./client.gen.js", namedImports: ["ApiClient"] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime.gen.js",
      namedImports: [...[...runtime].sort(), { name: "CallOptions", isTypeOnly: true }],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./schema.gen.js", namedImports: schemaTypes },
  ];
}

function argsInterface(op: OperationPlan): InterfaceDeclarationStructure {
  const properties: { name: string; hasQuestionToken: boolean; type: string }[] = (["path", "query", "header"] as const).flatMap((where) => {
    const group = op.params[where];
    return group ? [{ name: where, hasQuestionToken: !group.required, type: `${op.typeRef}["parameters"][${JSON.stringify(where)}]` }] : [];
  });
  if (op.body) {
    const requestBody = op.body.required ? `${op.typeRef}["requestBody"]` : `NonNullable<${op.typeRef}["requestBody"]>`;
    properties.push({ name: "body", hasQuestionToken: !op.body.required, type: `${requestBody}["content"][${JSON.stringify(op.body.mediaType)}]` });
  }
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: op.argsTypeName,
    docs: [`The arguments of {@link ${op.functionName}}.`],
    properties,
  };
}

function operationFunction(op: OperationPlan): FunctionDeclarationStructure {
  const argsRequired = Object.values(op.params).some((g) => g.required) || op.body?.required === true;
  const groups = (["path", "query", "header"] as const).filter((where) => op.params[where]);
  const options: string[] = [op.body && op.body.kind !== "json" && op.body.kind !== "multipart" ? `...withContentType(init, ${JSON.stringify(op.body.mediaType)})` : "...init"];
  if (groups.length > 0) options.push(`params: { ${groups.map((g) => `${g}: args.${g}`).join(", ")} }`);
  if (op.body) {
    options.push("body: args.body");
    const parts = objectLiteral(op.body.parts ?? {});
    if (op.body.kind === "multipart") options.push(`bodySerializer: (body) => toFormData(body, ${parts})`);
    if (op.body.kind === "urlencoded") options.push(`bodySerializer: (body) => toUrlEncoded(body, ${parts})`);
    if (op.body.kind === "text" || op.body.kind === "binary") options.push("bodySerializer: rawBody");
  }
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: op.functionName,
    docs: [jsDoc(op)],
    parameters: [
      { name: "client", type: "ApiClient" },
      { name: "args", type: op.argsTypeName, ...(argsRequired ? {} : { initializer: "{}" }) },
      { name: "init", type: "CallOptions", hasQuestionToken: true },
    ],
    statements: [`return client.${op.method.toUpperCase()}(${JSON.stringify(op.path)}, {\n${options.map((o) => `  ${o},`).join("\n")}\n});`],
  };
}

/** `{ action: "text", "x-y": "json" }`: keys quoted only where they must be. */
function objectLiteral(record: Record<string, string>): string {
  const entries = Object.entries(record).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/** Summary, description (Markdown), `@see METHOD /path`, `@deprecated`; text made safe for a comment. */
function jsDoc(op: OperationPlan): OptionalKind<JSDocStructure> {
  const text = [op.summary, op.description].filter((t): t is string => Boolean(t)).map(commentSafe).join("\n\n");
  const tags: { tagName: string; text?: string }[] = [{ tagName: "see", text: `${op.method.toUpperCase()} ${commentSafe(op.path)}` }];
  if (op.deprecated) tags.push({ tagName: "deprecated" });
  return { description: text || op.functionName, tags };
}

/** Nothing in API text may end the comment or start a JSDoc tag. */
export function commentSafe(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/^(\s*)@/gm, "$1\\@");
}
