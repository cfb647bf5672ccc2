/** Body encodings the wire tests do not reach. */
import { describe, expect, it } from "vitest";
import { encodeMultipart, json, multipart, raw, toUrlEncoded, urlencoded, type Encoder } from "../../codegen/runtime/body.js";
import { call, retryDelay } from "../../codegen/runtime/call.js";
import { createApiClient } from "../../codegen/runtime/client.js";

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

  it("line breaks in a text value are CRLF, as FormData writes them: a JSON part beside it does not change its bytes", async () => {
    const value = "l1\nl2\rl3\r\nl4";
    const viaFormData = await new Request("https://x.example", { method: "POST", body: (await encodeMultipart({ note: value }, { note: "text" })).body as FormData }).text();
    expect(viaFormData).toContain('name="note"\r\n\r\nl1\r\nl2\r\nl3\r\nl4\r\n');
    const byHand = await encodeMultipart({ note: value, meta: { a: "x\ny" } }, { note: "text", meta: "json" });
    const boundary = byHand.contentType!.split("boundary=")[1]!;
    expect(byHand.body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nl1\r\nl2\r\nl3\r\nl4\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":"x\\ny"}\r\n--${boundary}--\r\n`,
    );
  });

  it("bytes with a filename in a field the spec does not declare are a file part too; an object that is not a file is JSON", async () => {
    const file = { data: new TextEncoder().encode("hi"), filename: "a.txt", contentType: "text/plain" };
    const encoded = await encodeMultipart({ known: "x", extra: file, files: [file, file], meta: { data: "d", filename: "f" }, mixed: [file, { kind: "m" }] }, { known: "text" });
    const boundary = encoded.contentType!.split("boundary=")[1]!;
    const filePart = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhi\r\n`;
    expect(await new Response(encoded.body).text()).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="known"\r\n\r\nx\r\n` +
        filePart("extra") +
        filePart("files") +
        filePart("files") +
        `--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"data":"d","filename":"f"}\r\n` +
        filePart("mixed") +
        `--${boundary}\r\nContent-Disposition: form-data; name="mixed"\r\n\r\n{"kind":"m"}\r\n--${boundary}--\r\n`,
    );
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

describe("the call's headers with every kind of body", () => {
  // Each body, and the Content-Type it goes with (a hand-built multipart's has its boundary).
  const kinds: [string, unknown, Encoder | undefined, RegExp][] = [
    ["plain JSON", { a: 1 }, undefined, /^application\/json$/],
    ["urlencoded", { a: 1 }, urlencoded({}), /^application\/x-www-form-urlencoded$/],
    ["json()", { a: 1 }, json("application/merge-patch+json"), /^application\/merge-patch\+json$/],
    ["raw", "hi", raw("text/plain"), /^text\/plain$/],
    ["hand-built multipart", { meta: "m" }, multipart({ meta: { part: "text", contentType: "text/csv" } }), /^multipart\/form-data; boundary=----codegen-[0-9a-f]{32}$/],
  ];
  it.each(kinds)("%s: a null header deletes the client's, an undefined one is not sent, as openapi-fetch merges them", async (_, body, encode, contentType) => {
    let sent: Record<string, string> = {};
    const client = createApiClient("https://api.example.com", { schemes: {}, default: [], operations: {} }, {
      headers: { "X-Client": "c", "X-Del": "d" },
      fetch: async (request) => ((sent = Object.fromEntries(request.headers)), new Response(null, { status: 204 })),
    });
    await call(client, { method: "POST", path: "/p", body, encode }, { headers: { "X-Del": null, "X-Undef": undefined } as never });
    const { "content-type": type, ...rest } = sent;
    expect([type?.match(contentType)?.[0] === type, rest]).toEqual([true, { "x-client": "c" }]);
  });
});

describe("a Content-Type given beside the body", () => {
  const sendWith = async (body: unknown, encode: Encoder, options: { headers?: HeadersInit; header?: Record<string, string> }) => {
    let sent: Request | undefined;
    const client = createApiClient("https://api.example.com", { schemes: {}, default: [], operations: {} }, {
      fetch: async (request) => ((sent = request), new Response(null, { status: 204 })),
    });
    await call(client, { method: "POST", path: "/p", body, encode, params: options.header ? { header: options.header } : undefined }, options.headers ? { headers: options.headers } : {});
    return { type: sent!.headers.get("Content-Type")!, text: await sent!.text() };
  };
  const multipartType = /^multipart\/form-data; boundary=(\S+)$/;

  it("never replaces a multipart body's own: a header parameter, the call's headers, FormData or written by hand", async () => {
    const plain = multipart({ name: "text" });
    const typed = multipart({ name: "text", doc: { part: "text", contentType: "application/xml" } });
    for (const [encode, body] of [[plain, { name: "n" }], [typed, { name: "n", doc: "<a/>" }]] as const) {
      for (const options of [{ header: { "Content-Type": "multipart/form-data" } }, { headers: { "content-type": "multipart/form-data" } }, { headers: new Headers({ "Content-Type": "text/plain" }) }]) {
        const { type, text } = await sendWith(body, encode, options);
        const boundary = multipartType.exec(type)?.[1];
        expect(text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n`)).toBe(true);
      }
    }
  });

  it("a raw body goes with the call's Content-Type, else the file's own, else the spec's; a header parameter wins over all", async () => {
    const encode = raw("application/octet-stream");
    const bytes = new Uint8Array([1, 2]);
    expect((await sendWith(bytes, encode, {})).type).toBe("application/octet-stream");
    expect((await sendWith(new Blob([bytes], { type: "image/png" }), encode, {})).type).toBe("image/png");
    expect((await sendWith({ data: bytes, filename: "a.jpg", contentType: "image/jpeg" }, encode, {})).type).toBe("image/jpeg");
    expect((await sendWith(new Blob([bytes], { type: "image/png" }), encode, { headers: { "Content-Type": "image/gif" } })).type).toBe("image/gif");
    expect((await sendWith(bytes, encode, { header: { "Content-Type": "image/webp" }, headers: { "Content-Type": "image/gif" } })).type).toBe("image/webp");
  });
});
