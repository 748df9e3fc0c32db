/**
 * The small HTTP kit the simulator's routes share: a route table keyed by the OpenAPI path
 * template (which is also the stats key), Jira's error shape, and JSON body reading.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from './access';
import type { SimEvent } from './events';
import type { Faults } from './faults';
import type { SearchIndex } from './search-index';
import type { SimState } from './state';

/** What every route may use besides the request. */
export interface SimContext {
  state: SimState;
  /** Epoch ms (frozen with `now`). */
  now(): number;
  emit(event: SimEvent): void;
  faults: Faults;
  /** What `/search/jql` sees; record rank moves and field edits in it before making them. */
  searchIndex: SearchIndex;
  /** Call after a change to the site, so a data dir keeps it. */
  changed(): void;
}

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  actor: Actor;
  /** e.g. `http://127.0.0.1:8787`, for `self` links. */
  baseUrl: string;
  sim: SimContext;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  method: string;
  /** OpenAPI path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  handler: Handler;
}

/** An error answered in Jira's shape: `{ "errorMessages": [...], "errors": {...} }`. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraHttpError';
  }
}

export const badRequest = (message: string): JiraHttpError => new JiraHttpError(400, [message]);
export const notFound = (message: string): JiraHttpError => new JiraHttpError(404, [message]);
export const forbidden = (message: string): JiraHttpError => new JiraHttpError(403, [message]);
export const issueNotFound = (): JiraHttpError => notFound('Issue does not exist or you do not have permission to see it.');

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((r) => {
      const names: string[] = [];
      const source = r.template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { ...r, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  /** The route for a request; `template` is set even when the method does not match (→ 405). */
  match(method: string, path: string): { route?: CompiledRoute; template?: string; params: Record<string, string> } {
    let template: string | undefined;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      template ??= r.template;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: r, template: r.template, params };
    }
    return template === undefined ? { params: {} } : { template, params: {} };
  }
}

const MAX_BODY = 10 * 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) throw new JiraHttpError(413, ['Request body too large.']);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('Invalid request payload. Refer to the REST API documentation and try again.');
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.status !== 204) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json;charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export function errorReply(e: JiraHttpError): Reply {
  return { status: e.status, body: { errorMessages: e.errorMessages, errors: e.errors } };
}

/** Query parameters Jira accepts either repeated or comma-separated (`fields=a,b&fields=c`). */
export function listParam(url: URL, name: string): string[] | undefined {
  const all = url.searchParams.getAll(name);
  if (all.length === 0) return undefined;
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A body property that must be an object (or absent). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw badRequest(`'${name}' must be an array of strings.`);
  return value as string[];
}

/** A paging parameter (`startAt`, `maxResults`): a whole number, 0 or more (400 otherwise). */
export function countParam(raw: unknown, name: string, fallback: number): number {
  const n = intParam(raw, name, fallback);
  if (n < 0) throw badRequest(`'${name}' must be a non-negative integer.`);
  return n;
}

export function intParam(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n)) throw badRequest(`The '${name}' parameter must be an integer.`);
  return n;
}
