/**
 * The embedded collection holds the seed items exactly as Zoom's pages give them: not edited.
 * The seed pages (Zoom's per-request doc pages, each ending in its "Postman Collection Item
 * JSON") are copied into test/fixtures/seeds/, so the suite needs nothing beside the repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SEEDS = "test/fixtures/seeds";
const MARK = "Postman Collection Item JSON";

/** The item a seed page carries: the JSON after its "Postman Collection Item JSON" heading. */
function seedItem(file: string): unknown {
  const page = readFileSync(`${SEEDS}/${file}`, "utf8");
  const at = page.indexOf(MARK);
  if (at < 0) throw new Error(`${SEEDS}/${file} has no "${MARK}" heading`);
  return JSON.parse(page.slice(at + MARK.length));
}

describe("spec/zoom.postman_collection.json", () => {
  const collection = JSON.parse(readFileSync("spec/zoom.postman_collection.json", "utf8"));
  const items = collection.item.flatMap((folder: { item: unknown[] }) => folder.item);
  // Listed, not globbed: a missing or extra page fails here instead of testing fewer seeds.
  const seeds = [
    "000_2a87b7a7720981e7.txt",
    "001_36e71ec8a09b40d7.txt",
    "002_212df7e3d3f5549e.txt",
    "003_536f7b9db98516df.txt",
    "004_a1318c5d3780b358.txt",
  ];

  it("has the five seed pages in test/fixtures/seeds/", () => {
    expect(readdirSync(SEEDS).sort()).toEqual(seeds);
  });

  it.each(seeds)("holds seed %s unedited", (file) => {
    expect(items).toContainEqual(seedItem(file));
  });

  it("holds nothing but the seeds", () => {
    expect(items).toHaveLength(seeds.length);
  });

  it("has the base URL and collection-level oauth2 a Zoom export carries", () => {
    expect(collection.variable).toEqual([{ key: "baseUrl", value: "https://api.zoom.us/v2", type: "string" }]);
    expect(collection.auth.type).toBe("oauth2");
    expect(collection.item.map((f: { name: string }) => f.name)).toEqual(["Meetings", "Rooms", "Users"]);
  });
});
