import { parseSeed, SeedError } from '../../../dev/sim/seed';
import { aSeed, anIssue } from './helpers';

const linksOf = (seed: ReturnType<typeof parseSeed>, key: string): unknown[] => seed.issues.find((i) => i.key === key)?.fields.issuelinks ?? [];

describe('seed validation', () => {
  it('names the path of a missing link type', () => {
    const seed = aSeed([anIssue({ key: 'PRJ-1' }), anIssue({ key: 'PRJ-2', links: [{ id: '1', outwardIssue: { key: 'PRJ-1' } }] })]);
    expect(() => parseSeed(seed)).toThrow('issues[1].fields.issuelinks[0].type: required');
  });

  it('refuses unknown references: link type, project of an issue key, remote link issue, sprint board', () => {
    const seed = aSeed([anIssue({ key: 'PRJ-1', links: [{ id: '1', type: { name: 'Nope' }, outwardIssue: { key: 'PRJ-2' } }] }), anIssue({ key: 'ZZZ-1' })], {
      remoteLinks: { 'PRJ-9': [] },
      boards: [{ id: 1, name: 'B', type: 'scrum' }],
      sprints: [{ id: 1, originBoardId: 2, state: 'closed' }],
    });
    let error: unknown;
    try {
      parseSeed(seed);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedError);
    const paths = (error as SeedError).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['issues[0].fields.issuelinks[0].type', 'issues[1].key', 'remoteLinks.PRJ-9', 'sprints[0].originBoardId']));
  });

  it('refuses a missing issue id and a malformed key', () => {
    const issue = anIssue({ key: 'PRJ-1' });
    delete issue['id'];
    expect(() => parseSeed(aSeed([issue]))).toThrow('issues[0].id: required');
    expect(() => parseSeed(aSeed([anIssue({ key: 'prj1' })]))).toThrow(/issues\[0\]\.key: must look like PRJ-123/);
  });

  it('keeps odd values and unknown fields as they are', () => {
    const adf = { type: 'doc', version: 1, content: [] };
    const seed = parseSeed(
      aSeed([anIssue({ key: 'PRJ-1', points: 'abc', extra: { description: adf, customfield_99999: { weird: true } } })], { somethingNew: 42 }),
    );
    const fields = seed.issues[0]?.fields;
    expect(fields?.['customfield_10016']).toBe('abc');
    expect(fields?.['description']).toEqual(adf);
    expect(fields?.['customfield_99999']).toEqual({ weird: true });
    expect((seed as Record<string, unknown>)['somethingNew']).toBe(42);
  });

  it('fills the project of each issue from its key', () => {
    const seed = parseSeed(aSeed([anIssue({ key: 'SEC-4' })]));
    expect(seed.issues[0]?.fields['project']).toMatchObject({ key: 'SEC', id: '10001' });
  });
});

describe('link mirroring', () => {
  it('mirrors a link written on one side onto the other issue with the same id', () => {
    const seed = parseSeed(
      aSeed([anIssue({ key: 'PRJ-1', links: [{ id: '500', type: { name: 'Blocks' }, outwardIssue: { key: 'PRJ-2' } }] }), anIssue({ key: 'PRJ-2' })]),
    );
    const source = linksOf(seed, 'PRJ-1');
    const target = linksOf(seed, 'PRJ-2');
    expect(source).toEqual([expect.objectContaining({ id: '500', outwardIssue: expect.objectContaining({ key: 'PRJ-2' }) })]);
    expect(target).toEqual([
      expect.objectContaining({
        id: '500',
        type: expect.objectContaining({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }),
        inwardIssue: expect.objectContaining({ key: 'PRJ-1' }),
      }),
    ]);
  });

  it('does not duplicate a link written on both sides, and keeps a link to a missing issue', () => {
    const seed = parseSeed(
      aSeed([
        anIssue({
          key: 'PRJ-1',
          links: [
            { id: '7', type: { id: '10000' }, inwardIssue: { key: 'PRJ-2' } },
            { id: '8', type: { name: 'Relates' }, outwardIssue: { key: 'PRJ-99' } },
          ],
        }),
        anIssue({ key: 'PRJ-2', links: [{ id: '7', type: { id: '10000' }, outwardIssue: { key: 'PRJ-1' } }] }),
      ]),
    );
    expect(linksOf(seed, 'PRJ-2')).toHaveLength(1);
    expect(linksOf(seed, 'PRJ-1')).toEqual(expect.arrayContaining([expect.objectContaining({ id: '8', outwardIssue: { key: 'PRJ-99' } })]));
  });
});
