/** Node's fetch drops a header named __proto__ (Node 20 to 24): the runtime refuses it before sending, never a silent drop. */
import { describe, expect, it } from "vitest";
import { call } from "../../codegen/runtime/call.js";
import { createApiClient } from "../../codegen/runtime/client.js";

describe("a header named __proto__", () => {
  it("is refused with a TypeError naming it, and nothing is sent", async () => {
    let sent = 0;
    const client = createApiClient("https://api.example.com", { schemes: {}, default: [], operations: {} }, { fetch: async () => (sent++, new Response(null, { status: 204 })) });
    const header = Object.fromEntries([["__proto__", "v"]]);
    await expect(call(client, { method: "GET", path: "/a", params: { header } })).rejects.toThrow(new TypeError('GET /a: the header "__proto__" cannot be sent (Node\'s fetch drops it)'));
    expect(sent).toBe(0);
    await call(client, { method: "GET", path: "/a", params: { header: { "x-plain": "v" } } });
    expect(sent).toBe(1);
  });
});
