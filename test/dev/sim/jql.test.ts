import { actorFor, type Actor } from '../../../dev/sim/access';
import { JqlError, runJql } from '../../../dev/sim/jql';
import { SimState } from '../../../dev/sim/state';
import { ALICE, aSeed, anIssue, status } from './helpers';

const NOW = Date.parse('2026-11-25T00:00:00Z');

function site(): SimState {
  return SimState.fromSeed(
    aSeed(
      [
        anIssue({ key: 'PRJ-1', points: 5, labels: ['tech-debt'], created: '2026-11-20T10:00:00.000+0000', extra: { components: [{ id: '1', name: 'API' }] } }),
        anIssue({ key: 'PRJ-2', type: 'Bug', points: 3, status: status('In Progress', 'indeterminate'), created: '2026-10-01T10:00:00.000+0000' }),
        anIssue({ key: 'PRJ-3', points: null, status: status('Done', 'done'), labels: ['Customer'], extra: { fixVersions: [{ id: '9', name: '2.0' }] } }),
        anIssue({ key: 'PRJ-10', type: 'Epic', points: 'abc' }),
        anIssue({ key: 'PRJ-11', type: 'Sub-task', points: 8, extra: { parent: { id: '10001', key: 'PRJ-1' } } }),
        anIssue({ key: 'SEC-1', points: 1 }),
      ].map((i, n) => ({ ...i, id: String(20000 + n) })),
    ),
  );
}

const admin = (s: SimState): Actor => actorFor(s, undefined) as Actor;
const keys = (s: SimState, jql: string, actor: Actor = admin(s)): string[] => runJql(s, actor, jql, NOW).map((i) => i.key);

describe('JQL subset', () => {
  const s = site();

  it.each([
    ['project = PRJ ORDER BY key ASC', ['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-10', 'PRJ-11']],
    ['project in (SEC) ORDER BY Rank', ['SEC-1']],
    ['project = PRJ AND statusCategory != Done ORDER BY Rank', ['PRJ-1', 'PRJ-2', 'PRJ-10', 'PRJ-11']],
    ['statusCategory = "In Progress"', ['PRJ-2']],
    ['status = done', ['PRJ-3']],
    ['issuetype = Bug', ['PRJ-2']],
    ['project = PRJ AND type not in (Epic, Bug) ORDER BY key', ['PRJ-1', 'PRJ-3', 'PRJ-11']],
    ['project = PRJ AND issuetype in standardIssueTypes() AND issuetype != Epic ORDER BY key', ['PRJ-1', 'PRJ-2', 'PRJ-3']],
    ['labels = tech-debt', ['PRJ-1']],
    ['labels in (customer, nothing)', ['PRJ-3']],
    ['project = PRJ AND labels != tech-debt', ['PRJ-3']],
    ['project = PRJ AND labels is EMPTY ORDER BY key', ['PRJ-2', 'PRJ-10', 'PRJ-11']],
    ['key = PRJ-2 OR issuekey in (PRJ-3) ORDER BY key', ['PRJ-2', 'PRJ-3']],
    ['project = PRJ AND key > PRJ-3 ORDER BY key', ['PRJ-10', 'PRJ-11']],
    ['component = API', ['PRJ-1']],
    ['fixVersion = "2.0"', ['PRJ-3']],
    ['parent = PRJ-1', ['PRJ-11']],
    ['project = PRJ AND created >= -7d', ['PRJ-1']],
    ['project = PRJ AND created > "2026/09/30 12:00" AND created < "2026-10-02" ORDER BY key', ['PRJ-2']],
    ['cf[10016] >= 5 ORDER BY cf[10016] DESC', ['PRJ-11', 'PRJ-1']],
    ['project = PRJ AND "Story Points" is empty', ['PRJ-3']],
    ['project = PRJ AND "story points" IS NOT EMPTY ORDER BY key', ['PRJ-1', 'PRJ-2', 'PRJ-10', 'PRJ-11']],
    ['project = PRJ AND NOT (labels = tech-debt OR type = Bug) AND statusCategory = "To Do" ORDER BY key', ['PRJ-10', 'PRJ-11']],
  ])('%s', (jql, expected) => {
    expect(keys(s, jql)).toEqual(expected);
  });

  it('orders by a number field with empty and odd values last ascending, first descending', () => {
    expect(keys(s, 'project = PRJ ORDER BY "Story Points" ASC, key ASC')).toEqual(['PRJ-2', 'PRJ-1', 'PRJ-11', 'PRJ-3', 'PRJ-10']);
    expect(keys(s, 'project = PRJ ORDER BY "Story Points" DESC, key ASC')).toEqual(['PRJ-3', 'PRJ-10', 'PRJ-11', 'PRJ-1', 'PRJ-2']);
  });

  it('orders by created and updated, by Rank, and by key descending when there is no ORDER BY', () => {
    expect(keys(s, 'project = PRJ ORDER BY created DESC, key ASC').slice(0, 2)).toEqual(['PRJ-1', 'PRJ-2']);
    expect(keys(s, 'project = PRJ ORDER BY updated ASC, key ASC')).toEqual(['PRJ-3', 'PRJ-10', 'PRJ-11', 'PRJ-2', 'PRJ-1']);
    expect(keys(s, 'project = PRJ ORDER BY Rank DESC')).toEqual(['PRJ-11', 'PRJ-10', 'PRJ-3', 'PRJ-2', 'PRJ-1']);
    expect(keys(s, 'project = PRJ')).toEqual(['PRJ-11', 'PRJ-10', 'PRJ-3', 'PRJ-2', 'PRJ-1']);
  });

  it.each([
    ['summary ~ "login"', /'~' is not supported/],
    ['assignee = currentUser()', /'assignee' is not supported|does not exist/],
    ['project = PRJ ORDER BY summary', /ORDER BY 'summary' is not supported/],
    ['status WAS Done', /'WAS' is not supported/],
    ['project = PRJ AND', /ended/],
    ['project = PRJ AND created > "yesterday"', /Date value 'yesterday'/],
    ['"Story Points" > lots', /not a valid number/],
    ['"No such field" = 1', /Field 'No such field' does not exist/],
    ['statusCategory = Finished', /The value 'Finished' does not exist for the field 'statusCategory'/],
    ['status > Done', /operator '>' is not supported by the 'status' field/],
    ['key = PRJ-999', /An issue with key 'PRJ-999' does not exist/],
    ['created > startOfMonth()', /startOfMonth/],
  ])('refuses %s', (jql, message) => {
    expect(() => keys(s, jql)).toThrow(JqlError);
    expect(() => keys(s, jql)).toThrow(message);
  });

  it('treats a project the user cannot browse as nonexistent', () => {
    const alice = actorFor(s, ALICE) as Actor;
    expect(() => keys(s, 'project = SEC', alice)).toThrow("The value 'SEC' does not exist for the field 'project'.");
    expect(() => keys(s, 'project in (PRJ, NOPE)', alice)).toThrow("The value 'NOPE' does not exist for the field 'project'.");
    expect(keys(s, 'statusCategory != Done ORDER BY key', alice)).not.toContain('SEC-1');
  });

  it('refuses an unbounded query where the endpoint requires a restriction', () => {
    expect(() => runJql(s, admin(s), 'ORDER BY key DESC', NOW, { requireBounded: true })).toThrow(/Unbounded JQL/);
  });
});
