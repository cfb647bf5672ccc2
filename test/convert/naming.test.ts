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

describe("operations of one name in one folder", () => {
  // Written here after circleci's export: two items named by their descriptions, the second a
  // paragraph whose first sentence is the whole of the first. Its whole paragraph made a
  // 198-character operationId.
  const short = "Starts a new deploy, returns a summary of the deploy.";
  const long = `${short}\nOptional deploy settings can be set using an experimental API that may change without notice in a later release.\n\nNote: For more about deploy settings, read about [using deploy settings](https://example.com/docs/deploy-settings/)`;
  const items = [
    item(`${short}\n`, { method: "POST", url: "{{baseUrl}}/apps/:owner/:app", description: `${short}\n` }),
    item(`${long}\n`, { method: "POST", url: "{{baseUrl}}/apps/:owner/:app/branch/:branch", description: `${long}\n` }),
  ];
  const ids = (document: ReturnType<typeof convertJson>["document"]) => [document.paths["/apps/{owner}/{app}"]!.post!.operationId, document.paths["/apps/{owner}/{app}/branch/{branch}"]!.post!.operationId];

  it("a paragraph too long to be an id is named by its first sentence and told apart by the first segment of its path the other lacks, in any item order", () => {
    const want = ["startsANewDeployReturnsASummaryOfTheDeploy", "startsANewDeployReturnsASummaryOfTheDeployBranch"];
    expect(ids(convertJson(collection(items)).document)).toEqual(want);
    expect(ids(convertJson(collection([...items].reverse())).document)).toEqual(want);
  });

  it("names alike in name and folder are told apart by as few of their paths' own segments as it takes, then their methods, and numbered only when those are alike too", () => {
    const ops = [
      { name: "Get a build", folders: ["Builds"], method: "GET", path: "/v1/builds/{id}" },
      { name: "Get a build", folders: ["Builds"], method: "GET", path: "/v2/builds/{id}" },
      { name: "Delete things", folders: [], method: "DELETE", path: "/things" },
      { name: "Delete things", folders: [], method: "POST", path: "/things" },
      { name: "Get summary", folders: [], method: "GET", path: "/x/{id}" },
      { name: "Get summary", folders: [], method: "GET", path: "/x/{id}/{action}" },
      { name: "Get summary", folders: [], method: "GET", path: "/x/{id}/{action}/{id2}" },
      { name: "List", folders: [], method: "GET", path: "/a" },
      { name: "List", folders: [] },
      { name: "List", folders: [] },
    ];
    const want = ["buildsGetABuildV1", "buildsGetABuildV2", "deleteThingsDelete", "deleteThings", "getSummary", "getSummaryAction", "getSummaryActionId2", "listA", "list", "list2"];
    expect(assignOperationIds(ops)).toEqual(want);
    expect(assignOperationIds([...ops.slice(0, 7)].reverse())).toEqual([...want.slice(0, 7)].reverse());
  });
});
