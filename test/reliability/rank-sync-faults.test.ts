/**
 * "Apply this order to Jira's Rank" under 429/5xx faults and per-issue 207 failures
 * (`failRank`): no issue is ever lost from Jira's order, failures are reported per issue, and resuming until
 * done leaves Jira's Rank exactly in the value order (pins included).
 */
import { kvs } from '@forge/kvs';
import { useDemo } from '../integration/harness';
import { call, jiraRankOrder, PO, projectPage, resetStats, setFaults, settleQueue, simStats, TRANSIENT, type Answer } from './helpers';

const RATES = 'latency=2ms,rate429=0.1,rate5xx=0.05,retryAfter=0';
const po = { accountId: PO, ...projectPage('PAY') };

describe('rank sync under Jira faults', () => {
  const preview = useDemo();
  let faults = '';

  /** Reads Jira's order with faults paused (the test's own reads must not be faulted), then restores them. */
  async function jiraOrder(): Promise<string[]> {
    await setFaults(preview.url, '');
    try {
      return await jiraRankOrder(preview.url);
    } finally {
      if (faults !== '') await setFaults(preview.url, faults);
    }
  }

  async function useFaults(spec: string): Promise<void> {
    faults = spec;
    await setFaults(preview.url, spec);
  }

  async function retrying(fn: () => Promise<Answer>, tries = 6): Promise<Answer> {
    let r = await fn();
    for (let i = 1; i < tries && !r.ok && (TRANSIENT as readonly string[]).includes(r.error.code); i++) r = await fn();
    return r;
  }

  it('loses no issue, reports the refused ones, and ends in exactly the value order after resuming', async () => {
    const initial = await jiraOrder();
    const backlog0 = await call(preview.resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
    expect(backlog0.ok).toBe(true);
    if (!backlog0.ok) return;
    const valueKeys0: string[] = backlog0.data.items.map((i: { key: string }) => i.key);
    expect(new Set(valueKeys0)).toEqual(new Set(initial));

    // A pin, so the target order is not just the score order.
    const pinned = valueKeys0[valueKeys0.length - 3]!;
    const pin = await call(preview.resolver, 'setPin', { projectKey: 'PAY', issueKey: pinned, position: 2 }, po);
    expect(pin.ok).toBe(true);

    await resetStats(preview.url);
    await useFaults(RATES);
    const plan = await retrying(() => call(preview.resolver, 'planRankSync', { projectKey: 'PAY' }, po));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const moves = plan.data.moves as { key: string; before?: string; after?: string }[];
    expect(moves.length).toBeGreaterThan(10);
    expect(plan.data.calls).toBeGreaterThan(1);

    // Refused by Jira on every rank call (207): the first and the last moved issue, and an anchor that itself moves.
    const moved = new Set(moves.map((m) => m.key));
    const anchorThatMoves = moves
      .map((m) => m.before ?? m.after)
      .find((a) => a !== undefined && moved.has(a) && a !== moves[0]!.key && a !== moves[moves.length - 1]!.key);
    const victims = [moves[0]!.key, moves[moves.length - 1]!.key, ...(anchorThatMoves ? [anchorThatMoves] : [])];
    // Two callers at once, both past their permission check together (a 429 there could hold one back until the
    // other is done): one runs, the other is told BUSY; nothing is lost. The rank calls are refused for the victims.
    await useFaults(`failRank=${victims.join('|')}`);
    const errors: string[] = [];
    const [a, b] = await Promise.all([
      call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po),
      call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po),
    ]);
    for (const r of [a, b]) if (!r.ok) errors.push(r.error.code);
    expect(a.ok && b.ok).toBe(false);
    expect([a, b].filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['BUSY']);
    await useFaults(`${RATES},failRank=${victims.join('|')}`);
    expect(new Set(await jiraOrder())).toEqual(new Set(initial));

    let last: Answer | null = null;
    for (let i = 0; i < 6; i++) {
      const r = await call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
      const order = await jiraOrder();
      expect(order).toHaveLength(initial.length);
      expect(new Set(order)).toEqual(new Set(initial));
      if (!r.ok) {
        errors.push(r.error.code);
        continue;
      }
      last = r;
      // Jira refuses the victims every time: never 'done' while they are out of place.
      expect(r.data.status).toBe('partial');
      for (const f of r.data.failed as { key: string; message: string }[]) {
        expect(victims).toContain(f.key);
        expect(f.message.length).toBeGreaterThan(0);
      }
    }
    expect(last).not.toBeNull();
    expect((last as { data: { failed: { key: string }[] } }).data.failed.length).toBeGreaterThan(0);

    // Jira recovers from the per-issue failures (429/5xx continue): resuming finishes the job.
    await useFaults(RATES);
    let done: Answer | null = null;
    for (let i = 0; i < 10 && done === null; i++) {
      const r = await call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
      if (!r.ok) errors.push(r.error.code);
      else if (r.data.status === 'done') done = r;
    }
    expect(done).not.toBeNull();
    expect((done as { data: { failed: unknown[] } }).data.failed).toEqual([]);
    for (const code of errors) expect([...TRANSIENT, 'BUSY']).toContain(code);

    const stats = await simStats(preview.url);
    expect(stats.injected['429']).toBeGreaterThan(0);

    await useFaults('');
    await settleQueue(preview.url);
    const final = await jiraRankOrder(preview.url);
    const backlog = await call(preview.resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
    expect(backlog.ok).toBe(true);
    if (!backlog.ok) return;
    const valueOrder = backlog.data.items.map((i: { key: string }) => i.key);
    expect(final).toHaveLength(initial.length);
    expect(final).toEqual(valueOrder);
    expect(valueOrder[1]).toBe(pinned);
    // And a new plan finds nothing left to move.
    const again = await call(preview.resolver, 'planRankSync', { projectKey: 'PAY' }, po);
    expect(again.ok && again.data.moves).toEqual([]);
  }, 60_000);
});

describe('rank sync: the apply lock and the life of a plan', () => {
  const preview = useDemo();

  /** A plan with moves: pins the currently last issue of the value order first. */
  async function planWithMoves(): Promise<{ planId: string; moves: { key: string }[] }> {
    const backlog = await call(preview.resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, po);
    if (!backlog.ok) throw new Error('backlog failed');
    const keys: string[] = backlog.data.items.map((i: { key: string }) => i.key);
    const pin = await call(preview.resolver, 'setPin', { projectKey: 'PAY', issueKey: keys[keys.length - 1]!, position: 1 }, po);
    if (!pin.ok) throw new Error(`pin failed: ${pin.error.message}`);
    const plan = await call(preview.resolver, 'planRankSync', { projectKey: 'PAY' }, po);
    if (!plan.ok) throw new Error(`plan failed: ${plan.error.message}`);
    expect(plan.data.moves.length).toBeGreaterThan(0);
    return plan.data;
  }

  /** Jira's rank call as an admin would make it in Jira itself: `key` goes to the top of the backlog. */
  async function rankFirstInJira(key: string): Promise<void> {
    const order = await jiraRankOrder(preview.url);
    const r = await fetch(`${preview.url}/rest/agile/1.0/issue/rank`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issues: [key], rankBeforeIssue: order[0] }),
    });
    expect(r.status).toBeLessThan(300);
  }

  /** Applying the plan is refused with `code`, in words that say to plan again, and Jira keeps `order`. */
  async function expectRefused(planId: string, code: string, order: string[]): Promise<void> {
    const r = await call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId }, po);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    expect(r.ok ? '' : r.error.message).toMatch(/plan again/i);
    expect(await jiraRankOrder(preview.url)).toEqual(order);
  }

  /** A new plan is made and applies to the end. */
  async function planAgainApplies(): Promise<void> {
    const fresh = await call(preview.resolver, 'planRankSync', { projectKey: 'PAY' }, po);
    if (!fresh.ok) throw new Error('plan failed');
    expect(await call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: fresh.data.planId }, po)).toMatchObject({
      ok: true,
      data: { status: 'done' },
    });
    await settleQueue(preview.url);
  }

  it('refuses a plan older than 30 minutes with PLAN_EXPIRED, moving nothing, and a new plan applies', async () => {
    const plan = await planWithMoves();
    const metaKey = `rs:PAY:${plan.planId}:meta`;
    const meta = (await kvs.get<Record<string, unknown>>(metaKey))!;
    await kvs.set(metaKey, { ...meta, madeAt: Date.now() - 31 * 60_000 });
    const before = await jiraRankOrder(preview.url);
    await expectRefused(plan.planId, 'PLAN_EXPIRED', before);
    await planAgainApplies();
  }, 60_000);

  it("refuses a plan with PLAN_OUTDATED when Jira's order changed since it was made, keeping the other person's move", async () => {
    const plan = await planWithMoves();
    const order = await jiraRankOrder(preview.url);
    const moved = order[order.length - 2]!;
    await rankFirstInJira(moved);
    const theirs = await jiraRankOrder(preview.url);
    expect(theirs[0]).toBe(moved);
    await expectRefused(plan.planId, 'PLAN_OUTDATED', theirs);
    // The lock was released: planning again and applying works at once.
    await planAgainApplies();
  }, 60_000);

  it("leaves a lock that is not its own when it finishes (a taker's fresh lock survives a slow apply's end)", async () => {
    const plan = await planWithMoves();
    await setFaults(preview.url, 'latency=40ms');
    try {
      const running = call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.planId }, po);
      for (let i = 0; i < 200 && (await kvs.get('rs:PAY:lock')) === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await kvs.get('rs:PAY:lock')).toBeDefined();
      // Someone else's lock replaces it meanwhile (what a takeover of a stale lock does).
      const theirs = { owner: 'someone-else', planId: 'other', at: Date.now() };
      await kvs.set('rs:PAY:lock', theirs);
      const r = await running;
      expect(r.ok ? 'ok' : r.error.code).toBe('ok');
      expect(await kvs.get('rs:PAY:lock')).toEqual(theirs);
      const other = await call(preview.resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.planId }, po);
      expect(other.ok ? 'ok' : other.error.code).toBe('BUSY');
    } finally {
      await setFaults(preview.url, '');
      await kvs.delete('rs:PAY:lock');
      await settleQueue(preview.url);
    }
  }, 60_000);
});
