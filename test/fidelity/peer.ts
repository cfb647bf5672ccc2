/**
 * postman-to-openapi 3.0.1 crashes on valid v2.1 collections whose urls have no `raw` or
 * whose descriptions are `{ content, type }` objects. To measure it at all, fidelity and bench
 * hand it a copy with those two things made the way it expects (and count its crashes on the
 * original separately).
 */

/** What postman-to-openapi needs not to crash: a `raw` on every url, descriptions as strings. */
export function preprocessForPeer(collection: string): string {
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "description" && v && typeof v === "object") out[k] = (v as { content?: string }).content ?? "";
      else out[k] = fix(v);
    }
    const url = out.url as Record<string, unknown> | undefined;
    if (url && typeof url === "object" && typeof url.raw !== "string") {
      const host = Array.isArray(url.host) ? url.host.join(".") : String(url.host ?? "");
      const path = Array.isArray(url.path) ? url.path.join("/") : String(url.path ?? "");
      const query = Array.isArray(url.query) ? url.query.map((q: { key: string; value?: string }) => `${q.key}=${q.value ?? ""}`).join("&") : "";
      url.raw = `${host}/${path}${query ? `?${query}` : ""}`;
    }
    return out;
  };
  return JSON.stringify(fix(JSON.parse(collection)));
}

