/**
 * A real HTTP server on 127.0.0.1 (port 0) that records what arrives (method, raw URL,
 * headers, multipart bodies parsed by busboy part by part, arrival time) and answers from a
 * script of replies. It can also serve static files, so a browser page can call it from the
 * same origin.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

export interface ReceivedPart {
  name: string;
  /** The value (empty when the server only counts bytes). */
  value: string;
  /** Bytes received for this part. */
  size: number;
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
  /** Bytes of the whole body. */
  size: number;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the connection instead of answering (a network error). */
  drop?: boolean;
}

export interface RecordingServer {
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Replies to give, in order, to requests whose path starts with the key ("" for any). */
  script: Map<string, Reply[]>;
  /** The reply when the script is empty (default 204, no body). */
  reply: Reply;
  /** Count body bytes without keeping them (for large uploads). */
  countOnly: boolean;
  /** Static files served under /__static/, by name. */
  files: Map<string, { path: string; type: string }>;
  reset(): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<RecordingServer> {
  const state: RecordingServer = {
    baseUrl: "",
    requests: [],
    script: new Map(),
    reply: { status: 204 },
    countOnly: false,
    files: new Map(),
    reset() {
      state.requests.length = 0;
      state.script.clear();
      state.reply = { status: 204 };
      state.countOnly = false;
    },
    close: async () => {},
  };
  const nextReply = (url: string): Reply => {
    const path = url.split("?")[0]!;
    const key = [...state.script.keys()].filter((k) => path.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    return (key !== undefined ? state.script.get(key)!.shift() : undefined) ?? state.reply;
  };
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/__static/")) {
      const file = state.files.get(req.url.slice("/__static/".length));
      if (!file) return void res.writeHead(404).end();
      return void res.writeHead(200, { "Content-Type": file.type }).end(readFileSync(file.path));
    }
    const received: ReceivedRequest = { method: req.method!, url: req.url!, headers: req.headers, parts: [], text: "", size: 0, at: Date.now() };
    const finish = async () => {
      state.requests.push(received);
      const reply = nextReply(received.url);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (reply.drop) return void res.socket?.destroy();
      if (res.destroyed) return;
      const headers = { ...reply.headers };
      if (reply.body === undefined) return void res.writeHead(reply.status, headers).end();
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { "Content-Type": typeof reply.body === "string" ? "text/plain" : "application/json", ...headers }).end(text);
    };
    req.on("data", (c: Buffer) => (received.size += c.length));
    if ((req.headers["content-type"] ?? "").startsWith("multipart/form-data")) {
      // Browsers and undici write names and filenames as UTF-8 (busboy assumes Latin-1).
      const parser = busboy({ headers: req.headers, defParamCharset: "utf8", limits: { fieldSize: 1 << 20 } });
      parser.on("field", (name, value, info) => received.parts.push({ name, value, size: Buffer.byteLength(value), mimeType: info.mimeType }));
      parser.on("file", (name, stream, info) => {
        // Recorded in arrival order; the value is filled in when the part's bytes have arrived.
        const part: ReceivedPart = { name, value: "", size: 0, filename: info.filename, mimeType: info.mimeType };
        received.parts.push(part);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => {
          part.size += c.length;
          if (!state.countOnly) chunks.push(c);
        });
        stream.on("end", () => (part.value = Buffer.concat(chunks).toString("utf8")));
      });
      parser.on("close", () => void finish());
      req.pipe(parser);
    } else {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => {
        if (!state.countOnly) chunks.push(c);
      });
      req.on("end", () => {
        received.text = Buffer.concat(chunks).toString("utf8");
        void finish();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
