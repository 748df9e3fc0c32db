import { z } from 'zod';
import { FACTOR_IDS, type BacklogItem, type Neighbour, type Pin, type RankMove, type Roadmap, type ShippedItem, type SnapshotState } from './model';
import { configSchema, type ValueRankConfig } from './config';
import type { DataSourcePath } from './data-sources';
import type { SprintProposal } from './sprint';
import type { ChangesResult, HistoryStep } from './history';

/**
 * The resolver operations (DESIGN.md, "Resolver operations"): names, payload schemas and result types.
 * Payload schemas are loose about extra fields (they are dropped) and strict about the ones read.
 */

export const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'must be a Jira project key such as PRJ');
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'must be a Jira issue key such as PRJ-12');
export const quarterSchema = z.string().regex(/^[0-9]{4}-Q[1-4]$/, "must be a quarter such as '2027-Q1'");
const weightsOverride = z.object(
  Object.fromEntries(FACTOR_IDS.map((id) => [id, z.number().finite().min(0).max(100).optional()])) as Record<
    (typeof FACTOR_IDS)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);
const text = z.string().max(200);
const version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** An ISO 8601 date-time with a zone (`2026-11-01T00:00:00Z`, `…+01:00`), as `new Date().toISOString()` writes it. */
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-11-01T00:00:00Z' });

export const payloadSchemas = {
  getBacklog: z.object({
    projectKey: projectKeySchema,
    page: z.number().int().min(0).max(100_000).optional(),
    pageSize: z.number().int().min(1).max(500).optional(),
    filter: z
      .object({
        types: z.array(text).max(50).optional(),
        labels: z.array(text).max(50).optional(),
        epicKey: issueKeySchema.optional(),
        debtOnly: z.boolean().optional(),
        feedbackOnly: z.boolean().optional(),
        gapsOnly: z.boolean().optional(),
        text: text.optional(),
      })
      .optional(),
    weightsOverride: weightsOverride.optional(),
    /** The Refresh button: ask Jira afresh which issues the user may see, instead of reusing that list of the last 30 s. */
    refresh: z.boolean().optional(),
  }),
  explainIssue: z.object({ issueKey: issueKeySchema }),
  getRoadmap: z.object({
    projectKey: projectKeySchema,
    quarters: z.number().int().min(1).max(8).optional(),
    capacityOverride: z.number().finite().positive().max(1_000_000).optional(),
  }),
  previewWeights: z.object({ projectKey: projectKeySchema, weights: weightsOverride }),
  getConfig: z.object({ projectKey: projectKeySchema.optional() }),
  saveConfig: z.object({ projectKey: projectKeySchema.optional(), expectedVersion: version, config: configSchema }),
  getConfigHistory: z.object({
    projectKey: projectKeySchema.optional(),
    /** `nextCursor` of the previous page; absent = the newest versions. */
    cursor: z
      .string()
      .regex(/^[1-9][0-9]{0,8}$/, 'must be the nextCursor of a previous page')
      .optional(),
    /** Versions per page (default 50). */
    limit: z.number().int().min(1).max(100).optional(),
  }),
  revertConfig: z.object({ projectKey: projectKeySchema.optional(), toVersion: version, expectedVersion: version }),
  setPin: z.object({
    projectKey: projectKeySchema,
    issueKey: issueKeySchema,
    position: z.number().int().min(1).max(1_000_000).optional(),
    quarter: quarterSchema.optional(),
  }),
  planRankSync: z.object({ projectKey: projectKeySchema }),
  applyRankSync: z.object({ projectKey: projectKeySchema, planId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  listFields: z.object({}),
  planSprint: z.object({
    projectKey: projectKeySchema,
    /** Points the PO types for the next sprint, instead of what the closed sprints delivered. */
    capacity: z.number().finite().positive().max(100_000).optional(),
  }),
  getShipped: z.object({ projectKey: projectKeySchema, since: isoDateTime }),
  notifyCustomers: z.object({
    projectKey: projectKeySchema,
    issueKey: issueKeySchema,
    text: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2,000 characters'),
  }),
  /**
   * What saving `config` would move, without saving: `projectKey` is the config's scope as in saveConfig (absent:
   * the global config, from the admin page), `previewOn` the project whose ranking is previewed (default: projectKey).
   */
  previewConfig: z.object({ projectKey: projectKeySchema.optional(), previewOn: projectKeySchema.optional(), config: configSchema }),
  /** The scoring presets the settings pages offer (to whoever may edit them: Jira admin, or the context project's admin). */
  listPresets: z.object({}),
  castVote: z.object({
    issueKey: issueKeySchema,
    importance: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    note: z.string().max(500).optional(),
  }),
  getChanges: z.object({
    projectKey: projectKeySchema,
    since: z.union([
      z.enum(['lastWeek', 'sprintStart', 'lastConfig']),
      z.string().datetime({ offset: true, message: "must be an ISO date-time, or 'lastWeek', 'sprintStart' or 'lastConfig'" }),
    ]),
    /** Only moves of more than this many places. */
    minMove: z.number().int().min(0).max(100_000).optional(),
  }),
} as const;

export type OperationKey = keyof typeof payloadSchemas;
export const OPERATION_KEYS = Object.keys(payloadSchemas) as OperationKey[];
export type Payload<K extends OperationKey> = z.infer<(typeof payloadSchemas)[K]>;

export interface ResultMap {
  /**
   * `cappedBy: 'bytes'`: the requested page would not fit one answer (Forge's 5 MB), so a smaller page of the same
   * paging was served: `pageSize` divides the requested size and `page` is renumbered so `page · pageSize` is
   * still the offset asked for.
   */
  getBacklog: {
    items: BacklogItem[];
    page: number;
    pageSize: number;
    total: number;
    computedAt: string;
    configVersion: number;
    stale: boolean;
    cappedBy?: 'bytes';
  } & SnapshotState;
  /** While the project's first snapshot is building: `item` null, `total` 0. */
  explainIssue: {
    item: BacklogItem | null;
    total: number;
    above: Neighbour | null;
    below: Neighbour | null;
    configVersion: number;
    computedAt: string;
    /** Stakeholder votes on the issue, newest first (every one: a voter could browse the issue, as can the reader). */
    votes: StakeholderVoteView[];
  } & SnapshotState & { history: HistoryStep[] };
  getRoadmap: Roadmap & SnapshotState;
  /** Every candidate; with `cappedBy: 'bytes'`, unchanged ones (then the last) were left out to fit one answer, `omitted` of them. */
  previewWeights: { moves: { key: string; from: number; to: number }[]; cappedBy?: 'bytes'; omitted?: number };
  /**
   * `access: 'full'` (the whole config and who saved it) for whoever may change that scope: a Jira admin for the
   * global config, a project admin for a project's; everyone else gets `'summary'`: the weights (one per factor) and
   * the version, which is what their screens read. `globalOnly` names the settings of `config` that only the global
   * config sets (the data sources, DATA_SOURCE_PATHS): a project's config shows the global values there, and a
   * project save may send them only unchanged.
   */
  getConfig:
    | {
        access: 'full';
        scope: 'global' | 'project';
        version: number;
        config: ValueRankConfig;
        updatedAt: string | null;
        updatedBy: string | null;
        globalOnly: DataSourcePath[];
      }
    | { access: 'summary'; scope: 'global' | 'project'; version: number; config: ConfigSummary; updatedAt: null; updatedBy: null };
  saveConfig: { version: number };
  /** Newest first, one page; `nextCursor` asks for the older page (null: no older versions). */
  getConfigHistory: {
    /**
     * `by` is an accountId, or `valuerank:migration` for a version the app wrote itself, which `note` explains;
     * `displayName` is who that is ("ValueRank" for the app, "former user" for an account Jira no longer knows).
     */
    entries: { version: number; at: string; by: string; displayName: string; changes: { path: string; from: unknown; to: unknown }[]; note?: string }[];
    nextCursor: string | null;
  };
  revertConfig: { version: number };
  setPin: { pin: Pin | null };
  planRankSync: { planId: string; total: number; unchanged: number; moves: RankMove[]; calls: number };
  applyRankSync: { status: 'done' | 'partial'; applied: number; failed: { key: string; message: string }[] };
  listFields: { fields: { id: string; name: string; type: string }[] };
  planSprint: SprintProposal & SnapshotState;
  /** Newest resolved first. */
  getShipped: { items: ShippedItem[] };
  notifyCustomers: { commented: number; alreadyNotified: number; refused: number };
  /**
   * `moves` as previewWeights (every candidate the user can see); `moved` how many change place; `largest` the
   * largest moves first (at most 25), with the issues' summaries. `previewed` and `notPreviewed` name the changed
   * settings (config paths) whose effect is shown, and those that move scores through facts the snapshot does not
   * keep; `approximate` says where a shown value is a lower bound. `stale`: the project's snapshot is being rebuilt,
   * so it may not yet reflect the saved settings the preview starts from. `job`: settings the snapshot cannot show
   * are scored in the background from Jira ('running': ask again in a moment; 'done': every change is shown,
   * exactly; 'failed': `message` says why). Absent when the snapshot shows everything, or for a user who may not
   * change the settings (they get what the snapshot shows, and `notPreviewed`). docs/config-preview.md.
   */
  previewConfig: {
    moves: { key: string; from: number; to: number }[];
    moved: number;
    largest: { key: string; summary: string; from: number; to: number }[];
    previewed: string[];
    notPreviewed: string[];
    approximate: { count: number; reason: string }[];
    previewOn: string;
    stale: boolean;
    job?: { status: 'running' | 'done' | 'failed'; message?: string };
    cappedBy?: 'bytes';
    omitted?: number;
  } & SnapshotState;
  listPresets: { presets: ScoringPreset[] };
  /** `votes`: how many users voted on the issue now; `mine`: the caller's vote in force (null after importance 0). */
  castVote: { votes: number; mine: { importance: number; note?: string; at: string } | null };
  getChanges: ChangesResult;
}

/** A named set of weights and an effort exponent (src/domain/config/presets.ts), with one line on when to use it. */
export interface ScoringPreset {
  id: string;
  name: string;
  when: string;
  weights: ValueRankConfig['weights'];
  effortExponent: number;
}

/** One stakeholder's vote as the issue panel lists it. */
export interface StakeholderVoteView {
  accountId: string;
  displayName: string;
  /** 1–5. */
  importance: number;
  note?: string;
  /** ISO date-time of the vote (its last change). */
  at: string;
}

/** What a user who may not change the config sees of it. */
export interface ConfigSummary {
  weights: ValueRankConfig['weights'];
}

export { ERROR_CODES, type ErrorCode } from './errors';
import type { ErrorCode } from './errors';

export interface OperationError {
  code: ErrorCode;
  /** What went wrong and what to do next, for a person. */
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: OperationError };
