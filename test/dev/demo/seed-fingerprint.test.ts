import { createHash } from 'node:crypto';
import { generateDemoSite, generateScaleSite } from '../../../dev/demo/generate-site';

// Tests, the preview and the benchmarks are all written against these seeds: a change to what the generator
// produces must be deliberate. When it is, put the new fingerprints here and say in the commit what changed.
const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('seed fingerprints', () => {
  it('generateDemoSite() with the defaults gives the same seed JSON as before', () => {
    expect(sha256(generateDemoSite())).toBe('8518d240d9a01cf2cd01db7c759fee38148528698f64c83c24c429d1c6d1d978');
  });

  it('generateScaleSite({ issues: 2000, seed: 3 }) gives the same seed JSON as before', () => {
    expect(sha256(generateScaleSite({ issues: 2000, seed: 3 }))).toBe('9d9d5db0246d3bb4eeb6346fa9cb5c956b77aab7534cf7ba46eb829311cf3b02');
  });
});
