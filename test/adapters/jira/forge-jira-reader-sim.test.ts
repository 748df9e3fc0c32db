import { Deadline } from '../../../src/adapters/jira/deadline';
import { ForgeJiraReader } from '../../../src/adapters/jira/forge-jira-reader';
import { runInvocation } from '../../../dev/runtime/context';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';
import type { RecordedExchange } from '../../../dev/sim/server';
import { ADMIN, ALICE, BOB, aSeed, anIssue, startSim, status, type RunningSim } from '../../dev/sim/helpers';
import { check, checkResponse, requestSchema } from '../../dev/sim/openapi-schema';

/**
 * ForgeJiraReader through the real `@forge/api` and the local Forge runtime against the simulated Jira: the calls a
 * UI resolver makes as the user to cut the project snapshot to what they may see.
 */
const SECRET = { id: '10100', name: 'Confidential', members: [BOB] };
const START = Date.parse('2026-01-05T10:00:00Z');
/** 37 min 45 s apart: the created times fall on and between the minutes of the range bounds. */
const STEP_MS = (37 * 60 + 45) * 1000;
const PRJ_COUNT = 130;

const prjId = (n: number): string => String(50000 + n);
const secId = (n: number): string => String(60000 + n);
const isSecret = (n: number): boolean => n % 17 === 3;
const isDone = (n: number): boolean => n % 5 === 0;

function seed(): Record<string, unknown> {
  const prj = Array.from({ length: PRJ_COUNT }, (_, i) => {
    const n = i + 1;
    const issue = anIssue({
      key: `PRJ-${n}`,
      created: new Date(START + i * STEP_MS).toISOString().replace('Z', '+0000'),
      ...(isDone(n) ? { status: status('Done', 'done') } : {}),
      ...(isSecret(n) ? { extra: { security: { id: SECRET.id } } } : {}),
    });
    return { ...issue, id: prjId(n) };
  });
  const sec = Array.from({ length: 3 }, (_, i) => ({ ...anIssue({ key: `SEC-${i + 1}` }), id: secId(i + 1) }));
  return aSeed([...prj, ...sec], {
    securityLevels: [SECRET],
    users: [
      { accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-admins'] },
      { accountId: ALICE, displayName: 'Alice', groups: [], timeZone: 'Europe/Berlin' },
      { accountId: BOB, displayName: 'Bob', groups: [] },
    ],
  });
}

let s: RunningSim;
let runtime: InstalledForgeRuntime;

beforeAll(async () => {
  s = await startSim({ seed: seed() });
  runtime = installForgeRuntime({ jiraBaseUrl: s.url, store: new KvsStore(), queue: new LocalQueue(), fetch });
});
afterAll(async () => {
  runtime.uninstall();
  await s.close();
});
beforeEach(async () => {
  s.sim.faults.configure('');
  await s.call('POST', '/__sim/stats/reset');
});

const asUser = <T>(accountId: string, fn: (reader: ForgeJiraReader) => Promise<T>): Promise<T> =>
  runInvocation({ accountId, moduleKey: 'project-page', timeoutMs: 25_000 }, () => fn(new ForgeJiraReader('user', new Deadline(20_000))));
const calls = async (endpoint: string): Promise<number> => ((await s.call('GET', '/__sim/stats')).body.byEndpoint[endpoint] as number | undefined) ?? 0;
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function collect(pages: AsyncGenerator<string[]>): Promise<string[]> {
  const out: string[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

describe('ForgeJiraReader.browsableIssues', () => {
  const everyPrj = range(1, PRJ_COUNT).map(prjId);
  const visibleToAlice = range(1, PRJ_COUNT)
    .filter((n) => !isSecret(n))
    .map(prjId);

  it('answers the ids the user may browse in one bulk permission check: no other project, no security level they are not in', async () => {
    const asked = [...everyPrj, secId(1), secId(2), '999999'];
    const seen = await asUser(ALICE, (r) => r.browsableIssues(asked));
    expect([...seen].sort()).toEqual(visibleToAlice.sort());
    expect(seen.has(prjId(3))).toBe(false);
    expect(seen.has(secId(1))).toBe(false);
    expect(await calls('POST /rest/api/3/permissions/check')).toBe(1);
  });

  it("sends requests and gets replies that Atlassian's spec describes (strict)", async () => {
    const seen: RecordedExchange[] = [];
    const stop = s.sim.onRequest((r) => seen.push(r));
    try {
      await asUser(ALICE, (r) => r.browsableIssues([...everyPrj, secId(1)]));
    } finally {
      stop();
    }
    const request = requestSchema('platform', 'POST', '/rest/api/3/permissions/check');
    if (request === null) throw new Error('no request schema for POST /rest/api/3/permissions/check in the cut');
    expect(seen.map((r) => r.template)).toEqual(['/rest/api/3/permissions/check']);
    for (const r of seen) {
      expect(check(request.root, request.schema, r.body, '$', { strict: true })).toEqual([]);
      expect(checkResponse('platform', 'POST', r.template, String(r.status), r.response, { strict: true })).toEqual([]);
    }
  });

  it('drops ids that are not numeric or repeated before asking, and asks nothing for no ids', async () => {
    const seen = await asUser(ALICE, (r) => r.browsableIssues(['PRJ-1', '', '0050001', '5e4', prjId(1), prjId(1), prjId(2)]));
    expect([...seen].sort()).toEqual([prjId(1), prjId(2)]);
    expect(await calls('POST /rest/api/3/permissions/check')).toBe(1);
    expect(await asUser(ALICE, (r) => r.browsableIssues(['PRJ-1']))).toEqual(new Set());
    expect(await calls('POST /rest/api/3/permissions/check')).toBe(1);
  });

  it('checks more than 1,000 issues in calls of 1,000, Jira’s most', async () => {
    const many = range(1, 2500).map((n) => String(70000 + n));
    await asUser(ALICE, (r) => r.browsableIssues([...many, ...everyPrj]));
    expect(await calls('POST /rest/api/3/permissions/check')).toBe(Math.ceil((many.length + everyPrj.length) / 1000));
  });

  it('retries injected 429s and 503s and still answers every browsable id', async () => {
    s.sim.faults.configure('rate429=0.2,rate5xx=0.2,retryAfter=0,retryAfterShare=1,seed=7');
    let seen = new Set<string>();
    for (let i = 0; i < 3; i++) seen = await asUser(ALICE, (r) => r.browsableIssues(everyPrj));
    expect([...seen].sort()).toEqual(visibleToAlice.sort());
    expect((await s.call('GET', '/__sim/stats')).body.injected['429'] + (await s.call('GET', '/__sim/stats')).body.injected['5xx']).toBeGreaterThan(0);
  });
});

describe('ForgeJiraReader.searchIds over created-time ranges run in parallel', () => {
  const candidates = 'project = "PRJ" AND (statusCategory != Done)';
  const bounds = ['2026-01-05 14:30', '2026-01-06 02:00', '2026-01-06 20:15'];
  const rangesJql = [
    `${candidates} AND created < "${bounds[0]}"`,
    `${candidates} AND created >= "${bounds[0]}" AND created < "${bounds[1]}"`,
    `${candidates} AND created >= "${bounds[1]}" AND created < "${bounds[2]}"`,
    `${candidates} AND created >= "${bounds[2]}"`,
  ];

  it("lists each candidate the user can see exactly once, and never an issue of a security level they are not in (Alice's dates read in Berlin time)", async () => {
    const parts = await asUser(ALICE, (r) => Promise.all(rangesJql.map((jql) => collect(r.searchIds(jql, 100_000)))));
    const union = parts.flat();
    const expected = range(1, PRJ_COUNT)
      .filter((n) => !isDone(n) && !isSecret(n))
      .map(prjId);
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(new Set(union).size).toBe(union.length);
    expect([...union].sort()).toEqual(expected.sort());
    expect(union).not.toContain(prjId(3));
    expect(await calls('POST /rest/api/3/search/jql')).toBe(rangesJql.length);
    const whole = await asUser(ALICE, (r) => collect(r.searchIds(candidates, 100_000)));
    expect([...whole].sort()).toEqual(expected.sort());
  });

  it('reads the same bounds in UTC for a user without a time zone: a different cut, each issue still once', async () => {
    const alice = await asUser(ALICE, (r) => Promise.all(rangesJql.map((jql) => collect(r.searchIds(jql, 100_000)))));
    const bob = await asUser(BOB, (r) => Promise.all(rangesJql.map((jql) => collect(r.searchIds(jql, 100_000)))));
    expect(bob.map((p) => p.length)).not.toEqual(alice.map((p) => p.length));
    const bobUnion = bob.flat();
    expect(new Set(bobUnion).size).toBe(bobUnion.length);
    expect(bobUnion).toContain(prjId(3));
  });
});
