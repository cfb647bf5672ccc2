/**
 * Pagination of every common shape: a cursor token at any depth of the response (Zoom's
 * `next_page_token`, Slack's `response_metadata.next_cursor`, Asana's `next_page.offset`),
 * offset + limit, page numbers, and `Link: <…>; rel="next"`. An async iterator over pages, and
 * one over the items of every page. The iteration ends when there is no next page, when a page
 * is empty, or when the server repeats a token (a loop). A failed page throws an ApiError: an
 * iterator has nowhere to put one.
 */
import { ApiError } from "./call.js";

type PageResult<D> = { data?: D; error?: unknown; response: Response };
type Query = Record<string, unknown>;

/** From a page to the query of the next one (undefined: there is none). `query` is this page's. */
export type NextPage = (data: unknown, response: Response, query: Query, count: number | undefined) => Query | undefined;

/** The value at a path of property names (`["response_metadata", "next_cursor"]`). */
const at = (value: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, key) ? (v as Query)[key] : undefined), value);

/**
 * Pages, fetched one after another. `fetchPage` takes the query of the page (the caller's
 * own query, then what `next` gave); `items` is the path of the page's items, used to stop at an
 * empty page.
 */
export async function* pages<D>(fetchPage: (query: Query) => Promise<PageResult<D>>, next: NextPage, first: Query = {}, items?: readonly string[]): AsyncGenerator<D> {
  let query = first;
  const seen = new Set<string>();
  for (let index = 0; ; index++) {
    const { data, error, response } = await fetchPage(query);
    if (!response.ok || data === undefined) {
      const url = new URL(response.url || "http://unknown/");
      throw new ApiError(response.status, response.statusText, error, "GET", url.pathname, response);
    }
    const list = items ? at(data, items) : undefined;
    const count = Array.isArray(list) ? list.length : undefined;
    // An empty page after the first ends the iteration (offset and page styles end so).
    if (count === 0 && index > 0) return;
    yield data;
    const following = next(data, response, query, count);
    if (!following) return;
    query = { ...query, ...following };
    // A server that gives the same token (or page) again would loop forever.
    const key = JSON.stringify(query);
    if (seen.has(key)) return;
    seen.add(key);
  }
}

/** The items of every page, in order. */
export async function* items<D, L extends readonly unknown[]>(source: AsyncIterable<D>, itemsOf: (page: D) => L | null | undefined): AsyncGenerator<L[number]> {
  // L, not I[]: a page typed by several media types gives a union of lists, and its items are the union of theirs.
  for await (const page of source) for (const item of itemsOf(page) ?? []) yield item as L[number];
}

/** A token in the response (at `path`) goes in the query parameter `param`; none or empty ends. */
export const cursor =
  (param: string, path: readonly string[]): NextPage =>
  (data) => {
    const token = at(data, path);
    return token === undefined || token === null || token === "" ? undefined : { [param]: token };
  };

/** Offset + limit: the next offset is this one plus the items this page held; a page without items ends. */
export const offset =
  (param: string): NextPage =>
  (_data, _response, query, count) =>
    count ? { [param]: Number(query[param] ?? 0) + count } : undefined;

/** Page numbers (from 1 unless the query says otherwise): the next page is this one plus one, while pages hold items. */
export const page =
  (param: string): NextPage =>
  (_data, _response, query, count) =>
    count === 0 ? undefined : { [param]: Number(query[param] ?? 1) + 1 };

/** `Link: <…?page=2>; rel="next"` (RFC 8288): the next page's query is that URL's. */
export const link: NextPage = (_data, response) => {
  for (const part of (response.headers.get("Link") ?? "").split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part);
    if (m && /\brel\s*=\s*"?([^"]*\s)?next(\s[^"]*)?"?/i.test(m[2]!)) {
      const query: Query = {};
      new URL(m[1]!, response.url || "http://unknown/").searchParams.forEach((value, name) => (query[name] = value));
      return query;
    }
  }
  return undefined;
};
