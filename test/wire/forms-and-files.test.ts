/** The forms-and-files fixture's SDK on the wire: file parts, repeated keys, urlencoded, raw and JSON bodies. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, createAMeeting, createToken, listMeetings, replaceFileContents, uploadAvatar, type ApiClient } from "../fixtures/forms-and-files/sdk/index.js";
import { startServer, type RecordingServer } from "./server.js";

let server: RecordingServer;
let client: ApiClient;
beforeAll(async () => {
  server = await startServer();
  client = createClient({ baseUrl: server.baseUrl, auth: "tok" });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("forms and files on the wire", () => {
  it("a File is a file part with its name; repeated keys are repeated parts", async () => {
    await uploadAvatar(client, {
      path: { userId: "me" },
      body: { file: new File(["\x89PNG"], "avatar.png", { type: "image/png" }), caption: "Me, in 2024", tags: ["profile", "public"] },
    });
    const [request] = server.requests;
    expect(request!.url).toBe("/users/me/avatar");
    // Fields in sorted order, the file last (see formParts in codegen/emit/plan.ts).
    expect(request!.parts.map((p) => [p.name, p.filename, p.mimeType])).toEqual([
      ["caption", undefined, "text/plain"],
      ["tags", undefined, "text/plain"],
      ["tags", undefined, "text/plain"],
      ["file", "avatar.png", "image/png"],
    ]);
    expect(request!.parts.map((p) => p.value).slice(0, 3)).toEqual(["Me, in 2024", "profile", "public"]);
  });

  it("urlencoded: its Content-Type, arrays as repeated keys, values escaped", async () => {
    await createToken(client, { body: { grant_type: "account_credentials", account_id: "A1b2 C3&x", scope: ["meeting:read", "meeting:write"] } });
    const [request] = server.requests;
    // The token endpoint says `noauth` (security: []): the client's token is not sent there.
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.text).toBe("account_id=A1b2+C3%26x&grant_type=account_credentials&scope=meeting%3Aread&scope=meeting%3Awrite");
  });

  it("a binary body goes as it is, with its Content-Type", async () => {
    await replaceFileContents(client, { path: { fileId: "f 1" }, body: new Blob(["raw bytes"]) }, { headers: { "X-Trace": "t1" } });
    const [request] = server.requests;
    expect(request!.url).toBe("/files/f%201/content");
    expect(request!.headers["content-type"]).toBe("application/octet-stream");
    expect(request!.headers["x-trace"]).toBe("t1");
    expect(request!.text).toBe("raw bytes");
  });

  it("JSON bodies and query parameters", async () => {
    server.reply = { status: 200, body: { next_page_token: "", meetings: [{ id: 1, topic: "a" }] } };
    const { data } = await listMeetings(client, { path: { userId: "me" }, query: { page_size: 30 } });
    expect(data?.meetings?.[0]?.topic).toBe("a");
    await createAMeeting(client, { path: { userId: "me" }, body: { topic: "Standup", duration: 15, start_time: "2024-05-01T09:00:00Z", settings: { waiting_room: true } } });
    const [list, create] = server.requests;
    expect(list!.headers.authorization).toBe("Bearer tok");
    expect(list!.url).toBe("/users/me/meetings?page_size=30");
    expect(create!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(create!.text)).toEqual({ topic: "Standup", duration: 15, start_time: "2024-05-01T09:00:00Z", settings: { waiting_room: true } });
  });
});
