import type { ValueRankConfig } from '../../contract/config';
import type { Pin } from '../../contract/model';
import type { StakeholderVote } from './stakeholders';

/**
 * An issue as Jira's REST v3 returns it (`GET /issue`, `bulkfetch`): only `id`, `key` and `fields` are read,
 * and every field value is `unknown` because real sites hold odd values (strings in number fields, ADF, nulls).
 */
export interface JiraIssueLike {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

/** An item of `GET /rest/api/3/issue/{key}/remotelink`; only the URL (and globalId) are read. */
export interface RemoteLinkLike {
  globalId?: unknown;
  object?: { url?: unknown; title?: unknown } | null;
}

/** Field ids after discovery (the config's null entries resolved against `GET /rest/api/3/field`). */
export interface ResolvedFields {
  storyPoints: string | null;
  businessValue: string | null;
  customerCount: string | null;
  organizations: string | null;
  customerTier: string | null;
}

export interface ScoringInput {
  /** The scoring instant: recency and due dates are measured from here. */
  now: Date;
  config: ValueRankConfig;
  fields: ResolvedFields;
  /** Candidate issues in Jira's Rank order (first = top). */
  candidates: readonly JiraIssueLike[];
  /** Issues linked to candidates that are not candidates themselves (feedback tickets), by key. */
  linked: ReadonlyMap<string, JiraIssueLike>;
  /** Remote links per candidate key. */
  remoteLinks: ReadonlyMap<string, readonly RemoteLinkLike[]>;
  /** Project keys whose issues are feedback tickets (already resolved from the config). */
  feedbackProjects: ReadonlySet<string>;
  /** Pins per issue key. */
  pins: ReadonlyMap<string, Pin>;
  /** Stakeholder votes per issue id (absent: nobody voted). */
  votes?: ReadonlyMap<string, readonly StakeholderVote[]>;
  /**
   * Project-wide facts from an earlier full run, for scoring a few issues on their own (one issue edited): the
   * observed business-value maximum, the median estimate, and the "blocks" edges of the rest of the project.
   * Without it they are derived from `candidates`.
   */
  projectContext?: ProjectContext;
}

export interface ProjectContext {
  /** Largest business value among all candidates (ignored when the config sets a maximum). */
  businessValueMax: number;
  /** Median story points of all candidates with an estimate. */
  medianPoints: number;
  /** "blocks" edges among the project's issues (`toDone`: the blocked issue is resolved). */
  blocks: readonly { from: string; to: string; toDone: boolean }[];
}
