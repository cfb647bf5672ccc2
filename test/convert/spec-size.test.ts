/**
 * Issue 10: a converted spec is no bigger than a reader needs (target: at most 1.5× the
 * original's size). What a collection repeats is written once: an item named after its whole
 * description (openapi-to-postmanv2 does so when the spec has no summary) gets its first
 * sentence as summary and a short operationId, and the paragraph is not written twice.
 */
import { describe, expect, it } from "vitest";
import { collection, convertJson, item } from "../helpers.js";

describe("an item named by its description", () => {
  it("a paragraph: the summary is its first sentence, the description the whole text, the operationId at most eight words of that sentence", () => {
    const text = "Full details for a single build. The response includes all of the fields from the build summary.\nThis is also the payload for the notification webhooks.";
    const { document } = convertJson(collection([item(`${text}\n`, { url: "{{baseUrl}}/builds/1", description: text })]));
    const op = document.paths["/builds/1"]!.get!;
    expect([op.operationId, op.summary, op.description]).toEqual(["fullDetailsForASingleBuild", "Full details for a single build.", text]);
  });

  it("one sentence: written once, as the summary; a long one gives an operationId of its first eight words", () => {
    const text = "This operation has a `requestBody` with a `readOnly` and a `writeOnly` property, as well as a response with the same.";
    const { document } = convertJson(collection([item(text, { method: "POST", url: "{{baseUrl}}/", description: `${text}\n` })]));
    const op = document.paths["/"]!.post!;
    expect(op.operationId).toBe("thisOperationHasARequestBodyWithAReadOnly");
    expect(op.summary).toBe(text);
    expect(op.description).toBeUndefined();
  });

  it("a cut that would give two operations one name keeps their whole sentences", () => {
    const a = "Lists the builds of the project that are queued or running right now";
    const b = "Lists the builds of the project that are finished";
    const { document } = convertJson(collection([item(a, { url: "{{baseUrl}}/running", description: a }), item(b, { url: "{{baseUrl}}/finished", description: b })]));
    expect(document.paths["/running"]!.get!.operationId).toBe("listsTheBuildsOfTheProjectThatAreQueuedOrRunningRightNow");
    expect(document.paths["/finished"]!.get!.operationId).toBe("listsTheBuildsOfTheProjectThatAreFinished");
  });

  it("a name that is not its description keeps its words, its punctuation and the description", () => {
    const { document } = convertJson(collection([item("Create a payment (Ver. 2) for the merchant of this account today", { method: "POST", description: "Creates a payment." })]));
    const op = document.paths["/things"]!.post!;
    expect([op.operationId, op.summary, op.description]).toEqual(["createAPaymentVer2ForTheMerchantOfThisAccountToday", "Create a payment (Ver. 2) for the merchant of this account today", "Creates a payment."]);
  });
});
