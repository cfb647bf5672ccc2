/**
 * normalize: the folder tree → a flat list of requests, each with everything it inherits
 * (variables, auth) resolved and its folder path kept for tags, names and diagnostics.
 */
import type { PostmanAuth, PostmanCollection, PostmanNode, PostmanRequest, PostmanResponse, PostmanVariable } from "./model.js";
import { extendScope, type VariableScope } from "./variables.js";

export interface ResolvedRequest {
  name: string;
  /** Folder names, outermost first. */
  folders: string[];
  /** `Meetings › Update registrant's status`, for diagnostics. */
  itemPath: string;
  pointer: string;
  request: PostmanRequest;
  responses: PostmanResponse[];
  /** The auth in force, after inheritance; undefined when nothing sets one. */
  auth: PostmanAuth | undefined;
  /** Every variable in force (collection, environment, folders): for servers. */
  variables: VariableScope;
  /**
   * The collection's own variables only, for sample values that end up as examples: an
   * environment's values (often secrets) never go into the committed spec.
   */
  sampleVariables: VariableScope;
}

export interface ResolvedFolder {
  name: string;
  description?: string;
}

export interface NormalizedCollection {
  name: string;
  description?: string;
  version?: string;
  auth: PostmanAuth | undefined;
  variables: VariableScope;
  folders: ResolvedFolder[];
  requests: ResolvedRequest[];
}

/** What a folder passes down to its entries. */
interface Inherited {
  auth: PostmanAuth | undefined;
  scope: VariableScope;
  samples: VariableScope;
}

/**
 * Flattens the tree in collection order; `environment` values override the collection's variables.
 * The walk keeps its own stack (no recursion), so folders of any depth flatten; a folder's path
 * is copied once, for its requests, and only when it has some.
 */
export function normalizeCollection(collection: PostmanCollection, environment: PostmanVariable[] = []): NormalizedCollection {
  const own = extendScope(new Map(), collection.variables);
  const variables = extendScope(own, environment);
  const folders: ResolvedFolder[] = [];
  const requests: ResolvedRequest[] = [];
  const path: string[] = [];
  type Frame = { nodes: PostmanNode[]; next: number; inherited: Inherited; folders?: string[] };
  const stack: Frame[] = [{ nodes: collection.items, next: 0, inherited: { auth: collection.auth, scope: variables, samples: own } }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const node = frame.nodes[frame.next++];
    if (node === undefined) {
      stack.pop();
      path.pop();
      continue;
    }
    const { auth, scope, samples } = frame.inherited;
    if (node.kind === "folder") {
      folders.push(node.description === undefined ? { name: node.name } : { name: node.name, description: node.description });
      path.push(node.name);
      stack.push({
        nodes: node.items,
        next: 0,
        inherited: { auth: inheritAuth(node.auth, auth), scope: extendScope(scope, node.variables), samples: extendScope(samples, node.variables) },
      });
      continue;
    }
    const inFolders = (frame.folders ??= [...path]);
    requests.push({
      name: node.name,
      folders: inFolders,
      itemPath: [...inFolders, node.name].join(" › "),
      pointer: node.pointer,
      request: node.request,
      responses: node.responses,
      auth: inheritAuth(node.request.auth, auth),
      variables: scope,
      sampleVariables: samples,
    });
  }
  const result: NormalizedCollection = { name: collection.name, auth: collection.auth, variables, folders, requests };
  if (collection.description !== undefined) result.description = collection.description;
  if (collection.version !== undefined) result.version = collection.version;
  return result;
}

/**
 * Postman's inheritance: no auth (or `inherit`) takes the parent's. An auth of the parent's
 * type that carries no settings of its own (Zoom's items say only `{ "type": "oauth2" }`)
 * is the parent's scheme too, so it borrows the parent's settings.
 */
function inheritAuth(own: PostmanAuth | undefined, parent: PostmanAuth | undefined): PostmanAuth | undefined {
  if (!own) return parent;
  if (parent && own.type === parent.type && Object.keys(own.attributes).length === 0) return parent;
  return own;
}
