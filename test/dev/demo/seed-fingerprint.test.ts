import { createHash } from 'node:crypto';
import { generateDemoSite, generateScaleSite } from '../../../dev/demo/generate-site';

// Tests, the preview and the benchmarks are all written against these seeds: a change to what the generator
// produces must be deliberate. When it is, put the new fingerprints here and say in the commit what changed.
const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('seed fingerprints', () => {
  it('generateDemoSite() with the defaults gives the same seed JSON as before', () => {
    expect(sha256(generateDemoSite())).toBe('a408fc399ccd947b804cd118c6ef14611a1a81b37087deae9d134d1eb74ae096');
  });

  it('generateScaleSite({ issues: 2000, seed: 3 }) gives the same seed JSON as before', () => {
    expect(sha256(generateScaleSite({ issues: 2000, seed: 3 }))).toBe('683dd1427b6ac164ee06d5f4c48d16a4455cb81cba923f7f49b14ada53368498');
  });
});
