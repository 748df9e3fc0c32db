/**
 * The fuzzing kit (used by fuzz-*.test.ts): arbitraries of garbage and of payloads
 * shaped like the real ones but wrong, and the judge of an answer against the contract.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import type { ResolverHandler } from '../../dev/runtime';
import { payloadSchemas, type OperationKey } from '../../src/contract/operations';
import { FACTOR_IDS } from '../../src/contract/model';
import { defaultConfig } from '../../src/domain';
import { call, contractShapeProblem, issuePanel, NOBODY, PO, projectPage, type Answer, type Ctx } from './helpers';

export const GARBAGE_RUNS = 2000;
export const nobody: Ctx = { accountId: NOBODY, moduleKey: 'valuerank-project-page', extension: {} };

export const HUGE = 'x'.repeat(100 * 1024);
export const HUGE_KEYISH = 'PAY' + 'A'.repeat(100 * 1024);
function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v, projectKey: 'PAY' };
  return v;
}
export const DEEP_OBJECT = nested(50, 'PAY', false);
export const DEEP_ARRAY = nested(50, 1, true);
export const INJECTION = [
  'PAY" OR project = SUP',
  '../../rest/api/3/myself',
  'PAY%2F..',
  'PAY AND 1=1',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
];
export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Values that are wrong in interesting ways: NaN, ±Infinity, negative and enormous numbers, huge strings, deep nesting… */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, -1e308, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, Number.MIN_VALUE, 1.5, 0, 1),
  fc.constantFrom(null, undefined, true, false, '', ' ', '0', 'NaN', '1e3', HUGE, HUGE_KEYISH, DEEP_OBJECT, DEEP_ARRAY, [], {}, [null], { __proto__: null }),
  fc.constantFrom(...INJECTION, ...DANGEROUS_KEYS),
  fc.constantFrom('PAY', 'PAY-1', 'SUP', 'SUP-3', '2027-Q1', 'pay', 'PAY-0', 'PAY-01', '2027-Q5'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.anything({ maxDepth: 2 }),
);

/** A valid payload per operation: the base the shaped arbitraries break in one to three places. */
export function validPayload(key: OperationKey): Record<string, unknown> {
  const weights = Object.fromEntries(FACTOR_IDS.map((id, i) => [id, 10 + i]));
  switch (key) {
    case 'getBacklog':
      return {
        projectKey: 'PAY',
        page: 0,
        pageSize: 50,
        refresh: false,
        filter: { types: ['Story'], labels: ['tech-debt'], epicKey: 'PAY-1', debtOnly: true, feedbackOnly: false, gapsOnly: false, text: 'pay' },
        weightsOverride: weights,
      };
    case 'explainIssue':
      return { issueKey: 'PAY-10' };
    case 'getRoadmap':
      return { projectKey: 'PAY', quarters: 4, capacityOverride: 100 };
    case 'previewWeights':
      return { projectKey: 'PAY', weights };
    case 'getConfig':
    case 'getConfigHistory':
    case 'planRankSync':
      return { projectKey: 'PAY' };
    case 'saveConfig':
      return { projectKey: 'PAY', expectedVersion: 0, config: defaultConfig() };
    case 'revertConfig':
      return { projectKey: 'PAY', toVersion: 1, expectedVersion: 1 };
    case 'setPin':
      return { projectKey: 'PAY', issueKey: 'PAY-10', position: 3, quarter: '2027-Q1' };
    case 'applyRankSync':
      return { projectKey: 'PAY', planId: 'abc' };
    case 'listFields':
      return {};
    case 'planSprint':
      return { projectKey: 'PAY', capacity: 20 };
    case 'getShipped':
      return { projectKey: 'PAY', since: '2026-10-26T00:00:00Z' };
    case 'notifyCustomers':
      return { projectKey: 'PAY', issueKey: 'PAY-10', text: 'Shipped: thank you for asking.' };
    case 'previewConfig':
      return { projectKey: 'PAY', previewOn: 'PAY', config: defaultConfig() };
    case 'listPresets':
      return {};
    case 'castVote':
      return { issueKey: 'PAY-10', importance: 3, note: 'Blocks our rollout' };
    case 'getChanges':
      return { projectKey: 'PAY', since: '2026-11-18T00:00:00Z', minMove: 2 };
  }
}

/** Every path of a value (objects and arrays), the root excluded. */
function pathsOf(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, child] of Object.entries(v)) {
    out.push([...prefix, k]);
    pathsOf(child, [...prefix, k], out);
  }
  return out;
}

/** Sets `path` to `value` as an own property (also for `__proto__`), cloning the containers on the way. */
function setPath(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const container = (Array.isArray(root) ? [...root] : typeof root === 'object' && root !== null ? { ...(root as object) } : {}) as Record<string, unknown>;
  const child = Object.prototype.hasOwnProperty.call(container, head) ? container[head] : undefined;
  Object.defineProperty(container, head, { value: setPath(child, rest, value), enumerable: true, writable: true, configurable: true });
  return container;
}

/** Payloads shaped like the operation's real one, broken at one to three paths (or with a dangerous key added). */
export function shaped(key: OperationKey): fc.Arbitrary<unknown> {
  const base = validPayload(key);
  const paths = pathsOf(base);
  const extraKey = fc.tuple(
    fc.constantFrom(...paths.map((p) => p.slice(0, -1)), []),
    fc.constantFrom(...DANGEROUS_KEYS, 'projectKey', 'issueKey', 'config', 'extra'),
  );
  const target =
    paths.length === 0
      ? extraKey.map(([p, k]) => [...p, k])
      : fc.oneof(
          fc.constantFrom(...paths),
          extraKey.map(([p, k]) => [...p, k]),
        );
  return fc
    .array(fc.tuple(target, nasty), { minLength: 1, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((acc, [path, value]) => setPath(acc, path, value), base));
}

export const objectWithDangerousKeys = fc.object({
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...DANGEROUS_KEYS, 'projectKey', 'issueKey', 'weights', 'config', 'filter', 'planId')),
  values: [nasty],
  maxDepth: 3,
  maxKeys: 6,
});

export function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

export interface Violation {
  key: string;
  payload: string;
  answer: string;
  problem: string;
}

export function show(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));
    return (s ?? String(v)).slice(0, 300);
  } catch {
    return String(v).slice(0, 300);
  }
}

/** What the schema says about a payload, after the `payload || {}` that @forge/resolver applies. */
function schemaVerdict(key: OperationKey, payload: unknown): { ok: true } | { ok: false; path: string } {
  const effective = (payload ?? {}) || {};
  const parsed = (payloadSchemas[key] as z.ZodTypeAny).safeParse(effective);
  if (parsed.success) return { ok: true };
  const first = parsed.error.issues[0]!;
  return { ok: false, path: first.path.map(String).join('.') || '(payload)' };
}

/** Whether a payload got past the schema and the permission check: data, or an error of the use case itself. */
function reachedUseCase(key: OperationKey, payload: unknown, answer: unknown): boolean {
  if (!schemaVerdict(key, payload).ok || typeof answer !== 'object' || answer === null) return false;
  const a = answer as Answer;
  return a.ok || a.error.code !== 'FORBIDDEN';
}

/** Checks one answer; returns a problem or null. */
export function judge(key: OperationKey, payload: unknown, answer: unknown, allowOk: boolean): string | null {
  const shape = contractShapeProblem(answer);
  if (shape !== null) return shape;
  const a = answer as Answer;
  if (!a.ok && a.error.code === 'INTERNAL') return 'INTERNAL: an exception escaped the use case';
  const verdict = schemaVerdict(key, payload);
  if (!verdict.ok) {
    if (a.ok || a.error.code !== 'INVALID_PAYLOAD') return `schema refuses the payload at ${verdict.path}, answer is not INVALID_PAYLOAD`;
    if (!a.error.message.includes(verdict.path)) return `INVALID_PAYLOAD message does not name ${verdict.path}`;
    return null;
  }
  if (a.ok && !allowOk) return 'ok for a user with no access';
  if (!a.ok && a.error.code === 'INVALID_PAYLOAD') {
    const fields = Object.keys((payloadSchemas[key] as unknown as { shape: Record<string, unknown> }).shape);
    if (!fields.some((f) => a.error.message.includes(f))) return 'INVALID_PAYLOAD (from the use case) names no field';
  }
  return null;
}

/**
 * Fuzzes one operation with `arb` as `ctx`; returns the violations (one entry per bad answer) and how many
 * payloads got past the schema and the permission check into the use case.
 */
export async function fuzz(
  resolver: ResolverHandler,
  key: OperationKey,
  arb: fc.Arbitrary<unknown>,
  runs: number,
  ctx: Ctx = nobody,
  seed?: number,
): Promise<Violation[] & { reached: number }> {
  const violations = Object.assign([] as Violation[], { reached: 0 });
  // A no-access user may read the global config (getConfig without a project): it is what every project shows.
  // Anyone with access may get data.
  const allowOk = key === 'getConfig' || ctx.accountId !== NOBODY;
  await fc.assert(
    fc.asyncProperty(arb, async (payload) => {
      // Forge itself refuses payloads over 500 KB before any handler runs.
      if (jsonBytes(payload) > 450 * 1024) return;
      let answer: unknown;
      try {
        answer = await call(resolver, key, payload, ctx);
      } catch (e) {
        violations.push({ key, payload: show(payload), answer: `threw ${String(e)}`, problem: 'the handler threw' });
        return;
      }
      if (reachedUseCase(key, payload, answer)) violations.reached++;
      const problem = judge(key, payload, answer, allowOk);
      if (problem !== null) violations.push({ key, payload: show(payload), answer: show(answer), problem });
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  return violations;
}

/** One example per distinct problem keeps a failure readable. */
export function distinct(violations: Violation[]): Violation[] {
  return [...new Map(violations.map((v) => [`${v.key}: ${v.problem}`, v])).values()];
}

/**
 * The garbage tests of some operations: fc.anything(), fc.object() with dangerous keys, and shaped-but-wrong
 * payloads, as a user with no access. Call inside a describe whose beforeAll started the preview.
 */
export function garbageTests(keys: readonly OperationKey[], resolver: () => ResolverHandler): void {
  for (const key of keys) {
    it(`${key}: ${GARBAGE_RUNS} × fc.anything(), ${GARBAGE_RUNS} × fc.object() and ${GARBAGE_RUNS} shaped-but-wrong payloads never break the contract`, async () => {
      const violations = [
        ...(await fuzz(resolver(), key, fc.anything(), GARBAGE_RUNS)),
        ...(await fuzz(
          resolver(),
          key,
          fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true, withSparseArray: true, maxDepth: 4 }),
          300,
        )),
        ...(await fuzz(resolver(), key, objectWithDangerousKeys, GARBAGE_RUNS)),
        ...(await fuzz(resolver(), key, shaped(key), GARBAGE_RUNS)),
      ];
      expect(distinct(violations)).toEqual([]);
    }, 60_000);
  }
}

/** Shaped-but-wrong payloads per operation as the Product Owner: with access, they get past FORBIDDEN into the use case. */
export const PO_RUNS = 2000;

/** The Product Owner's context for an operation: the issue panel for explainIssue, else the project page. */
function poContext(key: OperationKey): Ctx {
  return { accountId: PO, ...(key === 'explainIssue' ? issuePanel('PAY-10') : projectPage('PAY')) };
}

/**
 * The shaped-but-wrong payloads again, as the Product Owner of the project (Browse, Schedule Issues, Administer
 * Projects): what the schema lets through now reaches the use cases, which must answer data or a contract error.
 * A fixed seed per operation keeps a failure reproducible; the test also checks that enough payloads got through.
 */
export function productOwnerTests(keys: readonly OperationKey[], resolver: () => ResolverHandler): void {
  for (const [i, key] of keys.entries()) {
    it(`${key}: ${PO_RUNS} shaped-but-wrong payloads from the Product Owner reach the use case and never break the contract`, async () => {
      const violations = await fuzz(resolver(), key, shaped(key), PO_RUNS, poContext(key), 20261203 + i);
      expect(distinct(violations)).toEqual([]);
      expect(violations.reached).toBeGreaterThanOrEqual(PO_RUNS / 5);
      // Generous: planSprint reads the active sprint from the simulator for each of the 2,000 payloads.
    }, 300_000);
  }
}
