import { backlogCsv, csvCell, roadmapCsv, toCsv } from '../../static/shared/csv';
import type { BacklogItem } from '../../src/contract/model';

function item(over: Partial<BacklogItem> = {}): BacklogItem {
  const f = (contribution: number) => ({ value: 0.5, weight: 20, contribution, evidence: {} });
  return {
    key: 'PRJ-1',
    id: '10001',
    summary: 'Export invoices',
    issueType: 'Story',
    status: 'To Do',
    rank: 1,
    jiraRank: 3,
    score: 42.123,
    confidence: 0.8,
    factors: { customerVoice: f(10), businessValue: f(12.5), timeCriticality: f(4), techDebt: f(0), enablement: f(15.623), stakeholders: f(0) },
    effort: { points: 5, divisor: 2.24, estimated: false },
    customers: 3,
    isDebt: false,
    pin: null,
    gaps: [],
    ...over,
  };
}

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Export invoices')).toBe('Export invoices');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=SUM(A1:A2)', '+1', '-1+2', '@cmd', '\tTAB'])('defuses formula-like text %p with a leading quote', (v) => {
    expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('defuses and quotes at once when both apply', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF, ending with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});

describe('backlogCsv', () => {
  it('writes a header and one row per issue with the numbers the table shows', () => {
    const csv = backlogCsv([item(), item({ key: 'PRJ-2', summary: '=cmd|" /C calc"!A0', rank: 2, pin: { position: 2 }, gaps: ['effort.missing'] })]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Rank,Key,Summary,Type,Status,Score,Customer voice,/);
    expect(lines[1]).toContain('1,PRJ-1,Export invoices,Story,To Do,42.12,10,12.5,4,0,15.62,0,3,5,false,false,0.8,,3,,');
    expect(lines[2]).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(lines[2]).toContain('effort.missing');
  });
});

describe('roadmapCsv', () => {
  it('writes one line per planned item, quarter by quarter and then later, with formula text neutralised', () => {
    const csv = roadmapCsv({
      quarters: [
        {
          label: '2026-Q4',
          start: '2026-10-01',
          end: '2026-12-31',
          capacity: 20,
          used: { feature: 5, debt: 2 },
          items: [
            { key: 'PRJ-1', summary: '=HYPERLINK("x")', points: 5, kind: 'feature', reason: 'rank #1; fits 2026-Q4' },
            { key: 'PRJ-2', summary: 'Refactor, billing', points: 2, kind: 'debt', reason: 'rank #7 (tech debt)', atRisk: 'due 2026-11-01' },
          ],
        },
      ],
      later: [{ key: 'PRJ-3', summary: 'Big one', points: 40, reason: 'no room' }],
      warnings: [],
    });
    expect(csv.split('\r\n')).toEqual([
      'Quarter,Quarter start,Quarter end,Key,Summary,Points,Kind,Why,At risk',
      `2026-Q4,2026-10-01,2026-12-31,PRJ-1,"'=HYPERLINK(""x"")",5,feature,rank #1; fits 2026-Q4,`,
      '2026-Q4,2026-10-01,2026-12-31,PRJ-2,"Refactor, billing",2,debt,rank #7 (tech debt),due 2026-11-01',
      'Later,,,PRJ-3,Big one,40,,no room,',
      '',
    ]);
  });
});
