import { FACTOR_IDS, type FactorId } from '../../contract/model';
import type { Facts, PinFact } from './types';

/**
 * Why one issue's score or rank changed between two points, as data (the words are made in reason-text.ts).
 * `kind` is what the team would call it: new evidence (customers, feedback), a changed field (factor), a pin, a
 * config change.
 */
export type Reason =
  | { kind: 'evidence'; factor: 'customerVoice'; what: 'customers'; from: number; to: number }
  | { kind: 'evidence'; factor: 'customerVoice'; what: 'value'; from: number; to: number }
  | { kind: 'factor'; factor: 'businessValue'; what: 'businessValue'; from: number | null; to: number | null }
  | { kind: 'factor'; factor: 'timeCriticality'; what: 'due'; from: string | null; to: string | null }
  | { kind: 'factor'; factor: 'enablement'; what: 'blocks'; added: string[]; removed: string[] }
  | { kind: 'factor'; what: 'points'; from: number | null; to: number | null }
  | { kind: 'factor'; factor: FactorId; what: 'value'; from: number; to: number }
  | { kind: 'vote'; factor: 'stakeholders'; what: 'value'; from: number; to: number }
  | { kind: 'pin'; from: PinFact | null; to: PinFact | null }
  | { kind: 'config'; version: number; weights: boolean };

/** A factor value that moved without a field behind it is named only when the move shows in two decimals, as the words print it. */
const shows = (from: number, to: number): boolean => Math.round(from * 100) !== Math.round(to * 100);

/** The field fact behind a factor, when one exists: its change names the factor's move better than the value. */
const FACT_OF: Partial<Record<FactorId, (a: Facts, b: Facts) => boolean>> = {
  customerVoice: (a, b) => a.customers !== b.customers,
  businessValue: (a, b) => a.businessValue !== b.businessValue,
  timeCriticality: (a, b) => a.due !== b.due,
  enablement: (a, b) => a.blocks.join() !== b.blocks.join(),
};

/**
 * The reasons an issue's facts changed from `a` to `b`, the main one first: a pin, then factor changes by how many
 * score points they weigh (value change × weight in force at `b`), then story points, then a config change.
 * `config`: the versions of both points and whether the weights differ; a config change is named when the score
 * moved, and then a factor value that moved without any field behind it is put down to the config.
 */
export function reasonsBetween(
  a: Facts,
  b: Facts,
  config: { from: number; to: number; weightsChanged: boolean; weights: Readonly<Record<FactorId, number>> },
  scoreChanged: boolean,
): Reason[] {
  const out: Reason[] = [];
  if (!samePin(a.pin, b.pin)) out.push({ kind: 'pin', from: a.pin, to: b.pin });
  const configChanged = config.from !== config.to;
  const weighted: { weight: number; reason: Reason }[] = [];
  FACTOR_IDS.forEach((factor, k) => {
    const from = a.values[k] ?? 0;
    const to = b.values[k] ?? 0;
    const delta = Math.abs(to - from);
    const weight = delta * (config.weights[factor] ?? 0) + (FACT_OF[factor]?.(a, b) === true ? 1e-9 : 0);
    const fact = factReason(factor, a, b);
    if (fact !== null) weighted.push({ weight, reason: fact });
    else if (shows(from, to) && !configChanged)
      weighted.push({
        weight,
        reason:
          factor === 'customerVoice'
            ? { kind: 'evidence', factor, what: 'value', from, to }
            : factor === 'stakeholders'
              ? { kind: 'vote', factor, what: 'value', from, to }
              : { kind: 'factor', factor, what: 'value', from, to },
      });
  });
  weighted.sort((x, y) => y.weight - x.weight);
  out.push(...weighted.map((w) => w.reason));
  if (a.points !== b.points) out.push({ kind: 'factor', what: 'points', from: a.points, to: b.points });
  if (configChanged && scoreChanged) out.push({ kind: 'config', version: config.to, weights: config.weightsChanged });
  return out;
}

function factReason(factor: FactorId, a: Facts, b: Facts): Reason | null {
  switch (factor) {
    case 'customerVoice':
      return a.customers === b.customers ? null : { kind: 'evidence', factor, what: 'customers', from: a.customers, to: b.customers };
    case 'businessValue':
      return a.businessValue === b.businessValue ? null : { kind: 'factor', factor, what: 'businessValue', from: a.businessValue, to: b.businessValue };
    case 'timeCriticality':
      return a.due === b.due ? null : { kind: 'factor', factor, what: 'due', from: a.due, to: b.due };
    case 'enablement': {
      const before = new Set(a.blocks);
      const after = new Set(b.blocks);
      const added = b.blocks.filter((k) => !before.has(k));
      const removed = a.blocks.filter((k) => !after.has(k));
      return added.length + removed.length === 0 ? null : { kind: 'factor', factor, what: 'blocks', added, removed };
    }
    default:
      return null;
  }
}

function samePin(a: PinFact | null, b: PinFact | null): boolean {
  if (a === null || b === null) return a === b;
  return a.position === b.position && a.quarter === b.quarter;
}

/** Whether two weight sets differ in any factor. */
export function weightsDiffer(a: Readonly<Record<FactorId, number>>, b: Readonly<Record<FactorId, number>>): boolean {
  return FACTOR_IDS.some((f) => (a[f] ?? 0) !== (b[f] ?? 0));
}
