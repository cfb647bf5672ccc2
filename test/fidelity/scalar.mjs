// Runs @scalar/postman-to-openapi (which needs Node 22 or later) for run.ts: one JSON job per
// stdin line, `{"input": "<collection file>", "output": "<openapi file>"}`, one JSON answer per
// stdout line, `{"ok": true}` or `{"ok": false, "error": "…"}`.
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { convert } from "@scalar/postman-to-openapi";

for await (const line of createInterface({ input: process.stdin })) {
  const { input, output } = JSON.parse(line);
  let answer;
  try {
    writeFileSync(output, JSON.stringify(convert(readFileSync(input, "utf8"))));
    answer = { ok: true };
  } catch (e) {
    answer = { ok: false, error: String(e?.message ?? e).split("\n")[0] };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
