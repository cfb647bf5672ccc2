/**
 * One side of the runtime comparison, in its own worker thread (so neither side's JIT state,
 * inline caches or garbage land on the other's): a client and one call, on a stubbed fetch.
 * workerData: { side: "ours" | "bare", operation: "json" | "multipart", sdk: compiled SDK }.
 * Each message { ms } runs calls back to back for that long and answers calls per second of
 * wall time and of CPU time.
 * Plain JavaScript, so the worker needs no TypeScript loader.
 */
import { parentPort, workerData } from "node:worker_threads";
import createFetchClient from "openapi-fetch";

const { side, operation, sdk } = workerData;
const stub = async () => new Response('{"id":1,"name":"codegen"}', { status: 200, headers: { "Content-Type": "application/json" } });
const baseUrl = operation === "json" ? "https://api.github.com" : "https://api.zoom.us/v2";
const registrants = [{ id: "a", email: "a@example.com" }];

let call;
if (side === "ours") {
  const api = await import(sdk);
  const client = api.createClient({ baseUrl, auth: "t", fetch: stub });
  call =
    operation === "json"
      ? () => api.reposGet(client, { path: { owner: "o", repo: "r" } })
      : () => api.updateRegistrantsStatus(client, { path: { meetingId: 1 }, body: { action: "deny", registrants } });
} else {
  // Bare openapi-fetch: the same token through a middleware, a hand-written bodySerializer.
  const client = createFetchClient({ baseUrl, fetch: stub });
  client.use({ onRequest: ({ request }) => (request.headers.set("Authorization", "Bearer t"), request) });
  const toForm = (body) => {
    const form = new FormData();
    form.append("action", body.action);
    form.append("registrants", JSON.stringify(body.registrants));
    return form;
  };
  call =
    operation === "json"
      ? () => client.GET("/repos/{owner}/{repo}", { params: { path: { owner: "o", repo: "r" } } })
      : () => client.PUT("/meetings/{meetingId}/registrants/status", { params: { path: { meetingId: 1 } }, body: { action: "deny", registrants }, bodySerializer: toForm });
}

// Calls per second of wall time, and of CPU time: the process's CPU while this side runs
// (the other side's worker sits idle), garbage collection threads included, but not the time
// other tenants of a shared machine take from us.
parentPort.on("message", async ({ ms }) => {
  let n = 0;
  const cpu = process.cpuUsage();
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await call();
    n++;
  }
  const used = process.cpuUsage(cpu);
  parentPort.postMessage({ wall: (n * 1000) / ms, cpu: (n * 1e6) / (used.user + used.system) });
});
parentPort.postMessage("ready");
