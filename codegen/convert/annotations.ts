/**
 * Exporters and API writers put facts the collection format has no field for into
 * descriptions: `(Required)` in front, `(This can only be one of a,b,c)` at the end
 * (openapi-to-postmanv2, and so Zoom's collection), and in prose: lists of allowed values,
 * defaults, ranges. This module reads them back out. Each way of writing one is an entry of
 * `IDIOMS` (its name, its pattern, what it yields), so a new one is one row and one test.
 *
 * A wrong enum breaks callers (a value the API takes no longer compiles), so enums are read
 * only from wording that states the whole set: a list after "one of", "allowed values" or
 * "possible values", a block of `` `value` - meaning `` lines, "be either `a` or `b`". A list
 * introduced as examples ("e.g.", "for example", "such as", "include") or left open ("etc.",
 * "…", "and more", "can also"), a field that holds several values ("comma-separated", "one or
 * more", "a list of"), a list of phrases, and one value alone are not enums.
 */
import type { Schema } from "../openapi.js";

export interface Annotations {
  /** The description with the markers that became facts taken out (prose stays as written). */
  description: string;
  required: boolean;
  enum?: string[];
  /** Which idiom gave the enum (a name from `IDIOMS`). */
  enumFrom?: string;
  default?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** What one idiom read out of a description (`remove`: the span that is a marker, not prose). */
export interface IdiomMatch {
  enum?: string[];
  default?: string;
  minimum?: number;
  maximum?: number;
  /** The bound counts characters (`Max 128 characters`): a string's length, not a number's value. */
  length?: boolean;
  remove?: { start: number; end: number };
}

export interface Idiom {
  name: string;
  yields: "enum" | "default" | "range";
  /** The wording it recognises, as the README lists it. */
  example: string;
  /**
   * `sample`: the field's sample value as text, when the collection gives a real one (not a
   * placeholder): the weakest idioms take a list only when the sample is one of its values.
   */
  read(markdown: string, sample?: string): IdiomMatch | undefined;
  /**
   * How the field's sample checks the enum: "not-outside", a real sample that is none of the
   * values means the list is not the set; "one-of", a real sample must be one of them (the
   * wording alone is too weak).
   */
  sample?: "not-outside" | "one-of";
}

const REQUIRED = /^\s*(?:\(required\)|\[required\])\s*/i;
// Matched from the start of a white-space run only: from every position, a long run costs its length squared.
// For the same reason no pattern below has two white-space runs that can meet (`[ \t]*:?\s*` is written `(?:[ \t]*:)?\s*`).
// Values may hold parentheses of their own: `(This can only be one of Bicubic (default),Cubic (Box))`.
const ONE_OF_NOTE = /(?<!\s)\s*\(This can only be one of ((?:[^()]|\([^()]*\))*)\)\s*$/;
/** Words that introduce a closed list of values. */
// A bare "one of" only after a verb ("can be one of"): "One of `email` or `id` is required" names two fields.
const LEAD = String.raw`(?:\bone of the following(?: values| options)?|\b(?:be|is|are|to) one of(?: these| the)?(?: values| options)?|\b(?:allowed|possible|valid|accepted|supported|permitted|available) (?:values|types|options|codes|entries|choices)(?: are| is)?)`;
// Items may be apart by one blank line (HTML's `<li><p>…</p></li>` gives a loose list): a list read in part is a wrong enum.
const BULLET_LIST = new RegExp(`${LEAD}(?:[ \\t]*:)?[ \\t]*\\n\\n?((?:[ \\t]*[*-][ \\t]+.*(?:\\n\\n?|$))+)`, "i");
// Quoted values may hold spaces here so that a list of phrases ("DateUpdated desc") is read whole, then refused.
const CODE_LIST = new RegExp(`${LEAD}(?:[ \\t]*:)?\\s*((?:(?:\`[^\`\\n]+\`|'[^'\\n]+'|"[^"\\n]+")(?:\\s*(?:,\\s*)?(?:(?:or|and)\\b\\s*)?)?)+)`, "i");
const PLAIN_LIST = /\b(?:allowed|possible|valid|accepted|supported|permitted|available) (?:values|types|options|codes|entries|choices)(?: are| is)?(?:[ \t]*:)?[ \t]*([\w.-]+(?:[ \t]*(?:,|\bor\b|\band\b)[ \t]*(?:(?:or|and)[ \t]+)?[\w.-]+)+)/i;
/**
 * `` `value` - meaning ``, `` `value`: meaning `` (optionally bulleted), and two bulleted forms with no separator,
 * for numbers: a constant's name (`` - `1` NOT_PUBLISHED ``) or a gloss with "for", "if" or "when"
 * (`` * `-1` for Subtask. ``); for any value, a gloss with "if" or "when" (`` - `held` if it waits ``).
 * A name before a type or "for …" is a field's (`` - `id` INTEGER ``, `` * `user_id` for the user ``).
 * Not "`id` Sorts by ID": a sort field's list leaves out its `-id` and `+id` forms.
 */
const DEFINITION_LINE = /^[ \t]*(?:[*-][ \t]+)?`([^`\s]+)`[ \t]*(?:-|–|—|:|=)[ \t]*\S|^[ \t]*[*-][ \t]+`(-?\d+)`[ \t]+(?:[A-Z][A-Z0-9_]*[ \t]*|(?:for|if|when)[ \t][^`\n]*)$|^[ \t]*[*-][ \t]+`([^`\s]+)`[ \t]+(?:if|when)[ \t][^`\n]*$/;
/** `* value - meaning`, `- value = meaning`, `* value: meaning`: a bulleted line defining one bare value. */
// A value may start with "-" (a descending sort: `* -send_time - newest first`).
const BARE_DEFINITION_LINE = /^[ \t]*[*-][ \t]+(-?[A-Za-z0-9][\w.-]*)(?:[ \t]+(?:-|–|—|=)|:)[ \t]+\S/;
/** "its value must be `2018-09-01-preview`", "The value must be "account" for …": the one value there is. */
const MUST_BE = /\b(?:value|it)\s+must\s+(?:always\s+)?be\s+(?:set\s+to\s+)?(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')(?=[ \t]*(?:[.;\n]|$)|[ \t]+(?:for|in)\b)/i;
/** "The value must be "file" or "directory".": two or more quoted values joined by "or", ending the sentence. */
const MUST_BE_LIST = /\b(?:value|it)\s+must\s+(?:always\s+)?be\s+((?:(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+')[ \t]*,?[ \t]*)+or[ \t]+(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+'))(?=[ \t]*(?:[.;\n]|$)|,[ \t]+and\b)/i;
/** `only "Microsoft.Management" is allowed`: the one value there is. */
const ONLY_ALLOWED = /(?<!\bnot[ \t]+)\bonly[ \t]+(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')[ \t]+(?:is|are)[ \t]+(?:allowed|supported|accepted)(?=[ \t]*(?:[.;\n]|$))/i;
/** "only 'registered' accounts are supported": a noun names what the value is (or a feature of it: "only `AND` syntax"). */
const ONLY_NOUN_ALLOWED = /(?<!\bnot[ \t]+)\bonly[ \t]+(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')[ \t]+[a-z]+[ \t]+(?:is|are)[ \t]+(?:allowed|supported|accepted)(?=[ \t]*(?:[.;\n]|$))/i;
/** A sentence naming one quoted value and saying it "is the only allowed value". */
const ONLY_VALUE_SENTENCE = /(?:^|[.!?][ \t]+|\n)([^.!?\n]*?\bis the only (?:allowed|supported|accepted|valid|possible) value)(?=[ \t]*(?:[.;\n]|$))/i;
/**
 * "Can be: `gcm`, `fcm`, or `apn`.", "… - can be `Individual` or `Business`.": at the start of a sentence
 * (or after a dash), values in backticks only, each maybe glossed in parentheses (`` `asc` (ascending) ``),
 * the list ending the sentence or followed by its default.
 */
const CAN_BE = /(?:^|[.!?:][ \t]+|\n[ \t]*|[ \t][-–—][ \t]+)can be(?:[ \t]*:)?[ \t]+((?:`[^`\n]+`(?:[ \t]*\([^()\n]*\))?[ \t]*,?[ \t]*(?:(?:or|and)[ \t]+)?)+)/i;
const CAN_BE_END = /^(?:[.;](?:\s|$)|\s*$|,?[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?defaults?\b|[ \t]+with[ \t]+`[^`\n]+`[ \t]+as[ \t]+the[ \t]+default\b)/i;
/** "Can be:" with a colon: its values may be glossed in prose ("Can be: `a` to …, or `b` to …."). */
const CAN_BE_COLON = /(?:^|[.!?:][ \t]+|\n[ \t]*|[ \t][-–—][ \t]+)can be[ \t]*:[ \t]*(?=`)/i;
/** "The action must be "append" to …, "flush" to …, or …": a subject, then values glossed in prose. */
const MUST_BE_GLOSSED = /\b(?:value|it|the[ \t]+[\w-]+)[ \t]+must[ \t]+(?:always[ \t]+)?be[ \t]+(?=[`"'])/gi;
/** 'Set to "completed", "failed", or defaults to no filter.': at a sentence's start, quoted values, then the end or the default. */
const SET_TO = /(?:^|[.!?][ \t]+|\n[ \t]*)set to[ \t]+((?:(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+')[ \t]*,?[ \t]*(?:or[ \t]+)?)+)/i;
const SET_TO_END = /^(?:[.;](?:\s|$)|\s*$|[ \t]*(?:,[ \t]*)?(?:or[ \t]+)?(?:(?:it[ \t]+)?defaults?[ \t]+to|leave[ \t]+(?:it[ \t]+)?(?:empty|blank|unset|out)|omit)\b)/i;
/** 'There are five lease actions: "acquire", "break", …, and "release".': as many values as the number says. */
const COUNTED = /\bthere are[ \t]+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)[ \t]+(?:[\w-]+[ \t]+){0,3}?[\w-]+[ \t]*:[ \t]*((?:(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+')[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?)+)/i;
const COUNT_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/** "(Default = `1`, High latency = `2`, Small Latency = `3`)": a parenthesis that holds only `label = value` pairs. */
// A label's words are apart by one white-space run each, so that a run before "=" can be read one way only
// (two ways per label would make a failed match cost 2^labels).
const LABEL = String.raw`\w[\w-]*(?:[ \t]+[\w-]+)*[ \t]*=[ \t]*\`[^\`\n]+\``;
const LABEL_PAIRS = new RegExp(String.raw`\(((?:${LABEL}[ \t]*,[ \t]*)+${LABEL})[ \t]*\)`);
/** "1. NeverExpire: … 2. RelativeToNow: …": a numbered item defining one value (inline or on its own line). */
const NUMBERED_ITEM = /(?:^|(?<=[\s:]))(\d{1,2})\.[ \t]+(?:`([^`\s]+)`|([A-Za-z0-9][\w.-]*))(?:[ \t]*:|[ \t]+[-–—=])[ \t]+\S/gm;
/** "Choices id id:asc id:desc": at a sentence's start, bare values to the end of the text. */
const CHOICE = String.raw`[\w:-]+(?:\.[\w:-]+)*`;
// One separator run between values ("a, b" or "a b"): two runs that can meet would make a failed match quadratic or worse.
const CHOICES = new RegExp(String.raw`(?:^|[.!?][ \t]+|\n[ \t]*)choices(?:[ \t]+are)?(?:[ \t]*:)?[ \t]+(${CHOICE}(?:(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:or|and)[ \t]+)?${CHOICE})+)(?:[ \t]*\.)?[ \t]*$`, "i");
/** Words that are prose, not values, in a list of bare words ("Choices are listed on the page"), or that leave it open. */
const PROSE_WORDS = /^(?:etc|more|others?|the|a|an|on|in|of|to|is|are|see|for|with|by|at|as|be|it|this|that|these|there|here|use|one|per|any|all|listed)$/i;
/** "Horizontal or Vertical": the whole description is the values. */
const VALUES_ONLY = /^(?:(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+'|[\w.-]+)[ \t]*,[ \t]*)*(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+'|[\w.-]+)(?:[ \t]*,[ \t]*|[ \t]+)or[ \t]+(?:`[^`\s]+`|"[^"\s]+"|'[^'\s]+'|[\w.-]+)\.?$/;
/** "The current value is 2.": the one value there is now, the text's last sentence. */
const CURRENT_VALUE = /(?:^|[.!?][ \t]+|\n[ \t]*)the current (?:value|version) is[ \t]+(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)'|(\d+(?:\.\d+)*))[ \t]*\.?[ \t]*$/i;
/** "DATA indicates that …": a sentence that starts by defining one value (capitals, backticks or quotes). */
const VALUE_SENTENCE = /^(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)'|([A-Z][A-Z0-9_]+))[ \t]+(?:indicates|means|represents|specifies)\b/;
/** "To return the handled ones, use `Detected`.", "Use `Missed` for the others.": a sentence that gives one value to use. */
const USE_SENTENCE = /^(?:to[ \t][^,.!?`"']*,[ \t]*use[ \t]+(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')|use[ \t]+(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')[ \t]+(?:to|for)[ \t][^`"']*)[.!]?$/i;
/** "'latest' represents the last state, whereas 'default' represents all states.": two quoted values set against each other. */
const CONTRAST_VERB = String.raw`(?:represents|means|indicates|returns|selects|gives)`;
const CONTRAST_PAIR = new RegExp(String.raw`(?:^|[.!?][ \t]+|\n[ \t]*)(?:[^.!?\n\`"',]*,[ \t]*)?(?:\`([^\`\s]+)\`|"([^"\s]+)"|'([^'\s]+)')[ \t]+${CONTRAST_VERB}[ \t][^.!?\n\`"']*,[ \t]*(?:whereas|while)[ \t]+(?:\`([^\`\s]+)\`|"([^"\s]+)"|'([^'\s]+)')[ \t]+${CONTRAST_VERB}[ \t][^.!?\n\`"']*[.!]?[ \t]*$`, "i");
/** "asc to sort ascending (default is desc - descending)": the whole text is one value glossed, then the other as the default. */
// The default is glossed too ("desc - descending"): "Whether to force it (default: false)" is a question, not two values.
// A comma in the default's gloss may name a third value ("default is v2 - recommended, v3 in beta"): no set then.
const VALUE_OR_DEFAULT = /^(`[^`\s]+`|[\w.-]+)[ \t]+to[ \t][^()`\n]*\((?:the[ \t]+)?default(?:[ \t]+is|[ \t]*:)[ \t]+(`[^`\s]+`|[\w.-]+)[ \t]+[-–—][ \t]+[^(),\n]*\)\.?$/i;
/** "Assume utc (default) or local time": two words, the first marked the default. */
const DEFAULT_OR = /(?:^|[\s(])(`[^`\s]+`|[\w.-]+)[ \t]+\(default\),?[ \t]+or[ \t]+(`[^`\s]+`|[\w.-]+)(?=[\s,.;)]|$)/i;
/** Words in a value's gloss that leave the list open ("… or any other value to …"). */
const OPEN_GLOSS = /\b(?:any|other|others|otherwise|anything|etc|e\.g|such as|for example|omit\w*)\b/i;
/** A value in backticks, quotes or bold, as "either … or …" writes them. */
const QUOTED = String.raw`(?:\`([^\`\s]+)\`|'([^'\s]+)'|"([^"\s]+)"|\*\*([^*\s]+)\*\*)`;
// After "be", a comma or a parenthesis: a sentence that starts with "Either `email` or `id`" names two fields.
const EITHER_OR = new RegExp(String.raw`(?:\bbe\s+|[(,]\s*)either\s+${QUOTED}[^\`'"*\n.]*?\bor\s+${QUOTED}`, "i");
/** "… either `a` or `b` must be given": two things to send, not two values of one. */
const BOTH_NAMED = /^[\s,)]*(?:must|is required|are required|should|has to|have to|needs? to)\b/i;
/** The field holds several values ("comma-separated", "one or more"): one of them is not the whole value. */
const SEVERAL_VALUES = /\bcomma[- ]?(?:separated|delimited)\b|\bmultiple (?:\w+ )?values\b|\bmultiple \w+ can\b|\bseparated? (?:multiple|several|them|values) (?:\w+ )*?with\b|\b(?:accepts?|allows?|supports?|takes?) multiple\b|\bone or more\b|^(?:an? |the )?list of\b|\b(?:may|can) also\b|\balso accepts?\b/im;
/** `` `value` - meaning `` anywhere in a line: counted, so a block that holds only some of them is not taken for the set. */
const INLINE_DEFINITION = /`[^`\s]+`[ \t]*(?:-|–|—|:)[ \t]+\S/g;
/** A value as prose writes it: in backticks or quotes, a number, or a boolean. */
const VALUE = String.raw`(?:\`([^\`\n]+)\`|"([^"\n]+)"|'([^'\n]+)'|\b(-?\d+(?:\.\d+)?|true|false)\b)`;
const DEFAULT_TO = new RegExp(String.raw`\bdefaults? to\s+${VALUE}`, "gi");
const DEFAULT_IS = new RegExp(String.raw`\bdefault(?: value)?(?:\s+is|\s+will be|\s*:|\s*=)\s*${VALUE}`, "gi");
/** A number as prose writes it, thousands separated or not ("10,000" is ten thousand, not ten). */
const NUMBER = String.raw`(-?\d{1,3}(?:,\d{3})+(?!\d|,\d)|-?\d+(?:\.\d+)?)`;
const BETWEEN = new RegExp(String.raw`\bbetween ${NUMBER} and ${NUMBER}\b`, "gi");
const MAXIMUM = new RegExp(String.raw`\bmax(?:imum)?(?:\s+(?:allowed\s+)?value)?(?:\s+is|\s+of|\s*:)?\s+${NUMBER}\b`, "gi");
const MINIMUM = new RegExp(String.raw`\bmin(?:imum)?(?:\s+(?:allowed\s+)?value)?(?:\s+is|\s+of|\s*:)?\s+${NUMBER}\b`, "gi");
/** Words before a list that make it examples, not the set. */
// "to include" is a verb on the values ("The event types to include:"), and "Include" with a capital starts an
// imperative sentence ("Include additional videos:"): neither is a list of examples.
const EXAMPLE_PHRASES = /\b(?:e\.g\.|for example|for instance|such as|includes|including|examples?|some of)\b|\be\.g\b/i;
const EXAMPLES_WORDS = { test: (text: string): boolean => EXAMPLE_PHRASES.test(text) || /(?<!\bto[ \t]+)\binclude\b/.test(text) };
/** Words after a list that leave it open. */
const OPEN_END = /^\s*(?:,\s*)?(?:etc\b|…|\.\.\.|and (?:more|so on|others)|among others)/i;
const UNITS = /^\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?|ms|milliseconds?|bytes?|kb|mb|gb|characters?|chars?)\b/i;

/** The idioms, in the order they are tried: the first enum idiom that matches wins. */
export const IDIOMS: readonly Idiom[] = [
  {
    name: "one-of-note",
    yields: "enum",
    example: "(This can only be one of a,b,c) at the end (removed from the text)",
    read(md) {
      const note = ONE_OF_NOTE.exec(md);
      if (!note) return undefined;
      const values = splitTopLevel(note[1]!).map((v) => v.trim()).filter(Boolean);
      return { enum: values, remove: { start: note.index, end: md.length } };
    },
  },
  {
    name: "bullet-list",
    yields: "enum",
    example: 'a bullet list of single values after "one of the following:", "Allowed values:" or "Possible values are:"',
    read(md) {
      const list = BULLET_LIST.exec(md);
      if (!list || !closedList(md, list.index, list.index + list[0].length)) return undefined;
      const values = list[1]!
        .split("\n")
        .map((line) => line.replace(/^[ \t]*[*-][ \t]+/, "").trim())
        .filter(Boolean)
        .map((v) => v.replace(/^`(.*)`$/, "$1").replace(/^\*\*(.*)\*\*$/, "$1"));
      return values.every((v) => /^[^\s`*]+$/.test(v)) ? { enum: values } : undefined;
    },
  },
  {
    name: "code-list",
    yields: "enum",
    example: 'values in backticks or quotes after "be one of", "one of the following", "Allowed values" or "Possible values are": `` one of the following:\\n`country`, `states`, `city` ``; one after "value must be": "its value must be `2018-09-01-preview`"',
    read(md) {
      const list = CODE_LIST.exec(md);
      if (!list) return mustBe(md);
      if (!closedList(md, list.index, list.index + list[0].length)) return undefined;
      const values = [...list[1]!.matchAll(/`([^`\n]+)`|'([^'\n]+)'|"([^"\n]+)"/g)].map((m) => (m[1] ?? m[2] ?? m[3]!).trim());
      return values.length >= 2 && values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "definition-lines",
    yields: "enum",
    example: "a block of two or more lines `` `value` - meaning `` or `` `value`: meaning `` (`` `1` - Instant meeting `` gives integers); bare values only bulleted and after a line ending in a colon: `* value - meaning`, `- value = meaning`, `* value: meaning`",
    read(md) {
      const lines = md.split("\n");
      // Lines next to each other only: a loose list's items (HTML's `<li><p>`) are apart, and with no lead
      // words to say so, such a list often names a structured field's keys (AWS's `Filter` names), not values.
      const blocks: { first: number; last: number; values: string[] }[] = [];
      lines.forEach((line, i) => {
        const m = DEFINITION_LINE.exec(line);
        if (!m) return;
        const value = m[1] ?? m[2] ?? m[3]!;
        const block = blocks.at(-1);
        if (block && block.last === i - 1) {
          block.values.push(value);
          block.last = i;
        } else blocks.push({ first: i, last: i, values: [value] });
      });
      const lists = blocks.filter((b) => b.values.length >= 2);
      if (blocks.length === 0) return bareDefinitionLines(lines);
      // Two separate blocks could be two lists of different things: which one is this field's?
      if (lists.length !== 1) return undefined;
      const { first, last, values } = lists[0]!;
      // "`body` - in bodies, `query` - in queries" on one line, then lines of more: the block is not the whole set.
      if ((md.match(INLINE_DEFINITION)?.length ?? 0) > values.length) return undefined;
      const before = lines.slice(0, first).filter((l) => l.trim() !== "").at(-1) ?? "";
      if (EXAMPLES_WORDS.test(before) || namesKeys(before)) return undefined;
      // Bullets of the same list that define no value (`- \`dangling=true\``): the block is part of the list.
      const next = lines.slice(last + 1).find((l) => l.trim() !== "") ?? "";
      if (/^[ \t]*[*-][ \t]+/.test(before) || /^[ \t]*[*-][ \t]+/.test(next)) return undefined;
      const after = lines.slice(last + 1).join("\n");
      if (OPEN_END.test(after) || /^[ \t]*(?:[*-][ \t]+)?(?:etc\b|…|\.\.\.)/.test(after)) return undefined;
      return { enum: values };
    },
  },
  {
    name: "either-or",
    yields: "enum",
    example: "`` The value can be either `toll` or `tollfree` ``",
    read(md) {
      const m = EITHER_OR.exec(md);
      if (!m || BOTH_NAMED.test(md.slice(m.index + m[0].length)) || !closedList(md, m.index, m.index + m[0].length)) return undefined;
      // "by emoji (either `a` or `b`) and user (`c`)": the parenthesis explains one of several things the field takes.
      if (m[0].startsWith("(") && /^[^.;\n]*?\)[^.;\n]*\b(?:and|or)\b/.test(md.slice(m.index + m[0].length))) return undefined;
      return { enum: [m[1] ?? m[2] ?? m[3] ?? m[4]!, m[5] ?? m[6] ?? m[7] ?? m[8]!] };
    },
  },
  {
    name: "can-be-list",
    yields: "enum",
    example: "\"Can be: `gcm`, `fcm`, or `apn`.\", \"Can be: `asc` (ascending) or `desc` (descending) with `asc` as the default.\", \"… - can be `Individual` or `Business`.\" (at the start of a sentence, values in backticks, the list ending the sentence or followed by its default)",
    read(md) {
      const m = CAN_BE.exec(md);
      if (!m || !sentenceStarts(md, m) || inNamedBullet(md, m.index + 1)) return undefined;
      const end = m.index + m[0].length;
      // The list is all the sentence says: "Can be `id` or `name` of the resource" is not a set of values.
      const list = m[1]!.replace(/[ \t,]*(?:(?:or|and)[ \t]+)?$/, "");
      const rest = md.slice(m.index + m[0].length - (m[1]!.length - list.length));
      if (!CAN_BE_END.test(rest) || !closedList(md, m.index, end)) return undefined;
      const values = [...list.matchAll(/`([^`\n]+)`/g)].map((v) => v[1]!.trim());
      return values.length >= 2 && values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "plain-list",
    yields: "enum",
    example: '"Allowed values: active, inactive, pending" or "Possible values are active or inactive." (single words, to the end of the sentence)',
    read(md) {
      const m = PLAIN_LIST.exec(md);
      if (!m) return undefined;
      const end = m.index + m[0].length;
      // The list must end the sentence: "Possible values are a, b and c." (not "… a, b and c depending on …").
      const ended = m[1]!.endsWith(".") || /^(?:[.;]?[ \t]*(?:\n|$)|[.;]\s)/.test(md.slice(end));
      if (!ended || !closedList(md, m.index, end)) return undefined;
      const values = m[1]!.split(/\s*,\s*|\s+(?:or|and)\s+/).map((v) => v.replace(/^(?:or|and)\s+/, "").replace(/\.$/, "")).filter(Boolean);
      if (values.some((v) => /^(?:etc|\.+)$/i.test(v))) return undefined;
      return values.length >= 2 && values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "glossed-list",
    yields: "enum",
    example: "\"Can be: `inclusive` to include the item or `exclusive` to start after it.\", 'The action must be \"append\" to add data, \"flush\" to write it, or \"close\" to end.' (each value glossed by \"to …\", \"for …\" after \"Can be:\", or \"(…)\"; the list ends the sentence)",
    sample: "not-outside",
    read(md) {
      const canBe = CAN_BE_COLON.exec(md);
      if (canBe && closedList(md, canBe.index, canBe.index + canBe[0].length)) {
        const values = glossedValues(md, canBe.index + canBe[0].length, "code", /^(?:to|for)\b/i);
        if (values) return { enum: values };
      }
      for (const m of md.matchAll(MUST_BE_GLOSSED)) {
        if (!closedList(md, m.index, m.index + m[0].length) || namesOther(md, m.index)) continue;
        const values = glossedValues(md, m.index + m[0].length, "any", /^to\b/i);
        if (values) return { enum: values };
      }
      return undefined;
    },
  },
  {
    name: "set-to-list",
    yields: "enum",
    example: "'Set to \"completed\", \"failed\", \"running\", or defaults to no filter.' (at a sentence's start, quoted values, the list ending the sentence or followed by its default)",
    sample: "not-outside",
    read(md) {
      const m = SET_TO.exec(md);
      if (!m) return undefined;
      const list = m[1]!.replace(/[ \t,]*(?:or[ \t]+)?$/, "");
      const rest = md.slice(m.index + m[0].length - (m[1]!.length - list.length));
      if (!SET_TO_END.test(rest) || !closedList(md, m.index, m.index + m[0].length)) return undefined;
      const values = quotedValues(list);
      return values.length >= 2 && values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "counted-list",
    yields: "enum",
    example: "'There are three lease actions: \"acquire\", \"renew\" and \"release\".' (as many quoted values as the number says, ending the sentence)",
    sample: "not-outside",
    read(md) {
      const m = COUNTED.exec(md);
      if (!m) return undefined;
      const list = m[2]!.replace(/[ \t,]*(?:(?:and|or)[ \t]+)?$/, "");
      const rest = md.slice(m.index + m[0].length - (m[2]!.length - list.length));
      if (!/^(?:[.;](?:\s|$)|\s*$)/.test(rest)) return undefined;
      const values = quotedValues(list);
      const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : COUNT_WORDS.indexOf(m[1]!.toLowerCase()) + 2;
      return values.length >= 2 && values.length === count && new Set(values).size === count && values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "label-pairs",
    yields: "enum",
    example: "\"The latency mode (Default = `1`, High latency = `2`, Small latency = `3`)\" (a parenthesis holding only `label = value` pairs)",
    sample: "not-outside",
    read(md) {
      const m = LABEL_PAIRS.exec(md);
      if (!m || EXAMPLES_WORDS.test(m[1]!)) return undefined;
      const values = [...m[1]!.matchAll(/=[ \t]*`([^`\n]+)`/g)].map((v) => v[1]!.trim());
      return values.every(isToken) ? { enum: values } : undefined;
    },
  },
  {
    name: "numbered-definitions",
    yields: "enum",
    example: "\"The expiry to use: 1. NeverExpire: never expires. 2. RelativeToNow: from now.\" (items numbered from 1 after a colon, each `N. value: meaning` or `N. value - meaning`, inline or on lines)",
    sample: "not-outside",
    read(md) {
      const items = [...md.matchAll(NUMBERED_ITEM)];
      if (items.length < 2 || !items.every((m, i) => Number(m[1]) === i + 1)) return undefined;
      const lead = md.slice(0, items[0]!.index).trimEnd();
      // The lead's own sentence may call them examples ("Values include:\n\n1. …").
      const leadSentence = lead.slice(Math.max(lead.lastIndexOf(". "), lead.lastIndexOf("\n")) + 1);
      if (!lead.endsWith(":") || EXAMPLES_WORDS.test(leadSentence) || !closedList(md, items[0]!.index, items[0]!.index)) return undefined;
      // "3. Other …" after the last item: the list goes on in a form not read here.
      const last = items.at(-1)!;
      if (new RegExp(String.raw`(?:^|\s)${items.length + 1}\.[ \t]+\S`).test(md.slice(last.index + last[0].length))) return undefined;
      if (OPEN_END.test(md.slice(last.index + last[0].length).replace(/^[^\n]*/, ""))) return undefined;
      const values = items.map((m) => m[2] ?? m[3]!);
      return new Set(values).size === values.length ? { enum: values } : undefined;
    },
  },
  {
    name: "choices-list",
    yields: "enum",
    example: "\"Can be used multiple times. Choices id id:asc id:desc\" (a sentence starting \"Choices\", bare values to the end of the text)",
    sample: "not-outside",
    read(md) {
      const m = CHOICES.exec(md);
      if (!m) return undefined;
      const values = m[1]!.split(/(?:[ \t]*,[ \t]*|[ \t]+)(?:(?:or|and)[ \t]+)?/).filter(Boolean);
      return values.length >= 2 && !values.some((v) => PROSE_WORDS.test(v)) ? { enum: values } : undefined;
    },
  },
  {
    name: "values-only",
    yields: "enum",
    example: "\"Horizontal or Vertical\" (the whole description is the values joined by \"or\"; only when the field's sample is one of them)",
    sample: "one-of",
    read(md) {
      const text = md.trim();
      // A list of values, not a text: short.
      if (text.length > 200 || !VALUES_ONLY.test(text)) return undefined;
      const values = [...text.replace(/\.$/, "").matchAll(/`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)'|([\w.-]+)/g)].map((v) => v[1] ?? v[2] ?? v[3] ?? v[4]!).filter((v) => v !== "or");
      return values.length >= 2 ? { enum: values } : undefined;
    },
  },
  {
    name: "value-sentences",
    yields: "enum",
    example: "\"What to do after the append. DATA indicates that more data follows. CLOSE indicates that the file is closed.\" (after a first sentence, every sentence defines one value, `indicates`/`means`/`represents`)",
    sample: "not-outside",
    read(md) {
      const sentences = md.trim().split(/(?<=[.!?])\s+/);
      if (sentences.length < 3 || VALUE_SENTENCE.test(sentences[0]!)) return undefined;
      const values: string[] = [];
      for (const sentence of sentences.slice(1)) {
        const m = VALUE_SENTENCE.exec(sentence);
        if (!m) return undefined;
        values.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
      }
      return new Set(values).size === values.length ? { enum: values } : undefined;
    },
  },
  {
    name: "use-sentences",
    yields: "enum",
    example: "\"To return the handled ones, use `Detected`. To return the others, use `Missed`.\" (every sentence of the text gives one value to use: \"To …, use `a`.\" or \"Use `a` to …\")",
    sample: "not-outside",
    read(md) {
      const sentences = md.trim().split(/(?<=[.!?])\s+/);
      if (sentences.length < 2) return undefined;
      const values: string[] = [];
      for (const sentence of sentences) {
        const m = USE_SENTENCE.exec(sentence);
        if (!m || OPEN_GLOSS.test(sentence)) return undefined;
        values.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]!);
      }
      return new Set(values).size === values.length ? { enum: values } : undefined;
    },
  },
  {
    name: "contrast-pair",
    yields: "enum",
    example: "\"In a time range, 'latest' represents the last state, whereas 'default' represents all states.\" (two quoted values set against each other with \"whereas\" or \"while\", the text's last sentence)",
    sample: "not-outside",
    read(md) {
      const m = CONTRAST_PAIR.exec(md.trim());
      // The words before the first value are part of the match: "For example, 'a' represents …" calls them examples.
      if (!m || EXAMPLES_WORDS.test(m[0]) || !closedList(md.trim(), m.index, m.index + m[0].length)) return undefined;
      const values = [m[1] ?? m[2] ?? m[3]!, m[4] ?? m[5] ?? m[6]!];
      return values[0] !== values[1] ? { enum: values } : undefined;
    },
  },
  {
    name: "value-or-default",
    yields: "enum",
    example: "\"asc to sort ascending (default is desc - descending)\" (the whole text: one value glossed with \"to …\", then the default glossed after a dash; only when the field's sample is one of them)",
    sample: "one-of",
    read(md) {
      const m = VALUE_OR_DEFAULT.exec(md.trim());
      if (!m) return undefined;
      const values = [m[1]!, m[2]!].map((v) => v.replace(/^`(.*)`$/, "$1"));
      return values[0] !== values[1] ? { enum: values, default: values[1]! } : undefined;
    },
  },
  {
    name: "default-or",
    yields: "enum",
    example: "\"Assume utc (default) or local time\" (two words, the first marked the default; only when the field's sample is one of them)",
    sample: "one-of",
    read(md) {
      const m = DEFAULT_OR.exec(md);
      if (!m || !closedList(md, m.index, m.index + m[0].length)) return undefined;
      const values = [m[1]!, m[2]!].map((v) => v.replace(/^`(.*)`$/, "$1"));
      return values[0] !== values[1] ? { enum: values, default: values[0]! } : undefined;
    },
  },
  {
    name: "only-value",
    yields: "enum",
    example: "\"currently only 'registered' accounts are supported\" (one value and a noun; only when the field's sample is that value: \"only `AND` syntax is supported\" is about a filter's syntax)",
    sample: "one-of",
    read(md) {
      const m = ONLY_NOUN_ALLOWED.exec(md);
      return m ? { enum: [m[1] ?? m[2] ?? m[3]!] } : undefined;
    },
  },
  {
    name: "current-value",
    yields: "enum",
    example: "\"Service version number. The current value is 2.\" (the text's last sentence; not when the sample is another value)",
    sample: "not-outside",
    read(md) {
      const m = CURRENT_VALUE.exec(md.trim());
      return m ? { enum: [m[1] ?? m[2] ?? m[3] ?? m[4]!] } : undefined;
    },
  },
  {
    name: "default",
    yields: "default",
    example: "\"This value defaults to `live`\", \"Defaults to 30\", \"The default value is 20\", \"the default value will be `live`\", \"Default: `false`\"",
    read(md) {
      const found = new Set<string>();
      for (const re of [DEFAULT_TO, DEFAULT_IS]) {
        for (const m of md.matchAll(re)) {
          const value = m[1] ?? m[2] ?? m[3] ?? m[4]!;
          if (m[4] !== undefined && !unitAgrees(md, m.index + m[0].length)) continue;
          found.add(value.trim());
        }
      }
      // Two different defaults: the text speaks of more than this field.
      return found.size === 1 ? { default: [...found][0]! } : undefined;
    },
  },
  {
    name: "range",
    yields: "range",
    example: '"between 1 and 300", "Max: 300", "maximum of 300", "The maximum allowed value is 1440", "Min: 1", "minimum of 1"; "… characters" bounds a string\'s length',
    read(md) {
      const lows = new Set<number>();
      const highs = new Set<number>();
      const lengths = new Set<boolean>();
      const take = (set: Set<number>, text: string, end: number) => {
        const unit = UNITS.exec(md.slice(end));
        const length = unit !== null && /^char/i.test(unit[1]!);
        if (unit && !length && !unitAgrees(md, end)) return;
        lengths.add(length);
        set.add(Number(text.replace(/,/g, "")));
      };
      for (const m of md.matchAll(BETWEEN)) {
        const end = m.index + m[0].length;
        take(lows, m[1]!, end);
        take(highs, m[2]!, end);
      }
      for (const m of md.matchAll(MAXIMUM)) take(highs, m[1]!, m.index + m[0].length);
      for (const m of md.matchAll(MINIMUM)) take(lows, m[1]!, m.index + m[0].length);
      // Bounds that disagree, or some of characters and some of values: not one field's range.
      if (lows.size > 1 || highs.size > 1 || lengths.size !== 1) return undefined;
      const result: IdiomMatch = {};
      if (lows.size === 1) result.minimum = [...lows][0]!;
      if (highs.size === 1) result.maximum = [...highs][0]!;
      if (result.minimum !== undefined && result.maximum !== undefined && result.minimum > result.maximum) return undefined;
      if ([...lengths][0]) result.length = true;
      return result;
    },
  },
];

/**
 * Reads `(Required)` and every idiom of `IDIOMS` out of a Markdown description. `sample`: the
 * field's sample value as text, when the collection gives a real one (not a placeholder).
 */
export function readAnnotations(markdown: string, sample?: string): Annotations {
  let description = markdown;
  const required = REQUIRED.test(description);
  description = description.replace(REQUIRED, "");
  const found: Omit<Annotations, "description" | "required"> = {};
  const several = SEVERAL_VALUES.test(description);
  for (const idiom of IDIOMS) {
    if (idiom.yields === "enum" && (found.enum || (several && idiom.name !== "one-of-note"))) continue;
    const match = idiom.read(description, sample);
    if (!match) continue;
    if (match.enum && idiom.sample && !sampleFits(match.enum, sample, idiom.sample)) continue;
    if (match.enum && match.enum.length > 0) {
      found.enum = [...new Set(match.enum)];
      found.enumFrom = idiom.name;
    }
    if (match.default !== undefined) found.default = match.default;
    if (match.minimum !== undefined) found[match.length ? "minLength" : "minimum"] = match.minimum;
    if (match.maximum !== undefined) found[match.length ? "maxLength" : "maximum"] = match.maximum;
    if (match.remove) description = description.slice(0, match.remove.start) + description.slice(match.remove.end);
  }
  return { description: description.trim(), required, ...found };
}

/** A schema with the stated facts an OpenAPI schema has room for (the Schema type lists fewer). */
export type StatedSchema = Schema & { default?: unknown; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };

/**
 * Adds the stated default and range to a field's schema, typed like it: a default must be
 * one of its enum values, or of its type; a range bounds numbers, a length in characters
 * bounds strings; whatever does not fit the schema is left out.
 */
export function withStatedBounds(schema: Schema, notes: Annotations): StatedSchema {
  const out: StatedSchema = { ...schema };
  const numeric = schema.type === "integer" || schema.type === "number";
  if (notes.default !== undefined) {
    const value = typedDefault(schema, notes.default);
    if (value !== undefined) out.default = value;
  }
  if (numeric && !schema.enum) {
    if (notes.minimum !== undefined && (schema.type === "number" || Number.isInteger(notes.minimum))) out.minimum = notes.minimum;
    if (notes.maximum !== undefined && (schema.type === "number" || Number.isInteger(notes.maximum))) out.maximum = notes.maximum;
  }
  if (schema.type === "string" && !schema.enum) {
    if (notes.minLength !== undefined && Number.isInteger(notes.minLength) && notes.minLength >= 0) out.minLength = notes.minLength;
    if (notes.maxLength !== undefined && Number.isInteger(notes.maxLength) && notes.maxLength >= 0) out.maxLength = notes.maxLength;
  }
  return out;
}

function typedDefault(schema: Schema, text: string): unknown {
  if (schema.enum) return schema.enum.find((v) => String(v) === text);
  switch (schema.type) {
    case "integer":
      return /^-?(0|[1-9][0-9]*)$/.test(text) ? Number(text) : undefined;
    case "number":
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "string":
      return text;
    default:
      return undefined;
  }
}

/** A match that starts at a line break starts a sentence only when the line before ends one (or is blank): not a wrapped line. */
function sentenceStarts(md: string, m: RegExpExecArray): boolean {
  if (!m[0].startsWith("\n")) return true;
  const before = md.slice(0, m.index).trimEnd();
  return before === "" || /[.!?:]$/.test(before) || md.slice(0, m.index).endsWith("\n");
}

/** A lead that introduces names, not values: "The fields:", "two HTTP headers will be added:" (unless it says values). */
function namesKeys(lead: string): boolean {
  return /\b(?:fields|keys|properties|headers|parameters)\b/i.test(lead) && !/\bvalues?\b/i.test(lead);
}

/** "The `runtime` value must be …", "the **type.name** value …": the value of another field named just before. */
function namesOther(md: string, index: number): boolean {
  return /(?:`[^`\n]+`|\*\*[^*\n]+\*\*)[ \t]*$/.test(md.slice(Math.max(0, index - 200), index));
}

/** "* status: Can be `a` or `b`": a bullet that names another thing, then its values (a filter's fields, an object's keys). */
function inNamedBullet(md: string, index: number): boolean {
  const line = md.slice(md.lastIndexOf("\n", index - 1) + 1, index);
  return /^[ \t]*[*-][ \t]+[\w.`]+[ \t]*:[ \t]*$/.test(line);
}

/** The note's values: split at commas outside parentheses ("Chinese (Cantonese, Traditional)" is one value). */
function splitTopLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === "(") depth++;
    else if (list[i] === ")") depth = Math.max(0, depth - 1);
    else if (list[i] === "," && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

/** Whether the field's sample agrees with an enum an idiom read (see `Idiom.sample`). */
function sampleFits(values: string[], sample: string | undefined, check: NonNullable<Idiom["sample"]>): boolean {
  if (sample === undefined) return check === "not-outside";
  return values.includes(sample);
}

/** The values in backticks or quotes of a list. */
function quotedValues(list: string): string[] {
  return [...list.matchAll(/`([^`\n]+)`|"([^"\n]+)"|'([^'\n]+)'/g)].map((v) => (v[1] ?? v[2] ?? v[3]!).trim());
}

const GLOSSED_WINDOW = 4000;
/** An alternative of a glossed list: a separator (or the start), then a value in backticks or quotes. */
const ALTERNATIVE = /(^|,[ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and)[ \t]+)(?:`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)')/g;

/**
 * The values of a list that starts at `from` in `md` and ends its sentence, each value maybe followed by a
 * gloss: "`a` to include it, or `b` to start after it." A gloss starts with `gloss` (or is a
 * parenthesis) and says nothing that opens the list ("any other value"). `quotes`: "code" takes
 * backticked values only (a quoted word in a gloss is prose). Two values at least.
 */
function glossedValues(md: string, from: number, quotes: "code" | "any", gloss: RegExp): string[] | undefined {
  // A window, so that many candidates in one text do not each copy the rest of it; a sentence longer than that is no list.
  const text = md.slice(from, from + GLOSSED_WINDOW);
  const end = /[.!?](?=\s|$)|\n/.exec(text);
  if (!end && from + GLOSSED_WINDOW < md.length) return undefined;
  const sentence = text.slice(0, end ? end.index : text.length);
  const values: string[] = [];
  const glosses: string[] = [];
  let last = 0;
  for (const m of sentence.matchAll(ALTERNATIVE)) {
    if (values.length === 0 && m.index !== 0) return undefined;
    if (quotes === "code" && m[2] === undefined) continue;
    if (values.length > 0) glosses.push(sentence.slice(last, m.index));
    values.push(m[2] ?? m[3] ?? m[4]!);
    last = m.index + m[0].length;
  }
  glosses.push(sentence.slice(last));
  const glossOk = (g: string) => {
    const t = g.trim();
    return t === "" || ((/^\([^()]*\)$/.test(t) || gloss.test(t)) && !OPEN_GLOSS.test(t));
  };
  return values.length >= 2 && glosses.every(glossOk) && new Set(values).size === values.length ? values : undefined;
}

/** One value, as an enum can hold it: no white space, no Markdown. */
function isToken(value: string): boolean {
  // `all=true` is a query string, `1150-65535` a range: not one value.
  return /^[^\s`*=]+$/.test(value) && !/^\d+-\d+$/.test(value);
}

/**
 * The list from `start` to `end` states the whole set: its sentence does not call it examples
 * and nothing after it leaves it open.
 */
function closedList(md: string, start: number, end: number): boolean {
  // The sentence starts after the last full stop or line break before the list ("e.g. " ends no sentence).
  // A match may start at the full stop that ends the sentence before it (its pattern starts there).
  // Searched backwards, so that many lists in one text cost each its own sentence only.
  let sentenceStart = 0;
  for (let i = Math.min(start, md.length - 1); i >= 0; i--) {
    if (md[i] === "\n" && i < start) {
      sentenceStart = i + 1;
      break;
    }
    if (md[i] === "." && /[ \t]/.test(md[i + 1] ?? "") && !/\b(?:e\.g|i\.e)$/i.test(md.slice(Math.max(0, i - 4), i))) {
      sentenceStart = i + 1;
      break;
    }
  }
  if (EXAMPLES_WORDS.test(md.slice(sentenceStart, start))) return false;
  // "in the form `<prefix>_<id>`, where prefix is one of …": the values of a part, not of the field.
  if (/\bwhere[ \t]+\S+[ \t]+$/i.test(md.slice(sentenceStart, start))) return false;
  return !OPEN_END.test(md.slice(end));
}

/** A number followed by a unit counts only when the text gives the field that unit elsewhere too ("in minutes … 1440 minutes"). */
function unitAgrees(md: string, end: number): boolean {
  const unit = UNITS.exec(md.slice(end));
  if (!unit) return true;
  const word = unit[1]!.toLowerCase().replace(/s$/, "");
  const uses = md.toLowerCase().match(new RegExp(`\\b${word}s?\\b`, "g"));
  return (uses?.length ?? 0) >= 2;
}

/**
 * One bulleted block of two or more `* value - meaning` (or `- value = meaning`, `* value: meaning`)
 * lines with bare values, introduced by a line ending in a colon: every bullet of the block
 * defines a value, and no other such block follows.
 */
function bareDefinitionLines(lines: string[]): IdiomMatch | undefined {
  const start = lines.findIndex((line) => BARE_DEFINITION_LINE.test(line));
  if (start < 1) return undefined;
  let end = start;
  while (end < lines.length && /^[ \t]*[*-][ \t]+/.test(lines[end]!)) end++;
  const block = lines.slice(start, end);
  if (block.length < 2 || !block.every((line) => BARE_DEFINITION_LINE.test(line))) return undefined;
  if (lines.slice(end).some((line) => BARE_DEFINITION_LINE.test(line))) return undefined;
  const before = lines[start - 1]!.trim();
  if (!before.endsWith(":") || EXAMPLES_WORDS.test(before) || namesKeys(before)) return undefined;
  if (OPEN_END.test(lines.slice(end).join("\n"))) return undefined;
  return { enum: block.map((line) => BARE_DEFINITION_LINE.exec(line)![1]!) };
}

/**
 * "its value must be `x`": the one value there is (not when an "or" follows in the sentence); "The value
 * must be "a" or "b".": those; `only "x" is allowed`, "`x` … is the only allowed value": that one.
 */
function mustBe(md: string): IdiomMatch | undefined {
  const list = MUST_BE_LIST.exec(md);
  if (list && !namesOther(md, list.index)) {
    if (!closedList(md, list.index, list.index + list[0].length)) return undefined;
    const values = [...list[1]!.matchAll(/`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)'/g)].map((v) => v[1] ?? v[2] ?? v[3]!);
    return values.length >= 2 ? { enum: values } : undefined;
  }
  const only = ONLY_ALLOWED.exec(md);
  if (only) return isToken(only[1] ?? only[2] ?? only[3]!) && !inNamedBullet(md, only.index) ? { enum: [only[1] ?? only[2] ?? only[3]!] } : undefined;
  const sentence = ONLY_VALUE_SENTENCE.exec(md);
  if (sentence) {
    const quoted = [...sentence[1]!.matchAll(/`([^`\s]+)`|"([^"\s]+)"|'([^'\s]+)'/g)].map((v) => v[1] ?? v[2] ?? v[3]!);
    return new Set(quoted).size === 1 ? { enum: [quoted[0]!] } : undefined;
  }
  const m = MUST_BE.exec(md);
  if (!m || /\bor\b/.test(md.slice(m.index + m[0].length).split(/[.;\n]/)[0]!) || !isToken(m[1] ?? m[2] ?? m[3]!) || namesOther(md, m.index)) return undefined;
  return { enum: [m[1] ?? m[2] ?? m[3]!] };
}

/**
 * The part of a request's description that is about one field, when exactly one place there is:
 * a line, bullet or table row that starts with the field's name in backticks or bold
 * (`` - `status`: one of … ``, `**status**: …`, `` | `status` | … | ``; a table's first cell may
 * also hold the bare name), with the lines a bullet's indentation carries. The values are tied
 * to the field by its name only, never by being near it: a request's text speaks of many fields.
 */
export function requestSection(requestMarkdown: string, name: string, kind: "parameter" | "body" = "parameter"): string | undefined {
  if (name === "" || !requestMarkdown.includes(name)) return undefined;
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const key = String.raw`(?:\`${esc}\`|\*\*${esc}\*\*|\*\*\`${esc}\`\*\*|__${esc}__)`;
  // A bullet or a line that starts with the name, then a separator (or a parenthesis, as "`status` (string): …").
  // (Each run of spaces has one way to match: linear on any line.)
  const line = new RegExp(String.raw`^([ \t]?)(?:[*-][ \t]+|\d{1,2}\.[ \t]+)?${key}(?:[ \t]*\([^()\n]*\))?[ \t]*(?:[:=–—-]|(?<=[ \t])(?=[A-Za-z]))[ \t]*(.*)$`);
  // A table row whose first cell is the name (bare, in backticks or bold).
  const row = new RegExp(String.raw`^[ \t]*(?:\|[ \t]*)?(?:${key}|${esc})[ \t]*\|(.*)$`);
  const lines = requestMarkdown.split("\n");
  const leads = leadsOf(lines);
  let found: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    // A nested bullet (indented) is about a field inside another: `address` › `type`, not the top-level `type`.
    if (!text.includes(name) || /^(?: {2,}|\t)/.test(text)) continue;
    let section: string;
    const r = row.exec(text);
    const m = r ? undefined : line.exec(text);
    if (r) section = r[1]!.split("|").map((cell) => cell.trim()).filter(Boolean).join("\n");
    else if (m) {
      // What the bullet's indentation carries (a nested list of values), dedented.
      const indent = m[1]!.length;
      const carried = [m[2]!.trim()];
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== "" && lines[j]!.length - lines[j]!.trimStart().length > indent; j++) carried.push(lines[j]!.trim());
      section = carried.join("\n");
    } else continue;
    // Under a lead about the response, or about the other kind of field (query parameters vs the body), it is not this one's.
    const lead = leads[i];
    if (lead !== undefined && (RESPONSE_LEAD.test(lead) || (kind === "parameter" ? BODY_LEAD : PARAMETER_LEAD).test(lead))) continue;
    // Two places about that name (a request field and a response field, two tables): which is this one?
    if (found !== undefined) return undefined;
    found = section;
  }
  return found === "" ? undefined : found;
}

/**
 * The heading or lead over each line (a `#` heading, a line ending in a colon that is not a
 * bullet or row, or a line that is bold and nothing else: "**Response**"), in one pass.
 */
function leadsOf(lines: string[]): (string | undefined)[] {
  let lead: string | undefined;
  return lines.map((line) => {
    const above = lead;
    const text = line.trim();
    if (/^#{1,6}[ \t]/.test(text) || (/:(?:\*\*)?$/.test(text) && !/^(?:[*|-]|\d{1,2}\.)/.test(text)) || /^\*\*[^*]+\*\*:?$/.test(text)) lead = text;
    return above;
  });
}

/** A lead about what comes back: a response, its status (`### 200 OK`), what is returned. */
const RESPONSE_LEAD = /\b(?:respon\w*|returns?|returned|output|[1-5]\d\d|[1-5]xx)\b/i;
/** Leads about one kind of field: the query, path or header parameters; the body. */
const PARAMETER_LEAD = /\b(?:param\w*|query|path|headers?)\b/i;
const BODY_LEAD = /\b(?:body|payload|form|fields?)\b/i;

/**
 * The enum a request's description states for one of its fields in the section about it
 * (`requestSection`), read by the same idioms as a field's own description; undefined when there
 * is no such section or it states no set.
 */
export function readRequestSection(requestMarkdown: string, name: string, sample?: string, kind: "parameter" | "body" = "parameter"): Pick<Annotations, "enum" | "enumFrom"> | undefined {
  const section = requestSection(requestMarkdown, name, kind);
  if (section === undefined) return undefined;
  // In a section about one field, a line that opens "One of …" speaks of that field (in a field's own text
  // "One of `email` or `id` is required" may name two fields; here the name before it says which one).
  const notes = readAnnotations(section.replace(/^([ \t]*)(one of\b)/gim, "$1It is $2"), sample);
  // The collection's own value outside the list: the section is not that field's set (a field of another message).
  if (!notes.enum || (sample !== undefined && !notes.enum.some((v) => String(v) === sample))) return undefined;
  return { enum: notes.enum, enumFrom: `request-section ${notes.enumFrom}` };
}
