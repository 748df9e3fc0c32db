import { FACTOR_IDS, type BacklogItem, type DifferenceFactor, type FactorId, type Neighbour } from '../../contract/model';
import type { CustomerVoiceEvidence } from '../scoring/customer-voice';
import type { EnablementEvidence } from '../scoring/enablement';
import type { StakeholderEvidence } from '../scoring/stakeholders';
import type { TechDebtEvidence } from '../scoring/tech-debt';
import type { TimeCriticalityEvidence } from '../scoring/time-criticality';
import type { BusinessValueEvidence } from '../scoring/business-value';

/** Differences smaller than this (score points) are noise and are not listed. */
const MIN_DELTA = 0.05;

export interface Explanation {
  item: BacklogItem;
  total: number;
  above: Neighbour | null;
  below: Neighbour | null;
}

/** Items in value order, built on demand (`ScoredBacklog`). */
export interface RankedItems {
  readonly length: number;
  item(position: number): BacklogItem;
  /** 0-based position of a key, −1 when absent. */
  positionOf(key: string): number;
}

/**
 * Why `key` sits where it does: its item, and the factor differences against the issues ranked directly
 * above and below it. Returns null when the key is not among the ranked items.
 */
export function explainIssue(ranked: RankedItems, key: string): Explanation | null {
  const i = ranked.positionOf(key);
  if (i < 0) return null;
  const item = ranked.item(i);
  const up = i > 0 ? ranked.item(i - 1) : undefined;
  const down = i + 1 < ranked.length ? ranked.item(i + 1) : undefined;
  return {
    item,
    total: ranked.length,
    above: up === undefined ? null : compareWith(item, up),
    below: down === undefined ? null : compareWith(item, down),
  };
}

/**
 * The score difference between `item` and `other`, split so the deltas add up to item.score − other.score:
 * each factor's part is its base-score difference divided by the item's effort divisor, and the effort part is
 * what the difference in divisors changes: baseOther · (1/dItem − 1/dOther).
 */
export function compareWith(item: BacklogItem, other: BacklogItem): Neighbour {
  const differences: Neighbour['differences'] = [];
  const dItem = item.effort.divisor;
  const dOther = other.effort.divisor;
  let baseOther = 0;
  for (const id of FACTOR_IDS) {
    const a = item.factors[id];
    const b = other.factors[id];
    const baseA = a.contribution * dItem;
    const baseB = b.contribution * dOther;
    baseOther += baseB;
    const delta = (baseA - baseB) / dItem;
    if (Math.abs(delta) >= MIN_DELTA) differences.push({ factor: id, delta, text: describe(id, item, other, delta) });
  }
  const effortDelta = baseOther * (1 / dItem - 1 / dOther);
  if (Math.abs(effortDelta) >= MIN_DELTA) {
    differences.push({ factor: 'effort', delta: effortDelta, text: describeEffort(item, other, effortDelta) });
  }
  differences.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || order(x.factor) - order(y.factor));
  const pinText = describePins(item, other);
  if (pinText !== null) differences.unshift({ factor: 'pin', delta: 0, text: pinText });
  return { key: other.key, score: other.score, differences };
}

const ORDER: DifferenceFactor[] = [...FACTOR_IDS, 'effort', 'pin'];
function order(f: DifferenceFactor): number {
  return ORDER.indexOf(f);
}

function signed(delta: number): string {
  return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function moreOrFewer(diff: number, one: string, many: string): string {
  return diff > 0 ? `${count(diff, 'more ' + one, 'more ' + many)}` : `${count(-diff, 'fewer ' + one, 'fewer ' + many)}`;
}

function describe(id: FactorId, item: BacklogItem, other: BacklogItem, delta: number): string {
  const s = signed(delta);
  switch (id) {
    case 'customerVoice': {
      const diff = item.customers - other.customers;
      if (diff !== 0) return `${moreOrFewer(diff, 'customer', 'customers')} (${s})`;
      const a = item.factors.customerVoice.evidence as CustomerVoiceEvidence;
      const b = other.factors.customerVoice.evidence as CustomerVoiceEvidence;
      return `${a.weightedCustomers > b.weightedCustomers ? 'more recent' : 'older'} customer feedback (${s})`;
    }
    case 'businessValue': {
      const a = (item.factors.businessValue.evidence as BusinessValueEvidence).value;
      const b = (other.factors.businessValue.evidence as BusinessValueEvidence).value;
      return `business value ${a ?? 'not set'} vs ${b ?? 'not set'} (${s})`;
    }
    case 'timeCriticality': {
      const a = (item.factors.timeCriticality.evidence as TimeCriticalityEvidence).dueDate;
      const b = (other.factors.timeCriticality.evidence as TimeCriticalityEvidence).dueDate;
      return `${a === null ? 'no due date' : `due ${a}`} vs ${b === null ? 'no due date' : `due ${b}`} (${s})`;
    }
    case 'techDebt': {
      const a = item.factors.techDebt.evidence as TechDebtEvidence;
      const b = other.factors.techDebt.evidence as TechDebtEvidence;
      if (a.isDebt !== b.isDebt) return `${a.isDebt ? 'is' : 'is not'} tech debt (${s})`;
      const diff = a.interestCount - b.interestCount;
      if (diff !== 0) return `${moreOrFewer(diff, 'bug caused', 'bugs caused')} by this debt (${s})`;
      return `${(a.ageDays ?? 0) > (b.ageDays ?? 0) ? 'older' : 'newer'} tech debt (${s})`;
    }
    case 'enablement': {
      const a = item.factors.enablement.evidence as EnablementEvidence;
      const b = other.factors.enablement.evidence as EnablementEvidence;
      const diff = a.direct + a.indirect - (b.direct + b.indirect);
      if (diff !== 0) return `blocks ${moreOrFewer(diff, 'issue', 'issues')} (${s})`;
      return `blocks issues ${a.direct > b.direct ? 'more directly' : 'less directly'} (${s})`;
    }
    case 'stakeholders': {
      const a = item.factors.stakeholders.evidence as StakeholderEvidence;
      const b = other.factors.stakeholders.evidence as StakeholderEvidence;
      const diff = a.voters - b.voters;
      if (diff !== 0) return `${moreOrFewer(diff, 'stakeholder vote', 'stakeholder votes')} (${s})`;
      return `stakeholder votes of ${a.weightedImportance > b.weightedImportance ? 'higher' : 'lower'} importance (${s})`;
    }
  }
}

function describeEffort(item: BacklogItem, other: BacklogItem, delta: number): string {
  const pts = (e: BacklogItem['effort']): string => (e.points === null ? 'estimated' : String(e.points));
  const a = item.effort.points;
  const b = other.effort.points;
  if (a !== null && b !== null && a !== b) {
    const diff = a - b;
    return `${Math.abs(diff)} ${diff > 0 ? 'more' : 'fewer'} ${Math.abs(diff) === 1 ? 'point' : 'points'} of effort (${signed(delta)})`;
  }
  return `effort ${pts(item.effort)} vs ${pts(other.effort)} points (${signed(delta)})`;
}

function describePins(item: BacklogItem, other: BacklogItem): string | null {
  const a = item.pin?.position;
  const b = other.pin?.position;
  if (a === undefined && b === undefined) return null;
  if (a !== undefined && b !== undefined) return `both pinned (${item.key} at #${a}, ${other.key} at #${b})`;
  return a !== undefined ? `${item.key} is pinned at #${a}` : `${other.key} is pinned at #${b}`;
}

/** One line for a neighbour: "ranks below PRJ-4: 5 fewer customers (−8.1), 3 more points of effort (−2.0)". */
export function neighbourSentence(side: 'above' | 'below', n: Neighbour, maxParts = 3): string {
  const lead = side === 'above' ? `ranks below ${n.key}` : `ranks above ${n.key}`;
  const parts = n.differences.slice(0, maxParts).map((d) => d.text);
  return parts.length === 0 ? `${lead}: the scores are practically equal; Jira's rank decides` : `${lead}: ${parts.join(', ')}`;
}
