import { describe, expect, it } from "vitest";
import { assignOperationIds, camelCase } from "../../codegen/naming.js";
import { collection, convertJson, item } from "../helpers.js";

describe("operationIds and tags", () => {
  it.each([
    ["Update registrant's status", "updateRegistrantsStatus"],
    ["Check-in or check-out of a Zoom Room", "checkInOrCheckOutOfAZoomRoom"],
    ["getUserByID", "getUserById"],
    ["2FA settings", "op2faSettings"],
    ["Delete", "deleteOperation"],
  ])("camelCase(%j) = %j", (given, want) => {
    expect(camelCase(given)).toBe(want);
  });

  it("colliding names are qualified by their folder, every one of them, so no id depends on item order", () => {
    const ops = [
      { name: "Update registrant's status", folders: ["Meetings"] },
      { name: "Update registrant's status", folders: ["Webinars"] },
      { name: "Update registrant's status", folders: ["Meetings", "Occurrences"] },
      { name: "List users", folders: ["Users"] },
    ];
    const ids = assignOperationIds(ops);
    expect(ids).toEqual(["meetingsUpdateRegistrantsStatus", "webinarsUpdateRegistrantsStatus", "occurrencesUpdateRegistrantsStatus", "listUsers"]);
    expect(assignOperationIds([...ops].reverse())).toEqual([...ids].reverse());
  });

  it("tags come from folders, in collection order, with the folder's description", () => {
    const { document } = convertJson(
      collection([
        { name: "Users", description: "User <b>management</b>.", item: [item("List users", { url: "{{baseUrl}}/users" })] },
        { name: "Meetings", item: [item("List meetings", { url: "{{baseUrl}}/meetings" })] },
      ]),
    );
    expect(document.tags).toEqual([{ name: "Users", description: "User **management**." }, { name: "Meetings" }]);
    expect(document.paths["/users"]!.get!.tags).toEqual(["Users"]);
    expect(document.paths["/users"]!.get!.operationId).toBe("listUsers");
  });
});
