import { buildingProgress, sourceMessages } from '../../static/shared/snapshot-text';

describe('buildingProgress', () => {
  it('says how many of the project issues were read, with thousands separated, and fills the bar to that share', () => {
    expect(buildingProgress({ done: 1200, total: 5000 })).toEqual({
      text: 'ValueRank is scoring this project for the first time: 1,200 of 5,000 issues read',
      label: 'Scoring progress: 1,200 of 5,000 issues read',
      share: 0.24,
    });
  });

  it('is indeterminate, listing issues, while the total is not known yet', () => {
    for (const building of [{ done: 0, total: 0 }, undefined]) {
      const p = buildingProgress(building);
      expect(p.share).toBeNull();
      expect(p.text).toBe('ValueRank is scoring this project for the first time: listing issues…');
      expect(p.label).toBe('Scoring progress: listing issues');
    }
  });

  it('never reads more than the total, less than nothing, or an unreadable number', () => {
    expect(buildingProgress({ done: 7, total: 5 }).share).toBe(1);
    expect(buildingProgress({ done: -3, total: 5 }).share).toBe(0);
    expect(buildingProgress({ done: Number.NaN, total: 4 }).text).toBe('ValueRank is scoring this project for the first time: 0 of 4 issues read');
    expect(buildingProgress({ done: 1, total: 1 }).text).toBe('ValueRank is scoring this project for the first time: 1 of 1 issue read');
  });
});

describe('sourceMessages', () => {
  it('lists each unreadable source message once, leaving blanks out', () => {
    const grant = 'Feedback project SUP is left out: a Jira admin can give the app Browse projects on SUP.';
    expect(
      sourceMessages({
        sources: [
          { code: 'APP_CANNOT_BROWSE_FEEDBACK', project: 'SUP', message: grant },
          { code: 'APP_CANNOT_BROWSE_FEEDBACK', project: 'SUP', message: grant },
          { code: 'APP_CANNOT_BROWSE_PROJECT', project: 'OPS', message: '  ' },
        ],
      }),
    ).toEqual([grant]);
  });

  it('is empty when every source was read', () => {
    expect(sourceMessages({})).toEqual([]);
    expect(sourceMessages({ sources: [] })).toEqual([]);
  });
});
