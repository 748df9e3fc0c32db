import { Deadline } from '../../../src/adapters/jira/deadline';
import { ForgeJiraWriter, planScoreWrites, SCORE_IDS_PER_REQUEST } from '../../../src/adapters/jira/forge-jira-writer';
import { asUser, failure, useScriptedJira } from './scripted-jira';

const FIELD = 'app__DEVELOPMENT__value-score';
type Update = { customField: string; issueIds: number[]; value: number | null };

const scores = (count: number, value: (i: number) => number | null, firstId = 10_000) =>
  Array.from({ length: count }, (_, i) => ({ issueId: String(firstId + i), value: value(i) }));
const idsIn = (request: Update[]): number => request.reduce((n, u) => n + u.issueIds.length, 0);

describe('grouping "Value score" writes into bulk requests', () => {
  it('puts issues with the same one-decimal score into one update', () => {
    const requests = planScoreWrites(FIELD, [
      { issueId: '1', value: 4.04 },
      { issueId: '2', value: 3.96 },
      { issueId: '3', value: 7.25 },
      { issueId: '4', value: null },
    ]);
    expect(requests).toEqual([
      [
        { customField: FIELD, issueIds: [1, 2], value: 4 },
        { customField: FIELD, issueIds: [3], value: 7.3 },
        { customField: FIELD, issueIds: [4], value: null },
      ],
    ]);
  });

  it('cuts 2,500 issues into requests of at most 1,000 ids, every issue once', () => {
    const requests = planScoreWrites(
      FIELD,
      scores(2500, (i) => i % 7),
    );
    expect(requests.map(idsIn)).toEqual([SCORE_IDS_PER_REQUEST, SCORE_IDS_PER_REQUEST, 500]);
    const all = requests.flat().flatMap((u) => u.issueIds);
    expect(new Set(all).size).toBe(2500);
  });

  it('splits one value shared by more issues than a request holds across requests', () => {
    const requests = planScoreWrites(
      FIELD,
      scores(1001, () => 5),
    );
    expect(requests.map((r) => r.map((u) => [u.value, u.issueIds.length]))).toEqual([[[5, 1000]], [[5, 1]]]);
  });

  it('leaves out an issue id that is not a number rather than sending it', () => {
    expect(planScoreWrites(FIELD, [{ issueId: 'PAY-1', value: 1 }])).toEqual([]);
  });
});

describe('ForgeJiraWriter.writeScores', () => {
  const jira = useScriptedJira();

  it('sends one bulk request per group, to the app field value endpoint without a changelog', async () => {
    await asUser(() =>
      new ForgeJiraWriter('app', new Deadline(20_000)).writeScores(
        FIELD,
        scores(1500, () => 2),
      ),
    );
    expect(jira.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/rest/api/3/app/field/value?generateChangelog=false'],
      ['POST', '/rest/api/3/app/field/value?generateChangelog=false'],
    ]);
    expect(jira.requests.map((r) => idsIn((r.body as { updates: Update[] }).updates))).toEqual([1000, 500]);
  });

  it('stops at a refused request with a clear error and sends none of the requests after it', async () => {
    jira.script = [{ status: 204 }, { status: 400, body: { errorMessages: ['Field is not editable'] } }];
    const error = await failure(
      asUser(() =>
        new ForgeJiraWriter('app', new Deadline(20_000)).writeScores(
          FIELD,
          scores(2500, () => 2),
        ),
      ),
    );
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toContain('Field is not editable');
    expect(jira.requests).toHaveLength(2);
  });
});
