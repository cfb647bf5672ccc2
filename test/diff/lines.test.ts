/** Lines of JSON pointers, for annotations that sit on the right line of a pull request's diff. */
import { describe, expect, it } from "vitest";
import { nearestLine, pointerLines } from "../../codegen/diff/lines.js";

const json = [
  "{", //                                   1
  '  "paths": {', //                        2
  '    "/things/{id}": {', //               3
  '      "put": {', //                      4
  '        "parameters": [', //             5
  '          { "name": "a", "in": "query" },', // 6
  "          {", //                         7
  '            "name": "b\\"c",', //        8
  '            "in": "header"', //          9
  "          }", //                         10
  "        ],", //                          11
  '        "x-text": "a } ] , { [ \\\\",', //  12
  '        "x-\\u0041~b": true', //         13
  "      }", //                             14
  "    }", //                               15
  "  }", //                                 16
  "}", //                                   17
].join("\n");

describe("pointerLines", () => {
  it("finds members by their key's line and items by their own, through escapes and brackets inside strings", () => {
    const wanted = ["#/paths/~1things~1{id}/put", "#/paths/~1things~1{id}/put/parameters/1", "#/paths/~1things~1{id}/put/parameters/1/in", "#/paths/~1things~1{id}/put/x-A~0b", "#/nowhere/else"];
    expect([...pointerLines(json, "spec/a.openapi.json", wanted)].sort()).toEqual(
      [
        ["#", 1],
        ["#/paths", 2],
        ["#/paths/~1things~1{id}", 3],
        ["#/paths/~1things~1{id}/put", 4],
        ["#/paths/~1things~1{id}/put/parameters", 5],
        ["#/paths/~1things~1{id}/put/parameters/1", 7],
        ["#/paths/~1things~1{id}/put/parameters/1/in", 9],
        ["#/paths/~1things~1{id}/put/x-A~0b", 13],
      ].sort(),
    );
  });

  it("reads YAML through its source ranges", () => {
    const yaml = ["openapi: 3.0.3", "paths:", "  /things/{id}:", "    put:", "      parameters:", "        - name: a", "          in: query", "        - name: b", "          in: header"].join("\n");
    const lines = pointerLines(yaml, "spec/a.openapi.yaml", ["#/paths/~1things~1{id}/put/parameters/1/in"]);
    expect(lines.get("#/paths/~1things~1{id}/put")).toBe(4);
    expect(lines.get("#/paths/~1things~1{id}/put/parameters/1")).toBe(8);
    expect(lines.get("#/paths/~1things~1{id}/put/parameters/1/in")).toBe(9);
  });

  it("a pointer the text lacks falls back on its nearest ancestor", () => {
    const lines = pointerLines(json, "a.json", ["#/paths/~1things~1{id}/put/requestBody/content"]);
    expect(nearestLine(lines, "#/paths/~1things~1{id}/put/requestBody/content")).toBe(4);
    expect(nearestLine(new Map(), "#/paths")).toBeUndefined();
  });
});
