import { rebuildProject } from '../../../src/application/background/recompute';
import { LOCK_TTL_MS } from '../../../src/application/rank-sync/apply-lock';
import { applyRankSync, planRankSync } from '../../../src/application/rank-sync/rank-sync';
import type { RankBatch } from '../../../src/contract/model';
import { anIssue } from '../../builders/issue-builder';
import { memoryDeps } from '../../fakes/app-deps';
import { MemoryJira } from '../../fakes/memory-jira';

const BUSINESS_VALUE = { id: 'customfield_10050', name: 'Business Value', custom: true, schema: { type: 'number' } };
const LOCK = 'rs:PAY:lock';
const ENOUGH_TIME = (): number => 20_000;

/** A Jira whose rank calls wait until the test lets them through, so a second apply can arrive mid-way. */
class GatedJira extends MemoryJira {
  readonly waiting: (() => void)[] = [];
  override async rank(batch: RankBatch): Promise<{ key: string; message: string }[]> {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.rank(batch);
  }
}

/** PAY-1…6 in Jira's order, valued the other way round: the plan has moves. */
async function plannedProject() {
  const deps = memoryDeps();
  const issues = [1, 2, 3, 4, 5, 6].map((n) =>
    anIssue(`PAY-${n}`)
      .withBusinessValue(n * 10)
      .build(),
  );
  const jira = new GatedJira(issues, [BUSINESS_VALUE]);
  await rebuildProject(deps, jira, jira, 'PAY', () => Number.POSITIVE_INFINITY);
  const plan = await planRankSync(deps, jira, 'po', { projectKey: 'PAY' });
  expect(plan.moves.length).toBeGreaterThan(0);
  return { deps, jira, planId: plan.planId };
}

/** Lets every rank call through, now and later, until the apply ends. */
async function openGate(jira: GatedJira, until: Promise<unknown>): Promise<void> {
  let ended = false;
  void until.finally(() => (ended = true));
  while (!ended) {
    jira.waiting.splice(0).forEach((go) => go());
    await new Promise((r) => setImmediate(r));
  }
}

describe('one apply of a rank-sync plan at a time', () => {
  it('answers BUSY to a second apply while the first one is ranking, and lets the first one finish', async () => {
    const { deps, jira, planId } = await plannedProject();
    const first = applyRankSync(deps, jira, jira, ENOUGH_TIME, { projectKey: 'PAY', planId });
    while (jira.waiting.length === 0) await new Promise((r) => setImmediate(r));

    await expect(applyRankSync(deps, jira, jira, ENOUGH_TIME, { projectKey: 'PAY', planId })).rejects.toMatchObject({
      code: 'BUSY',
      details: { since: expect.any(String) },
    });

    await openGate(jira, first);
    await expect(first).resolves.toMatchObject({ status: 'done' });
    expect(await deps.kv.get(LOCK)).toBeUndefined();
  });

  it('takes over the lock of an apply that died without releasing it, once that lock is stale', async () => {
    const { deps, jira, planId } = await plannedProject();
    await deps.kv.set(LOCK, { owner: 'crashed-apply', planId: 'older-plan', at: Date.now() - 2 * LOCK_TTL_MS });

    const apply = applyRankSync(deps, jira, jira, ENOUGH_TIME, { projectKey: 'PAY', planId });
    await openGate(jira, apply);

    await expect(apply).resolves.toMatchObject({ status: 'done' });
    expect(await deps.kv.get(LOCK)).toBeUndefined();
  });

  it('leaves a fresh lock of another apply alone and answers BUSY without ranking anything', async () => {
    const { deps, jira, planId } = await plannedProject();
    const held = { owner: 'running-apply', planId: 'other-plan', at: Date.now() };
    await deps.kv.set(LOCK, held);

    await expect(applyRankSync(deps, jira, jira, ENOUGH_TIME, { projectKey: 'PAY', planId })).rejects.toMatchObject({ code: 'BUSY' });
    expect(jira.waiting).toHaveLength(0);
    expect(await deps.kv.get(LOCK)).toEqual(held);
  });
});
