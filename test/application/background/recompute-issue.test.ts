import { rebuildProject, recomputeIssue } from '../../../src/application/background/recompute';
import { getBacklog } from '../../../src/application/backlog/get-backlog';
import type { JiraIssueLike } from '../../../src/domain';
import { anIssue } from '../../builders/issue-builder';
import { memoryDeps, SCORE_FIELD } from '../../fakes/app-deps';
import { MemoryJira } from '../../fakes/memory-jira';

const BUSINESS_VALUE = { id: 'customfield_10050', name: 'Business Value', custom: true, schema: { type: 'number' } };

/** PAY-1…5 valued 10…50, built once as the background does; the test then edits `issues` as Jira would change them. */
async function builtProject(): Promise<{ deps: ReturnType<typeof memoryDeps>; jira: MemoryJira; issues: JiraIssueLike[] }> {
  const deps = memoryDeps();
  const issues = [1, 2, 3, 4, 5].map((n) =>
    anIssue(`PAY-${n}`)
      .withBusinessValue(n * 10)
      .build(),
  );
  const jira = new MemoryJira(issues, [BUSINESS_VALUE, SCORE_FIELD]);
  expect((await rebuildProject(deps, jira, jira, 'PAY', () => Number.POSITIVE_INFINITY)).status).toBe('done');
  jira.written.clear();
  jira.requests = 0;
  return { deps, jira, issues };
}

const issue = (issues: JiraIssueLike[], key: string): JiraIssueLike => issues.find((i) => i.key === key)!;

async function ranking(deps: ReturnType<typeof memoryDeps>, jira: MemoryJira, principal: string): Promise<string[]> {
  return (await getBacklog(deps, jira, principal, { projectKey: 'PAY' })).items.map((i) => i.key);
}

describe('rescoring one edited issue', () => {
  it('moves the edited issue to its new place and writes its "Value score" alone, in a few requests', async () => {
    const { deps, jira, issues } = await builtProject();
    expect(await ranking(deps, jira, 'po-before')).toEqual(['PAY-5', 'PAY-4', 'PAY-3', 'PAY-2', 'PAY-1']);
    issue(issues, 'PAY-1').fields[BUSINESS_VALUE.id] = 45;

    expect(await recomputeIssue(deps, jira, jira, 'PAY', issue(issues, 'PAY-1').id)).toBe(true);

    expect(await ranking(deps, jira, 'po-after')).toEqual(['PAY-5', 'PAY-1', 'PAY-4', 'PAY-3', 'PAY-2']);
    expect([...jira.written.keys()]).toEqual([issue(issues, 'PAY-1').id]);
    expect(jira.requests).toBeLessThanOrEqual(4);
  });

  it('takes an issue that was finished out of the ranking', async () => {
    const { deps, jira, issues } = await builtProject();
    issue(issues, 'PAY-3').fields.status = { name: 'Done', statusCategory: { key: 'done' } };

    expect(await recomputeIssue(deps, jira, jira, 'PAY', issue(issues, 'PAY-3').id)).toBe(true);

    const answer = await getBacklog(deps, jira, 'po-done', { projectKey: 'PAY' });
    expect(answer.total).toBe(4);
    expect(answer.items.map((i) => i.key)).toEqual(['PAY-5', 'PAY-4', 'PAY-2', 'PAY-1']);
  });

  it('declines when the project has no snapshot yet, so the caller rebuilds it', async () => {
    const deps = memoryDeps();
    const jira = new MemoryJira([anIssue('PAY-1').build()], [SCORE_FIELD]);
    expect(await recomputeIssue(deps, jira, jira, 'PAY', '10001')).toBe(false);
    expect(jira.written.size).toBe(0);
  });
});
