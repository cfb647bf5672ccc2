/**
 * The Postman collection as the converter sees it: v2.0 and v2.1 read into one shape, with
 * every node carrying the JSON pointer it came from so diagnostics can say where.
 * Reference: https://schema.postman.com/collection/json/v2.1.0/draft-07/docs/index.html
 */

export interface PostmanCollection {
  name: string;
  /**
   * Types a typed collection carries beside it (openapi-to-postmanv2's `extractedTypes`), keyed
   * `get/pets/{petId}`; those that match a request are also on that request (`types`).
   */
  types?: Map<string, PostmanOperationTypes>;
  description?: string;
  version?: string;
  items: PostmanNode[];
  auth?: PostmanAuth;
  variables: PostmanVariable[];
}

export type PostmanNode = PostmanFolder | PostmanItem;

export interface PostmanFolder {
  kind: "folder";
  name: string;
  pointer: string;
  description?: string;
  items: PostmanNode[];
  auth?: PostmanAuth;
  variables: PostmanVariable[];
}

export interface PostmanItem {
  kind: "item";
  name: string;
  pointer: string;
  request: PostmanRequest;
  responses: PostmanResponse[];
}

export interface PostmanVariable {
  key: string;
  value?: string;
  description?: string;
  disabled?: boolean;
  /** The type a typed collection gives this path variable or query parameter. */
  typed?: PostmanTypedValue;
}

export interface PostmanHeader {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
  /** The type a typed collection gives this header. */
  typed?: PostmanTypedValue;
}

/**
 * A JSON Schema a typed collection gives a body or a value, as written (not yet checked or
 * converted: that is the convert stage's), with the pointer of the text that holds it.
 */
export interface PostmanTypedSchema {
  schema: unknown;
  pointer: string;
}

/** A typed parameter or header: its schema and whether Postman marks it required. */
export interface PostmanTypedValue extends PostmanTypedSchema {
  required: boolean;
}

/**
 * What a typed collection says of one request: openapi-to-postmanv2's `convertV2WithTypes`
 * returns it beside the collection as `extractedTypes["get/pets/{petId}"]` (Postman's v2.1
 * export itself leaves types out: postmanlabs/postman-app-support#13718).
 */
export interface PostmanOperationTypes {
  pointer: string;
  body?: PostmanTypedSchema;
  path: Map<string, PostmanTypedValue>;
  query: Map<string, PostmanTypedValue>;
  /** Keyed by lower-cased name. */
  headers: Map<string, PostmanTypedValue>;
  /** By status code; a spec's `default` response under "default" (openapi-to-postmanv2 6; older versions file it under 500). */
  responses: Map<number | "default", { body?: PostmanTypedSchema; headers: Map<string, PostmanTypedValue> }>;
}

export interface PostmanUrl {
  raw?: string;
  protocol?: string;
  host: string[];
  port?: string;
  path: string[];
  /** The fragment (`#X-Amz-Target=…`): some APIs tell operations apart by it. */
  hash?: string;
  query: PostmanVariable[];
  variables: PostmanVariable[];
}

export const AUTH_TYPES = [
  "noauth",
  "apikey",
  "awsv4",
  "basic",
  "bearer",
  "digest",
  "edgegrid",
  "hawk",
  "ntlm",
  "oauth1",
  "oauth2",
  "jwt",
  "akamai",
  "asap",
] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** An auth block; its attributes come as a v2.1 `[{key, value}]` list or a v2.0 object. */
export interface PostmanAuth {
  type: AuthType;
  attributes: Record<string, unknown>;
  pointer: string;
}

export interface PostmanFormField {
  key: string;
  type: "text" | "file";
  value?: string;
  src?: string | string[];
  contentType?: string;
  description?: string;
  disabled?: boolean;
  pointer: string;
}

export type PostmanBody =
  | { mode: "raw"; raw: string; language?: string; pointer: string }
  | { mode: "formdata"; fields: PostmanFormField[]; pointer: string }
  | { mode: "urlencoded"; fields: PostmanFormField[]; pointer: string }
  | { mode: "file"; src?: string; pointer: string }
  | { mode: "graphql"; query: string; variables?: string; pointer: string };

export type BodyMode = PostmanBody["mode"];

export interface PostmanRequest {
  method: string;
  url: PostmanUrl;
  headers: PostmanHeader[];
  body?: PostmanBody;
  auth?: PostmanAuth;
  description?: string;
  pointer: string;
  /** What a typed collection says of this request's body, parameters and responses. */
  types?: PostmanOperationTypes;
}

export interface PostmanResponse {
  name: string;
  /** The body of the request this example was saved from, when it has one: another sample of the request. */
  requestBody?: PostmanBody;
  code?: number;
  status?: string;
  headers: PostmanHeader[];
  body?: string;
  previewLanguage?: string;
  pointer: string;
}
