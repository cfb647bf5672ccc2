// Generated from spec/zoom.openapi.json by codegen. Do not edit.

/**
 * Credentials per security scheme, applied to each request the way its operation's
 * `security` says: bearer and OAuth 2 tokens, API keys in a header, query or cookie under
 * their real names, HTTP basic. Token sources are called per request, so rotation works.
 */

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

/** What the runtime knows of a scheme; emitted from the spec into the SDK's client module. */
export type SchemeInfo = { type: "bearer" } | { type: "basic" } | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

/** The spec's security: its schemes and, per `METHOD /path`, the alternatives (each a set of schemes). */
export interface SecurityInfo {
  schemes: Readonly<Record<string, SchemeInfo>>;
  default: readonly (readonly string[])[];
  operations: Readonly<Record<string, readonly (readonly string[])[]>>;
}

/** Credentials by scheme name: a token source for bearer-like and apiKey schemes, a user and password for basic. */
export type Credentials = Readonly<Record<string, TokenSource | BasicCredentials | (() => BasicCredentials | Promise<BasicCredentials>) | undefined>>;

/**
 * Resolves what to send for one request: the first alternative whose schemes all have
 * credentials. A lone token source (`auth: "…"`) counts for every bearer-like scheme, or for
 * the only scheme there is.
 */
export async function authorize(request: Request, schemaPath: string, security: SecurityInfo, auth: TokenSource | Credentials | undefined): Promise<Request> {
  if (auth === undefined) return request;
  const alternatives = security.operations[`${request.method} ${schemaPath}`] ?? security.default;
  const credentialFor = (scheme: string): Credentials[string] => {
    if (typeof auth === "string" || typeof auth === "function") {
      const info = security.schemes[scheme];
      const schemes = Object.keys(security.schemes);
      return info?.type === "bearer" || (schemes.length === 1 && info?.type === "apiKey") ? auth : undefined;
    }
    return auth[scheme];
  };
  const chosen = alternatives.find((alternative) => alternative.length > 0 && alternative.every((s) => credentialFor(s) !== undefined));
  if (!chosen) return request;
  let url: URL | undefined;
  for (const name of chosen) {
    const info = security.schemes[name];
    const credential = credentialFor(name);
    if (!info || credential === undefined) continue;
    if (info.type === "basic") {
      const { username, password } = (typeof credential === "function" ? await credential() : credential) as BasicCredentials;
      request.headers.set("Authorization", `Basic ${base64(`${username}:${password}`)}`);
      continue;
    }
    const value = typeof credential === "function" ? String(await (credential as () => unknown)()) : String(credential);
    if (info.type === "bearer") request.headers.set("Authorization", `Bearer ${value}`);
    else if (info.in === "header") request.headers.set(info.name, value);
    else if (info.in === "cookie") request.headers.append("Cookie", `${info.name}=${encodeURIComponent(value)}`);
    else (url ??= new URL(request.url)).searchParams.set(info.name, value);
  }
  return url ? withUrl(request, url) : request;
}

/** The token sources among the credentials that can be refreshed. */
export function refreshableTokens(auth: TokenSource | Credentials | undefined): RefreshableToken[] {
  const all = typeof auth === "function" ? [auth] : typeof auth === "object" && auth !== null ? Object.values(auth) : [];
  return all.filter((t): t is RefreshableToken => typeof t === "function" && typeof (t as Partial<RefreshableToken>).invalidate === "function");
}

function withUrl(request: Request, url: URL): Request {
  const init: RequestInit & { duplex?: "half" } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    redirect: request.redirect,
    credentials: request.credentials,
  };
  if (request.body) {
    init.body = request.body;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/** Base64 of UTF-8 text, in Node and in browsers. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
