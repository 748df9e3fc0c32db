import { actorFor, appActor, type Actor } from '../../../dev/sim/access';
import { JqlError, runJql } from '../../../dev/sim/jql';
import { SimState } from '../../../dev/sim/state';
import { ADMIN, ALICE, BOB, aSeed, anIssue, startSim } from './helpers';

/**
 * Absolute JQL dates, as Atlassian's JQL fields page (Created) gives them: "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm",
 * "yyyy/MM/dd", "yyyy-MM-dd"; midnight when no time is given; "relative to your configured time zone".
 */
const NOW = Date.parse('2026-11-25T00:00:00Z');

function site(): SimState {
  const at = (key: string, created: string) => anIssue({ key, created });
  return SimState.fromSeed(
    aSeed(
      [
        at('PRJ-1', '2026-01-05T13:29:59.000+0000'),
        at('PRJ-2', '2026-01-05T13:30:00.000+0000'),
        at('PRJ-3', '2026-01-05T14:29:59.999+0000'),
        at('PRJ-4', '2026-01-05T14:30:00.000+0000'),
        at('PRJ-5', '2026-01-04T23:30:00.000+0000'),
        at('PRJ-6', '2026-07-01T12:30:00.000+0000'),
        at('PRJ-7', '2026-03-29T01:30:00.000+0000'),
        at('PRJ-8', '2026-11-24T23:30:00.000+0000'),
      ],
      {
        users: [
          { accountId: ADMIN, displayName: 'Ada Admin', groups: ['jira-admins'], timeZone: 'Mars/Olympus_Mons' },
          { accountId: ALICE, displayName: 'Alice', groups: [], timeZone: 'Europe/Berlin' },
          { accountId: BOB, displayName: 'Bob', groups: [] },
        ],
      },
    ),
  );
}

const s = site();
const as = (accountId: string): Actor => actorFor(s, accountId) as Actor;
const keys = (jql: string, actor: Actor): string[] => runJql(s, actor, `project = PRJ AND ${jql} ORDER BY key ASC`, NOW).map((i) => i.key);

describe('JQL date-time literals', () => {
  it('reads "yyyy-MM-dd HH:mm" to the minute, in UTC for a user without a time zone', () => {
    expect(keys('created >= "2026-01-05 14:30" AND created < "2026-01-05 14:31"', as(BOB))).toEqual(['PRJ-4']);
    expect(keys('created >= "2026-01-05 13:30" AND created < "2026-01-05 14:30"', as(BOB))).toEqual(['PRJ-2', 'PRJ-3']);
  });

  it('reads a date without a time as midnight', () => {
    expect(keys('created < "2026-01-05"', as(BOB))).toEqual(['PRJ-5']);
    expect(keys('created >= "2026-01-05" AND created < "2026-01-06"', as(BOB))).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4']);
  });

  it.each(['2026/01/05 14:30', '2026-01-05 14:30', '2026-1-5 14:30'])('reads %s as the same minute', (literal) => {
    expect(keys(`created >= "${literal}" AND created < "2026/01/05 14:31"`, as(BOB))).toEqual(['PRJ-4']);
  });

  it("reads the literal in the user's time zone: 14:30 in Berlin is 13:30 UTC in winter, 12:30 UTC in summer", () => {
    expect(keys('created >= "2026-01-05 14:30" AND created < "2026-01-05 14:31"', as(ALICE))).toEqual(['PRJ-2']);
    expect(keys('created >= "2026-07-01 14:30" AND created < "2026-07-01 14:31"', as(ALICE))).toEqual(['PRJ-6']);
  });

  it("reads a date alone as midnight in the user's time zone", () => {
    expect(keys('created >= "2026-01-05" AND created < "2026-01-06"', as(ALICE))).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3', 'PRJ-4', 'PRJ-5']);
  });

  it('reads a minute that the clock skips (start of summer time) as the same minute one hour later', () => {
    expect(keys('created >= "2026-03-29 02:30" AND created < "2026-03-29 03:31"', as(ALICE))).toEqual(['PRJ-7']);
  });

  it('reads startOfDay() and endOfDay() in the user’s time zone', () => {
    // Now is 2026-11-25 00:00 UTC, 01:00 in Berlin: Berlin's day began at 23:00 UTC the day before.
    expect(keys('created >= startOfDay() AND created <= endOfDay()', as(ALICE))).toEqual(['PRJ-8']);
    expect(keys('created >= startOfDay() AND created <= endOfDay()', as(BOB))).toEqual([]);
  });

  it("reads the app's literals in UTC (the app user has no time zone)", () => {
    expect(keys('created >= "2026-01-05 14:30" AND created < "2026-01-05 14:31"', appActor(s))).toEqual(['PRJ-4']);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-01-05 24:00', '2026-01-05 14:60', '2026-01-05 14:30:15', '2026-01-05T14:30'])(
    'refuses %s, which is no date in the documented formats',
    (literal) => {
      expect(() => keys(`created >= "${literal}"`, as(BOB))).toThrow(JqlError);
      expect(() => keys(`created >= "${literal}"`, as(BOB))).toThrow(/Date value '.*' for field 'created' is invalid/);
    },
  );

  it('reads a zone name that is no time zone as UTC, and GET /myself reports the zone the dates are read in', async () => {
    expect(keys('created >= "2026-01-05 14:30" AND created < "2026-01-05 14:31"', as(ADMIN))).toEqual(['PRJ-4']);
    const sim = await startSim({ seed: s.toJSON() });
    try {
      expect((await sim.call('GET', '/rest/api/3/myself', undefined, ALICE)).body.timeZone).toBe('Europe/Berlin');
      expect((await sim.call('GET', '/rest/api/3/myself', undefined, BOB)).body.timeZone).toBe('UTC');
      expect((await sim.call('GET', '/rest/api/3/myself', undefined, ADMIN)).body.timeZone).toBe('UTC');
    } finally {
      await sim.close();
    }
  });
});
