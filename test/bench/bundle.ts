/**
 * The bundle an app ships when it imports one operation of an SDK, against the same app on bare
 * openapi-fetch: esbuild (bundle, minify, ESM, platform browser), as `npm run bench` measures
 * it, plus the bytes each module leaves in the bundle (esbuild's metafile), to see where they go.
 *
 *   node --import tsx test/bench/bundle.ts <sdkDir> [operation method path args-json]
 *
 * Defaults to GitHub's `reposGet` (GET /repos/{owner}/{repo}). Not part of npm test; the budget
 * test is test/runtime/bundle.test.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Metafile, Plugin } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
// The repository's own esbuild and openapi-fetch, not the bench peers' copies in
// test/bench/node_modules (an older esbuild there): the same figures with or without them.
const { build } = createRequire(join(ROOT, "package.json"))("esbuild") as typeof import("esbuild");

/** The one operation the app calls, and what bare openapi-fetch is asked for in its place. */
export interface BundleOperation {
  /** The SDK's function, e.g. `reposGet`. */
  name: string;
  /** Upper case, as openapi-fetch names its methods. */
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}`. */
  path: string;
  /** The arguments, e.g. `{ path: { owner: "o", repo: "r" } }`: `params` for bare openapi-fetch. */
  args: Record<string, unknown>;
  /** The bare app's base URL (default `https://api.github.com`). */
  baseUrl?: string;
}

/** GET /repos/{owner}/{repo} of GitHub's SDK: the operation `npm run bench` measures. */
export const GITHUB_REPOS_GET: BundleOperation = { name: "reposGet", method: "GET", path: "/repos/{owner}/{repo}", args: { path: { owner: "o", repo: "r" } } };

export interface BundleSizes {
  /** The SDK app: minified bytes, and gzip of them. */
  ours: number;
  oursGzip: number;
  /** The same app on bare openapi-fetch (a bearer token by middleware). */
  bare: number;
  bareGzip: number;
  /** Minified bytes each input leaves in the SDK app's bundle, by path (relative to the repository, or `sdk/…`), largest first. */
  modules: Record<string, number>;
}

/**
 * Builds both apps and measures them: `createClient({ auth: "t" })` and one call of
 * `operation` from the SDK in `sdkDir`, against openapi-fetch's `createClient`, a middleware
 * that sets `Authorization`, and the same call. Deterministic: sizes, not times.
 */
export async function measureBundle(sdkDir: string, operation: BundleOperation = GITHUB_REPOS_GET): Promise<BundleSizes> {
  const sdk = resolve(sdkDir);
  const args = JSON.stringify(operation.args);
  const params = JSON.stringify({ params: operation.args.path || operation.args.query ? { path: operation.args.path, query: operation.args.query } : undefined });
  const ours = await bundle(
    `import { createClient, ${operation.name} } from ${JSON.stringify(join(sdk, "index.ts"))};\nconst c = createClient({ auth: "t" });\n${operation.name}(c, ${args}).then(console.log);\n`,
  );
  const bare = await bundle(
    `import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: ${JSON.stringify(operation.baseUrl ?? "https://api.github.com")} });\n` +
      `c.use({ onRequest: ({ request }) => (request.headers.set("Authorization", "Bearer t"), request) });\n` +
      `c.${operation.method}(${JSON.stringify(operation.path)}, ${params}).then(console.log);\n`,
  );
  const modules: Record<string, number> = {};
  const inputs = Object.values(ours.metafile.outputs)[0]!.inputs;
  for (const [path, { bytesInOutput }] of Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
    const absolute = resolve(ROOT, path);
    const name = absolute.startsWith(sdk) ? `sdk/${relative(sdk, absolute)}` : relative(ROOT, absolute);
    modules[name] = bytesInOutput;
  }
  return { ours: ours.size, oursGzip: ours.gzip, bare: bare.size, bareGzip: bare.gzip, modules };
}

/**
 * Every `openapi-fetch` import, the SDK's and the bare app's alike, resolved from the
 * repository's node_modules: the same copy on both sides, wherever the SDK is (the bench's
 * GitHub SDK sits under test/bench/, whose node_modules hold the peers' own openapi-fetch).
 */
const repositoryOpenapiFetch: Plugin = {
  name: "repository-openapi-fetch",
  setup(build) {
    build.onResolve({ filter: /^openapi-fetch$/ }, async ({ kind, pluginData }) => {
      if (pluginData === "repository") return undefined;
      const resolved = await build.resolve("openapi-fetch", { kind, resolveDir: ROOT, pluginData: "repository" });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
  },
};

/** esbuild as `npm run bench` has always run it (bundle, minify, ESM, browser); openapi-fetch from the repository's node_modules on both sides. */
async function bundle(contents: string): Promise<{ size: number; gzip: number; metafile: Metafile }> {
  const built = await build({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
    metafile: true,
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, "node_modules")],
    plugins: [repositoryOpenapiFetch],
  });
  const bytes = built.outputFiles[0]!.contents;
  return { size: bytes.length, gzip: gzipSync(bytes).length, metafile: built.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [sdkDir, name, method, path, args] = process.argv.slice(2);
  if (!sdkDir) {
    console.error("usage: node --import tsx test/bench/bundle.ts <sdkDir> [operation method path args-json]");
    process.exit(2);
  }
  const operation = name ? { name, method: method!, path: path!, args: JSON.parse(args ?? "{}") as Record<string, unknown>, baseUrl: defaultBaseUrlOf(sdkDir) } : GITHUB_REPOS_GET;
  const r = await measureBundle(sdkDir, operation);
  console.log(`ours ${r.ours} B (${r.oursGzip} gzip), bare openapi-fetch ${r.bare} B (${r.bareGzip} gzip): +${r.ours - r.bare} B (+${r.oursGzip - r.bareGzip} B gzip)`);
  console.log("\nminified bytes per module in ours:");
  for (const [module, bytes] of Object.entries(r.modules)) console.log(`${String(bytes).padStart(8)}  ${module}`);
}

/** The SDK's `defaultBaseUrl`, so the bare app names the same server. */
function defaultBaseUrlOf(sdkDir: string): string | undefined {
  const match = /export const defaultBaseUrl = ("[^"]*")/.exec(readFileSync(join(sdkDir, "client.gen.ts"), "utf8"));
  return match ? (JSON.parse(match[1]!) as string) : undefined;
}
