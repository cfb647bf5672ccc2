/**
 * The `paths`/`operations`/`components` types, from openapi-typescript's Node API.
 * `format: binary`, and OpenAPI 3.1's `contentMediaType` of a binary type without a
 * `contentEncoding` (FastAPI's `application/octet-stream` uploads), become `Blob | FileUpload`
 * (openapi-typescript would say `string`), so file fields take a Blob or File, or bytes or a
 * stream with a filename. `contentEncoding: base64` (and `format: byte`) stays `string`: the
 * base64 text, sent as it is.
 */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "../openapi.js";
import { isFileSchema } from "./plan.js";

/**
 * Renders the type declarations of a document (without the file header). openapi-typescript
 * rewrites the document it is given (its bundler normalizes references: GitHub's comes back
 * changed), so it must be given a document no one else reads afterwards (emitSdk gives it the
 * SDK's canonical copy).
 */
export async function emitTypes(document: OpenApiDocument): Promise<string> {
  let files = false;
  const nodes = await openapiTS(document as never, {
    emptyObjectsUnknown: true,
    silent: true,
    transform(schema) {
      if (!isFileSchema(schema as Record<string, unknown>)) return undefined;
      files = true;
      // A file: a Blob or File, or bytes or a stream with the name its part should carry.
      const file = ts.factory.createUnionTypeNode([ts.factory.createTypeReferenceNode("Blob"), ts.factory.createTypeReferenceNode("FileUpload")]);
      return "nullable" in schema && schema.nullable ? ts.factory.createUnionTypeNode([file, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : file;
    },
  });
  const types = astToString(nodes);
  return files ? `import type { FileUpload } from "./runtime/body.gen.js";\n\n${types}` : types;
}

