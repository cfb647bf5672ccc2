/** Which level `logging(…)` installs at: the one given, else the API's environment variable's, else debug for a given logger, else none. */
import { afterEach, describe, expect, it } from "vitest";
import { logging, type Logger, type LogLevel } from "../../codegen/runtime/log.js";

const ENV = "BUDGET_TEST_SDK_LOG";

/** The levels a logger installed this way writes, for one success, one 404, one 503 and one network error. */
async function levelsLogged(make: (logger: Logger) => ReturnType<typeof logging>): Promise<LogLevel[] | "not installed"> {
  const seen: LogLevel[] = [];
  const logger = Object.fromEntries((["debug", "info", "warn", "error"] as const).map((level) => [level, () => void seen.push(level)])) as unknown as Logger;
  const middlewares: { onRequest?: Function; onResponse?: Function; onError?: Function }[] = [];
  make(logger).install({ use: (m) => void middlewares.push(m as never) }, {});
  if (middlewares.length === 0) return "not installed";
  const m = middlewares[0]!;
  const request = new Request("https://api.example.com/x");
  for (const [id, status] of [["1", 200], ["2", 404], ["3", 503]] as const) {
    m.onRequest!({ request, id });
    m.onResponse!({ request, response: new Response(null, { status }), id });
  }
  m.onRequest!({ request, id: "4" });
  m.onError!({ request, error: new TypeError("fetch failed"), id: "4" });
  return seen;
}

afterEach(() => {
  delete process.env[ENV];
});

describe("logging(logger?, level?)", () => {
  it("a logger alone logs from debug; with a level, from that level", async () => {
    expect(await levelsLogged((l) => logging(l, undefined, ENV))).toEqual(["debug", "info", "warn", "warn"]);
    expect(await levelsLogged((l) => logging(l, "warn", ENV))).toEqual(["warn", "warn"]);
  });

  it("the environment variable sets the level where none is given; a level given wins over it", async () => {
    process.env[ENV] = "INFO";
    expect(await levelsLogged((l) => logging(l, undefined, ENV))).toEqual(["info", "warn", "warn"]);
    expect(await levelsLogged((l) => logging(l, "debug", ENV))).toEqual(["debug", "info", "warn", "warn"]);
  });

  it("logging() with no logger installs nothing unless the variable names a level", async () => {
    expect(await levelsLogged(() => logging(undefined, undefined, ENV))).toBe("not installed");
    process.env[ENV] = "verbose";
    expect(await levelsLogged(() => logging(undefined, undefined, ENV))).toBe("not installed");
    // Set, it logs to the console from that level.
    process.env[ENV] = "warn";
    const warned: unknown[] = [];
    const original = console.warn;
    console.warn = (message: unknown) => void warned.push(message);
    try {
      expect(await levelsLogged(() => logging(undefined, undefined, ENV))).toEqual([]);
    } finally {
      console.warn = original;
    }
    expect(warned.map((m) => String(m).replace(/in \d+ ms/, "in N ms"))).toEqual([
      "GET https://api.example.com/x → 503 in N ms (attempt 1)",
      "GET https://api.example.com/x → failed (TypeError: fetch failed) in N ms (attempt 1)",
    ]);
  });
});
