/**
 * Type tests of what an SDK's `createClient` returns (the transport's ApiClient, no longer
 * openapi-fetch's Client) and of `fetchClient`, the SDK's escape hatch to openapi-fetch's own
 * client (the SDK's `fetchClient(client)` is this one with its `paths`): `npm test` runs
 * `tsc --noEmit` over this file; every `@ts-expect-error` line must stay an error. Nothing here runs.
 */
import { call } from "../../codegen/runtime/call.js";
import { createApiClient } from "../../codegen/runtime/client.js";
import { fetchClient, type ApiClient, type Middleware } from "../../codegen/runtime/transport.js";
import type { paths } from "../../generated/zoom/schema.gen.js";

export async function clientTypeTests() {
  const client: ApiClient = createApiClient("https://api.example.com", { schemes: {}, default: [], operations: {} }, { auth: "token" });

  // Middleware of openapi-fetch's shape, on every request the operation functions send.
  const stamp: Middleware = {
    onRequest: ({ request, schemaPath, attempt }) => (request.headers.set("X-Trace", `${schemaPath} ${attempt ?? 1}`), request),
    onResponse: ({ response }) => (response.status === 299 ? new Response(null, { status: 204 }) : undefined),
    onError: ({ error }) => (error instanceof Error ? error : undefined),
  };
  client.use(stamp);
  client.eject(stamp);
  // @ts-expect-error onResponse gives a Response or nothing
  client.use({ onResponse: () => "replaced" });

  // openapi-fetch's own client, typed by the spec's paths: the escape hatch for calls of its own.
  const raw = fetchClient<paths>(client);
  const { data } = await raw.PUT("/users/{userId}/status", { params: { path: { userId: "me" } }, body: { action: "activate" } });
  void data;
  // @ts-expect-error a path the spec does not have
  await raw.GET("/nowhere");
  // @ts-expect-error the client itself has no method functions: fetchClient(client) has
  await client.GET("/users/{userId}/status");

  // The operation functions take the client as before.
  await call(client, { method: "GET", path: "/users/{userId}", params: { path: { userId: "me" } } });
  // @ts-expect-error a query goes to the transport serialized (encodeQuery), not as an object
  await call(client, { method: "GET", path: "/users", params: { query: { page: 2 } } });
}
