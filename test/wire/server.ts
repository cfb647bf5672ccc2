/**
 * A real HTTP server on 127.0.0.1 (port 0) that records what arrives: method, raw URL,
 * headers, and multipart bodies parsed by busboy, part by part.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

export interface ReceivedPart {
  name: string;
  value: string;
  /** Set only for file parts. */
  filename?: string;
  mimeType: string;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  parts: ReceivedPart[];
  text: string;
}

export interface RecordingServer {
  baseUrl: string;
  requests: ReceivedRequest[];
  /** The status and JSON body the next requests get (default 204, no body). */
  reply: { status: number; body?: unknown };
  close(): Promise<void>;
}

export async function startServer(): Promise<RecordingServer> {
  const requests: ReceivedRequest[] = [];
  const state: RecordingServer = { baseUrl: "", requests, reply: { status: 204 }, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const received: ReceivedRequest = { method: req.method!, url: req.url!, headers: req.headers, parts: [], text: "" };
    const finish = () => {
      requests.push(received);
      const { status, body } = state.reply;
      if (body === undefined) res.writeHead(status).end();
      else res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    };
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
      const parser = busboy({ headers: req.headers });
      parser.on("field", (name, value, info) => received.parts.push({ name, value, mimeType: info.mimeType }));
      parser.on("file", (name, stream, info) => {
        // Recorded in arrival order; the value is filled in when the part's bytes have arrived.
        const part: ReceivedPart = { name, value: "", filename: info.filename, mimeType: info.mimeType };
        received.parts.push(part);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => (part.value = Buffer.concat(chunks).toString("utf8")));
      });
      parser.on("close", finish);
      req.pipe(parser);
    } else {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.text = Buffer.concat(chunks).toString("utf8");
        finish();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
