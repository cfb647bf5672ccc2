import { describe, expect, it } from "vitest";
import { convert } from "../../codegen/index.js";
import { collection, form, item } from "../helpers.js";

const source = JSON.stringify(
  collection([item("Set status", { method: "PUT", url: "{{baseUrl}}/status", body: form(["status", "Away", "Status. (This can only be one of Do_No_Disturb,Away)"]) })]),
);
// The body is named by its operation (components.ts): an overlay corrects the shape once, where it is defined.
const target = "$.components.schemas.SetStatusRequest.properties.status";

describe("overlays (OpenAPI Overlay 1.0)", () => {
  it("applies remove and update actions in order, after conversion", () => {
    const text = [
      "overlay: 1.0.0",
      "info: { title: fixes, version: 1.0.0 }",
      "actions:",
      `  - target: "${target}.enum"`,
      "    remove: true",
      `  - target: "${target}"`,
      "    update: { enum: [Do_Not_Disturb, Away], description: Presence status. }",
      "  - target: $.info",
      "    update: { title: Fixed API }",
    ].join("\n");
    const { document, diagnostics } = convert(source, "c.json", { overlay: { text, file: "o.yaml" } });
    expect(diagnostics).toEqual([]);
    expect(document!.info.title).toBe("Fixed API");
    expect(document!.paths["/status"]!.put!.requestBody!.content["multipart/form-data"]!.schema).toEqual({ $ref: "#/components/schemas/SetStatusRequest" });
    expect(document!.components!.schemas!.SetStatusRequest!.properties!.status).toEqual({
      description: "Presence status.",
      type: "string",
      enum: ["Do_Not_Disturb", "Away"],
    });
  });

  it("a target that selects nothing is a warning at the action", () => {
    const text = "overlay: 1.0.0\ninfo: { title: t, version: 1 }\nactions:\n  - target: $.paths['/nope'].get\n    remove: true\n";
    const { document, diagnostics } = convert(source, "c.json", { overlay: { text, file: "o.yaml" } });
    expect(document).toBeDefined();
    expect(diagnostics.map((d) => [d.code, d.at.file, d.at.pointer])).toEqual([["overlay-target-unmatched", "o.yaml", "#/actions/0"]]);
  });

  it("a file that is not an overlay is an error, and no document comes out", () => {
    const { document, diagnostics } = convert(source, "c.json", { overlay: { text: "openapi: 3.0.0\n", file: "o.yaml" } });
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual(["o.yaml is not an OpenAPI Overlay 1.x document (it needs `overlay: 1.0.0` and `actions`)"]);
  });
});
