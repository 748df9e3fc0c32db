import { keepsPolling, POLL_DELAYS, PollBackoff } from '../../static/shared/poll-backoff';

describe('PollBackoff', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks again 1.5 s after a pending answer, and not before', () => {
    const again = jest.fn();
    const b = new PollBackoff(again);
    b.answered(true);
    jest.advanceTimersByTime(1499);
    expect(again).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('waits a little longer after each pending answer, up to the ceiling', () => {
    let calls = 0;
    const b = new PollBackoff(() => calls++);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      b.answered(true);
      let waited = 0;
      while (calls === i) {
        jest.advanceTimersByTime(1);
        waited++;
      }
      waits.push(waited);
    }
    expect(waits.slice(0, 3)).toEqual([1500, 1875, 2344]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(POLL_DELAYS.maxMs);
  });

  it('stops once an answer is final, and starts over at 1.5 s when a later answer is pending again', () => {
    const again = jest.fn();
    const b = new PollBackoff(again);
    b.answered(true);
    jest.advanceTimersByTime(1500);
    b.answered(true);
    jest.advanceTimersByTime(1875);
    expect(again).toHaveBeenCalledTimes(2);
    b.answered(false);
    jest.advanceTimersByTime(60_000);
    expect(again).toHaveBeenCalledTimes(2);
    b.answered(true);
    jest.advanceTimersByTime(1500);
    expect(again).toHaveBeenCalledTimes(3);
  });

  it('keeps at most one call scheduled however many answers arrive', () => {
    const again = jest.fn();
    const b = new PollBackoff(again);
    b.answered(true);
    b.answered(true);
    b.answered(true);
    jest.advanceTimersByTime(60_000);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('drops the scheduled call on pause (a call was started by hand) without starting the delays over', () => {
    const again = jest.fn();
    const b = new PollBackoff(again);
    b.answered(true);
    jest.advanceTimersByTime(1500);
    b.answered(true);
    b.pause();
    jest.advanceTimersByTime(60_000);
    expect(again).toHaveBeenCalledTimes(1);
    b.answered(true);
    jest.advanceTimersByTime(2343);
    expect(again).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1);
    expect(again).toHaveBeenCalledTimes(2);
  });

  it('never calls again after close, even for a pending answer that arrives later', () => {
    const again = jest.fn();
    const b = new PollBackoff(again);
    b.answered(true);
    b.close();
    b.answered(true);
    jest.advanceTimersByTime(60_000);
    expect(again).not.toHaveBeenCalled();
  });
});

describe('keepsPolling', () => {
  it('goes on while the answer is pending, also through failures that asking again may mend', () => {
    expect(keepsPolling(true, null)).toBe(true);
    expect(keepsPolling(true, { code: 'JIRA_UNAVAILABLE' })).toBe(true);
    expect(keepsPolling(true, { code: 'BRIDGE' })).toBe(true);
  });

  it('stops for a final answer, and for a failure that asking again will not mend', () => {
    expect(keepsPolling(false, null)).toBe(false);
    expect(keepsPolling(true, { code: 'NOT_FOUND' })).toBe(false);
    expect(keepsPolling(true, { code: 'FORBIDDEN' })).toBe(false);
  });
});
