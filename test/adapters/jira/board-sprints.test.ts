import { Deadline } from '../../../src/adapters/jira/deadline';
import { ForgeJiraReader } from '../../../src/adapters/jira/forge-jira-reader';
import { runInvocation } from '../../../dev/runtime/context';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';
import { ALICE, aSeed, anIssue, startSim, type RunningSim } from '../../dev/sim/helpers';

/** ForgeJiraReader's sprint listings through `@forge/api` against the simulated Jira Software board and sprint endpoints. */
const BOARD = { id: 1, name: 'PRJ board', type: 'scrum', location: { projectId: 10000, projectKey: 'PRJ' } };
const sprint = (id: number, state: string, extra: Record<string, unknown> = {}) => ({
  id,
  originBoardId: 1,
  state,
  name: `PRJ Sprint ${id}`,
  startDate: `2026-11-${String(id).padStart(2, '0')}T09:00:00.000Z`,
  endDate: `2026-11-${String(id + 13).padStart(2, '0')}T09:00:00.000Z`,
  ...extra,
});
const SPRINTS = [
  sprint(1, 'closed', { completeDate: '2026-11-14T09:00:00.000Z' }),
  sprint(2, 'closed', { completeDate: '2026-11-15T09:00:00.000Z' }),
  sprint(15, 'active'),
  sprint(16, 'future'),
];

let s: RunningSim;
let runtime: InstalledForgeRuntime;
beforeAll(async () => {
  s = await startSim({ seed: aSeed([anIssue({ key: 'PRJ-1' })], { boards: [BOARD], sprints: SPRINTS }) });
  runtime = installForgeRuntime({ jiraBaseUrl: s.url, store: new KvsStore(), queue: new LocalQueue(), fetch });
});
afterAll(async () => {
  runtime.uninstall();
  await s.close();
});

const asAlice = <T>(fn: (reader: ForgeJiraReader) => Promise<T>): Promise<T> =>
  runInvocation({ accountId: ALICE, moduleKey: 'project-page', timeoutMs: 25_000 }, () => fn(new ForgeJiraReader('user', new Deadline(20_000))));

describe('ForgeJiraReader sprint listings', () => {
  it('lists the active sprint with its name and start, and no closed or future one', async () => {
    const active = await asAlice((r) => r.activeSprints('PRJ'));
    expect(active.map((x) => [x.id, x.state, x.name, x.startDate])).toEqual([[15, 'active', 'PRJ Sprint 15', '2026-11-15T09:00:00.000Z']]);
  });

  it('lists the closed sprints, the newest last, cut to the limit', async () => {
    expect((await asAlice((r) => r.closedSprints('PRJ', 1))).map((x) => x.id)).toEqual([2]);
    expect((await asAlice((r) => r.closedSprints('PRJ', 5))).map((x) => x.id)).toEqual([1, 2]);
  });

  it('answers no sprints for a project without a board', async () => {
    expect(await asAlice((r) => r.activeSprints('SEC'))).toEqual([]);
  });
});
