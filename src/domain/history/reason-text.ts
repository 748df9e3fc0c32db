import type { FactorId } from '../../contract/model';
import type { Reason } from './reasons';
import type { PinFact } from './types';

/** What the words may name: another issue's key only when the reader can open it, a person by display name. */
export interface TextContext {
  canName: (issueKey: string) => boolean;
  /** Display name of an accountId; undefined when unknown (the text then says "a user"). */
  nameOf: (accountId: string) => string | undefined;
}

/** A factor id in words: `timeCriticality` → "time criticality" (any factor FACTOR_IDS gains reads the same way). */
export function factorWords(factor: FactorId): string {
  return factor.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const num = (v: number | null): string => (v === null ? 'none' : String(v));

/** One reason in words a team understands, e.g. "3 more customers", "due date moved to 2026-12-09". */
export function reasonText(r: Reason, ctx: TextContext): string {
  switch (r.kind) {
    case 'evidence':
      if (r.what === 'customers') {
        const d = r.to - r.from;
        return d > 0 ? plural(d, 'more customer', 'more customers') : plural(-d, 'fewer customer', 'fewer customers');
      }
      return r.to > r.from
        ? `more customer feedback (customer voice ${r.from.toFixed(2)} → ${r.to.toFixed(2)})`
        : `customer feedback weighs less (customer voice ${r.from.toFixed(2)} → ${r.to.toFixed(2)})`;
    case 'vote':
      return r.to > r.from
        ? `stakeholders voted it up (stakeholders ${r.from.toFixed(2)} → ${r.to.toFixed(2)})`
        : `stakeholder votes weigh less (stakeholders ${r.from.toFixed(2)} → ${r.to.toFixed(2)})`;
    case 'pin':
      return pinText(r.to, ctx);
    case 'config':
      return r.weights ? `weights changed in config v${r.version}` : `settings changed in config v${r.version}`;
    case 'factor':
      switch (r.what) {
        case 'businessValue':
          if (r.from === null) return `business value set to ${num(r.to)}`;
          if (r.to === null) return `business value removed (was ${r.from})`;
          return `business value ${r.from} → ${r.to}`;
        case 'due':
          if (r.to === null) return 'due date removed';
          return r.from === null ? `due date set to ${r.to}` : `due date moved to ${r.to}`;
        case 'blocks':
          return blocksText(r.added, r.removed, ctx);
        case 'points':
          if (r.to === null) return `story points removed (was ${r.from}): the project median is used`;
          return r.from === null ? `story points set to ${r.to}` : `story points ${r.from} → ${r.to}`;
        case 'value':
          return `${factorWords(r.factor)} ${r.from.toFixed(2)} → ${r.to.toFixed(2)}`;
      }
  }
}

function pinText(to: PinFact | null, ctx: TextContext): string {
  if (to === null) return 'unpinned';
  const who = (to.by === null ? undefined : ctx.nameOf(to.by)) ?? 'a user';
  const where = to.position !== null ? ` at position ${to.position}` : to.quarter !== null ? ` to ${to.quarter}` : '';
  return `pinned${where} by ${who}`;
}

/** Keys the reader may open are named; the others are counted, never named. */
function blocksText(added: readonly string[], removed: readonly string[], ctx: TextContext): string {
  const parts: string[] = [];
  const say = (keys: readonly string[], lead: string): void => {
    if (keys.length === 0) return;
    const named = keys.filter(ctx.canName);
    const hidden = keys.length - named.length;
    const words = [
      ...named,
      ...(hidden > 0 ? [plural(hidden, named.length > 0 ? 'more issue' : 'issue', named.length > 0 ? 'more issues' : 'issues') + ' you cannot open'] : []),
    ];
    parts.push(`${lead} ${words.join(', ')}`);
  };
  say(added, 'now blocks');
  say(removed, 'no longer blocks');
  return parts.join('; ');
}
