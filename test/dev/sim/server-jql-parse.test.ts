import { checkResponse } from './openapi-schema';
import { ALICE, aSeed, anIssue, startSim, type RunningSim } from './helpers';

let s: RunningSim;
beforeAll(async () => {
  s = await startSim({ seed: aSeed([anIssue({ key: 'PRJ-1' }), anIssue({ key: 'SEC-1' })]) });
});
afterAll(() => s.close());

const parse = (validation: string | null, queries: unknown, who?: string) =>
  s.call('POST', `/rest/api/3/jql/parse${validation === null ? '' : `?validation=${validation}`}`, { queries }, who);

describe('POST /rest/api/3/jql/parse', () => {
  it('returns the syntax tree of a valid query in the spec shape', async () => {
    const res = await parse('strict', ['project = "PRJ" AND (labels in (a, "b c") OR labels is EMPTY) ORDER BY Rank ASC']);
    expect(res.status).toBe(200);
    expect(res.body.queries[0].structure).toEqual({
      where: {
        operator: 'and',
        clauses: [
          { field: { name: 'project', encodedName: 'project' }, operator: '=', operand: { value: 'PRJ', encodedValue: 'PRJ' } },
          {
            operator: 'or',
            clauses: [
              {
                field: { name: 'labels', encodedName: 'labels' },
                operator: 'in',
                operand: {
                  values: [
                    { value: 'a', encodedValue: 'a' },
                    { value: 'b c', encodedValue: '"b c"' },
                  ],
                  encodedOperand: '(a, "b c")',
                },
              },
              { field: { name: 'labels', encodedName: 'labels' }, operator: 'is', operand: { keyword: 'empty' } },
            ],
          },
        ],
      },
      orderBy: { fields: [{ field: { name: 'Rank', encodedName: 'Rank' }, direction: 'asc' }] },
    });
    expect(checkResponse('platform', 'POST', '/rest/api/3/jql/parse', '200', res.body)).toEqual([]);
  });

  it('reads a backslash-escaped character as part of an unquoted value, as Jira does', async () => {
    const res = await parse('strict', ['project = "PRJ" AND (labels = x\\( OR labels = y) OR project = PRJ OR (labels = z\\))']);
    expect(res.status).toBe(200);
    const where = res.body.queries[0].structure.where;
    expect(where.operator).toBe('or');
    expect(where.clauses[0].clauses[1].clauses[0].operand).toEqual({ value: 'x(', encodedValue: 'x(' });
  });

  it('strict: errors and no structure; warn: both; none: no validation, only syntax errors', async () => {
    const strict = await parse('strict', ['project = SEC', 'project = ('], ALICE);
    expect(strict.body.queries).toEqual([
      { query: 'project = SEC', errors: ["The value 'SEC' does not exist for the field 'project'."] },
      { query: 'project = (', errors: [expect.stringMatching(/^Error in the JQL Query/)] },
    ]);
    const warn = await parse('warn', ['project = SEC'], ALICE);
    expect(warn.body.queries[0]).toMatchObject({ errors: [expect.any(String)], structure: { where: { operator: '=' } } });
    const none = await parse('none', ['project = SEC', 'project = ('], ALICE);
    expect(none.body.queries[0]).toEqual({ query: 'project = SEC', structure: expect.any(Object) });
    expect(none.body.queries[1].errors).toHaveLength(1);
    for (const r of [strict, warn, none]) expect(checkResponse('platform', 'POST', '/rest/api/3/jql/parse', '200', r.body)).toEqual([]);
  });

  it('refuses a request without validation, with an unknown one, or without queries', async () => {
    expect((await parse(null, ['project = PRJ'])).status).toBe(400);
    expect((await parse('lenient', ['project = PRJ'])).status).toBe(400);
    expect((await parse('strict', [])).status).toBe(400);
    expect((await parse('strict', [''])).status).toBe(400);
  });
});
