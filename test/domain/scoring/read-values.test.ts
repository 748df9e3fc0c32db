import fc from 'fast-check';
import { parseISO } from 'date-fns';
import { MALFORMED, readDate, readText } from '../../../src/domain/scoring/read-values';

describe('readDate', () => {
  it("reads Jira's date-time format with every offset style exactly as date-fns does", () => {
    for (const s of [
      '2026-11-20T10:11:12.000+0000',
      '2026-11-20T10:11:12.5+05:30',
      '2026-11-20T23:59:59-0800',
      '2026-11-20T00:00:00Z',
      '2024-02-29T12:00:00.000+0100',
    ]) {
      expect(readDate(s)).toBe(parseISO(s).getTime());
    }
  });

  it('agrees with date-fns on arbitrary instants', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (d, offsetMin) => {
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const shifted = new Date(d.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
          const s = `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
          expect(readDate(s)).toBe(parseISO(s).getTime());
          expect(readDate(s)).toBe(d.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('marks impossible or foreign dates as malformed and absent ones as null', () => {
    for (const s of ['2026-02-31T10:00:00.000+0000', '2026-13-01T10:00:00Z', '25/11/2026', 'soon', 42, {}, 'x'.repeat(100)])
      expect(readDate(s)).toBe(MALFORMED);
    for (const s of [null, undefined, '']) expect(readDate(s)).toBeNull();
    expect(readDate('2026-12-25')).toBe(parseISO('2026-12-25').getTime());
  });
});

describe('readText', () => {
  it('joins the text of an ADF document and caps the length', () => {
    const adf = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Pay' },
            { type: 'text', text: 'faster' },
          ],
        },
      ],
    };
    expect(readText(adf)).toBe('Pay faster');
    expect(readText('x'.repeat(20), 5)).toBe('xxxxx');
    expect(readText(42)).toBe('');
  });
});
