/**
 * The five seed operations called through the generated SDK against a real server: what
 * arrives must be what the seed's curl command means, field by field. The seed pages' own
 * sample code glued one field's value onto the next (`registrants=deny[{…}]`,
 * `duration=Available1221`) and sent to `/` on host `reprehenderit`; these tests are why we
 * never will.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  checkInOrCheckOutOfAZoomRoom,
  createClient,
  performBatchRegistration,
  updateAUsersPresenceStatus,
  updateRegistrantsStatus,
  updateUserStatus,
  type ApiClient,
} from "../../generated/zoom/index.js";
import { startServer, type RecordingServer } from "./server.js";

let server: RecordingServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startServer();
  client = createClient({ baseUrl: `${server.baseUrl}/v2`, auth: async () => "test-token" });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/**
 * The one request the server got, with its parts as [name, value] pairs; the parts named in
 * `json` must say `Content-Type: application/json` (their encoding's), every other text/plain.
 */
function received(json: string[] = []) {
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  expect(request!.headers.authorization).toBe("Bearer test-token");
  expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+$/);
  for (const part of request!.parts) {
    expect(part.filename, `${part.name} must be a plain field, not a file`).toBeUndefined();
    expect(part.mimeType, part.name).toBe(json.includes(part.name) ? "application/json" : "text/plain");
  }
  return { ...request!, fields: request!.parts.map((p) => [p.name, p.value]) };
}

describe("seed operations on the wire", () => {
  it("001 Update registrant's status: PUT with the query, `action` and `registrants` as JSON array text", async () => {
    const registrants = [
      { id: "in ad ut nulla est", email: "nulla" },
      { id: "pariatur aute", email: "incididunt fugiat mollit consequat" },
    ];
    const { response } = await updateRegistrantsStatus(client, {
      path: { meetingId: "68423085" },
      query: { occurrence_id: "quis officia in reprehenderit" },
      body: { action: "deny", registrants },
    });
    expect(response.status).toBe(204);
    const request = received(["registrants"]);
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/v2/meetings/68423085/registrants/status?occurrence_id=quis%20officia%20in%20reprehenderit");
    expect(request.fields).toEqual([
      ["action", "deny"],
      ["registrants", '[{"id":"in ad ut nulla est","email":"nulla"},{"id":"pariatur aute","email":"incididunt fugiat mollit consequat"}]'],
    ]);
  });

  it("002 Perform batch registration: POST, path parameter percent-encoded, `auto_approve` is true, one `registrants` part", async () => {
    server.reply = { status: 201, body: { registrants: [{ registrant_id: "r1", email: "a@example.com", join_url: "https://zoom.us/w/1" }] } };
    const registrants = [
      { first_name: "dolore eu aute dolor", email: "KEESPCs-T1pF@ljUbrzdNgzMc.xx", last_name: "eu reprehenderit ea magna ex" },
      { first_name: "aliquip deserunt", email: "okZ9KNk@nZOovoEvyoTCgW.eftt", last_name: "nostrud" },
    ];
    const { response } = await performBatchRegistration(client, {
      path: { meetingId: "quis officia in reprehenderit" },
      body: { auto_approve: true, registrants },
    });
    expect(response.status).toBe(201);
    const request = received(["registrants"]);
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/v2/meetings/quis%20officia%20in%20reprehenderit/batch_registrants");
    expect(request.fields).toEqual([
      ["auto_approve", "true"],
      ["registrants", JSON.stringify(registrants)],
    ]);
  });

  it("000 Check-in or check-out of a Zoom Room: PATCH, `method` and `params` as JSON object text", async () => {
    const params = {
      event_id: "dolore sit laborum Duis",
      change_key: "ea adipisicing velit",
      calendar_id: "ullamco labore dolore mollit",
      resource_email: "U45sjN@qkwQqRsglYQapYeGbizqBNN.mgc",
    };
    await checkInOrCheckOutOfAZoomRoom(client, { path: { id: "quis officia in reprehenderit" }, body: { method: "zoomroom.check_in", params } });
    const request = received(["params"]);
    expect(request.method).toBe("PATCH");
    expect(request.url).toBe("/v2/rooms/quis%20officia%20in%20reprehenderit/events");
    expect(request.fields).toEqual([
      ["method", "zoomroom.check_in"],
      ["params", JSON.stringify(params)],
    ]);
  });

  it("003 Update a user's presence status: `status` is Available and `duration` is 1221, nothing glued", async () => {
    await updateAUsersPresenceStatus(client, { path: { userId: "jchill@example.com" }, body: { status: "Available", duration: 1221 } });
    const request = received();
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/v2/users/jchill%40example.com/presence_status");
    expect(request.fields).toEqual([
      ["duration", "1221"],
      ["status", "Available"],
    ]);
  });

  it("004 Update user status: PUT with `action=deactivate` only", async () => {
    await updateUserStatus(client, { path: { userId: "quis officia in reprehenderit" }, body: { action: "deactivate" } });
    const request = received();
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/v2/users/quis%20officia%20in%20reprehenderit/status");
    expect(request.fields).toEqual([["action", "deactivate"]]);
  });

  it("the host is the spec's server by default, not the request's sample values", async () => {
    let url = "";
    const offline = createClient({ auth: "t", fetch: async (request) => ((url = request.url), new Response(null, { status: 204 })) });
    await updateUserStatus(offline, { path: { userId: "me" }, body: { action: "activate" } });
    expect(url).toBe("https://api.zoom.us/v2/users/me/status");
  });
});
