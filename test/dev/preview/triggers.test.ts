import { join } from 'node:path';
import { delivers, readTriggerFilter } from '../../../dev/preview/triggers';

const MANIFEST = join(__dirname, '../../../manifest.yml');
const APP = '630000:valuerank-app';

describe('the preview delivers issue events as the manifest trigger filters them', () => {
  it("drops the events the app itself caused (ignoreSelf), as the app's own Value score writes, and delivers everyone else's", () => {
    const trigger = readTriggerFilter(MANIFEST, 'issue-changed');
    expect(trigger.ignoreSelf).toBe(true);
    expect(delivers(trigger, APP, APP)).toBe(false);
    expect(delivers(trigger, '557058:product-owner', APP)).toBe(true);
  });

  it('delivers everything for a trigger without the filter', () => {
    expect(delivers({ key: 'other', ignoreSelf: false }, APP, APP)).toBe(true);
    expect(readTriggerFilter(MANIFEST, 'no-such-trigger').ignoreSelf).toBe(false);
  });
});
