/**
 * Incremental regeneration gives the bytes of a full run: a document is edited at random (seeded,
 * so a failure repeats), and after each edit the SDK made from the previous generation's cache
 * must equal, file for file and byte for byte, the SDK made from nothing; so must its diagnostics.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics, generate, parseDocument, type SdkCache } from "../../codegen/index.js";
import type { OpenApiDocument } from "../../codegen/openapi.js";

type Json = Record<string, unknown>;

/** mulberry32: a small seeded generator, so every run makes the same edits. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A document with what makes types depend on other places: refs, allOf with required, a discriminator, files, shared parameters. */
function synthetic(): OpenApiDocument {
  const schemas: Json = {
    Pet: { type: "object", required: ["kind", "name"], properties: { kind: { type: "string" }, name: { type: "string" }, tags: { type: "array", items: ref("Tag") } }, discriminator: { propertyName: "kind" } },
    Cat: { allOf: [ref("Pet"), { type: "object", properties: { lives: { type: "integer" } } }] },
    Dog: { allOf: [ref("Pet"), { type: "object", properties: { good: { type: "boolean" } } }] },
    AnyPet: { oneOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } } },
    Tag: { type: "object", properties: { id: { type: "integer" }, label: { type: "string", description: "shown to users" } } },
    Owner: { type: "object", properties: { id: { type: "string" }, pets: { type: "array", items: ref("AnyPet") } } },
    Named: { allOf: [ref("Tag")], required: ["label"] },
    Upload: { type: "object", properties: { file: { type: "string", format: "binary" }, note: { type: "string" } } },
  };
  const paths: Json = {};
  for (let i = 0; i < 12; i++) {
    const tag = ["pets", "owners", "tags"][i % 3]!;
    paths[`/things${i}/{id}`] = {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      get: {
        operationId: `getThing${i}`,
        tags: [tag],
        summary: `Thing ${i}`,
        parameters: [{ name: "q", in: "query", schema: { type: "string" } }],
        responses: { "200": { description: "ok", content: { "application/json": { schema: i % 2 ? ref("Owner") : { allOf: [ref("Tag")], required: ["id"] } } } } },
      },
      ...(i % 4 === 0
        ? { post: { operationId: `postThing${i}`, tags: [tag], requestBody: { content: { "multipart/form-data": { schema: ref("Upload") } } }, responses: { "201": { $ref: "#/components/responses/Made" } } } }
        : {}),
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "Edits", version: "1" },
    servers: [{ url: "https://api.example.com" }],
    paths,
    components: {
      schemas,
      parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
      responses: { Made: { description: "made", content: { "application/json": { schema: ref("Named") } } } },
    },
  } as unknown as OpenApiDocument;
}

const pick = <T>(rand: () => number, list: T[]): T => list[Math.floor(rand() * list.length)]!;

/** Every object of the document that is a schema's `properties`, with where it is. */
function propertyMaps(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const v of value) propertyMaps(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "properties" && v && typeof v === "object" && !Array.isArray(v)) out.push(v as Json);
      propertyMaps(v, out);
    }
  }
  return out;
}

/** One random edit, of the kinds that change a piece, a piece another reads, or a module. Returns what it did. */
function edit(document: OpenApiDocument, rand: () => number, n: number): string {
  const doc = document as unknown as { paths: Record<string, Json>; components: { schemas: Record<string, Json>; parameters?: Record<string, Json> } };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => m !== "parameters").map(([method, op]) => ({ path, method, op: op as Json })));
  const schemas = Object.keys(doc.components.schemas);
  switch (Math.floor(rand() * 10)) {
    case 0: {
      const { op, path } = pick(rand, operations);
      op.description = `edited ${n}`;
      return `description of ${path}`;
    }
    case 1: {
      const props = pick(rand, propertyMaps(doc.components));
      props[`added${n}`] = rand() < 0.5 ? { type: "string" } : ref(pick(rand, schemas));
      return "a property added";
    }
    case 2: {
      const props = pick(rand, propertyMaps(document));
      const key = pick(rand, Object.keys(props));
      if (key !== undefined && Object.keys(props).length > 1) delete props[key];
      return `property ${key} removed`;
    }
    case 3: {
      const { op, path } = pick(rand, operations);
      op.tags = [pick(rand, ["pets", "owners", "tags", "misc"])];
      return `tag of ${path}`;
    }
    case 4: {
      doc.paths[`/new${n}`] = { get: { operationId: rand() < 0.3 ? "getThing1" : `getNew${n}`, tags: [pick(rand, ["pets", "misc"])], responses: { "200": { description: "ok", content: { "application/json": { schema: ref(pick(rand, schemas)) } } } } } };
      return `path /new${n} added`;
    }
    case 5: {
      const path = pick(rand, Object.keys(doc.paths));
      if (Object.keys(doc.paths).length > 2) delete doc.paths[path];
      return `path ${path} removed`;
    }
    case 6: {
      const props = pick(rand, propertyMaps(document));
      const key = pick(rand, Object.keys(props));
      props[key!] = rand() < 0.5 ? { type: "string", format: "binary" } : { type: "integer" };
      return `property ${key} retyped`;
    }
    case 7: {
      const name = pick(rand, schemas);
      const schema = doc.components.schemas[name]!;
      const props = Object.keys((schema.properties as Json | undefined) ?? {});
      schema.required = props.filter(() => rand() < 0.5);
      return `required of ${name}`;
    }
    case 8: {
      const pet = doc.components.schemas.Pet;
      if (pet && pet.discriminator) delete pet.discriminator;
      else if (pet) pet.discriminator = { propertyName: pick(rand, ["kind", "name"]) };
      return "Pet's discriminator";
    }
    default: {
      const parameter = doc.components.parameters?.Id;
      if (parameter) parameter.schema = { type: pick(rand, ["string", "integer", "boolean"]) };
      return "the shared parameter's type";
    }
  }
}

/** The SDK's files and diagnostics, from `cache` (emptied first when `fresh`). */
async function run(document: OpenApiDocument, cache: SdkCache) {
  const diagnostics = new Diagnostics("spec/edits.openapi.json");
  const files = await generate(document, "spec/edits.openapi.json", { diagnostics, cache });
  return { files, diagnostics: diagnostics.list };
}

const zoom = () => parseDocument(readFileSync("spec/zoom.openapi.json", "utf8"), "spec/zoom.openapi.json").document!;

describe("incremental regeneration", () => {
  it.each([
    ["a synthetic document", synthetic, 7, 40],
    ["the Zoom spec", zoom, 13, 25],
  ])("%s, edited at random: each incremental run equals a full run, byte for byte", async (_, make, seed, edits) => {
    const rand = random(seed);
    const document = make();
    const cache: SdkCache = { types: new Map(), modules: new Map() };
    await run(structuredClone(document), cache);
    let reused = 0;
    for (let n = 0; n < edits; n++) {
      const what = edit(document, rand, n);
      const before = new Set([...cache.types.values(), ...cache.modules.values()]);
      const incremental = await run(structuredClone(document), cache);
      reused += [...cache.types.values(), ...cache.modules.values()].filter((p) => before.has(p as never)).length;
      const full = await run(structuredClone(document), { types: new Map(), modules: new Map() });
      expect(incremental.files.map((f) => f.path), what).toEqual(full.files.map((f) => f.path));
      for (const [i, file] of full.files.entries()) expect(incremental.files[i]!.content, `${what}: ${file.path}`).toBe(file.content);
      expect(incremental.diagnostics, what).toEqual(full.diagnostics);
    }
    // The cache did its work: most pieces came from it.
    expect(reused).toBeGreaterThan(edits * 5);
  }, 120_000);

  it("a piece that reads another place is printed again when that place changes (WithRequired follows the parent's properties)", async () => {
    const document = synthetic();
    const cache: SdkCache = { types: new Map(), modules: new Map() };
    const types = async () => (await run(structuredClone(document), cache)).files.find((f) => f.path === "schema.gen.ts")!.content;
    expect(await types()).toContain('content: {\n                    "application/json": WithRequired<components["schemas"]["Tag"], "id">;');
    // Tag loses `id`: the path items that require it through allOf no longer name it.
    delete ((document.components!.schemas as Record<string, Json>).Tag!.properties as Json).id;
    expect(await types()).not.toContain('WithRequired<components["schemas"]["Tag"], "id">');
  });
});
