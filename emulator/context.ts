/** What every handler receives: the state, the authenticated caller, the parsed request. */
import type { Caller } from './auth';
import type { QueryParams } from './query';
import type { OrgState } from './state';
import type { Quotas } from './quota';

export interface PathParams {
  /** spaces/{space} */
  space?: string;
  /** spaces/{space}/members/{member}, already URL-decoded (an email alias stays an email) */
  member?: string;
  /** Directory users/{userKey} or groups/{groupKey} */
  key?: string;
}

export interface RequestContext {
  state: OrgState;
  now: number;
  caller: Caller;
  params: PathParams;
  /** built by the handler with the method's own list of parameters */
  search: URLSearchParams;
  body: string | undefined;
  quotas: Quotas;
  /** names the resource in the call log once the handler knows its canonical name */
  setTarget(name: string): void;
}

export type Handler = (ctx: RequestContext, query: QueryParams) => unknown;

/** A handler with the query parameters it defines, so unknown ones are rejected before it runs. */
export interface MethodSpec {
  params: readonly string[];
  handle: Handler;
}
