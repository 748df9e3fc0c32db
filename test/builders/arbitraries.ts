import fc from 'fast-check';
import type { JiraIssueLike } from '../../src/domain';
import { FIELDS } from './issue-builder';

/** Values real Jira sites hold in fields, odd ones included: NaN, strings in number fields, ADF, objects, arrays. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer({ min: -5, max: 100 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('2026-11-30', '2027-02-01T10:00:00.000+0000', '31/12/2026', 'not a date', ''),
  fc.constant({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }),
  fc.record({ value: fc.constantFrom('High', 'Low', 'Nope', 'medium') }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
);

const linkTypes = [
  { id: '1', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '2', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '3', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
  { id: '4', name: 'Weird custom', inward: '', outward: '' },
];

/** A candidate-set generator: `n` issues PRJ-1…n with random fields and links among themselves and to SUP tickets. */
export function candidatesArb(maxIssues = 12): fc.Arbitrary<{ issues: JiraIssueLike[]; tickets: JiraIssueLike[] }> {
  return fc.integer({ min: 1, max: maxIssues }).chain((n) => {
    const key = fc.integer({ min: 1, max: n + 2 }).map((i) => `PRJ-${i}`);
    const ticketKey = fc.integer({ min: 1, max: 6 }).map((i) => `SUP-${i}`);
    const link = fc.oneof(
      fc
        .record({
          id: fc.string({ maxLength: 3 }),
          type: fc.constantFrom(...linkTypes),
          side: fc.constantFrom('outwardIssue', 'inwardIssue'),
          other: fc.oneof(key, ticketKey),
          otherType: fc.constantFrom('Bug', 'Story', 'Support request', undefined),
          cat: fc.constantFrom('new', 'done', 'indeterminate', undefined),
        })
        .map(({ id, type, side, other, otherType, cat }) => ({
          id,
          type,
          [side]: { key: other, fields: { issuetype: otherType === undefined ? undefined : { name: otherType }, status: { statusCategory: { key: cat } } } },
        })),
      fc.anything({ maxDepth: 2 }),
    );
    const issue = fc.record({
      summary: fc.oneof(fc.string({ maxLength: 20 }), oddValue),
      labels: fc.oneof(fc.array(fc.constantFrom('tech-debt', 'DEBT', 'ux', 'refactoring', ''), { maxLength: 3 }), oddValue),
      issuetype: fc.oneof(fc.constantFrom({ name: 'Story' }, { name: 'Bug' }, { name: 'Tech Debt' }), oddValue),
      created: oddValue,
      duedate: oddValue,
      points: oddValue,
      bv: oddValue,
      votes: oddValue,
      issuelinks: fc.oneof(fc.array(link, { maxLength: 5 }), oddValue),
    });
    const ticket = fc.record({ org: fc.option(fc.constantFrom('Acme', 'Globex', 'acme', 'Initech'), { nil: null }), created: oddValue, tier: oddValue });
    return fc
      .record({ issues: fc.array(issue, { minLength: n, maxLength: n }), tickets: fc.array(ticket, { minLength: 6, maxLength: 6 }) })
      .map(({ issues, tickets }) => ({
        issues: issues.map((f, i) => ({
          id: String(10001 + i),
          key: `PRJ-${i + 1}`,
          fields: {
            summary: f.summary,
            labels: f.labels,
            issuetype: f.issuetype,
            created: f.created,
            duedate: f.duedate,
            issuelinks: f.issuelinks,
            [FIELDS.storyPoints!]: f.points,
            [FIELDS.businessValue!]: f.bv,
            [FIELDS.customerCount!]: f.votes,
          },
        })),
        tickets: tickets.map((t, i) => ({
          id: String(90001 + i),
          key: `SUP-${i + 1}`,
          fields: {
            created: t.created,
            [FIELDS.customerTier!]: t.tier,
            ...(t.org === null ? { reporter: { accountId: `acc-${i % 3}` } } : { [FIELDS.organizations!]: [{ id: t.org, name: t.org }] }),
          },
        })),
      }));
  });
}
