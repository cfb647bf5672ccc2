/**
 * The same runtime scenarios as runtime.test.ts, run by the generated SDK inside headless
 * Chromium (Debian's package, driven by playwright-core; no browser download) against the
 * same kind of local server, which also serves the page so every call is same-origin.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import type * as portable from "./portable.js";
import { scenarios } from "./scenarios.js";
import { startServer, type RecordingServer } from "./server.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// CI installs Chromium (.ci/run); elsewhere, without it, these tests say so and skip.
const available = existsSync(CHROMIUM) || process.env.CI === "true";

describe.skipIf(!available)("the runtime on the wire, in Chromium", () => {
  let server: RecordingServer;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "codegen-browser-"));
    await build({ entryPoints: ["test/wire/browser-entry.ts"], bundle: true, format: "esm", platform: "browser", target: "chrome120", outfile: join(dir, "page.js"), logLevel: "error" });
    writeFileSync(join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/__static/page.js"></script>\n');
    server = await startServer();
    server.files.set("index.html", { path: join(dir, "index.html"), type: "text/html" });
    server.files.set("page.js", { path: join(dir, "page.js"), type: "text/javascript" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    await page.goto(`${server.baseUrl}/__static/index.html`);
    await page.waitForFunction(() => document.title === "ready");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => server.reset());

  for (const name of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
    it(name, async () => {
      const scenario = scenarios[name] as (typeof scenarios)["retryAfter"];
      scenario.setup(server);
      const result = await page.evaluate(
        ([n, baseUrl]) => (globalThis as unknown as { scenarios: Record<string, (b: string) => Promise<unknown>> }).scenarios[n]!(baseUrl),
        [name, server.baseUrl] as const,
      );
      scenario.check(result as Awaited<ReturnType<typeof portable.retryAfter>>, server);
    });
  }
});
