import type { EffortInfo, FactorId } from '../../contract/model';

/**
 * The project snapshot (docs/design.md, "One score for everyone"): what the background computed for each candidate
 * of a project, as the app, from the data sources a Jira admin configured. A UI call ranks the rows the user can
 * browse (SnapshotView) and builds its page's items from their stored evidence, cut to what the user may open
 * (redactEvidence). Scores never depend on who asks: only ranks (positions among what the user can see) do.
 */

/** One candidate's numbers and the fields filters read: the compact ranking a page view reads whole. */
export interface SnapshotRow {
  id: string;
  key: string;
  /** Plain text, ≤ 500 characters. */
  summary: string;
  issueType: string;
  status: string;
  /** 1-based position in Jira's Rank order among all candidates when the snapshot was built (new issues: after the last). */
  jiraRank: number;
  /** Epoch ms of the issue's creation (null when unreadable): visibility searches split the candidates by it. */
  created: number | null;
  labels: string[];
  /** The parent (epic) key, or null. */
  epicKey: string | null;
  /** yyyy-MM-dd, or null. */
  dueDate: string | null;
  /** Story points read from Jira (null when missing or malformed). */
  points: number | null;
  /** Business value read from Jira (before normalising); null when missing or malformed; absent in older snapshots. */
  businessValue?: number | null;
  /** Factor values (0–1) in FACTOR_IDS order. */
  values: number[];
  /** Effort divisor (≥ 1). */
  divisor: number;
  /** Distinct customers behind customer voice. */
  customers: number;
  isDebt: boolean;
  /** Gap codes (sorted), as BacklogItem.gaps. */
  gaps: string[];
  /** 0–1, as BacklogItem.confidence. */
  confidence: number;
}

/** One candidate's evidence, stored apart from the rows: only a page's items read it. */
export interface SnapshotEvidence {
  key: string;
  evidence: Record<FactorId, unknown>;
  effort: EffortInfo;
  /**
   * Every other issue its evidence names (feedback tickets, blocked issues, caused bugs): key → issue id. A user
   * sees a key (and what it carries: a summary, a customer name) only when they can browse that issue.
   */
  refs: Record<string, string>;
}

export type { SourceProblem } from '../../contract/model';
