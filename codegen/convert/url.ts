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
import { setOwn } from "../postman/own-keys.js";
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

function convertServer(url: PostmanUrl, scope: VariableScope, diag: Diagnostics, at: Position): Server {
  const host = url.host.join(".") + (url.port ? `:${url.port}` : "");
  const { text, unresolved } = substituteVariables(host, scope);
  const variables: NonNullable<Server["variables"]> = {};
  for (const name of unresolved) {
    diag.warning(
      "unresolved-variable",
      `the variable {{${name}}} in the request's host has no value; it became the server variable {${name}}: give it a value in the collection's variables`,
      { ...at, pointer: pointerTo(at.pointer, "url", "host") },
    );
    setOwn(variables, name, { default: "", description: `The value of the Postman variable \`${name}\`.` });
  }
  let serverUrl = text.replace(VARIABLE, (_, name: string) => `{${name.trim()}}`).replace(/\/+$/, "");
  // A host that starts with a variable (`{{baseUrl}}`) may hold the scheme, unless the URL names one itself.
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(serverUrl) || (url.protocol === undefined && /^\{[^}]+\}/.test(serverUrl));
  if (!hasScheme && serverUrl !== "") serverUrl = `${url.protocol ?? "https"}://${serverUrl}`;
  const server: Server = { url: serverUrl === "" ? "/" : serverUrl };
  if (unresolved.length > 0) server.variables = variables;
  return server;
}

function convertPath(url: PostmanUrl, scope: VariableScope): { path: string; pathParameters: PostmanVariable[] } {
  const declared = new Map(url.variables.map((v) => [v.key, v]));
  const parameters: PostmanVariable[] = [];
  const use = (name: string, fallbackValue?: string) => {
    if (parameters.some((p) => p.key === name)) return;
    const known = declared.get(name);
    const value = known?.value ?? fallbackValue;
    const param: PostmanVariable = { key: name };
    if (value !== undefined) param.value = value;
    if (known?.description !== undefined) param.description = known.description;
    parameters.push(param);
  };
  const segments = url.path.map((segment) => {
    const colon = /^:(.+)$/.exec(segment);
    if (colon) {
      use(colon[1]!);
      return `{${colon[1]}}`;
    }
    // A `{{var}}` in the path is a parameter too: its collection value is only a sample.
    return segment.replace(VARIABLE, (_, raw: string) => {
      const name = raw.trim();
      use(name, scope.get(name));
      return `{${name}}`;
    });
  });
  const path = encodeStrayPercents(`/${segments.filter((s, i) => s !== "" || i < segments.length - 1).join("/")}`);
  return { path: url.hash ? `${path}#${encodeStrayPercents(url.hash)}` : path, pathParameters: parameters };
}

/**
 * A path is appended to the server's URL as it is (OpenAPI 3.0.3 §4.7.8), so it must be valid
 * URL text. A `%` that starts no `%XX` escape (`/discounts/100%`) means a literal percent sign,
 * which a URL writes `%25`; escapes already there (`/files/a%20b`) and `{parameters}` are kept.
 */
function encodeStrayPercents(path: string): string {
  return path.replace(/(\{[^}]*\})|%(?![0-9A-Fa-f]{2})/g, (match, parameter: string | undefined) => parameter ?? "%25");
}
