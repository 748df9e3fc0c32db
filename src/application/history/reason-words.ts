import type { ChangeReason } from '../../contract/history';
import { reasonText, type Reason, type TextContext } from '../../domain/history';

/** The accountIds that pinned issues in `reasons` (their names are read once for all of them). */
export function pinAuthors(reasons: Iterable<Reason>): string[] {
  const out = new Set<string>();
  for (const r of reasons) if (r.kind === 'pin' && r.to?.by) out.add(r.to.by);
  return [...out];
}

/** A reason as the contract carries it: its kind, the factor behind it and its words. */
export function toChangeReason(r: Reason, ctx: TextContext): ChangeReason {
  const factor = 'factor' in r ? r.factor : undefined;
  return { kind: r.kind, ...(factor === undefined ? {} : { factor }), text: reasonText(r, ctx) };
}
