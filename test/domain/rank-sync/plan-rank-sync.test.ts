import { applyBatches, MAX_RANK_BATCH, planRankSync, RankSyncInputError } from '../../../src/domain/rank-sync';

/** `PRJ-1` … `PRJ-n`, the order a test treats as the target. */
function keys(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `PRJ-${i + 1}`);
}

/** `order` with the issues at [start, end) taken out and put back, in their order, at `at` of what is left. */
function moveBlock(order: readonly string[], start: number, end: number, at: number): string[] {
  const block = order.slice(start, end);
  const rest = [...order.slice(0, start), ...order.slice(end)];
  return [...rest.slice(0, at), ...block, ...rest.slice(at)];
}

describe('planRankSync', () => {
  it('plans nothing for an empty backlog', () => {
    expect(planRankSync([], [])).toEqual({ total: 0, unchanged: 0, moves: [], batches: [] });
  });

  it('plans nothing when Jira already has the target order', () => {
    const order = keys(7);
    expect(planRankSync(order, order)).toEqual({ total: 7, unchanged: 7, moves: [], batches: [] });
  });

  it('moves a single out-of-place issue with one call before its new neighbour', () => {
    const plan = planRankSync(['PRJ-1', 'PRJ-3', 'PRJ-4', 'PRJ-2', 'PRJ-5'], keys(5));

    expect(plan).toEqual({
      total: 5,
      unchanged: 4,
      moves: [{ key: 'PRJ-2', before: 'PRJ-3' }],
      batches: [{ issues: ['PRJ-2'], rankBeforeIssue: 'PRJ-3' }],
    });
  });

  it('keeps one issue of a reversed order and places the rest after it in one call', () => {
    const target = keys(5);
    const current = [...target].reverse();

    const plan = planRankSync(current, target);

    expect(plan.unchanged).toBe(1);
    expect(plan.moves).toHaveLength(4);
    expect(plan.batches).toEqual([{ issues: ['PRJ-2', 'PRJ-3', 'PRJ-4', 'PRJ-5'], rankAfterIssue: 'PRJ-1' }]);
    expect(applyBatches(current, plan.batches)).toEqual(target);
  });

  it('splits a run of 51 moved issues into two calls, the one next to the anchor first', () => {
    const target = keys(200);
    // PRJ-11 … PRJ-61 dragged to the bottom; in the target they sit before PRJ-62.
    const current = moveBlock(target, 10, 61, 149);

    const plan = planRankSync(current, target);

    expect(plan.moves).toHaveLength(51);
    expect(plan.batches).toEqual([
      { issues: ['PRJ-61'], rankBeforeIssue: 'PRJ-62' },
      { issues: target.slice(10, 60), rankBeforeIssue: 'PRJ-61' },
    ]);
    expect(applyBatches(current, plan.batches)).toEqual(target);
  });

  it('splits a run of 120 moved issues in the middle into three calls placed back to front', () => {
    const target = keys(400);
    // PRJ-151 … PRJ-270 dragged to the top; the 280 others stay, as they outnumber the block with what follows it.
    const current = moveBlock(target, 150, 270, 0);

    const plan = planRankSync(current, target);

    expect(plan.moves).toHaveLength(120);
    expect(plan.batches).toEqual([
      { issues: target.slice(250, 270), rankBeforeIssue: 'PRJ-271' },
      { issues: target.slice(200, 250), rankBeforeIssue: 'PRJ-251' },
      { issues: target.slice(150, 200), rankBeforeIssue: 'PRJ-201' },
    ]);
    expect(plan.moves[0]).toEqual({ key: 'PRJ-151', before: 'PRJ-201' });
    expect(applyBatches(current, plan.batches)).toEqual(target);
  });

  it('places a run of 120 moved issues at the bottom with three calls, each after the one before', () => {
    const target = keys(300);
    const current = moveBlock(target, 180, 300, 0);

    const plan = planRankSync(current, target);

    expect(plan.moves).toHaveLength(120);
    expect(plan.batches).toEqual([
      { issues: target.slice(180, 230), rankAfterIssue: 'PRJ-180' },
      { issues: target.slice(230, 280), rankAfterIssue: 'PRJ-230' },
      { issues: target.slice(280, 300), rankAfterIssue: 'PRJ-280' },
    ]);
    expect(plan.moves.at(-1)).toEqual({ key: 'PRJ-300', after: 'PRJ-280' });
    expect(plan.batches.every((b) => b.issues.length <= MAX_RANK_BATCH)).toBe(true);
    expect(applyBatches(current, plan.batches)).toEqual(target);
  });

  it.each([
    ['lists of different lengths', ['PRJ-1', 'PRJ-2'], ['PRJ-1']],
    ['a key only Jira has', ['PRJ-1', 'PRJ-9'], ['PRJ-1', 'PRJ-2']],
    ['a key twice in Jira’s order', ['PRJ-1', 'PRJ-1'], ['PRJ-1', 'PRJ-2']],
    ['a key twice in the target order', ['PRJ-1', 'PRJ-2'], ['PRJ-2', 'PRJ-2']],
  ])('rejects %s with INVALID_RANK_INPUT', (_, current, target) => {
    const attempt = (): unknown => planRankSync(current, target);

    expect(attempt).toThrow(RankSyncInputError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_RANK_INPUT' }));
  });
});

describe('applyBatches', () => {
  it('puts the issues side by side, in call order, before or after the anchor', () => {
    const order = keys(5);

    expect(applyBatches(order, [{ issues: ['PRJ-5', 'PRJ-4'], rankBeforeIssue: 'PRJ-1' }])).toEqual(['PRJ-5', 'PRJ-4', 'PRJ-1', 'PRJ-2', 'PRJ-3']);
    expect(applyBatches(order, [{ issues: ['PRJ-1', 'PRJ-2'], rankAfterIssue: 'PRJ-5' }])).toEqual(['PRJ-3', 'PRJ-4', 'PRJ-5', 'PRJ-1', 'PRJ-2']);
    expect(order).toEqual(keys(5));
  });

  it.each([
    ['more than 50 issues', { issues: keys(51), rankAfterIssue: 'PRJ-52' }],
    ['no anchor', { issues: ['PRJ-1'] }],
    ['two anchors', { issues: ['PRJ-1'], rankBeforeIssue: 'PRJ-2', rankAfterIssue: 'PRJ-3' }],
    ['an anchor among the issues', { issues: ['PRJ-1', 'PRJ-2'], rankBeforeIssue: 'PRJ-2' }],
    ['an anchor not in the order', { issues: ['PRJ-1'], rankBeforeIssue: 'PRJ-99' }],
    ['an issue not in the order', { issues: ['PRJ-99'], rankBeforeIssue: 'PRJ-1' }],
  ])('rejects a call with %s', (_, batch) => {
    expect(() => applyBatches(keys(60), [batch])).toThrow(RankSyncInputError);
  });
});
