// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Credentials per security scheme, applied to each request the way its operation's
 * `security` says: bearer and OAuth 2 tokens, API keys in a header, query or cookie under
 * their real names, HTTP basic. Token sources are called per request, so rotation works.
 * Each scheme kind is its own function, so an SDK bundles only the kinds its API uses.
 */

import { refusedHeader } from "./call.gen.js";
import type { Middleware } from "./transport.gen.js";

/** A token, or a function (sync or async) that returns one; called for every request. */
export type TokenSource = string | (() => string | Promise<string>);

/** A token source that can be told its token was refused (401): the next call fetches a new one. */
export interface RefreshableToken {
  (): Promise<string>;
  invalidate(): void;
}

export interface BasicCredentials {
  username: string;
  password: string;
}

/** Puts one scheme's credential on a request; returns the request to send (a new one when the URL changes). */
export interface Scheme {
  /** Whether a lone `auth` token counts for this scheme. */
  token: boolean;
  /** An API key's header or query name: masked in logs. */
  name?: string;
  apply(request: Request, credential: unknown): Promise<Request> | Request;
  /**
   * For schemes answered after a 401 (Digest): adds the scheme's own middleware to a client
   * that has credentials (`credential` reads this scheme's). Only those schemes carry the code.
   */
  install?(client: { use(middleware: Middleware): void }, credential: () => unknown): void;
}

/** The spec's security: its schemes and, per `METHOD /path`, the alternatives (each a set of schemes). */
export interface SecurityInfo {
  schemes: Readonly<Record<string, Scheme>>;
  default: readonly (readonly string[])[];
  operations: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** Credentials by scheme name. */
export type Credentials = Readonly<Record<string, unknown>>;

/**
 * A credential into its header. One that HTTP cannot carry (CR, LF or NUL inside, a character
 * beyond U+00FF) is refused by an error that names the header but neither holds nor wraps the
 * value, as fetch's own error would: it is a secret, and errors end up in logs.
 */
function setCredential(request: Request, name: string, value: string): Request {
  try {
    request.headers.set(name, value);
  } catch {
    throw refusedHeader("the credential for ", name);
  }
  return request;
}

const resolve = async (source: unknown): Promise<string> => String(typeof source === "function" ? await source() : source);

/** `Authorization: Bearer …` (http bearer, OAuth 2, OpenID Connect). */
export const bearer: Scheme = {
  token: true,
  apply(request, credential) {
    const set = (token: unknown) => setCredential(request, "Authorization", `Bearer ${token}`);
    // A plain string needs no await: the common case stays synchronous.
    return typeof credential === "string" ? set(credential) : resolve(credential).then(set);
  },
};

/** `Authorization: Basic …` from `{ username, password }` (or a function returning them). */
export const basic: Scheme = {
  token: false,
  async apply(request, credential) {
    const { username, password } = (typeof credential === "function" ? await credential() : credential) as BasicCredentials;
    request.headers.set("Authorization", `Basic ${base64(`${username}:${password}`)}`);
    return request;
  },
};

/** An API key in a header, the query or a cookie, under the name the spec gives it. */
export function apiKey(where: "header" | "query" | "cookie", name: string): Scheme {
  return {
    token: false,
    name,
    async apply(request, credential) {
      const value = await resolve(credential);
      if (where === "header") setCredential(request, name, value);
      else if (where === "cookie") request.headers.append("Cookie", `${name}=${encodeURIComponent(value)}`);
      else {
        // Appended to the query as it is: searchParams.set would encode the rest of it anew
        // (`q=a%20b` as `q=a+b`, which a server that does not read forms takes as a plus).
        const url = new URL(request.url);
        const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
        if (url.searchParams.has(name)) url.searchParams.set(name, value);
        else url.search = url.search ? `${url.search}&${pair}` : pair;
        // The same request at the new URL: every option it was given (redirect, credentials, …), and
        // its body as a stream (as bytes for keepalive, which fetch refuses with a stream: 64 kB at most).
        const { method, headers, signal, mode, redirect, credentials, cache, referrer, referrerPolicy, integrity, keepalive } = request;
        // (A navigation's mode cannot be given to a Request.)
        const init = { method, headers, signal, ...(mode === "navigate" ? {} : { mode }), redirect, credentials, cache, referrer, referrerPolicy, integrity, keepalive };
        if (!request.body) return new Request(url, init);
        return new Request(url, { ...init, body: keepalive ? await request.arrayBuffer() : request.body, duplex: "half" } as RequestInit);
      }
      return request;
    },
  };
}

/**
 * What to send for one request: the first alternative of its operation whose schemes all have
 * credentials. A lone token source (`auth: "…"`) counts for every bearer-like scheme, or for
 * the only scheme there is.
 */
export function authorize(request: Request, schemaPath: string, security: SecurityInfo, auth: unknown): Request | Promise<Request> {
  const chosen =
    (security.operations[`${request.method} ${schemaPath}`] ?? security.default).find(
      (alternative) => alternative.length > 0 && alternative.every((name) => credentialOf(security, auth, name) !== undefined),
    ) ?? [];
  // Synchronous until a scheme needs to wait (a token function): most calls never make a promise here.
  let result: Request | Promise<Request> = request;
  for (const name of chosen) {
    const scheme = security.schemes[name]!;
    const credential = credentialOf(security, auth, name);
    result = result instanceof Promise ? result.then((r) => scheme.apply(r, credential)) : scheme.apply(result, credential);
  }
  return result;
}

/** A scheme's credential: from `Credentials` by name, or the lone token for a bearer-like (or the only) scheme. */
export function credentialOf(security: SecurityInfo, auth: unknown, name: string): unknown {
  const scheme = security.schemes[name];
  if (!scheme) return undefined;
  if (typeof auth === "object" && auth !== null) return (auth as Credentials)[name];
  return scheme.token || Object.keys(security.schemes).length === 1 ? auth : undefined;
}

/** Base64 of UTF-8 text, in Node and in browsers. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
