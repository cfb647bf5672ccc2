/**
 * Servers from hostile and real hosts (fuzzer F4, F6; corpus C3; issue 10's hosts): schemes,
 * ports and host variables kept, every server variable defined and never `""`.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";
import { redoclyErrors } from "./redocly.js";

describe("servers", () => {
  it("a collection without requests still has a server: its baseUrl (F4)", async () => {
    const { document } = convertJson(collection([]));
    expect(document.servers).toEqual([{ url: "https://api.example.com/v2" }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("… or `/` when it has no baseUrl, also when every request was left out (F4)", async () => {
    const { document } = convertJson(collection([item("No URL", { url: undefined })], { variable: [] }));
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("braces in a variable's value are text, not an undefined server variable (F6)", async () => {
    const { document } = convertJson(collection([{ name: "x", request: "{{baseUrl}}/bare-string" }], { variable: [{ key: "baseUrl", value: "{@link y}x" }] }));
    expect(document.servers).toEqual([{ url: "https://%7B@link y%7Dx" }]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("{{protocol}} resolves through the variables and :hostname with a url.variable is a server variable (C3)", async () => {
    const setup = item("Config check", {
      url: { raw: "{{protocol}}://:hostname/setup/api/configcheck", protocol: "{{protocol}}", port: "hostname", path: ["setup", "api", "configcheck"], variable: [{ key: "hostname", value: "HOSTNAME", description: "The host." }] },
    });
    const { document, diagnostics } = convertJson(collection([item("List"), setup], { variable: [{ key: "baseUrl", value: "https://api.example.com/v2" }, { key: "protocol", value: "http" }] }));
    expect(document.paths["/setup/api/configcheck"]!.servers).toEqual([{ url: "http://{hostname}", variables: { hostname: { default: "HOSTNAME", description: "The host." } } }]);
    expect(diagnostics).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  });

  it("{{scheme}}://{{host}}:{{port}} keeps scheme, host and port; a variable without a value defaults to its name, with a warning (issue 10)", async () => {
    const { document, diagnostics } = convertJson(
      collection([item("A", { url: "{{scheme}}://{{host}}:{{port}}/a" }), item("B", { url: "https://{{host}}/b" })], {
        variable: [{ key: "scheme", value: "http" }, { key: "host" }, { key: "port", value: "8443" }],
      }),
    );
    const host = { default: "host", description: "The value of the Postman variable `host`." };
    expect(document.servers).toEqual([{ url: "http://{host}:8443", variables: { host } }]);
    expect(Object.keys(document.paths)).toEqual(["/a", "/b"]);
    expect(document.paths["/b"]!.servers).toEqual([{ url: "https://{host}", variables: { host } }]);
    expect(diagnostics.map((d) => [d.code, d.at.pointer, d.message])).toEqual([
      ["unresolved-variable", "#/item/0/request/url/host", "the variable {{host}} in the request's host has no value; it became the server variable {host}, whose default is its name: give it a value in the collection's variables"],
      ["unresolved-variable", "#/item/1/request/url/host", "the variable {{host}} in the request's host has no value; it became the server variable {host}, whose default is its name: give it a value in the collection's variables"],
    ]);
    expect(await redoclyErrors(document)).toEqual([]);
  });
});
