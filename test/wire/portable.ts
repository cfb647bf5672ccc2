/**
 * Client-side halves of the runtime wire scenarios, written once for both runtimes: the Node
 * tests call them directly, and the browser tests bundle this module into a page that calls
 * the same server from headless Chromium. Each returns plain JSON for the test to check,
 * together with what the server recorded.
 */
import * as files from "../fixtures/forms-and-files/sdk/index.js";
import { ApiError, clientCredentials, createClient, updateUserStatus, type HttpError } from "../../generated/zoom/index.js";

const MB = 1024 * 1024;

/** 429 with Retry-After: 1, then 204: the hooks see one call that took two attempts. */
export async function retryAfter(baseUrl: string) {
  const events: string[] = [];
  const client = createClient({
    baseUrl: `${baseUrl}/v2`,
    auth: "token",
    hooks: {
      onRequest: ({ method, path }) => void events.push(`request ${method} ${path}`),
      onResponse: ({ response, attempts }) => void events.push(`response ${response.status} after ${attempts} attempts`),
    },
  });
  const { response } = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "deactivate" } });
  return { status: response.status, events };
}

/** Zoom server-to-server OAuth: a token, a 401, one refresh, the call repeated. */
export async function refreshAfter401(baseUrl: string) {
  const auth = clientCredentials({ tokenUrl: `${baseUrl}/oauth/token`, clientId: "id", clientSecret: "secret", grantType: "account_credentials", params: { account_id: "acc-1" } });
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth });
  const first = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
  const second = await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } });
  return { statuses: [first.response.status, second.response.status] };
}

/** A call slower than its deadline is aborted, and not retried. */
export async function timeout(baseUrl: string) {
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token" });
  const started = Date.now();
  try {
    await updateUserStatus(client, { path: { userId: "me" }, body: { action: "activate" } }, { timeoutMs: 300 });
    return { threw: false, elapsedMs: Date.now() - started };
  } catch (error) {
    return { threw: true, name: (error as Error).name, message: (error as Error).message, elapsedMs: Date.now() - started };
  }
}

/** A 404 with an empty text/plain body: a typed error that tells status and status text; and the throwing mode. */
export async function notFound(baseUrl: string) {
  const client = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token", retry: false });
  const { data, error } = await updateUserStatus(client, { path: { userId: "nobody" }, body: { action: "activate" } });
  // Typed: `error` is the documented error bodies (none here) or an HttpError.
  const typed: HttpError | undefined = error;
  const throwing = createClient({ baseUrl: `${baseUrl}/v2`, auth: "token", throwOnError: true });
  let thrown: Record<string, unknown> = {};
  try {
    await updateUserStatus(throwing, { path: { userId: "nobody" }, body: { action: "activate" } });
  } catch (e) {
    if (e instanceof ApiError) thrown = { name: e.name, status: e.status, statusText: e.statusText, method: e.method, path: e.path, message: e.message };
  }
  return { data: data ?? null, error: typed ?? null, thrown };
}

/** Three pages, followed by next_page_token, as pages and as items. */
export async function pagination(baseUrl: string) {
  const client = files.createClient({ baseUrl, auth: "token" });
  const pages: string[] = [];
  for await (const page of files.listMeetingsPages(client, { path: { userId: "me" }, query: { page_size: 2 } })) pages.push(page.next_page_token);
  const topics: string[] = [];
  for await (const meeting of files.listMeetingsItems(client, { path: { userId: "me" }, query: { page_size: 2 } })) topics.push(meeting.topic);
  return { pages, topics };
}

/** 50 MB from a stream, as one file part: streamed where the runtime can (Node), collected first where it cannot. */
export async function largeUpload(baseUrl: string, megabytes = 50) {
  const client = files.createClient({ baseUrl, auth: "token" });
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let sent = 0;
  const data = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= megabytes * MB) return controller.close();
      controller.enqueue(chunk.slice());
      sent += chunk.length;
    },
  });
  const { response } = await files.uploadAvatar(client, {
    path: { userId: "me" },
    body: { file: { data, filename: "big.bin", contentType: "application/octet-stream" }, caption: "big" },
  });
  return { status: response.status, sent };
}
