import { differenceInCalendarDays } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import { nameSet } from './links';
import { readName, readNames, saturate } from './read-values';

export interface TechDebtEvidence {
  isDebt: boolean;
  /** Why it counts as debt: `label:tech-debt`, `type:Tech Debt`, `component:Legacy`. */
  matchedBy: string[];
  /** Keys of bugs/incidents it causes (at most 10 listed). */
  interestIssues: string[];
  interestCount: number;
  /** Days since the debt item was created; null when unreadable, and for issues that are not debt. */
  ageDays: number | null;
  /** Caused bugs the asking user cannot open (counted, never named). */
  hiddenInterest?: number;
}

/** The debt rules of a config, compiled once per scoring run. */
export interface DebtRules {
  labels: ReadonlySet<string>;
  types: ReadonlySet<string>;
  components: ReadonlySet<string>;
  cfg: ValueRankConfig['techDebt'];
}

export function debtRules(cfg: ValueRankConfig['techDebt']): DebtRules {
  return {
    labels: nameSet(cfg.labels),
    types: nameSet(cfg.issueTypes),
    components: nameSet(cfg.components),
    cfg,
  };
}

/** Shared by every issue that is not debt (most of them); never mutated. */
const NOT_DEBT: { value: number; evidence: TechDebtEvidence } = Object.freeze({
  value: 0,
  evidence: Object.freeze({ isDebt: false, matchedBy: [], interestIssues: [], interestCount: 0, ageDays: null }),
});

/**
 * Technical debt, 0–1. Debt is a kind of work, not a penalty: a debt item is worth `baseValue`, plus the interest
 * it costs — bugs it causes and its age — saturating towards 1. Non-debt issues score 0 on this factor.
 */
export function techDebt(
  fields: Record<string, unknown>,
  /** Keys of the bugs/incidents it causes (from `classifyLinks`). */
  causes: readonly string[],
  createdMs: number | null,
  now: Date,
  rules: DebtRules,
): { value: number; evidence: TechDebtEvidence } {
  const matchedBy: string[] = [];
  // Labels are read in place (no copies: this runs for every candidate), at most 10,000 of them.
  const labels = Array.isArray(fields.labels) ? fields.labels : [];
  for (let i = 0; i < labels.length && i < 10_000; i++) {
    const l: unknown = labels[i];
    if (typeof l === 'string' && rules.labels.has(l.toLowerCase())) {
      matchedBy.push(`label:${l}`);
      break;
    }
  }
  const type = readName(fields.issuetype);
  if (type !== null && rules.types.has(type.toLowerCase())) matchedBy.push(`type:${type}`);
  if (rules.components.size > 0) {
    for (const c of readNames(fields.components).slice(0, 1000)) {
      if (rules.components.has(c.toLowerCase())) {
        matchedBy.push(`component:${c}`);
        break;
      }
    }
  }
  if (matchedBy.length === 0) return NOT_DEBT;
  const ageDays = createdMs === null ? null : Math.max(0, differenceInCalendarDays(now, createdMs));
  const interest = new Set(causes);
  const sortedInterest = [...interest].sort();
  const x = interest.size + (rules.cfg.agePerYear * (ageDays ?? 0)) / 365;
  const value = rules.cfg.baseValue + (1 - rules.cfg.baseValue) * saturate(x, rules.cfg.saturation);
  return {
    value,
    evidence: { isDebt: true, matchedBy, interestIssues: sortedInterest.slice(0, 10), interestCount: interest.size, ageDays },
  };
}
