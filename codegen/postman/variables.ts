/** Postman `{{name}}` variables and the scopes they are looked up in. */
import type { PostmanVariable } from "./model.js";

/** Variable values by name; `undefined` means declared without a value. */
export type VariableScope = ReadonlyMap<string, string | undefined>;

/** A scope with `inner` variables shadowing `outer` ones (collection → folder → …). */
export function extendScope(outer: VariableScope, inner: PostmanVariable[]): VariableScope {
  // A folder without variables shares its parent's scope: a copy per folder grows with depth × variables.
  if (!inner.some((v) => !v.disabled)) return outer;
  const scope = new Map(outer);
  for (const v of inner) if (!v.disabled) scope.set(v.key, v.value);
  return scope;
}

export const VARIABLE = /\{\{([^{}]+)\}\}/g;

/**
 * Replaces every `{{name}}` that has a value (recursively, as Postman does, up to a depth
 * that stops cycles). Names without a value are returned so the caller can decide.
 */
export function substituteVariables(text: string, scope: VariableScope): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  let out = text;
  for (let depth = 0; depth < 10 && VARIABLE.test(out); depth++) {
    VARIABLE.lastIndex = 0;
    let replaced = false;
    out = out.replace(VARIABLE, (whole, name: string) => {
      const value = scope.get(name.trim());
      if (value === undefined) {
        unresolved.add(name.trim());
        return whole;
      }
      replaced = true;
      return value;
    });
    if (!replaced) break;
  }
  VARIABLE.lastIndex = 0;
  return { text: out, unresolved: [...unresolved] };
}
