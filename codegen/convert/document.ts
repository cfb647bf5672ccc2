/**
 * convert: a parsed Postman collection → an OpenAPI 3.0 document. Pure: the collection and
 * a diagnostics sink in, a new document out. Paths and operations keep the collection's
 * order; responses are ordered by status code.
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import { assignOperationIds } from "../naming.js";
import { HTTP_METHODS, type HttpMethod, type OpenApiDocument, type Operation, type PathItem, type Server, type Tag } from "../openapi.js";
import { htmlToMarkdown } from "../postman/description.js";
import type { PostmanCollection, PostmanVariable } from "../postman/model.js";
import { normalizeCollection } from "../postman/normalize.js";
import { nameComponents } from "./components.js";
import { mergeOperations } from "./merge.js";
import { unifyParameterTypes } from "./parameter-types.js";
import { shareRepeatedObjects } from "./shared-objects.js";
import { convertParameters } from "./parameters.js";
import { convertRequestBody } from "./request-body.js";
import { convertResponses } from "./responses.js";
import { SecurityRegistry } from "./security.js";
import { convertUrl, serverOfCollection, type ConvertedUrl } from "./url.js";

/**
 * `/bots/{name}/versions/{version}` and `/bots/{name}/versions/{alias}` are one path to
 * OpenAPI (paths may not differ only in parameter names): the first template seen wins and
 * later requests' path parameters are renamed to it, in order.
 */
function sameTemplateAs(url: ConvertedUrl, templates: Map<string, string>): ConvertedUrl {
  const shape = url.path.replace(/\{[^}]*\}/g, "{}");
  const first = templates.get(shape);
  if (first === undefined) {
    templates.set(shape, url.path);
    return url;
  }
  if (first === url.path) return url;
  const names = [...first.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const own = [...url.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const rename = new Map(own.map((name, i) => [name, names[i] ?? name]));
  return { ...url, path: first, pathParameters: url.pathParameters.map((p) => ({ ...p, key: rename.get(p.key) ?? p.key })) };
}

/** Whether two texts say the same, whitespace aside. */
const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/**
 * A paragraph split after its first sentence: up to the first `.`, `!` or `?` followed by white
 * space, or the first line break. A text of one sentence (`Update a user's status`) is all head.
 */
function splitFirstSentence(paragraph: string): [head: string, rest: string] {
  const text = paragraph.trim();
  for (const end of text.matchAll(/[.!?](?=\s)|\n/g)) {
    const cut = end[0] === "\n" ? end.index : end.index + 1;
    const head = text.slice(0, cut).trim();
    // Not a sentence's end: an abbreviation (`e.g.`, `etc.`, `U.S.`) or inside parentheses or brackets.
    if (end[0] !== "\n" && (ABBREVIATION.test(head) || count(head, "(") > count(head, ")") || count(head, "[") > count(head, "]"))) continue;
    // `v1. …`: a sentence of one word is no title; keep the whole text.
    return /\s/.test(head) ? [head, text.slice(cut).trim()] : [text, ""];
  }
  return [text, ""];
}

const ABBREVIATION = /(?:(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|ca|no|Mr|Ms|Mrs|Dr|St)|(?:^|[\s(.])[A-Za-z])\.$/i;
const count = (text: string, char: string): number => text.split(char).length - 1;

/** The first eight words of a sentence. */
const firstWords = (sentence: string): string => sentence.trim().split(/\s+/).slice(0, 8).join(" ");

/** Converts a whole collection. Requests that cannot become operations are named in diagnostics. */
export function convertCollection(collection: PostmanCollection, diag: Diagnostics, environment: PostmanVariable[] = []): OpenApiDocument {
  const normalized = normalizeCollection(collection, environment);
  const security = new SecurityRegistry(diag);
  // No auth anywhere means requests go without credentials: say so (`security: []`), so
  // every operation states its security (Redocly's security-defined).
  const rootSecurity = security.requirementFor(normalized.auth) ?? [];
  const paths: Record<string, PathItem> = {};
  const servers: Server[] = [];
  const serverUrls = new Set<string>();
  const serverOfPath = new Map<string, Server>();
  const tags: Tag[] = [];
  const tagNames = new Set<string>();
  const templates = new Map<string, string>();

  // Merge first, then name: requests with one method and path are one operation, named once
  // (openapi-to-postmanv2 puts an operation with two tags in both folders; naming each copy
  // would qualify both by folder, `adminAdminConversationsArchive`).
  const groups = new Map<string, { method: HttpMethod; path: string; members: { req: (typeof normalized.requests)[number]; title: string; paragraph: boolean; operation: Operation }[] }>();
  for (const req of normalized.requests) {
    const method = req.request.method.toLowerCase() as HttpMethod;
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      diag.warning("invalid-shape", `the method ${req.request.method} cannot be described in OpenAPI; this request was left out`, {
        pointer: pointerTo(req.request.pointer, "method"),
        item: req.itemPath,
      });
      continue;
    }
    const url = sameTemplateAs(convertUrl(req.request.url, req.variables, req.sampleVariables, diag, { pointer: req.request.pointer, item: req.itemPath }), templates);
    const key = `${method.toUpperCase()} ${url.path}`;
    if (!serverUrls.has(url.server.url)) {
      serverUrls.add(url.server.url);
      servers.push(url.server);
    }
    if (!serverOfPath.has(url.path)) serverOfPath.set(url.path, url.server);

    const written = req.request.description === undefined ? "" : htmlToMarkdown(req.request.description);
    // openapi-to-postmanv2 names an item after its operation's description when the spec has no
    // summary (circleci: a 250-character paragraph, twice): the summary is then its first sentence
    // and the description the rest, so the paragraph is written once.
    const paragraph = written !== "" && sameText(written, req.name);
    const [title, description] = paragraph ? splitFirstSentence(written) : [req.name, written];
    const tag = req.folders.at(-1);
    if (tag && !tagNames.has(tag)) {
      tagNames.add(tag);
      tags.push({ name: tag });
    }
    const parameters = convertParameters(req, url.pathParameters, diag);
    const body = convertRequestBody(req, diag);
    const responses = convertResponses(req, diag);
    const requirement = security.requirementFor(req.auth, req.itemPath) ?? [];
    const operation: Operation = {
      operationId: "",
      // An unnamed item is summed up by its method and path: Redocly wants a non-empty summary.
      summary: title.trim() !== "" ? title : key,
      ...(description ? { description } : {}),
      ...(tag ? { tags: [tag] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses,
      ...(requirement && JSON.stringify(requirement) !== JSON.stringify(rootSecurity) ? { security: requirement } : {}),
    };
    const group = groups.get(key) ?? { method, path: url.path, members: [] };
    group.members.push({ req, title, paragraph, operation });
    groups.set(key, group);
  }

  // One name per operation: the plainest of its requests' names (the shortest, then the first
  // in alphabetical order, so it does not depend on item order), qualified by folder only when
  // another operation wants it too. An item named in another script (`日本語`) is named by
  // its method and path (`getUsersId`).
  const named = [...groups.values()].map((group) => {
    // An item name that is a paragraph is named by its first sentence, in at most eight words
    // (`fullDetailsForASingleBuild`, not a 200-character identifier).
    const candidates = group.members.map(({ req, title, paragraph }) => ({
      name: paragraph ? firstWords(title) : title,
      whole: title,
      folders: req.folders,
      fallback: [req.request.method, ...req.request.url.path].join(" "),
    }));
    const plain = candidates.map((c) => assignOperationIds([c])[0]!);
    let best = 0;
    plain.forEach((id, i) => {
      if (id.length < plain[best]!.length || (id.length === plain[best]!.length && id < plain[best]!)) best = i;
    });
    return candidates[best]!;
  });
  // A shortened name that another operation's name also gives goes back to its whole sentence, so a cut never makes a clash.
  const plainIds = named.map((c) => assignOperationIds([c])[0]!);
  named.forEach((c, i) => {
    if (c.name !== c.whole && plainIds.some((id, j) => j !== i && id === plainIds[i])) c.name = c.whole;
  });
  const ids = assignOperationIds(named);

  [...groups.entries()].forEach(([key, group], index) => {
    const [first, ...rest] = group.members;
    let operation: Operation = { ...first!.operation, operationId: ids[index]! };
    for (const { req, operation: other } of rest) {
      diag.warning(
        "duplicate-operation",
        `${key} is defined by both "${first!.req.itemPath}" and this request; they were merged into one operation (${operation.operationId}): parameters, body fields and responses united`,
        { pointer: req.pointer, item: req.itemPath },
      );
      operation = mergeOperations(operation, other);
    }
    (paths[group.path] ??= {})[group.method] = operation;
  });

  // A tag's description is that of the first folder of its name that has one.
  const described = new Map<string, string>();
  for (const f of normalized.folders) if (f.description && !described.has(f.name)) described.set(f.name, f.description);
  for (const tag of tags) {
    const description = described.get(tag.name);
    if (description) tag.description = htmlToMarkdown(description);
  }
  // Even with no request to take it from, a document has a server: the collection's `baseUrl`, or `/`.
  const mainServer = servers[0] ?? serverOfCollection(normalized.variables, diag);
  for (const [path, server] of serverOfPath) {
    if (server.url !== mainServer.url) paths[path]!.servers = [server];
  }

  const description = normalized.description === undefined ? "" : htmlToMarkdown(normalized.description);
  // Keys in the order a reader expects: servers and security before paths.
  const document: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: normalized.name, version: normalized.version ?? "1.0.0", ...(description ? { description } : {}) },
    servers: [mainServer],
    ...(rootSecurity ? { security: rootSecurity } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    paths,
    ...(Object.keys(security.schemes).length > 0 ? { components: { securitySchemes: security.schemes } } : {}),
  };
  // Types first (one per parameter name), then names for shapes, then shared parameters and responses (which may hold those names).
  return shareRepeatedObjects(nameComponents(unifyParameterTypes(document)));
}
