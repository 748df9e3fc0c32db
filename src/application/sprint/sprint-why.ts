import type { SprintMiss, SprintReason } from '../../domain';

/** A proposal item's reasons in words, as the Sprint tab shows them: "rank 3; blocks PAY-12; debt share". */
export function sprintWhy(reasons: readonly SprintReason[]): string {
  return reasons.map(reasonText).join('; ');
}

function reasonText(r: SprintReason): string {
  switch (r.kind) {
    case 'rank':
      return `rank ${r.rank}`;
    case 'pinned':
      return 'pinned';
    case 'blocks':
      return `blocks ${r.key}`;
    case 'debtShare':
      return 'debt share';
    case 'freedDebtShare':
      return 'uses the debt share (no tech debt that fits is waiting)';
    case 'oversized':
      return `larger than the sprint's ${points(r.capacity)} points, proposed alone as nothing else fits`;
  }
}

/** Why an item ranked above the cut was left out, in words: "needs 13 points, 2 left". */
export function missText(m: SprintMiss): string {
  if (m.kind === 'heldBlocker') return `waits for ${m.key}, which is pinned to a later quarter`;
  const blockers = m.blockers === 0 ? '' : ` with ${m.blockers === 1 ? 'its blocker' : `its ${m.blockers} blockers`}`;
  return `needs ${points(m.needs)} points${blockers}, ${points(m.free)} left`;
}

function points(n: number): number {
  return Math.round(n * 10) / 10;
}
