/**
 * The embedded collection holds the seed items exactly as Zoom's pages give them: not edited.
 * The seeds live in ../shared/seeds beside the checkout (there on developer machines and CI).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SEEDS = "../shared/seeds";
const MARK = "Postman Collection Item JSON";

describe.skipIf(!existsSync(SEEDS))("spec/zoom.postman_collection.json", () => {
  const collection = JSON.parse(readFileSync("spec/zoom.postman_collection.json", "utf8"));
  const items = collection.item.flatMap((folder: { item: unknown[] }) => folder.item);

  it.each(readdirSync(SEEDS).sort())("holds seed %s unedited", (file) => {
    const page = readFileSync(`${SEEDS}/${file}`, "utf8");
    const seed = JSON.parse(page.slice(page.indexOf(MARK) + MARK.length));
    expect(items).toContainEqual(seed);
  });

  it("has the base URL and collection-level oauth2 a Zoom export carries", () => {
    expect(collection.variable).toEqual([{ key: "baseUrl", value: "https://api.zoom.us/v2", type: "string" }]);
    expect(collection.auth.type).toBe("oauth2");
    expect(collection.item.map((f: { name: string }) => f.name)).toEqual(["Meetings", "Rooms", "Users"]);
  });
});
