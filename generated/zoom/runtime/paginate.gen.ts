// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Token pagination (Zoom's `next_page_token`): an async iterator over pages, and one over the
 * items of every page. A failed page throws an ApiError: an iterator has nowhere to put one.
 */
import { ApiError } from "./call.gen.js";

type PageResult<D> = { data?: D; error?: unknown; response: Response };

/** Pages, fetched one after another while the previous page names a next one. */
export async function* pages<D>(fetchPage: (token: string | undefined) => Promise<PageResult<D>>, nextToken: (page: D) => string | null | undefined): AsyncGenerator<D> {
  let token: string | undefined;
  for (;;) {
    const { data, error, response } = await fetchPage(token);
    if (!response.ok || data === undefined) {
      const url = new URL(response.url || "http://unknown/");
      throw new ApiError(response.status, response.statusText, error, "GET", url.pathname, response);
    }
    yield data;
    const next = nextToken(data);
    if (!next) return;
    token = next;
  }
}

/** The items of every page, in order. */
export async function* items<D, I>(source: AsyncIterable<D>, itemsOf: (page: D) => readonly I[] | null | undefined): AsyncGenerator<I> {
  for await (const page of source) yield* itemsOf(page) ?? [];
}
