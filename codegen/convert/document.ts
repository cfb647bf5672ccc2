/**
 * convert: a parsed Postman collection → an OpenAPI 3.0 document. Pure: the collection and
 * a diagnostics sink in, a new document out. Paths and operations keep the collection's
 * order; responses are ordered by status code.
 */
import { pointerTo, type Diagnostics } from "../diagnostics.js";
import { assignOperationIds, camelCase, type NamedOperation } from "../naming.js";
import { HTTP_METHODS, type HttpMethod, type OpenApiDocument, type Operation, type PathItem, type Server, type Tag } from "../openapi.js";
import { htmlToMarkdown } from "../postman/description.js";
import type { PostmanCollection, PostmanVariable } from "../postman/model.js";
import { normalizeCollection, type ResolvedRequest } from "../postman/normalize.js";
import { nameComponents } from "./components.js";
import { mergeOperations } from "./merge.js";
import { statedTypeKey, unifyParameterTypes } from "./parameter-types.js";
import { shareRepeatedObjects } from "./shared-objects.js";
import { convertParameters, statedPathParameters } from "./parameters.js";
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
    // Not a sentence's end: an abbreviation (`e.g.`, `U.S.`) or inside parentheses or brackets.
    if (end[0] !== "\n" && (isAbbreviation(head, text.slice(cut).trimStart()) || count(head, "(") > count(head, ")") || count(head, "[") > count(head, "]"))) continue;
    // `v1. …`: a sentence of one word is no title; keep the whole text.
    return /\s/.test(head) ? [head, text.slice(cut).trim()] : [text, ""];
  }
  return [text, ""];
}

/** Words whose `.` never ends a sentence (`e.g. GitHub`, `Mr. Smith`): what follows may be capitalised. */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|cf|approx|incl|ca|Mr|Ms|Mrs|Dr|St)\.$/i;

/**
 * Whether the `.` ending `head` is an abbreviation's, given the text after it. `etc.` ends a
 * sentence when a capitalised word follows (`toys, etc. Deleted ones …`); a single letter is an
 * initial only when another `X.` or a lower-case word follows (`U.S. region`, not `type A. Items`).
 * `no.` is not one: `yes or no. Requires …` ends there.
 */
function isAbbreviation(head: string, next: string): boolean {
  if (ABBREVIATION.test(head)) return true;
  if (/(?:^|[\s(])etc\.$/i.test(head)) return !/^\p{Lu}/u.test(next);
  if (/(?:^|[\s(.])\p{L}\.$/u.test(head)) return /^\p{L}\./u.test(next) || /^\p{Ll}/u.test(next);
  return false;
}

const count = (text: string, char: string): number => text.split(char).length - 1;

/**
 * What an item's name and description say. openapi-to-postmanv2 names an item after its
 * operation's description when the spec has no summary (circleci: a 250-character paragraph,
 * twice): such a name is a `paragraph`, summed up by its first sentence (`head`) with the rest
 * as description, so the paragraph is written once.
 */
interface ItemText {
  name: string;
  written: string;
  paragraph: boolean;
  head: string;
  rest: string;
}

function itemText(name: string, written: string): ItemText {
  const paragraph = written !== "" && sameText(written, name);
  const [head, rest] = paragraph ? splitFirstSentence(written) : [name, written];
  return { name, written, paragraph, head, rest };
}

/**
 * An operation's summary and description. `whole`: the item name, whole, is the summary (a
 * paragraph is then not written a second time as description).
 */
function describe(text: ItemText, whole: boolean, key: string): { summary: string; description: string } {
  const [summary, description] = !text.paragraph ? [text.name, text.written] : whole ? [text.name.trim(), ""] : [text.head, text.rest];
  // An unnamed item is summed up by its method and path: Redocly wants a non-empty summary.
  return { summary: summary.trim() !== "" ? summary : key, description };
}

/**
 * The longest operationId a whole paragraph gives (`thisEndpointIsDeprecatedUseTheV2ListOfProjectsInstead`):
 * past it the paragraph is named by its first sentence, and the path tells it from others of that name.
 */
const MAX_WHOLE_ID = 80;

/** The name an operationId is made from, and whether it is a cut of the item's name. */
function idSource(req: ResolvedRequest, text: ItemText, whole: boolean, path: string): { candidate: NamedOperation; cut: boolean } {
  // A paragraph is named by its first sentence, in at most eight words (`fullDetailsForASingleBuild`, not a 200-character identifier).
  // One that must keep its whole name (another has its first sentence) keeps it only while that is a readable id;
  // circleci's 37-word paragraph is named by its whole first sentence instead, told apart by its path.
  const fits = (words: string) => camelCase(words).length <= MAX_WHOLE_ID;
  const name = !text.paragraph ? text.name : !whole ? firstWords(text.head) : fits(text.name) ? text.name.trim() : fits(text.head) ? text.head : firstWords(text.head);
  const candidate = { name, folders: req.folders, fallback: [req.request.method, ...req.request.url.path].join(" "), method: req.request.method, path };
  return { candidate, cut: text.paragraph && !sameText(name, text.name) };
}

/** Of a merged operation's requests, the one with the plainest name (the shortest id, then the first in code-unit order). */
function plainestName(members: { req: ResolvedRequest; text: ItemText }[], whole: boolean, path: string): { candidate: NamedOperation; cut: boolean; plain: string } {
  let best: { candidate: NamedOperation; cut: boolean; plain: string } | undefined;
  for (const { req, text } of members) {
    const source = idSource(req, text, whole, path);
    const plain = assignOperationIds([source.candidate])[0]!;
    if (best === undefined || plain.length < best.plain.length || (plain.length === best.plain.length && plain < best.plain)) best = { ...source, plain };
  }
  return best!;
}

/**
 * The operations (by index) that keep their whole item name as summary and as id source: those
 * whose first sentence is another operation's summary too, or whose cut id is another's id (three
 * items "This endpoint is deprecated. Use the v2 …" would all be `thisEndpointIsDeprecated`).
 * Repeated until nothing changes, since a whole name may meet another's cut; the set depends only
 * on what the names are, never on item order.
 */
function wholeNamed(operations: { key: string; path: string; members: { req: ResolvedRequest; text: ItemText }[] }[]): Set<number> {
  const whole = new Set<number>();
  const normal = (s: string) => s.replace(/\s+/g, " ").trim();
  for (;;) {
    const state = operations.map(({ key, path, members }, i) => {
      const first = members[0]!;
      const { summary } = describe(first.text, whole.has(i), key);
      return { ...plainestName(members, whole.has(i), path), summary: normal(summary), summaryCut: first.text.paragraph && !whole.has(i) && first.text.rest !== "" };
    });
    const tally = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const ids = tally(state.map((s) => s.plain));
    const summaries = tally(state.map((s) => s.summary));
    const more = state.flatMap((s, i) => (!whole.has(i) && ((s.cut && ids.get(s.plain)! > 1) || (s.summaryCut && summaries.get(s.summary)! > 1)) ? [i] : []));
    if (more.length === 0) return whole;
    for (const i of more) whole.add(i);
  }
}

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
  const statedTypes = new Set<string>();

  // Merge first, then name: requests with one method and path are one operation, named once
  // (openapi-to-postmanv2 puts an operation with two tags in both folders; naming each copy
  // would qualify both by folder, `adminAdminConversationsArchive`).
  const groups = new Map<string, { method: HttpMethod; path: string; members: { req: (typeof normalized.requests)[number]; text: ItemText; operation: Operation }[] }>();
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
    const text = itemText(req.name, written);
    const tag = req.folders.at(-1);
    if (tag && !tagNames.has(tag)) {
      tagNames.add(tag);
      tags.push({ name: tag });
    }
    const parameters = convertParameters(req, url.pathParameters, diag);
    for (const name of statedPathParameters(req, url.pathParameters)) statedTypes.add(statedTypeKey(method, url.path, name));
    const body = convertRequestBody(req, diag);
    const responses = convertResponses(req, diag);
    const requirement = security.requirementFor(req.auth, req.itemPath) ?? [];
    // operationId, summary and description are written once every operation is known (see below).
    const operation: Operation = {
      operationId: "",
      ...(tag ? { tags: [tag] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses,
      ...(requirement && JSON.stringify(requirement) !== JSON.stringify(rootSecurity) ? { security: requirement } : {}),
    };
    const group = groups.get(key) ?? { method, path: url.path, members: [] };
    group.members.push({ req, text, operation });
    groups.set(key, group);
  }

  // One name per operation: the plainest of its requests' names (the shortest, then the first
  // in alphabetical order, so it does not depend on item order), qualified by folder only when
  // another operation wants it too. An item named in another script (`日本語`) is named by
  // its method and path (`getUsersId`).
  const list = [...groups.entries()];
  const whole = wholeNamed(list.map(([key, group]) => ({ key, path: group.path, members: group.members.map(({ req, text }) => ({ req, text })) })));
  const named = list.map(([, group], index) => plainestName(group.members, whole.has(index), group.path).candidate);
  const ids = assignOperationIds(named);

  [...groups.entries()].forEach(([key, group], index) => {
    const [first, ...rest] = group.members;
    const { summary, description } = describe(first!.text, whole.has(index), key);
    const { operationId: _id, summary: _summary, description: _description, ...facts } = first!.operation;
    let operation: Operation = { operationId: ids[index]!, summary, ...(description ? { description } : {}), ...facts };
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
  return shareRepeatedObjects(nameComponents(unifyParameterTypes(document, statedTypes)));
}
