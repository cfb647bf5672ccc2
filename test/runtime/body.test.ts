/** Body encodings the wire tests do not reach. */
import { describe, expect, it } from "vitest";
import { encodeMultipart, toUrlEncoded } from "../../codegen/runtime/body.js";
import { retryDelay } from "../../codegen/runtime/call.js";

describe("urlencoded styles", () => {
  it("arrays: exploded form repeats the key; unexploded joins with commas; space and pipe delimited", () => {
    const plan = { a: { part: "text", explode: false }, b: { part: "text", style: "spaceDelimited" }, c: { part: "text", style: "pipeDelimited" }, d: "text" } as const;
    expect(toUrlEncoded({ a: [1, 2], b: ["x", "y"], c: ["p", "q"], d: ["r", "s"] }, plan)).toBe("a=1%2C2&b=x+y&c=p%7Cq&d=r&d=s");
  });

  it("deepObject nests brackets; other objects are JSON text", () => {
    expect(toUrlEncoded({ filter: { name: "ada", tags: ["x"], range: { from: 1 } }, meta: { a: 1 } }, { filter: { part: "text", style: "deepObject" }, meta: "json" })).toBe(
      "filter%5Bname%5D=ada&filter%5Btags%5D%5B0%5D=x&filter%5Brange%5D%5Bfrom%5D=1&meta=%7B%22a%22%3A1%7D",
    );
  });
});

describe("multipart parts with their own Content-Type", () => {
  it("a text part whose encoding names a type is written by hand, with its boundary in the Content-Type", async () => {
    const encoded = await encodeMultipart({ doc: "<a/>", name: 'x"y' }, { doc: { part: "text", contentType: "application/xml" }, name: "text" });
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=----codegen-[0-9a-f]{32}$/);
    const boundary = encoded.contentType!.split("boundary=")[1]!;
    // Text parts only: one string (no Blob to assemble).
    expect(typeof encoded.body).toBe("string");
    expect(encoded.body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="doc"\r\nContent-Type: application/xml\r\n\r\n<a/>\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx"y\r\n--${boundary}--\r\n`,
    );
  });

  it("a typed part beside bytes (a file part, named after its field) is written as a Blob, byte for byte", async () => {
    const encoded = await encodeMultipart({ meta: { a: "é" }, raw: new Uint8Array([0, 255]) }, { meta: "json", raw: { part: "text", contentType: "application/octet-stream" } });
    const boundary = encoded.contentType!.split("boundary=")[1]!;
    const bytes = new Uint8Array(await (encoded.body as Blob).arrayBuffer());
    const text = (s: string) => [...new TextEncoder().encode(s)];
    expect([...bytes]).toEqual([
      ...text(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":"é"}\r\n`),
      ...text(`--${boundary}\r\nContent-Disposition: form-data; name="raw"; filename="raw"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      0,
      255,
      ...text(`\r\n--${boundary}--\r\n`),
    ]);
  });

  it("bytes with a filename are a file part", async () => {
    const encoded = await encodeMultipart({ file: { data: new TextEncoder().encode("hi"), filename: "a.txt", contentType: "text/plain" } }, { file: "file" });
    const form = encoded.body as FormData;
    const file = form.get("file") as File;
    expect([file.name, file.type, await file.text()]).toEqual(["a.txt", "text/plain", "hi"]);
  });
});

describe("retry delays", () => {
  const response = (headers: Record<string, string>) => new Response(null, { status: 429, headers });

  it("Retry-After in seconds or as an HTTP date; X-RateLimit-Reset as seconds or epoch seconds", () => {
    expect(retryDelay(response({ "Retry-After": "2" }), 1)).toBe(2000);
    const date = new Date(Date.now() + 5000).toUTCString();
    expect(retryDelay(response({ "Retry-After": date }), 1)).toBeGreaterThan(3000);
    expect(retryDelay(response({ "X-RateLimit-Reset": "3" }), 1)).toBe(3000);
    expect(retryDelay(response({ "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 10) }), 1)).toBeGreaterThan(8000);
  });

  it("without a hint: exponential backoff with jitter", () => {
    for (let i = 0; i < 20; i++) expect(retryDelay(response({}), 3, 100)).toBeLessThan(400);
  });
});
