/**
 * Postman auth → OpenAPI security schemes and requirements. Each distinct auth setting
 * becomes one scheme; requests point at it by inheritance (collection → folder → request),
 * and `noauth` (or no auth anywhere) becomes `security: []`. oauth2 is a real `type: oauth2` scheme with a flow
 * taken from the auth's `grant_type` and URLs; never `type: http, scheme: oauth2`.
 * https://spec.openapis.org/oas/v3.0.3#security-scheme-object
 */
import type { Diagnostics } from "../diagnostics.js";
import type { OAuthFlow, SecurityRequirement, SecurityScheme } from "../openapi.js";
import type { AuthType, PostmanAuth } from "../postman/model.js";
import { getOwn } from "../postman/own-keys.js";

type SchemeOf = (auth: PostmanAuth, diag: Diagnostics, item?: string) => { name: string; scheme: SecurityScheme } | "none" | undefined;

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * Signature schemes OpenAPI has no type for. They all travel in the Authorization header, so
 * they become an apiKey scheme on that header (as AWS's own OpenAPI documents describe
 * SigV4), with a warning: the SDK cannot compute the signature, the caller must.
 */
const signed =
  (label: string): SchemeOf =>
  (auth, diag, item) => {
    diag.warning(
      "unsupported-auth",
      `${auth.type} auth (${label}) has no OpenAPI scheme type; it became an apiKey scheme on the Authorization header, and callers must compute its value`,
      item ? { pointer: auth.pointer, item } : { pointer: auth.pointer },
    );
    return {
      name: `${auth.type}Auth`,
      scheme: { type: "apiKey", name: "Authorization", in: "header", description: `${label}: the value of the Authorization header is a signature computed for each request.` },
    };
  };

const GRANTS: Record<string, "authorizationCode" | "clientCredentials" | "password" | "implicit"> = {
  authorization_code: "authorizationCode",
  authorization_code_with_pkce: "authorizationCode",
  client_credentials: "clientCredentials",
  password_credentials: "password",
  implicit: "implicit",
};

const SCHEMES: Record<AuthType, SchemeOf> = {
  noauth: () => "none",
  bearer: () => ({ name: "bearerAuth", scheme: { type: "http", scheme: "bearer" } }),
  jwt: () => ({ name: "jwtAuth", scheme: { type: "http", scheme: "bearer", bearerFormat: "JWT" } }),
  basic: () => ({ name: "basicAuth", scheme: { type: "http", scheme: "basic" } }),
  digest: () => ({ name: "digestAuth", scheme: { type: "http", scheme: "digest" } }),
  apikey: (auth) => {
    const where = str(auth.attributes.in) === "query" ? "query" : "header";
    return { name: "apiKeyAuth", scheme: { type: "apiKey", name: str(auth.attributes.key) ?? "X-API-Key", in: where } };
  },
  oauth2: (auth, diag, item) => {
    const a = auth.attributes;
    const grant = getOwn(GRANTS, str(a.grant_type) ?? "authorization_code") ?? "authorizationCode";
    const authorizationUrl = str(a.authUrl);
    const tokenUrl = str(a.accessTokenUrl);
    const scopes = Object.fromEntries((str(a.scope) ?? "").split(/[\s,]+/).filter(Boolean).map((s) => [s, ""]));
    const needs = { authorizationCode: [authorizationUrl, tokenUrl], clientCredentials: [tokenUrl], password: [tokenUrl], implicit: [authorizationUrl] }[grant];
    if (needs.some((u) => u === undefined)) {
      diag.warning(
        "incomplete-oauth2",
        "this oauth2 auth has no authUrl/accessTokenUrl, so no OAuth flow can be described; it became a bearer token scheme: add the URLs to the collection's auth",
        item ? { pointer: auth.pointer, item } : { pointer: auth.pointer },
      );
      return { name: "oauth2", scheme: { type: "http", scheme: "bearer", description: "An OAuth 2.0 access token." } };
    }
    const refreshUrl = str(a.refreshTokenUrl);
    const flow: OAuthFlow = {
      ...(grant === "authorizationCode" || grant === "implicit" ? { authorizationUrl: authorizationUrl! } : {}),
      ...(grant !== "implicit" ? { tokenUrl: tokenUrl! } : {}),
      ...(refreshUrl ? { refreshUrl } : {}),
      scopes,
    };
    return { name: "oauth2", scheme: { type: "oauth2", flows: { [grant]: flow } } };
  },
  oauth1: signed("OAuth 1.0"),
  awsv4: signed("AWS Signature Version 4"),
  hawk: signed("Hawk"),
  ntlm: () => ({ name: "ntlmAuth", scheme: { type: "http", scheme: "ntlm" } }),
  edgegrid: signed("Akamai EdgeGrid"),
  akamai: signed("Akamai EdgeGrid"),
  asap: signed("ASAP (Atlassian S2S)"),
};

/** Collects the schemes a collection uses and answers each request's requirement. */
export class SecurityRegistry {
  readonly schemes: Record<string, SecurityScheme> = {};
  private readonly byAuth = new Map<PostmanAuth, SecurityRequirement[] | undefined>();

  constructor(private readonly diag: Diagnostics) {}

  /** The requirement for an auth in force: `[]` for noauth, undefined when there is none to state. */
  requirementFor(auth: PostmanAuth | undefined, item?: string): SecurityRequirement[] | undefined {
    if (!auth) return undefined;
    if (this.byAuth.has(auth)) return this.byAuth.get(auth);
    const converted = SCHEMES[auth.type](auth, this.diag, item);
    let requirement: SecurityRequirement[] | undefined;
    if (converted === "none") requirement = [];
    else if (converted) requirement = [{ [this.register(converted.name, converted.scheme)]: [] }];
    this.byAuth.set(auth, requirement);
    return requirement;
  }

  /** Same scheme, same name; a different scheme under a taken name gets a number. */
  private register(name: string, scheme: SecurityScheme): string {
    const text = JSON.stringify(scheme);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${name}${n}`;
      const existing = this.schemes[candidate];
      if (!existing) {
        this.schemes[candidate] = scheme;
        return candidate;
      }
      if (JSON.stringify(existing) === text) return candidate;
    }
  }
}
