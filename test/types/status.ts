/**
 * Type tests of results typed by status: `npm test` runs `tsc --noEmit` over this file. Every
 * `@ts-expect-error` line must stay an error. Nothing here runs.
 */
import type { Result } from "../../codegen/runtime/call.js";

interface Conflict {
  conflictWith: string;
}
interface Created {
  id: number;
}
interface Problem {
  title: string;
}
type CreateThing = {
  responses: {
    201: { headers: { [name: string]: unknown }; content: { "application/json": Created } };
    204: { headers: { [name: string]: unknown }; content?: never };
    404: { headers: { [name: string]: unknown }; content: { "text/plain": string } };
    409: { headers: { [name: string]: unknown }; content: { "application/json": Conflict } };
  };
};
type WithDefault = {
  responses: {
    200: { headers: { [name: string]: unknown }; content: { "application/json": Created } };
    default: { headers: { [name: string]: unknown }; content: { "application/problem+json": Problem } };
  };
};

export function statusTests(r: Result<CreateThing>, d: Result<WithDefault>, text: Result<CreateThing, { parseAs: "text" }>) {
  // Every result has its status.
  const status: number = r.status;
  void status;
  if (r.status === 409) {
    const conflict: string = r.error.conflictWith;
    void conflict;
    // @ts-expect-error a 409 has no data
    void r.data.id;
  }
  if (r.status === 201) {
    const id: number = r.data.id;
    void id;
    // @ts-expect-error a 201 is not an error
    void r.error.status;
  }
  if (r.status === 404) {
    // A documented status without a JSON body: the HttpError shape.
    const body: string = r.error.body;
    void body;
    // @ts-expect-error a 404's error is not the 409's body
    void r.error.conflictWith;
  }
  if (r.status === 500) {
    // An undocumented status: the HttpError shape.
    const code: number = r.error.status;
    void code;
    // @ts-expect-error an undocumented error is not a documented body
    void r.error.conflictWith;
  }
  if (r.status === 204) {
    // @ts-expect-error a 204 has no body
    void r.data.id;
  }
  // @ts-expect-error 700 is not an HTTP status
  if (r.status === 700) void r;
  // Without narrowing, the error is any documented error or an HttpError.
  if (r.error) {
    // @ts-expect-error not every error has conflictWith
    void r.error.conflictWith;
  }
  // Destructuring still works as openapi-fetch's does.
  const { data, error } = r;
  if (data) void data;
  if (error) void error;
  // A `default` response types every undocumented error status.
  if (d.status === 503) {
    const e = d.error;
    if ("title" in e) void e.title;
    else void e.statusText;
  }
  // parseAs: the 2xx data is text.
  if (text.status === 201) {
    const t: string = text.data;
    void t;
  }
}
