/**
 * A Postman URL → an OpenAPI server and path template. Postman writes path variables as
 * `:id` (and sometimes `{{id}}`); OpenAPI writes `{id}`. Variables in the host resolve
 * through the collection's variables: `{{baseUrl}}` = `https://api.zoom.us/v2` makes that the
 * server and leaves `/rooms/{id}/events` as the path. A host variable without a value becomes
 * a server variable, never a literal `{{…}}` in a URL.
 */
import { pointerTo, type Diagnostics, type Position } from "../diagnostics.js";
import type { Server } from "../openapi.js";
import type { PostmanUrl, PostmanVariable } from "../postman/model.js";
import { hasOwn, setOwn } from "../postman/own-keys.js";
import { substituteVariables, VARIABLE, type VariableScope } from "../postman/variables.js";

export interface ConvertedUrl {
  server: Server;
  /** `/rooms/{id}/events` */
  path: string;
  /** Path parameters in the order they appear in the path, with what the collection says of them. */
  pathParameters: PostmanVariable[];
}

/**
 * Splits a request URL into its server and its path template. The host resolves through every
 * variable in force; path samples only through `samples` (the collection's own variables).
 */
export function convertUrl(url: PostmanUrl, scope: VariableScope, samples: VariableScope, diag: Diagnostics, at: Position): ConvertedUrl {
  return { server: convertServer(url, scope, diag, at), ...convertPath(url, samples) };
}

/**
 * The server of a request: protocol, host and port, each resolved through the variables in
 * force. A `{{name}}` without a value, and a `:name` host or port part (openapi-to-postmanv2
 * writes `{protocol}://{hostname}` servers as `{{protocol}}://:hostname`), become server
 * variables. Text that came from a value keeps its braces only percent-encoded, so a value
 * holding `{…}` never reads as a server variable nobody defined.
 */
function convertServer(url: PostmanUrl, scope: VariableScope, diag: Diagnostics, at: Position): Server {
  const variables: NonNullable<Server["variables"]> = {};
  const declared = new Map(url.variables.map((v) => [v.key, v]));
  const hostAt = { ...at, pointer: pointerTo(at.pointer, "url", "host") };
  const variable = (name: string, value: string | undefined, description: string | undefined) => {
    if (!hasOwn(variables, name)) {
      if (value === undefined) {
        diag.warning(
          "unresolved-variable",
          `the variable {{${name}}} in the request's host has no value; it became the server variable {${name}}, whose default is its name: give it a value in the collection's variables`,
          hostAt,
        );
      }
      setOwn(variables, name, { default: value ?? name, description: description ?? `The value of the Postman variable \`${name}\`.` });
    }
    return `{${name}}`;
  };
  const resolve = (text: string) => templateOf(substituteVariables(text, scope).text, (name) => variable(name, undefined, undefined));
  /** A `:name` part with a `url.variable` of that name (or a bare name, for a port) is a server variable too. */
  const part = (text: string, bare: boolean): string => {
    const name = /^:([A-Za-z0-9_.-]+)$/.exec(text)?.[1] ?? (bare && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(text) && declared.has(text) ? text : undefined);
    if (name === undefined) return resolve(text);
    const known = declared.get(name);
    return variable(name, known?.value || undefined, known?.description);
  };
  const host = url.host.map((h) => part(h, false)).join(".");
  const port = url.port === undefined || url.port === "" ? undefined : part(url.port, true);
  let serverUrl = (host === "" && port !== undefined && !/^\d+$/.test(port) ? port : host + (port !== undefined ? `:${port}` : "")).replace(/\/+$/, "");
  // A host that starts with a variable (`{{baseUrl}}`) may hold the scheme, unless the URL names one itself.
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(serverUrl) || (url.protocol === undefined && /^\{[^}]+\}/.test(serverUrl));
  if (!hasScheme && serverUrl !== "") serverUrl = `${url.protocol === undefined ? "https" : resolve(url.protocol)}://${serverUrl}`;
  const server: Server = { url: serverUrl === "" ? "/" : serverUrl };
  if (Object.keys(variables).length > 0) server.variables = variables;
  return server;
}

/**
 * Text after variable substitution → server URL text: the `{{name}}`s still there become
 * `{name}` (through `variable`), and every other brace is percent-encoded.
 */
function templateOf(text: string, variable: (name: string) => string): string {
  let out = "";
  let from = 0;
  for (const match of text.matchAll(VARIABLE)) {
    out += encodeBraces(text.slice(from, match.index)) + variable(match[1]!.trim());
    from = match.index + match[0].length;
  }
  return out + encodeBraces(text.slice(from));
}

const encodeBraces = (text: string) => text.replace(/[{}]/g, (c) => (c === "{" ? "%7B" : "%7D"));

/** The server a collection's `{{baseUrl}}` names (`/` without one): for a collection with no request to take it from. */
export function serverOfCollection(scope: VariableScope, diag: Diagnostics): Server {
  if (typeof scope.get("baseUrl") !== "string") return { url: "/" };
  return convertServer({ host: ["{{baseUrl}}"], path: [], query: [], variables: [] }, scope, diag, { pointer: "#/variable" });
}

/**
 * A path parameter name a template can hold and every tool matches: letters, digits, `_`, `.`
 * and `-` (Redocly's pattern). Other characters become `_`; a name with none left is `param`.
 */
export function parameterName(raw: string): string {
  const name = raw.trim().replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^_+|_+$/g, "");
  return name === "" ? "param" : name;
}

/**
 * The path template. `:name` segments, `{{name}}` and a literal `{name}` (as many hand-made
 * collections write `/v1/transfers/{transferId}`) are parameters; a name used twice gets a
 * number (`{id}`, `{id2}`). Everything else is literal text, encoded where a template would
 * misread it: `/` inside a segment, `?`, `#`, braces that name no parameter, a stray `%`.
 */
function convertPath(url: PostmanUrl, scope: VariableScope): { path: string; pathParameters: PostmanVariable[] } {
  const declared = new Map(url.variables.map((v) => [v.key, v]));
  const parameters: PostmanVariable[] = [];
  const taken = new Set<string>();
  const use = (raw: string, fallbackValue?: string) => {
    let name = parameterName(raw);
    for (let n = 2; taken.has(name); n++) name = `${parameterName(raw)}${n}`;
    taken.add(name);
    const known = declared.get(raw) ?? declared.get(raw.trim());
    const value = known?.value ?? fallbackValue;
    const param: PostmanVariable = { key: name };
    if (value !== undefined) param.value = value;
    if (known?.description !== undefined) param.description = known.description;
    if (known?.typed !== undefined) param.typed = known.typed;
    parameters.push(param);
    return `{${name}}`;
  };
  const segments = url.path.map((segment) => {
    const colon = /^:(.*\S.*)$/s.exec(segment);
    if (colon && /[A-Za-z0-9_.-]/.test(colon[1]!)) return use(colon[1]!);
    let out = "";
    let from = 0;
    // `{{name}}` (a Postman variable) or `{name}` (an OpenAPI-style template written by hand).
    for (const match of segment.matchAll(/\{\{([^{}]+)\}\}|\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g)) {
      out += encodeLiteral(segment.slice(from, match.index));
      out += match[1] !== undefined ? use(match[1], scope.get(match[1].trim())) : use(match[2]!);
      from = match.index + match[0].length;
    }
    return out + encodeLiteral(segment.slice(from));
  });
  // Trailing empty segments (`/users/`, `/:///`) end no resource: a path has no trailing slash.
  const last = segments.findLastIndex((s) => s !== "");
  // …but the slash before a fragment stays: `/exports/#name&version` is the path AWS's spec names.
  const slash = url.hash && last >= 0 && last < segments.length - 1 ? "/" : "";
  const path = `/${segments.slice(0, last + 1).join("/")}${slash}`;
  return { path: url.hash ? `${path}#${encodeLiteral(url.hash)}` : path, pathParameters: parameters };
}

/**
 * Literal path text as URL text (a path is appended to the server's URL as it is, OpenAPI
 * 3.0.3 §4.7.8): `/`, `?`, `#`, `{` and `}` percent-encoded (`keep` lists what may stay), and
 * a `%` that starts no `%XX` escape (`/discounts/100%`) written `%25`; escapes already there
 * (`/files/a%20b`) are kept.
 */
function encodeLiteral(text: string, keep = ""): string {
  return text.replace(/[/?#{}]|%(?![0-9A-Fa-f]{2})/g, (c) => (keep.includes(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`));
}
