/**
 * One describe per entry of IDIOMS: the wording it must read (each description written here,
 * in the styles seen in real collections) and the wording next to it that it must leave alone.
 */
import { describe, expect, it } from "vitest";
import { IDIOMS, readAnnotations } from "../../codegen/convert/annotations.js";
import { htmlToMarkdown } from "../../codegen/postman/description.js";

/** What a description states, as the converter reads it from Postman's (HTML-flavoured) text. */
const read = (html: string) => {
  const { description: _, required: __, ...facts } = readAnnotations(htmlToMarkdown(html));
  return facts;
};

const tested = new Set<string>();
const idiom = (name: string, body: () => void) => {
  tested.add(name);
  describe(name, body);
};

idiom("one-of-note", () => {
  it("reads the note and takes it out of the text", () => {
    expect(readAnnotations("Status. (This can only be one of activate,deactivate)")).toEqual({
      description: "Status.",
      required: false,
      enum: ["activate", "deactivate"],
      enumFrom: "one-of-note",
    });
  });
  it("wins over a list in the prose (the note is what the exporter wrote from the spec)", () => {
    expect(read("Status:<br>`approve` - Approve.<br>`deny` - Deny. (This can only be one of approve,cancel,deny)")).toEqual({
      enum: ["approve", "cancel", "deny"],
      enumFrom: "one-of-note",
    });
  });
});

idiom("bullet-list", () => {
  it.each([
    ["The value can be one of the following:<br>\n* `Away`\n* `Available`", ["Away", "Available"]],
    ["Allowed values:\n- small\n- medium\n- large", ["small", "medium", "large"]],
    ["Possible values are:\n* **draft**\n* **final**", ["draft", "final"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "bullet-list" });
  });
  it("a list of phrases is prose", () => {
    expect(read("It can be one of the following:\n* a user's email\n* the user ID")).toEqual({});
  });
  it("a list called examples is not the set", () => {
    expect(read("For example, one of the following:\n* `a`\n* `b`")).toEqual({});
  });
});

idiom("code-list", () => {
  it.each([
    ["Filter by location type. The value can be one of the following:<br>\n`country`, `states`, `city`", ["country", "states", "city"]],
    ["The category can be one of the following:<br> `all`<br>`user`<br>`account`", ["all", "user", "account"]],
    ["Must be one of `asc` or `desc`.", ["asc", "desc"]],
    ["Allowed values: `1`, `2`, `5`", ["1", "2", "5"]],
    ["Possible values are `open`, `closed` and `merged`.", ["open", "closed", "merged"]],
    ["Filter by state. Can be one of 'active', 'expired' or 'unused'.", ["active", "expired", "unused"]],
    ['Supported options: "fast", "slow"', ["fast", "slow"]],
    ['Supported values are "alpha", "created", "size", and "id".', ["alpha", "created", "size", "id"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "code-list" });
  });
  it.each([
    ["One of `email` or `id` is required.", "two fields, not two values"],
    ["Possible values are `a`, `b`, etc.", "left open"],
    ["Values such as one of the following: `a`, `b`", "called examples"],
    ["The value can be one of the following: `only`", "one value alone"],
    ['Possible values: "DateUpdated", "DateCreated", "DateUpdated desc"', "phrases, even when the first ones are single words"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

describe("code-list: a list after \"value must be\", and the one value \"only … is allowed\"", () => {
  it.each([
    ['Required only for Create File and Create Directory. The value must be "file" or "directory".', ["file", "directory"]],
    ['This parameter sets the rename mode. The value must be "legacy" or "posix", and the default value will be "posix".', ["legacy", "posix"]],
    ['The namespace of the resource provider; only "Acme.Widgets" is allowed.', ["Acme.Widgets"]],
    ["The view to summarize. In a given time range, 'latest' means the newest state and is the only allowed value.", ["latest"]],
  ])("%j", (given, values) => {
    expect(read(given).enum).toEqual(values);
  });
  it.each([
    ['The value must be "true" or omitted.', "one value, then prose"],
    ['The value must be "a" or "b" for new accounts and anything for old ones.', "the sentence goes on"],
    ["Not only `a` is allowed but also `b`.", "not only"],
    ["Only `a` is allowed here, for now.", "the sentence goes on"],
    ["`a` and `b` are shown; `a` is the only allowed value.", "two values in the sentence"],
    ["`a` is the only allowed value for new accounts.", "for some cases only"],
    ["In a given time range, 'latest' means the newest state, whereas 'default' means all states.", "two values described, no set stated"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("can-be-list", () => {
  it.each([
    ["The push service the credential is for. Can be: `gcm`, `fcm`, or `apn`.", ["gcm", "fcm", "apn"]],
    ["The sort order of the returned items. Can be: `asc` (ascending) or `desc` (descending) with `asc` as the default.", ["asc", "desc"]],
    ["The kind of owner the rule requires - can be `Individual` or `Business`.", ["Individual", "Business"]],
    ["The line type.  Can be `local`, `mobile`, `national`, or `toll-free`", ["local", "mobile", "national", "toll-free"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "can-be-list" });
  });
  it("a default after the list is read too", () => {
    expect(read("The visibility of the room. Can be: `public` or `private` and defaults to `public`.")).toEqual({ enum: ["public", "private"], enumFrom: "can-be-list", default: "public" });
  });
  it.each([
    ["This can be `id` or `name` of the resource.", "not at the start of a sentence, and the sentence goes on"],
    ["Can be `id` or `name`, e.g. `42`.", "examples follow"],
    ["Can be `a`, `b`, etc.", "left open"],
    ["Can be `a` or `b` or a comma-separated list of them.", "several values"],
    ["Can be a `string` or an `object`.", "words between the values"],
    ["The role. Can be: `channel` for channel roles or `deployment` for service roles.", "values inside prose"],
    ["Can be `only`.", "one value alone"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("definition-lines", () => {
  it.each([
    [
      "The type of setting.<br> `alert`: Alert Settings applied on the account.<br>\n`meeting`: Meeting settings of the account. <br>\n`signage`: Digital signage settings.",
      ["alert", "meeting", "signage"],
    ],
    ["The meeting types: <br>`scheduled` - All valid meetings.<br>`live` - All the ongoing meetings.<br>`upcoming` - All upcoming meetings.", ["scheduled", "live", "upcoming"]],
    ["Audio types:<br>`1` - Toll-free.<br>`2` - Toll <br>\n`3` - SIP Connected Audio", ["1", "2", "3"]],
    ["Delete action options:<br>`disassociate` - Disassociate a user.<br>`delete`-  Permanently delete a user.<br>Note: use `disassociate` for pending users.", ["disassociate", "delete"]],
    ["Quality:\n* `good`: Good calls.\n* `bad`: Bad calls.", ["good", "bad"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "definition-lines" });
  });
  it.each([
    ["`a` - the only line", "one line"],
    ["Types:\n`a` - A.\n`b` - B.\n\nFlags:\n`x` - X.\n`y` - Y.", "two blocks: which one is this field's?"],
    ["Examples:\n`a` - A.\n`b` - B.", "called examples"],
    ["`a` - A.\n`b` - B.\netc.", "left open"],
    ["Use `a` to start and `b` - if needed - to stop.", "not at the start of lines"],
    ["Where to search: `body` - in bodies,\n`query` - in queries, `headers` - in headers,\n`any` - anywhere.", "some values are inside the lines"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

idiom("either-or", () => {
  it.each([
    ["The value can be either `toll` or `tollfree`.", ["toll", "tollfree"]],
    ["The value should be either `assigned` to list assigned devices or `unassigned` to list the others.", ["assigned", "unassigned"]],
    ["The sort order, either 'asc' or 'desc'.", ["asc", "desc"]],
    ["Filter by band (either '2.4' or '5').", ["2.4", "5"]],
    ["The type, which should be either **episodes** or **podcasts**.", ["episodes", "podcasts"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "either-or" });
  });
  it.each([
    ["Either `email` or `userId` must be given.", "a sentence that starts with it names alternatives"],
    ["To find the user, either `email` or `userId` is required.", "two fields to send"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

idiom("plain-list", () => {
  it.each([
    ["Allowed values: active, inactive, pending", ["active", "inactive", "pending"]],
    ["Possible values are public or private.", ["public", "private"]],
    ["Valid values are 10, 20 and 50. Anything else is an error.", ["10", "20", "50"]],
    ["Filter batches by status. Valid types are pending, completed, and failed.", ["pending", "completed", "failed"]],
    ["VAT mode. Supported types: GROSS, NET", ["GROSS", "NET"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "plain-list" });
  });
  it.each([
    ["Possible values are a, b and others depending on the plan.", "does not end the sentence"],
    ["Possible values are active, archived, etc.", "left open"],
    ["Allowed values: any user ID or email address.", "phrases"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

idiom("default", () => {
  it.each([
    ["The meeting types. This value defaults to `live`.", "live"],
    ["Records per page. Defaults to 30.", "30"],
    ["If you do not provide this field, the default value will be `live`.", "live"],
    ["Send an email. Default: `false`", "false"],
    ["Duration in minutes. The default value is 20 minutes.", "20"],
    ["Sort order (default: \"asc\")", "asc"],
  ])("%j", (given, value) => {
    expect(read(given)).toEqual({ default: value });
  });
  it.each([
    ["Defaults to the account's time zone.", "not a value"],
    ["Defaults to `a` for meetings and `b` for webinars; the default value is `b` for events.", "two defaults"],
    ["The meeting duration in minutes. The default is 2 hours.", "another unit than the field's"],
  ])("%j states no default (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

idiom("range", () => {
  it.each([
    ["The number of records per page, between 1 and 300.", { minimum: 1, maximum: 300 }],
    ["Records per page. Max: 300", { maximum: 300 }],
    ["Records per page, up to a maximum of 300.", { maximum: 300 }],
    ["Duration in minutes; the maximum allowed value is 1440 minutes.", { maximum: 1440 }],
    ["Page number. Min: 1", { minimum: 1 }],
    ["Records per page. (Max: 10,000, 1,000 or less is recommended).", { maximum: 10000 }],
    ["The topic. Max 200 characters.", { maxLength: 200 }],
    ["A password between 8 and 10 characters.", { minLength: 8, maxLength: 10 }],
  ])("%j", (given, bounds) => {
    expect(read(given)).toEqual(bounds);
  });
  it.each([
    ["The meeting duration in minutes. Max 24 hours.", "another unit than the field's"],
    ["Max: 300 for meetings, max: 100 for webinars.", "two maximums"],
    ["Between 10 and 1.", "upside down"],
  ])("%j states no range (%s)", (given) => {
    expect(read(given)).toEqual({});
  });
});

describe("a field that holds several values", () => {
  it.each([
    ["A comma-separated list of fields. Allowed values are title, author and audio."],
    ["The list of levels to filter by. Accepted values are 1, 2, 3, n."],
    ["Multiple statuses can be applied, possible values are sent, failed."],
    ["Accepts multiple statuses. Possible values 'pending', 'started', 'completed'"],
    ["Allowed values are easy, pack and premium.\nYou may also include the product's ID: `premium:1234`."],
  ])("%j has no enum (one value is not the whole value)", (given) => {
    expect(read(given)).toEqual({});
  });
  it("the exporter's note still counts", () => {
    expect(read("One or more fields. (This can only be one of a,b)")).toEqual({ enum: ["a", "b"], enumFrom: "one-of-note" });
  });
});

describe("the idiom table", () => {
  it("every idiom has its tests here", () => {
    expect(IDIOMS.map((i) => i.name).filter((name) => !tested.has(name))).toEqual([]);
  });
  it("names are unique", () => {
    expect(new Set(IDIOMS.map((i) => i.name)).size).toBe(IDIOMS.length);
  });
});
