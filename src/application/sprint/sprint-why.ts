import type { SprintReason } from '../../domain';

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
      return `larger than the sprint's ${Math.round(r.capacity * 10) / 10} points, proposed alone as nothing else fits`;
  }
}
