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
  path: string[];
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

/** Flattens the tree in collection order; `environment` values override the collection's variables. */
export function normalizeCollection(collection: PostmanCollection, environment: PostmanVariable[] = []): NormalizedCollection {
  const own = extendScope(new Map(), collection.variables);
  const variables = extendScope(own, environment);
  const folders: ResolvedFolder[] = [];
  const requests: ResolvedRequest[] = [];
  const walk = (nodes: PostmanNode[], path: string[], auth: PostmanAuth | undefined, scope: VariableScope, samples: VariableScope) => {
    for (const node of nodes) {
      if (node.kind === "folder") {
        const folderPath = [...path, node.name];
        folders.push(node.description === undefined ? { name: node.name, path: folderPath } : { name: node.name, path: folderPath, description: node.description });
        walk(node.items, folderPath, inheritAuth(node.auth, auth), extendScope(scope, node.variables), extendScope(samples, node.variables));
      } else {
        requests.push({
          name: node.name,
          folders: path,
          itemPath: [...path, node.name].join(" › "),
          pointer: node.pointer,
          request: node.request,
          responses: node.responses,
          auth: inheritAuth(node.request.auth, auth),
          variables: scope,
          sampleVariables: samples,
        });
      }
    }
  };
  walk(collection.items, [], collection.auth, variables, own);
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
