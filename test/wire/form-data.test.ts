/** The multipart serializer against a real server and busboy: every kind of field. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toFormData } from "../../generated/zoom/runtime/body.gen.js";
import { startServer, type RecordingServer } from "./server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function send(form: FormData) {
  server.requests.length = 0;
  await fetch(`${server.baseUrl}/upload`, { method: "POST", body: form });
  return server.requests[0]!.parts;
}

describe("toFormData on the wire", () => {
  it("strings as they are, numbers and booleans as text, arrays of primitives as repeated parts, null and undefined left out", async () => {
    const parts = await send(
      toFormData({ name: "Ada", age: 36, admin: false, tags: ["a", "b"], gone: null, missing: undefined }, { name: "text", age: "text", admin: "text", tags: "text", gone: "text" }),
    );
    expect(parts.map((p) => [p.name, p.value, p.filename])).toEqual([
      ["name", "Ada", undefined],
      ["age", "36", undefined],
      ["admin", "false", undefined],
      ["tags", "a", undefined],
      ["tags", "b", undefined],
    ]);
  });

  it("an object, and an array of objects, is ONE part of JSON text, never a Blob with filename=blob", async () => {
    const parts = await send(toFormData({ one: { a: 1 }, many: [{ id: 1 }, { id: 2 }] }, { one: "json", many: "json" }));
    expect(parts).toEqual([
      { name: "one", value: '{"a":1}', size: 7, mimeType: "text/plain" },
      { name: "many", value: '[{"id":1},{"id":2}]', size: 19, mimeType: "text/plain" },
    ]);
  });

  it("Blob and File are file parts with a filename; an array of files is several parts", async () => {
    const parts = await send(
      toFormData(
        { avatar: new File(["PNG"], "me.png", { type: "image/png" }), notes: new Blob(["hello"], { type: "text/plain" }), docs: [new File(["1"], "a.txt"), new File(["2"], "b.txt")] },
        { avatar: "file", notes: "file", docs: "file" },
      ),
    );
    expect(parts.map((p) => [p.name, p.filename, p.mimeType, p.value])).toEqual([
      ["avatar", "me.png", "image/png", "PNG"],
      ["notes", "notes", "text/plain", "hello"],
      ["docs", "a.txt", "application/octet-stream", "1"],
      ["docs", "b.txt", "application/octet-stream", "2"],
    ]);
  });

  it("fields go in the schema's order, then any others", async () => {
    const parts = await send(toFormData({ extra: "x", second: "2", first: "1" }, { first: "text", second: "text" }));
    expect(parts.map((p) => p.name)).toEqual(["first", "second", "extra"]);
  });
});
