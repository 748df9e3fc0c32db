import { defaultConfig } from '../../src/domain';
import { describeValue, diffConfig, expectedVersionFor, formatList, invalidPatterns, parseList, rebaseEdits } from '../../static/shared/config-edit';
import { validateConfig } from '../../static/shared/config-validate';

describe('lists', () => {
  it('parses comma lists, trimming, dropping empties and duplicates', () => {
    expect(parseList(' tech-debt, debt ,,debt,\nrefactoring ')).toEqual(['tech-debt', 'debt', 'refactoring']);
    expect(parseList('')).toEqual([]);
    expect(formatList(['a', 'b'])).toBe('a, b');
    expect(formatList(null)).toBe('');
  });

  it('names the invalid regular expressions', () => {
    const bad = invalidPatterns(['^https://support\\.example\\.com/(?<customer>[^/]+)', '([unclosed']);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.pattern).toBe('([unclosed');
  });
});

describe('diffConfig and rebaseEdits', () => {
  it('lists leaf changes by dotted path', () => {
    const a = defaultConfig();
    const b = structuredClone(a);
    b.weights.techDebt = 40;
    b.techDebt.labels = ['debt'];
    expect(diffConfig(a, b).map((c) => c.path)).toEqual(['techDebt.labels', 'weights.techDebt']);
  });

  it('re-applies my edits onto a config someone else saved meanwhile, reporting overlaps', () => {
    const base = defaultConfig();
    const mine = structuredClone(base);
    mine.weights.techDebt = 40;
    mine.roadmap.debtShare = 0.3;
    const theirs = structuredClone(base);
    theirs.weights.customerVoice = 50;
    theirs.roadmap.debtShare = 0.25;
    const { merged, overlaps } = rebaseEdits(base, mine, theirs);
    expect(merged.weights.customerVoice).toBe(50);
    expect(merged.weights.techDebt).toBe(40);
    expect(merged.roadmap.debtShare).toBe(0.3);
    expect(overlaps).toEqual([{ path: 'roadmap.debtShare', from: 0.25, to: 0.3 }]);
    expect(theirs.weights.techDebt).toBe(base.weights.techDebt);
  });

  it('starts a project override from version 0 while the project shows the global config', () => {
    expect(expectedVersionFor('PRJ', { scope: 'global', version: 7 })).toBe(0);
    expect(expectedVersionFor('PRJ', { scope: 'project', version: 3 })).toBe(3);
    expect(expectedVersionFor(null, { scope: 'global', version: 7 })).toBe(7);
  });
});

describe('validateConfig', () => {
  it('accepts the defaults and reports errors by path', () => {
    expect(validateConfig(defaultConfig()).ok).toBe(true);
    const bad = defaultConfig();
    bad.customerVoice.halfLifeDays = -1;
    bad.fields.storyPoints = 'not a field id!';
    const r = validateConfig(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual(expect.arrayContaining(['customerVoice.halfLifeDays', 'fields.storyPoints']));
      expect(r.errors['fields.storyPoints']).toMatch(/customfield/);
    }
  });

  it('describes values for change summaries', () => {
    expect(describeValue(null)).toBe('default');
    expect(describeValue([])).toBe('(none)');
    expect(describeValue(['a', 'b'])).toBe('a, b');
    expect(describeValue('x'.repeat(100))).toHaveLength(78);
  });
});
