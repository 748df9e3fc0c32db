/**
 * Shapes shared by the UI and the backend (DESIGN.md, "Operation shapes").
 * Types only: no runtime code, so any layer may import them.
 */

export const FACTOR_IDS = ['customerVoice', 'businessValue', 'timeCriticality', 'techDebt', 'enablement', 'stakeholders'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/** One factor of an issue's score. `value` is normalised to 0–1; `contribution` is in score points (0–100 scale). */
export interface Factor<E = unknown> {
  value: number;
  weight: number;
  contribution: number;
  evidence: E;
}

export interface Pin {
  /** 1-based position in the value order. */
  position?: number;
  /** Quarter label such as `2027-Q1`. */
  quarter?: string;
  /** accountId of who set it (absent on pins set before it was kept). */
  by?: string;
  /** ISO date-time it was set (absent on pins set before it was kept). */
  at?: string;
  /** Display name of `by` ("former user" for an account Jira no longer knows); only `explainIssue` names it. */
  byName?: string;
}

export interface EffortInfo {
  /** Story points as read from Jira; null when missing or malformed. */
  points: number | null;
  /** What the base score was divided by: max(points, minPoints) ^ exponent (≥ 1). */
  divisor: number;
  /** True when `points` was missing or malformed and the project median was used instead. */
  estimated: boolean;
}

export interface BacklogItem {
  key: string;
  id: string;
  summary: string;
  issueType: string;
  status: string;
  /** 1-based position in the value order. */
  rank: number;
  /** 1-based position in Jira's own Rank order among the candidates. */
  jiraRank: number;
  /** 0–100. Equals the sum of the factor contributions. */
  score: number;
  /** 0–1: how much evidence stands behind the score. */
  confidence: number;
  factors: Record<FactorId, Factor>;
  effort: EffortInfo;
  /** Distinct customers behind the customer-voice factor. */
  customers: number;
  isDebt: boolean;
  pin: Pin | null;
  /** Stable codes of missing or malformed data, see `GAP_CODES`. */
  gaps: string[];
}

export type DifferenceFactor = FactorId | 'effort' | 'pin';

export interface Neighbour {
  key: string;
  score: number;
  /** Per-factor score differences, this issue minus the neighbour, largest first. */
  differences: { factor: DifferenceFactor; delta: number; text: string }[];
}

export interface RoadmapItem {
  key: string;
  /** The issue's summary, so the roadmap reads without opening each issue. */
  summary?: string;
  points: number;
  kind: 'feature' | 'debt';
  reason: string;
  atRisk?: string;
}

export interface RoadmapQuarter {
  label: string;
  /** ISO date (yyyy-MM-dd) of the quarter's first day. */
  start: string;
  /** ISO date (yyyy-MM-dd) of the quarter's last day. */
  end: string;
  /** Points available in this quarter (the current quarter is pro-rated). */
  capacity: number;
  used: { feature: number; debt: number };
  items: RoadmapItem[];
}

export interface Roadmap {
  quarters: RoadmapQuarter[];
  later: { key: string; summary?: string; points: number; reason: string; atRisk?: string }[];
  warnings: string[];
  /** Present when the roadmap would not fit one answer (Forge's 5 MB): `omitted` entries were cut from the end of `later`, then of the quarters. */
  cappedBy?: 'bytes';
  omitted?: number;
}

export interface RankMove {
  key: string;
  /** For the diff: the issue's summary, its position in Jira's order now and in the value order (1-based). */
  summary?: string;
  from?: number;
  to?: number;
  /** The issue is placed directly before this one … */
  before?: string;
  /** … or directly after this one. */
  after?: string;
}

/** One `PUT /rest/agile/1.0/issue/rank` call: up to 50 issues placed side by side next to an anchor. */
export interface RankBatch {
  issues: string[];
  rankBeforeIssue?: string;
  rankAfterIssue?: string;
}

/** A data source the app's own user could not read when the project's snapshot was built: what to grant, to whom. */
export interface SourceProblem {
  code: 'APP_CANNOT_BROWSE_PROJECT' | 'APP_CANNOT_BROWSE_FEEDBACK';
  /** The project key the app could not browse. */
  project: string;
  /** For a person: what is left out of the scores, and what a Jira admin can grant to fix it. */
  message: string;
}

/**
 * How far a project's snapshot is. A project opened for the first time answers `building` (with `done` of `total`
 * candidates read; `total` is 0 until they are listed) until its first snapshot exists; then `ready`.
 */
export interface SnapshotState {
  status: 'ready' | 'building';
  building?: { done: number; total: number };
  /** Data sources the app could not read when the snapshot was built (absent or empty: none). */
  sources?: SourceProblem[];
}

/**
 * An item done since a given time with the customers who asked for it (getShipped). `customers` and their tickets
 * are those the caller can open; tickets they cannot are only counted in `hiddenTickets`, and a customer known only
 * from those is not named. `notifiedAt`: when someone last told the customers through notifyCustomers.
 */
export interface ShippedItem {
  key: string;
  summary: string;
  /** ISO date-time. */
  resolvedAt: string;
  customers: { name: string; tickets: { key: string }[] }[];
  hiddenTickets: number;
  notifiedAt?: string;
}
