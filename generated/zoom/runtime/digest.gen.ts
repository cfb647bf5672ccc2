// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * HTTP Digest authentication (RFC 7616: MD5, SHA-256 and their -sess forms, `qop=auth`),
 * through the runtime's 401 path: a request goes without credentials until the server has
 * sent a challenge (`WWW-Authenticate: Digest …`); the 401 that carries it is answered by
 * repeating the call once, and later requests answer the remembered challenge with a
 * counted nonce. Its own module, so an SDK without a digest scheme bundles none of it.
 */
import type { BasicCredentials, Scheme } from "./auth.gen.js";
import { challenged } from "./call.gen.js";

interface Challenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: string;
  qop?: string;
  /** Requests answered with this nonce so far (the `nc` count). */
  count: number;
}

/** The challenge each credential answers, by credential (an object or a function returning one). */
const challenges = new WeakMap<object, Challenge>();

/** `{ username, password }` (or a function returning them), sent as RFC 7616 Digest once the server has challenged. */
export const digest: Scheme & { challenge(response: Response, credential: unknown): boolean } = {
  token: false,
  async apply(request, credential) {
    const challenge = challenges.get(credential as object);
    if (challenge) {
      const { username, password } = (typeof credential === "function" ? await credential() : credential) as BasicCredentials;
      const url = new URL(request.url);
      request.headers.set("Authorization", await digestAuthorization(challenge, username, password, request.method, url.pathname + url.search));
    }
    // Without credentials mode, a browser answers a Digest 401 itself (a login prompt) instead
    // of handing it to the SDK (Fetch: HTTP-network-or-cache fetch, step on 401).
    return request.credentials === "omit" ? request : new Request(request, { credentials: "omit", ...(request.body ? { duplex: "half" } : {}) } as RequestInit);
  },
  install(client, credential) {
    // A 401 whose challenge this credential can answer: the call loop repeats the call once.
    client.use({
      onResponse({ response }) {
        if (response.status === 401 && digest.challenge(response, credential())) challenged.add(response);
      },
    });
  },
  /** Takes a 401's challenge for `credential`; true when the call should be repeated. */
  challenge(response, credential) {
    const header = response.headers.get("WWW-Authenticate");
    const parsed = header ? parseChallenge(header) : undefined;
    if (!parsed || typeof credential !== "object" && typeof credential !== "function") return false;
    // A challenge already answered with this nonce that fails again is a wrong password, not a stale nonce.
    const previous = challenges.get(credential as object);
    if (previous && previous.nonce === parsed.nonce && !/stale=("?)true\1/i.test(header!)) return false;
    challenges.set(credential as object, parsed);
    return true;
  },
};

/** The first Digest challenge of a WWW-Authenticate header that offers `qop=auth` (or no qop) with an algorithm this module knows. */
export function parseChallenge(header: string): Challenge | undefined {
  const at = /(?:^|,)\s*Digest\s+/i.exec(header);
  if (!at) return undefined;
  const params: Record<string, string> = {};
  // auth-params one after another; the next scheme's name (a token without `=`) ends them.
  const re = /\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  re.lastIndex = at.index + at[0].length;
  for (let m; (m = re.exec(header)); ) params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3]!;
  const algorithm = params.algorithm ?? "MD5";
  if (params.nonce === undefined || params.realm === undefined || !/^(MD5|SHA-256)(-sess)?$/i.test(algorithm)) return undefined;
  const qops = params.qop?.split(/\s*,\s*/);
  if (qops && !qops.includes("auth")) return undefined;
  return { realm: params.realm, nonce: params.nonce, algorithm, count: 0, ...(params.opaque !== undefined ? { opaque: params.opaque } : {}), ...(qops ? { qop: "auth" } : {}) };
}

/** The Authorization header that answers a challenge (RFC 7616 3.4); `cnonce` is random unless given (tests). */
export async function digestAuthorization(challenge: Challenge, username: string, password: string, method: string, uri: string, cnonce = randomCnonce()): Promise<string> {
  const sha = /^SHA-256/i.test(challenge.algorithm);
  const hash = sha ? sha256 : async (text: string) => md5(text);
  const nc = (++challenge.count).toString(16).padStart(8, "0");
  let ha1 = await hash(`${username}:${challenge.realm}:${password}`);
  if (/-sess$/i.test(challenge.algorithm)) ha1 = await hash(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = await hash(`${method}:${uri}`);
  const response = await hash(challenge.qop ? `${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}` : `${ha1}:${challenge.nonce}:${ha2}`);
  const quote = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;
  const fields = [`username=${quote(username)}`, `realm=${quote(challenge.realm)}`, `nonce=${quote(challenge.nonce)}`, `uri=${quote(uri)}`, `algorithm=${challenge.algorithm}`];
  if (challenge.qop) fields.push("qop=auth", `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  fields.push(`response=${quote(response)}`);
  if (challenge.opaque !== undefined) fields.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${fields.join(", ")}`;
}

function randomCnonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

async function sha256(text: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));
}

/** MD5 (RFC 1321) of UTF-8 text, as hex: WebCrypto has none, and Digest's default is MD5. */
export function md5(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = ((bytes.length + 8) >> 6) + 1;
  const words = new Uint32Array(length * 16);
  bytes.forEach((b, i) => (words[i >> 2]! |= b << ((i % 4) * 8)));
  words[bytes.length >> 2]! |= 0x80 << ((bytes.length % 4) * 8);
  words[length * 16 - 2] = bytes.length * 8;
  words[length * 16 - 1] = Math.floor(bytes.length / 0x20000000);
  const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const k = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let chunk = 0; chunk < words.length; chunk += 16) {
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const sum = (a + f + k[i]! + words[chunk + g]!) | 0;
      const s = shifts[round * 4 + (i % 4)]!;
      [a, d, c] = [d, c, b];
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  return hex(new Uint8Array(new Uint32Array([a0, b0, c0, d0]).buffer));
}
