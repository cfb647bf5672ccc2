// Generated from spec/zoom.openapi.json by codegen. Do not edit.
// @ts-nocheck: checked by codegen's own tests; the types it uses still are, where used.

/**
 * Hooks around each call, opt-in like logging: `createClient({ hooks: withHooks({ onResponse }) })`.
 * The code that runs them lives here, so an app that sets no hooks bundles none of it.
 */
import type { Hooks } from "./call.gen.js";

/** Hooks made ready for createClient's `hooks`: runs one call (`run`, the retry loop) between them. */
export type HookRunner = <T extends { response: Response }>(method: string, path: string, run: () => Promise<T>, attempts: () => number) => Promise<T>;

/**
 * The hooks for `createClient({ hooks })`: `onRequest` before the call, then `onResponse` or
 * `onError` once after it, with the number of attempts and the call's duration.
 */
export function withHooks(hooks: Hooks): HookRunner {
  return async (method, path, run, attempts) => {
    const started = Date.now();
    const report = (event: object) => ({ method, path, attempts: attempts(), durationMs: Date.now() - started, ...event }) as never;
    await hooks.onRequest?.({ method, path });
    let outcome;
    try {
      outcome = await run();
    } catch (error) {
      await hooks.onError?.(report({ error }));
      throw error;
    }
    await hooks.onResponse?.(report({ response: outcome.response }));
    return outcome;
  };
}
