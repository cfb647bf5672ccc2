/**
 * The `paths`/`operations`/`components` types, from openapi-typescript's Node API.
 * `format: binary` becomes `Blob` (openapi-typescript would say `string`), so file fields
 * take a Blob or File.
 */
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "../openapi.js";

/** Renders the type declarations of a document (without the file header). */
export async function emitTypes(document: OpenApiDocument): Promise<string> {
  const nodes = await openapiTS(structuredClone(document) as never, {
    emptyObjectsUnknown: true,
    silent: true,
    transform(schema, options) {
      if (schema.format !== "binary") return undefined;
      const blob = ts.factory.createTypeReferenceNode("Blob");
      return options.path?.includes("nullable") || ("nullable" in schema && schema.nullable)
        ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())])
        : blob;
    },
  });
  return astToString(nodes);
}
