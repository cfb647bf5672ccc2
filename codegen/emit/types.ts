/**
 * The `paths`/`operations`/`components` types, from openapi-typescript's transforms, one piece at
 * a time: each path item and each component is transformed and printed on its own, and the file
 * is those pieces in openapi-typescript's order inside the frame it prints around them. A piece's
 * text is remembered by the hash of its input (and of every `$ref` target the transform looked
 * at), so a document that changed a little prints only the pieces the change touches; a full run
 * is the same assembly with nothing remembered, which keeps both byte for byte the same.
 *
 * What this leaves out of openapi-typescript's `openapiTS()` is its Redocly lint and bundle (a
 * third of its time on large documents): codegen reads one document whose external refs are
 * already gone (canonical.ts), and the one lint error that matters here, a `$ref` that leads
 * nowhere, is checked below with the same message. `operations` is assembled from each path
 * item's own operations instead of openapi-typescript's footer, which it rebuilds per operation
 * (quadratic: 5 s of Graph beta's 22,361 operations).
 *
 * `format: binary`, and OpenAPI 3.1's `contentMediaType` of a binary type without a
 * `contentEncoding` (FastAPI's `application/octet-stream` uploads), become `Blob | FileUpload`
 * (openapi-typescript would say `string`), so file fields take a Blob or File, or bytes or a
 * stream with a filename. `contentEncoding: base64` (and `format: byte`) stays `string`: the
 * base64 text, sent as it is.
 *
 * All use of openapi-typescript is in this module.
 */
import { createHash } from "node:crypto";
import {
  addJSDocComment,
  createRef,
  oapiRef,
  resolveRef,
  scanDiscriminators,
  transformHeaderObject,
  transformParameterObject,
  transformPathItemObject,
  transformRequestBodyObject,
  transformResponseObject,
  transformSchemaObject,
  tsModifiers,
  tsPropertyIndex,
  type GlobalContext,
  type TransformObject,
} from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "../openapi.js";
import { isFileSchema } from "./plan.js";

/** One printed piece: its text, its share of `operations`, the helpers it needs, and what it read. */
export interface TypePiece {
  /** The piece's lines, indented where they stand in the file (no final newline). */
  text: string;
  /** Its operations' members of the `operations` interface (empty when none). */
  operations: string;
  /** Footer declarations it made, in the order it made them (`operations`, `WithRequired`). */
  footer: string[];
  /** Each `$ref` the transform resolved, with the hash of what it led to then. */
  reads: [string, string][];
  /** Whether it typed a file (`FileUpload`, imported by the file then). */
  file: boolean;
}

/**
 * Pieces by the hash of their input, kept by the caller between runs (in memory, or on disk).
 * `emitTypes` sets every piece it uses, found or made: a cache whose `set` writes into a new map
 * keeps exactly the pieces of the last run.
 */
export interface TypeCache {
  get(key: string): TypePiece | undefined;
  set(key: string, piece: TypePiece): unknown;
}

/** Thrown when the document cannot be typed (a `$ref` that leads nowhere); the message names the place. */
export class UnreadableDocumentError extends Error {}

/** The options every piece is made with; part of every piece's key. */
const OPTIONS = "emptyObjectsUnknown;fileUpload;v1";

const sha = (text: string) => createHash("sha256").update(text).digest("base64url");

/** Component kinds in openapi-typescript's order, with their transforms. */
const COMPONENTS: [string, (item: never, options: { path: string; schema?: unknown; ctx: GlobalContext }) => ts.TypeNode][] = [
  ["schemas", transformSchemaObject as never],
  ["responses", transformResponseObject as never],
  ["parameters", transformParameterObject as never],
  ["requestBodies", transformRequestBodyObject as never],
  ["headers", transformHeaderObject as never],
  ["pathItems", transformPathItemObject as never],
];

/** Our `transform`: file schemas are `Blob | FileUpload`. Sets `used.file` when it applies. */
function fileTransform(used: { file: boolean }): NonNullable<GlobalContext["transform"]> {
  return (schema) => {
    if (!isFileSchema(schema as Record<string, unknown>)) return undefined;
    used.file = true;
    // A file: a Blob or File, or bytes or a stream with the name its part should carry.
    const file = ts.factory.createUnionTypeNode([ts.factory.createTypeReferenceNode("Blob"), ts.factory.createTypeReferenceNode("FileUpload")]);
    return "nullable" in schema && schema.nullable ? ts.factory.createUnionTypeNode([file, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : file;
  };
}

/**
 * Renders the type declarations of a document (without the file header), as openapi-typescript
 * would print them. Pieces found in `cache` (with every `$ref` they read unchanged) are reused;
 * every piece printed is put into it. The document may be changed (openapi-typescript's
 * discriminator scan adds properties to mapped schemas): give it one no one reads afterwards.
 */
export async function emitTypes(document: OpenApiDocument, options: { cache?: TypeCache } = {}): Promise<string> {
  const doc = document as unknown as Record<string, unknown>;
  const scan = scanDocument(doc);
  if (scan.unresolved !== undefined) throw new UnreadableDocumentError(`Can't resolve $ref at ${scan.unresolved}`);
  const used = { file: false };
  let files = false;
  const footer: ts.Node[] = [];
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    // openapi-typescript's scan walks the whole document twice: only when there is something to find.
    discriminators: scan.discriminator ? scanDiscriminators(scan.discriminated as never, { silent: true } as never) : { objects: {}, refsHandled: [] },
    emptyObjectsUnknown: true,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: footer,
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: true,
    inject: undefined,
    transform: fileTransform(used),
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref: string) {
      reads.add($ref);
      return resolveRef(doc, $ref, { silent: true });
    },
  } as GlobalContext;
  // A discriminator anywhere changes how other schemas print: it is part of every key.
  const global = sha(`${OPTIONS}\n${JSON.stringify(ctx.discriminators)}`);
  let reads = new Set<string>();
  const targets = new Map<string, string>();
  const targetHash = (ref: string) => {
    let hash = targets.get(ref);
    if (hash === undefined) targets.set(ref, (hash = sha(JSON.stringify(resolveRef(doc, ref, { silent: true })) ?? "undefined")));
    return hash;
  };
  const cache: TypeCache = options.cache ?? new Map<string, TypePiece>();
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const source = ts.createSourceFile("openapi-ts.ts", "", ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);

  /** One piece: from the cache when its input and reads are unchanged, else transformed and printed. */
  const piece = (input: unknown[], depth: 1 | 2, make: () => ts.TypeElement): TypePiece => {
    const key = sha(`${global}\n${JSON.stringify(input)}`);
    const known = cache.get(key);
    if (known && known.reads.every(([ref, hash]) => targetHash(ref) === hash)) {
      if (known.file) files = true;
      cache.set(key, known);
      return known;
    }
    reads = new Set();
    footer.length = 0;
    used.file = false;
    const member = make();
    if (used.file) files = true;
    const ops = footer.find((n): n is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(n) && n.name.text === "operations");
    const made: TypePiece = {
      text: printMembers(printer, source, [member], depth),
      operations: ops && ops.members.length > 0 ? printMembers(printer, source, [...ops.members], 1) : "",
      footer: footer.map((n) => (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) ? n.name.text : "?")),
      reads: [...reads].sort().map((ref) => [ref, targetHash(ref)]),
      file: used.file,
    };
    if (made.footer.some((name) => name !== "operations" && name !== "WithRequired")) {
      // A helper this module does not place: print the whole document the plain way instead.
      throw new Error(`openapi-typescript made a helper this emitter does not place (${made.footer.join(", ")})`);
    }
    cache.set(key, made);
    return made;
  };

  const pieces: TypePiece[] = [];
  const paths = doc.paths && typeof doc.paths === "object" ? (doc.paths as Record<string, unknown>) : undefined;
  const pathTexts: string[] = [];
  for (const [url, item] of Object.entries(paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    const made = piece(["path", url, item], 1, () => {
      if ("$ref" in item) {
        const property = ts.factory.createPropertySignature(tsModifiers({ readonly: false }), tsPropertyIndex(url), undefined, oapiRef((item as { $ref: string }).$ref));
        addJSDocComment(item as never, property);
        return property;
      }
      return ts.factory.createPropertySignature(tsModifiers({ readonly: false }), tsPropertyIndex(url), undefined, transformPathItemObject(item as never, { path: createRef(["paths", url]), ctx }));
    });
    pieces.push(made);
    pathTexts.push(made.text);
  }
  const webhooks = doc.webhooks && typeof doc.webhooks === "object" ? (doc.webhooks as Record<string, unknown>) : undefined;
  const webhookTexts: string[] = [];
  for (const [name, item] of Object.entries(webhooks ?? {})) {
    const made = piece(["webhook", name, item], 1, () =>
      ts.factory.createPropertySignature(tsModifiers({ readonly: false }), tsPropertyIndex(name), undefined, transformPathItemObject(item as never, { path: createRef(["webhooks", name]), ctx })),
    );
    pieces.push(made);
    webhookTexts.push(made.text);
  }
  const components = doc.components && typeof doc.components === "object" ? (doc.components as Record<string, unknown>) : undefined;
  const componentTexts: [string, string[]][] = [];
  for (const [kind, transform] of COMPONENTS) {
    const texts: string[] = [];
    const group = components?.[kind];
    if (group) {
      for (const [name, item] of Object.entries(group as Record<string, unknown>)) {
        const made = piece(["component", kind, name, item], 2, () => {
          const path = createRef(["components", kind, name]);
          let type = transform(item as never, { path, schema: item, ctx });
          let question = false;
          const result = ctx.transform!(item as never, { path, schema: item, ctx } as never);
          if (result) {
            if ("schema" in (result as object)) {
              type = (result as TransformObject).schema as ts.TypeNode;
              question = Boolean((result as TransformObject).questionToken);
            } else type = result as ts.TypeNode;
          }
          const property = ts.factory.createPropertySignature(tsModifiers({ readonly: false }), tsPropertyIndex(name), question ? ts.factory.createToken(ts.SyntaxKind.QuestionToken) : undefined, type);
          addJSDocComment(item as never, property);
          return property;
        });
        pieces.push(made);
        texts.push(made.text);
      }
    }
    componentTexts.push([kind, texts]);
  }
  const defs = doc.$defs && typeof doc.$defs === "object" ? doc.$defs : undefined;
  let defsText: string | undefined;
  if (defs) {
    // A document-level `$defs` (rare, OpenAPI 3.1): printed whole, as openapi-typescript does.
    footer.length = 0;
    used.file = false;
    const type = transformSchemaObject(defs as never, { path: createRef(["$defs"]), ctx, schema: defs as never });
    if (used.file) files = true;
    if (footer.length > 0) throw new Error("openapi-typescript made a helper for $defs, which this emitter does not place");
    defsText = ts.isTypeLiteralNode(type) && type.members.length > 0 ? printMembers(printer, source, [...type.members], 1) : undefined;
  }

  // The footer's order is the order its declarations were first made in.
  const order: string[] = [];
  for (const p of pieces) for (const name of p.footer) if (!order.includes(name)) order.push(name);
  const out: string[] = [];
  const block = (name: string, members: string[]) => (members.length > 0 ? `export interface ${name} {\n${members.join("\n")}\n}` : `export type ${name} = Record<string, never>;`);
  out.push(block("paths", pathTexts));
  out.push(block("webhooks", webhookTexts));
  out.push(
    components
      ? `export interface components {\n${componentTexts.map(([kind, texts]) => (texts.length > 0 ? `    ${kind}: {\n${texts.join("\n")}\n    };` : `    ${kind}: never;`)).join("\n")}\n}`
      : "export type components = Record<string, never>;",
  );
  out.push(defsText === undefined ? "export type $defs = Record<string, never>;" : `export interface $defs {\n${defsText}\n}`);
  const operations = pieces.map((p) => p.operations).filter((t) => t !== "");
  for (const name of order) {
    if (name === "operations") out.push(`export interface operations {\n${operations.join("\n")}\n}`);
    else out.push(WITH_REQUIRED);
  }
  if (!order.includes("operations")) out.push("export type operations = Record<string, never>;");
  const types = `${out.join("\n")}\n`;
  return files ? `import type { FileUpload } from "./runtime/body.gen.js";\n\n${types}` : types;
}

/** openapi-typescript's `WithRequired` helper, as its printer writes it. */
const WITH_REQUIRED = "type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};";

/**
 * Type members printed at their depth in the file (1: in a top-level interface, 2: one object
 * below), by printing them inside a frame of that depth and keeping the lines between.
 */
function printMembers(printer: ts.Printer, source: ts.SourceFile, members: ts.TypeElement[], depth: 1 | 2): string {
  let node: ts.InterfaceDeclaration;
  if (depth === 1) node = ts.factory.createInterfaceDeclaration(undefined, "x", undefined, undefined, members);
  else node = ts.factory.createInterfaceDeclaration(undefined, "x", undefined, undefined, [ts.factory.createPropertySignature(undefined, "y", undefined, ts.factory.createTypeLiteralNode(members))]);
  const text = printer.printNode(ts.EmitHint.Unspecified, node, source);
  const lines = text.split("\n");
  return lines.slice(depth, lines.length - depth).join("\n");
}

/** Keys whose values are data, not OpenAPI objects: a `$ref` in them is not one. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const", "value"]);

/**
 * One walk over the document: whether any schema has a discriminator or a file type, and the
 * first `$ref` that leads nowhere (where it stands), which openapi-typescript's lint refuses.
 */
function scanDocument(doc: Record<string, unknown>): { discriminator: boolean; discriminated: Record<string, unknown>; unresolved?: string } {
  let discriminator = false;
  const resolved = new Set<string>();
  // The path items openapi-typescript's discriminator scan can find something in (an allOf or a
  // discriminator below them), unless a ref into paths makes every one matter.
  const relevant = new Set<string>();
  let intoPaths = false;
  // Each node with its parent's entry, its key, and the path item it is in: a pointer is spelled
  // out only for the one reported.
  // `data`: below an example, a default, an extension…: no `$ref` there is one, but the
  // discriminator scan walks those too.
  type Entry = { node: object; parent: Entry | undefined; key: string; path: string | undefined; data: boolean };
  const pending: Entry[] = [{ node: doc, parent: undefined, key: "#", path: undefined, data: false }];
  const paths = doc.paths;
  while (pending.length > 0) {
    const entry = pending.pop()!;
    const node = entry.node;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (node[i] !== null && typeof node[i] === "object") pending.push({ node: node[i] as object, parent: entry, key: String(i), path: entry.path, data: entry.data });
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (!entry.data && typeof ref === "string" && ref.startsWith("#") && !resolved.has(ref)) {
      if (!leadsSomewhere(doc, ref)) return { discriminator, discriminated: doc, unresolved: pointerOf(entry) };
      resolved.add(ref);
      if (ref.startsWith("#/paths/")) intoPaths = true;
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === "discriminator" || key === "allOf") {
        if (key === "discriminator") discriminator = true;
        if (entry.path !== undefined) relevant.add(entry.path);
      }
      const value = record[key];
      if (value === null || typeof value !== "object") continue;
      pending.push({ node: value, parent: entry, key, path: node === paths ? key : entry.path, data: entry.data || DATA_KEYS.has(key) || key.startsWith("x-") });
    }
  }
  if (intoPaths || !paths || typeof paths !== "object") return { discriminator, discriminated: doc };
  // The same document for that scan, with only those path items: the same findings, in the
  // same order (the scan walks keys in order), and its changes land in the shared objects.
  const kept: Record<string, unknown> = {};
  for (const [url, item] of Object.entries(paths)) if (relevant.has(url)) kept[url] = item;
  return { discriminator, discriminated: { ...doc, paths: kept } };
}

/** The JSON pointer of a scanned entry. */
function pointerOf(entry: { parent: { parent: unknown; key: string } | undefined; key: string } | undefined): string {
  const keys: string[] = [];
  for (let e = entry; e; e = e.parent as typeof entry) keys.push(e.key === "#" && !e.parent ? "#" : e.key.replace(/~/g, "~0").replace(/\//g, "~1"));
  return keys.reverse().join("/");
}

/** Whether a local `$ref` names a value of the document (its segments read as Redocly reads them). */
function leadsSomewhere(doc: unknown, ref: string): boolean {
  let node = doc;
  for (const segment of ref.slice(1).split("/").slice(1)) {
    let key: string;
    try {
      key = decodeURIComponent(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    } catch {
      return false;
    }
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}
