/**
 * Issue 11's acceptance case: the seeds' spec against a copy with an enum value removed, a
 * required field added and an operation removed (all three breaking) and a new optional
 * field (compatible); `--fail-on breaking` exits 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runDiff } from "../../codegen/diff/command.js";
import { diffDocuments } from "../../codegen/diff/diff-documents.js";
import { diff } from "../../codegen/diff/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

const SPEC = new URL("../../spec/zoom.openapi.json", import.meta.url);
const committed = () => JSON.parse(readFileSync(SPEC, "utf8")) as OpenApiDocument;
type Json = Record<string, any>;

/** The committed spec with the four edits. */
function edited(): OpenApiDocument {
  const doc = committed() as unknown as Json;
  // The bodies are named components now (UpdateAUsersPresenceStatusRequest, …): edit the component.
  const form = (path: string) => {
    const schema = doc.paths[path].put.requestBody.content["multipart/form-data"].schema;
    return schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
  };
  const presence = form("/users/{userId}/presence_status");
  presence.properties.status.enum = presence.properties.status.enum.filter((v: string) => v !== "Away");
  presence.properties.note = { type: "string", description: "Shown beside the status." };
  const status = form("/users/{userId}/status");
  status.properties.reason = { type: "string" };
  status.required = [...(status.required ?? []), "reason"];
  delete doc.paths["/rooms/{id}/events"];
  return doc as unknown as OpenApiDocument;
}

describe("the seeds' spec against an edited copy", () => {
  it("reports the enum removal, the required field and the removed operation as breaking, the optional field as compatible", () => {
    const changes = diffDocuments(committed(), edited());
    expect(changes.map((c) => [c.severity, c.kind, c.operation?.functionName, c.pointer, c.document])).toEqual([
      ["compatible", "field-added-optional", "updateAUsersPresenceStatus", "#/components/schemas/UpdateAUsersPresenceStatusRequest/properties/note", "new"],
      [
        "breaking",
        "enum-value-removed",
        "updateAUsersPresenceStatus",
        "#/components/schemas/UpdateAUsersPresenceStatusRequest/properties/status/enum/1",
        "old",
      ],
      ["breaking", "field-added-required", "updateUserStatus", "#/components/schemas/UpdateUserStatusRequest/properties/reason", "new"],
      ["breaking", "operation-removed", "checkInOrCheckOutOfAZoomRoom", "#/paths/~1rooms~1{id}~1events/patch", "old"],
    ]);
    expect(changes[1]!.message).toBe('The request field `status` of `updateAUsersPresenceStatus` no longer accepts `"Away"`; calls passing it no longer type-check.');
  });

  it("diff(), the programmatic API, gives the same changes and the exported names", () => {
    const report = diff(committed(), edited(), { old: "main", new: "spec/zoom.openapi.json" });
    expect(report.old).toBe("main");
    expect(report.changes).toEqual(diffDocuments(committed(), edited()));
    expect(report.exports).toEqual({ added: [], removed: ["CheckInOrCheckOutOfAZoomRoomArgs", "checkInOrCheckOutOfAZoomRoom"] });
  });

  describe("through the command", () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it("exits 1 under --fail-on breaking, 0 without it", async () => {
      dir = mkdtempSync(join(tmpdir(), "codegen-diff-"));
      writeFileSync(join(dir, "old.openapi.json"), readFileSync(SPEC));
      writeFileSync(join(dir, "new.openapi.json"), JSON.stringify(edited(), null, 2));
      const out: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(`ERR ${t}`) };
      expect(await runDiff(["old.openapi.json", "new.openapi.json", "--fail-on", "breaking"], dir, io)).toBe(1);
      expect(await runDiff(["old.openapi.json", "new.openapi.json"], dir, io)).toBe(0);
      expect(out[0]).toContain("Compared with `old.openapi.json`: **3 breaking**, 1 compatible.");
      expect(out[0]).toContain("- Removed: `CheckInOrCheckOutOfAZoomRoomArgs`, `checkInOrCheckOutOfAZoomRoom`");
      expect(await runDiff(["old.openapi.json", "old.openapi.json", "--fail-on", "breaking"], dir, io)).toBe(0);
    });
  });
});
