import { shippedCsv } from '../../static/shared/csv';
import { notifyOutcome, sinceIso } from '../../static/project-page/src/shipped-text';

describe('shippedCsv', () => {
  it('writes one line per item, customers with their tickets, and guards cells a spreadsheet would run', () => {
    const csv = shippedCsv([
      {
        key: 'PAY-1',
        summary: '=HYPERLINK("http://x")',
        resolvedAt: '2026-11-25T00:00:00.000Z',
        customers: [
          { name: '@Acme', tickets: [{ key: 'SUP-1' }, { key: 'SUP-2' }] },
          { name: 'Beta, Inc.', tickets: [{ key: 'SUP-3' }] },
        ],
        hiddenTickets: 2,
        notifiedAt: '2026-11-26T09:00:00.000Z',
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('Key,Summary,Resolved,Customers,Feedback tickets,Tickets you cannot open,Customers told');
    expect(row).toBe(`PAY-1,"'=HYPERLINK(""http://x"")",2026-11-25T00:00:00.000Z,"'@Acme (SUP-1 SUP-2); Beta, Inc. (SUP-3)",3,2,2026-11-26T09:00:00.000Z`);
  });
});

describe('the Shipped tab in words', () => {
  it('says what notifyCustomers did, each count in its own sentence', () => {
    expect(notifyOutcome({ commented: 2, alreadyNotified: 1, refused: 1 })).toBe(
      'Added an internal comment to 2 feedback tickets. 1 ticket was told before, so nothing was added there. 1 ticket you cannot comment on (you need Add Comments in that project) got nothing.',
    );
    expect(notifyOutcome({ commented: 0, alreadyNotified: 0, refused: 0 })).toBe('There was no feedback ticket to comment on.');
  });

  it('asks from local midnight N days back, or from the chosen date; an unfinished date asks nothing', () => {
    const now = new Date(2026, 10, 25, 15, 30);
    expect(sinceIso({ days: 7 }, now)).toBe(new Date(2026, 10, 18).toISOString());
    expect(sinceIso({ date: '2026-11-01' }, now)).toBe(new Date(2026, 10, 1).toISOString());
    expect(sinceIso({ date: '' }, now)).toBeNull();
  });
});
