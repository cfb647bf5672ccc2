/**
 * Same-name operations (one name in one folder) are told apart by their path, then their method;
 * an id no other operation wants is never changed for another's sake; ids that differ only in
 * case are one id; nothing depends on item order; and many alike names are named in near-linear time.
 */
import { describe, expect, it } from "vitest";
import { assignOperationIds, type NamedOperation } from "../../codegen/naming.js";
import { collection, convertJson, item } from "../helpers.js";

const op = (name: string, method: string, path: string, folders: string[] = []): NamedOperation => ({ name, folders, method, path });
/** Ids keyed by `METHOD path`, so two orders of one set compare equal. */
const byPlace = (ops: NamedOperation[]) => Object.fromEntries(assignOperationIds(ops).map((id, i) => [`${ops[i]!.method} ${ops[i]!.path}`, id]));

describe("operationIds of same-name operations", () => {
  it("path tail first, then the method after it, whatever the item order", () => {
    const users = [op("Users", "GET", "/a/x", ["Users"]), op("Users", "POST", "/a/x", ["Users"]), op("Users", "GET", "/a/y", ["Users"]), op("Users", "POST", "/a/y", ["Users"])];
    const want = { "GET /a/x": "usersUsersX", "POST /a/x": "usersUsersXPost", "GET /a/y": "usersUsersY", "POST /a/y": "usersUsersYPost" };
    expect(byPlace(users)).toEqual(want);
    expect(byPlace([...users].reverse())).toEqual(want);
    expect(byPlace([users[3]!, users[0]!, users[2]!, users[1]!])).toEqual(want);
  });

  it("an operation whose own name nobody else wants keeps it; a group member whose tail names it is numbered instead", () => {
    const ops = [op("List", "GET", "/a"), op("List", "GET", "/a/items"), op("List items", "GET", "/x")];
    expect(byPlace(ops)).toEqual({ "GET /a": "list", "GET /a/items": "list2", "GET /x": "listItems" });
    expect(byPlace([...ops].reverse())).toEqual({ "GET /a": "list", "GET /a/items": "list2", "GET /x": "listItems" });
  });

  it("one path and method for each: the first method in OpenAPI's order keeps the plain name; alike in all of these, numbers in path order", () => {
    expect(byPlace([op("Get", "PUT", "/a"), op("Get", "POST", "/a"), op("Get", "GET", "/a")])).toEqual({ "GET /a": "get", "PUT /a": "getPut", "POST /a": "getPost" });
    expect(assignOperationIds([op("New Request", "GET", "/b", ["F"]), op("New Request", "GET", "/a", ["F"]), op("New Request", "GET", "/c", ["F"])])).toEqual(["fNewRequestB", "fNewRequestA", "fNewRequestC"]);
    expect(assignOperationIds([op("New Request", "GET", "/t", ["F"]), op("New Request", "GET", "/t", ["F"]), op("New Request", "GET", "/t", ["F"])])).toEqual(["fNewRequest", "fNewRequest2", "fNewRequest3"]);
  });

  it("ids that differ only in case clash: GitHub's /compare/{basehead} and /compare/{base}...{head}", () => {
    const ops = [op("Compare two commits", "GET", "/repos/{owner}/{repo}/compare/{basehead}", ["Repos"]), op("Compare two commits", "GET", "/repos/{owner}/{repo}/compare/{base}...{head}", ["Repos"])];
    const ids = assignOperationIds(ops);
    expect(ids).toEqual(["reposCompareTwoCommits2", "reposCompareTwoCommitsBaseHead"]);
    expect(assignOperationIds([...ops].reverse())).toEqual([...ids].reverse());
    expect(assignOperationIds([op("getUserByID", "GET", "/a"), op("Get user by id", "GET", "/b")])).toEqual(["getUserByIdA", "getUserByIdB"]);
  });

  it("through the converter: four items of one name in one folder", () => {
    const users = ["GET /a/x", "POST /a/x", "GET /a/y", "POST /a/y"].map((s) => {
      const [method, path] = s.split(" ");
      return item("Users", { method: method!, url: `{{baseUrl}}${path}` });
    });
    const ids = (items: unknown[]) => {
      const { document } = convertJson(collection([{ name: "Users", item: items }]));
      return Object.fromEntries(Object.entries(document.paths).flatMap(([p, pi]) => Object.entries(pi as Record<string, { operationId: string }>).map(([m, o]) => [`${m} ${p}`, o.operationId])));
    };
    const want = { "get /a/x": "usersUsersX", "post /a/x": "usersUsersXPost", "get /a/y": "usersUsersY", "post /a/y": "usersUsersYPost" };
    expect(ids(users)).toEqual(want);
    expect(ids([...users].reverse())).toEqual(want);
  });

  it("20,000 requests named Postman's default in one folder are named in well under the seconds a quadratic pass took", () => {
    const ops = Array.from({ length: 20_000 }, (_, i) => op("New Request", i % 2 ? "POST" : "GET", `/v1/things/${Math.floor(i / 4)}/x`, ["F"]));
    const start = performance.now();
    const ids = assignOperationIds(ops);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(20_000);
    // Two GETs and two POSTs of one path: the first GET keeps the tail, the rest are numbered in method order.
    expect(ids.slice(0, 4)).toEqual(["fNewRequest0X", "fNewRequest3", "fNewRequest2", "fNewRequest4"]);
  });
});
