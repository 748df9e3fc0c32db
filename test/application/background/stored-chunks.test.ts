import { rebuildProject, recomputeIssue } from '../../../src/application/background/recompute';
import { MAX_VALUE_BYTES } from '../../../src/application/ports/key-value-store';
import { anIssue } from '../../builders/issue-builder';
import { memoryDeps, SCORE_FIELD } from '../../fakes/app-deps';
import { MemoryJira } from '../../fakes/memory-jira';
import { MemoryKv } from '../../fakes/memory-kv';
import { defaultConfig } from '../../../src/domain';

/** A 10-character project key (Jira's default maximum) and seven-digit issue numbers: 18-character issue keys. */
const key = (n: number): string => `ABCDEFGHIJ-${1_000_000 + n}`;

describe('what the background stores per project', () => {
  it('keeps every stored chunk under the KVS value limit when issue keys are long, and reads the edges back', async () => {
    const count = 6000;
    const issues = Array.from({ length: count }, (_, i) =>
      anIssue(key(i))
        .blocks(key(i + 1))
        .build(),
    );
    const jira = new MemoryJira(issues, [SCORE_FIELD]);
    const kv = new MemoryKv();
    const deps = memoryDeps(kv);

    const result = await rebuildProject(deps, jira, jira, 'ABCDEFGHIJ', () => Number.POSITIVE_INFINITY);

    expect(result.status === 'done' && result.meta.total).toBe(count);
    const sizes = [...kv.data.values()].map((v) => Buffer.byteLength(v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    const edgeChunks = [...kv.data.keys()].filter((k) => /^snap:ABCDEFGHIJ:[0-9a-f]+:g:\d+$/.test(k));
    const edges = edgeChunks.flatMap((k) => JSON.parse(kv.data.get(k)!) as unknown[]);
    expect(edgeChunks.length).toBeGreaterThan(1);
    expect(edges).toHaveLength(count);

    // The edges come back whole: one edited issue is rescored with its blocking value intact.
    expect(await recomputeIssue(deps, jira, jira, 'ABCDEFGHIJ', issues[0]!.id)).toBe(true);
  });

  it('rescores one edited issue on its own when the candidate JQL is blank, as with none', async () => {
    const issues = Array.from({ length: 3 }, (_, i) => anIssue(key(i)).build());
    const jira = new MemoryJira(issues, [SCORE_FIELD]);
    const deps = memoryDeps();
    const config = defaultConfig();
    config.candidateJql = '  ';
    await deps.configs.save({ kind: 'global' }, 0, config, 'admin');
    await rebuildProject(deps, jira, jira, 'ABCDEFGHIJ', () => Number.POSITIVE_INFINITY);

    expect(await recomputeIssue(deps, jira, jira, 'ABCDEFGHIJ', issues[1]!.id)).toBe(true);
  });
});
