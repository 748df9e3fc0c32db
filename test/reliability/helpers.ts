/**
 * Helpers of the reliability tests only: simulator controls and statistics, the answer-shape check and a raw
 * resolver. The preview set-up, contexts, personas, in-process callers and Jira's rank order are the integration
 * harness's, passed on from here so these tests import from one place.
 */
import { ERROR_CODES } from '../../src/contract/operations';
import type { ResolverHandler } from '../../dev/runtime';

export {
  ADMIN,
  adminPage,
  call,
  callOnce,
  DEV,
  issuePanel,
  jiraRankOrder,
  loadResolver,
  NOBODY,
  PERSONAS,
  PO,
  projectPage,
  projectSettings,
  settleQueue,
  SUPPORT,
  type Answer,
  type Ctx,
} from '../integration/harness';

/**
 * The same operations without @forge/resolver's JSON round trip, so a NaN or Infinity the app computes is seen as
 * such (JSON would turn it into null). Runs inside the runtime's invocation scope like the real handler.
 */
export async function loadRawResolver(): Promise<ResolverHandler> {
  const { operations } = (await import('../../src/resolvers/operations')) as typeof import('../../src/resolvers/operations');
  return async ({ call: c, context }, backend) => {
    const op = (operations as Record<string, (req: { payload?: unknown; context?: Record<string, unknown> }) => Promise<unknown>>)[c.functionKey];
    if (op === undefined) throw new Error(`no operation ${c.functionKey}`);
    return op({ payload: c.payload, context: { ...context, accountId: (backend?.principal as { accountId?: string } | undefined)?.accountId } });
  };
}

/** Asserts the contract's answer shape: `{ok:true,data}` or `{ok:false,error:{code,message}}` with a known code. */
export function contractShapeProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return `not an object: ${String(r)}`;
  const a = r as Record<string, unknown>;
  if (a.ok === true) return 'data' in a ? null : 'ok:true without data';
  if (a.ok !== false) return `ok is ${String(a.ok)}`;
  const e = a.error as Record<string, unknown> | undefined;
  if (typeof e !== 'object' || e === null) return 'ok:false without error';
  if (typeof e.code !== 'string' || !(ERROR_CODES as readonly string[]).includes(e.code)) return `unknown error code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'error without a message';
  if (/\n\s+at |Error: .*\n/.test(e.message)) return 'error message carries a stack trace';
  return null;
}

export async function setFaults(url: string, spec: string): Promise<void> {
  const r = await fetch(`${url}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
  if (r.status >= 300) throw new Error(`PUT /__sim/faults ${spec}: HTTP ${r.status} ${await r.text()}`);
}

export interface SimStats {
  total: number;
  byEndpoint: Record<string, number>;
  injected: { '429': number; '5xx': number };
}

export async function simStats(url: string): Promise<SimStats> {
  return (await (await fetch(`${url}/__sim/stats`)).json()) as SimStats;
}

export async function resetStats(url: string): Promise<void> {
  await fetch(`${url}/__sim/stats/reset`, { method: 'POST' });
}

/** Every number in a JSON-like value that is not finite, by path (NaN, ±Infinity). */
export function nonFiniteNumbers(value: unknown, path = '$', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
    return out;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, out, seen));
  else for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out, seen);
  return out;
}

export const TRANSIENT = ['RATE_LIMITED', 'JIRA_UNAVAILABLE'] as const;
