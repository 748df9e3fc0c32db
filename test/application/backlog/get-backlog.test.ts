import { rebuildProject } from '../../../src/application/background/recompute';
import { getBacklog } from '../../../src/application/backlog/get-backlog';
import { FACTOR_IDS } from '../../../src/contract/model';
import { anIssue } from '../../builders/issue-builder';
import { memoryDeps, SCORE_FIELD } from '../../fakes/app-deps';
import { MemoryJira } from '../../fakes/memory-jira';

const BUSINESS_VALUE = { id: 'customfield_10050', name: 'Business Value', custom: true, schema: { type: 'number' } };

/** Five PAY stories in Jira's rank order PAY-1…5, whose business values make the value order PAY-5, PAY-4, … PAY-1. */
function payProject(): { deps: ReturnType<typeof memoryDeps>; jira: MemoryJira } {
  const issues = [1, 2, 3, 4, 5].map((n) =>
    anIssue(`PAY-${n}`)
      .withBusinessValue(n * 10)
      .withLabels(n % 2 === 0 ? 'even' : 'odd')
      .build(),
  );
  return { deps: memoryDeps(), jira: new MemoryJira(issues, [BUSINESS_VALUE, SCORE_FIELD]) };
}

async function builtPayProject(): Promise<ReturnType<typeof payProject>> {
  const project = payProject();
  const built = await rebuildProject(project.deps, project.jira, project.jira, 'PAY', () => Number.POSITIVE_INFINITY);
  expect(built.status).toBe('done');
  return project;
}

describe('the backlog answered from the project snapshot', () => {
  it('answers "building" with no items before the background built the project, and asks for a build', async () => {
    const { deps, jira } = payProject();
    const asked: string[] = [];
    deps.requestBuild = async (projectKey) => {
      asked.push(projectKey);
    };
    const answer = await getBacklog(deps, jira, 'po-building', { projectKey: 'PAY' });
    expect(answer).toMatchObject({ status: 'building', items: [], total: 0 });
    expect(asked).toEqual(['PAY']);
  });

  it('ranks every candidate once, highest score first, ranks counting from 1', async () => {
    const { deps, jira } = await builtPayProject();
    const answer = await getBacklog(deps, jira, 'po-all', { projectKey: 'PAY' });
    expect(answer.status).toBe('ready');
    expect(answer.total).toBe(5);
    expect(answer.items.map((i) => i.key)).toEqual(['PAY-5', 'PAY-4', 'PAY-3', 'PAY-2', 'PAY-1']);
    expect(answer.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = answer.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('reads Jira only for who may see what, never the issues again, once the snapshot is built', async () => {
    const { deps, jira } = await builtPayProject();
    const fetchesBefore = jira.fetchedFields.length;
    await getBacklog(deps, jira, 'po-reads', { projectKey: 'PAY' });
    expect(jira.fetchedFields.length).toBe(fetchesBefore);
  });

  it('pages the ranking: page 1 of size 2 is the third and fourth item, with their ranks', async () => {
    const { deps, jira } = await builtPayProject();
    const answer = await getBacklog(deps, jira, 'po-page', { projectKey: 'PAY', page: 1, pageSize: 2 });
    expect(answer.items.map((i) => [i.key, i.rank])).toEqual([
      ['PAY-3', 3],
      ['PAY-2', 4],
    ]);
    expect(answer.total).toBe(5);
  });

  it('filters by label and counts only the matches, keeping the unfiltered ranks', async () => {
    const { deps, jira } = await builtPayProject();
    const answer = await getBacklog(deps, jira, 'po-filter', { projectKey: 'PAY', filter: { labels: ['even'] } });
    expect(answer.total).toBe(2);
    expect(answer.items.map((i) => [i.key, i.rank])).toEqual([
      ['PAY-4', 2],
      ['PAY-2', 4],
    ]);
  });

  it('refuses weights that are all zero with a clear error instead of ranking by nothing', async () => {
    const { deps, jira } = await builtPayProject();
    const zero = Object.fromEntries(FACTOR_IDS.map((id) => [id, 0]));
    await expect(getBacklog(deps, jira, 'po-zero', { projectKey: 'PAY', weightsOverride: zero })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});
