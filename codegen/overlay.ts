/**
 * OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): hand corrections kept in
 * `spec/<name>.overlay.yaml` and applied after every conversion, so they survive
 * regeneration. Each action selects nodes with a JSONPath `target` and either removes them
 * or merges `update` into them (objects merge recursively; arrays get the value appended).
 */
import { JSONPath } from "jsonpath-plus";
import { parse as parseYaml } from "yaml";
import { pointerTo, type Diagnostics } from "./diagnostics.js";
import type { OpenApiDocument } from "./openapi.js";
import { hasOwn, setOwn } from "./postman/own-keys.js";

interface Action {
  target?: unknown;
  description?: unknown;
  update?: unknown;
  remove?: unknown;
}

type Container = Record<string, unknown> | unknown[];

/** Applies an overlay's actions in order to a copy of the document. Problems are diagnostics on the overlay file. */
export function applyOverlay(document: OpenApiDocument, overlayText: string, diag: Diagnostics): OpenApiDocument {
  let overlay: { overlay?: unknown; actions?: unknown };
  try {
    overlay = parseYaml(overlayText) ?? {};
  } catch (e) {
    diag.error("invalid-overlay", `${diag.file} is not valid YAML (${(e as Error).message.split("\n")[0]})`, { pointer: "" });
    return document;
  }
  if (typeof overlay.overlay !== "string" || !overlay.overlay.startsWith("1.") || !Array.isArray(overlay.actions)) {
    diag.error("invalid-overlay", `${diag.file} is not an OpenAPI Overlay 1.x document (it needs \`overlay: 1.0.0\` and \`actions\`)`, { pointer: "" });
    return document;
  }
  const result = structuredClone(document) as unknown as Record<string, unknown>;
  (overlay.actions as Action[]).forEach((action, i) => {
    const at = { pointer: pointerTo("#", "actions", i) };
    if (typeof action?.target !== "string") {
      diag.error("invalid-overlay", "this action has no `target` JSONPath", at);
      return;
    }
    let matches: { parent: Container | null; parentProperty: string | number | null; value: unknown }[];
    try {
      matches = JSONPath({ path: action.target, json: result, resultType: "all", eval: "safe" });
    } catch (e) {
      diag.error("invalid-overlay", `the target ${JSON.stringify(action.target)} is not a JSONPath this tool can read (${(e as Error).message})`, at);
      return;
    }
    if (matches.length === 0) {
      diag.warning("overlay-target-unmatched", `the target ${action.target} selects nothing in the converted document; the action did nothing`, at);
      return;
    }
    if (action.remove === true) {
      // Remove from the end so array indexes stay valid while removing.
      for (const m of [...matches].reverse()) {
        if (m.parent === null || m.parentProperty === null) continue;
        if (Array.isArray(m.parent)) m.parent.splice(Number(m.parentProperty), 1);
        else delete m.parent[String(m.parentProperty)];
      }
      return;
    }
    if (action.update === undefined) {
      diag.warning("invalid-overlay", "this action has neither `update` nor `remove: true`; it did nothing", at);
      return;
    }
    for (const m of matches) {
      if (Array.isArray(m.value)) m.value.push(structuredClone(action.update));
      else if (isObject(m.value) && isObject(action.update)) mergeInto(m.value, action.update);
      else if (m.parent !== null && m.parentProperty !== null) setOwn(m.parent as Record<string, unknown>, String(m.parentProperty), structuredClone(action.update));
    }
  });
  return result as unknown as OpenApiDocument;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Merges `update` into `target`, objects into objects at every level, with its own stack (an
 * overlay of any depth merges without recursion). Keys are set as own properties: `__proto__` in
 * an overlay is a property like any other, never the target's prototype.
 */
function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  const stack: [Record<string, unknown>, Record<string, unknown>][] = [[target, update]];
  while (stack.length > 0) {
    const [into, from] = stack.pop()!;
    for (const [key, value] of Object.entries(from)) {
      const existing = hasOwn(into, key) ? into[key] : undefined;
      if (isObject(existing) && isObject(value)) stack.push([existing, value]);
      else setOwn(into, key, structuredClone(value));
    }
  }
}
