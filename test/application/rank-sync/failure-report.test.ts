import { rebuildProject } from '../../../src/application/background/recompute';
import { applyRankSync, planRankSync } from '../../../src/application/rank-sync/rank-sync';
import { MAX_VALUE_BYTES } from '../../../src/application/ports/key-value-store';
import type { RankBatch } from '../../../src/contract/model';
import { anIssue } from '../../builders/issue-builder';
import { memoryDeps } from '../../fakes/app-deps';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';

/** A Jira that refuses every rank move with a long message, as a misconfigured board might. */
class RefusingJira extends MemoryJira {
  override async rank(batch: RankBatch): Promise<{ key: string; message: string }[]> {
    this.requests++;
    return batch.issues.map((key) => ({ key, message: `Cannot rank ${key}: ${'the board filter excludes it. '.repeat(200)}` }));
  }
}

describe('the report of refused rank moves', () => {
  it('keeps the stored plan under the KVS value limit when Jira refuses hundreds of moves with long messages', async () => {
    const kv = new MemoryKv();
    const deps = memoryDeps(kv);
    // Jira's order is the reverse of the value order: every issue but one has to move.
    const issues = Array.from({ length: 600 }, (_, i) =>
      anIssue(`PAY-${i + 1}`)
        .withBusinessValue(i + 1)
        .build(),
    );
    const jira = new RefusingJira(issues, [{ id: 'customfield_10050', name: 'Business Value', custom: true, schema: { type: 'number' } }]);
    // The project's snapshot, as the background builds it before anyone can plan.
    await rebuildProject(deps, jira, jira, 'PAY', () => Number.POSITIVE_INFINITY);
    const plan = await planRankSync(deps, jira, 'po', { projectKey: 'PAY' });
    expect(plan.moves.length).toBeGreaterThan(300);

    const result = await applyRankSync(deps, jira, jira, () => 20_000, { projectKey: 'PAY', planId: plan.planId });

    expect(result.status).toBe('partial');
    expect(result.failed.length).toBeGreaterThan(0);
    expect(result.failed.length).toBeLessThanOrEqual(200);
    expect(Math.max(...[...kv.data.values()].map((v) => Buffer.byteLength(v)))).toBeLessThanOrEqual(MAX_VALUE_BYTES);
  });
});
