import type { Weights } from '../../contract/config';
import type { BacklogItem, SourceProblem } from '../../contract/model';
import { redactEvidence, SnapshotView } from '../../domain';
import type { SnapshotEvidence } from '../../domain/snapshot/types';
import type { AppDeps, WeightsOverride } from '../app-deps';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';
import { readBuildState, configDigest, type BuildState } from './build-state';
import { readEvidence, readMeta, readRows, SnapshotMissingError, type SnapshotMeta, type StoredSnapshotRow } from './snapshot-store';
import { searchBounds, visibleCandidateIds } from './visibility';

/** A build whose last step is older than this lost its event (a restart, a dropped delivery): it is queued again. */
export const STALLED_MS = 90_000;

export type Building = { status: 'building'; building: { done: number; total: number } };

/** A project's snapshot as one user may see it: the rows they can browse, ranked among themselves. */
export interface OpenedView {
  status: 'ready';
  meta: SnapshotMeta;
  view: SnapshotView;
  /** The weights the view ranks with: the snapshot's, or a what-if override of them. */
  weights: Weights;
  /** Every row of the snapshot by key (what the user can see is `view`). */
  rowsByKey: Map<string, StoredSnapshotRow>;
  /** A rebuild is under way or queued (a config change): the scores may move when it lands. */
  stale: boolean;
  sources: SourceProblem[];
}

/**
 * Opens a project's snapshot for the user `reader` acts as: one KVS read for the meta (the rows come from this
 * instance's cache while current), the user's browsable candidate ids (one ids-only search per creation-time range
 * of at most 4,500 issues, in parallel; reused for 30 s), and the rows
 * ranked with the snapshot's weights (or a what-if override). A project without a snapshot answers 'building' and
 * makes sure a build is under way. Never reads the project's issues from Jira.
 */
export async function openView(
  deps: AppDeps,
  reader: JiraReader,
  projectKey: string,
  override?: WeightsOverride,
  /** `principal`: the caller (site and account), whose visible ids are reused for VISIBLE_TTL_MS unless `fresh`. */
  who: { principal?: string; fresh?: boolean } = {},
): Promise<OpenedView | Building> {
  const [meta, state, effective, pins] = await Promise.all([
    readMeta(deps.kv, projectKey),
    readBuildState(deps.kv, projectKey),
    deps.configs.effective(projectKey),
    deps.pins.all(projectKey),
  ]);
  if (meta === undefined) {
    await keepBuilding(deps, projectKey, state);
    return { status: 'building', building: progressOf(state) };
  }
  let rows: StoredSnapshotRow[];
  let current = meta;
  try {
    rows = await readRows(deps.kv, projectKey, meta);
  } catch (e) {
    // A rebuild switched generations between the meta and the rows: the new meta names the new rows.
    if (!(e instanceof SnapshotMissingError)) throw e;
    current = (await readMeta(deps.kv, projectKey)) ?? meta;
    rows = await readRows(deps.kv, projectKey, current);
  }
  const visible = rows.length === 0 ? new Set<string>() : await visibleIds(reader, projectKey, effective.config, current, rows, who);
  const weights = withOverride(current.weights, override);
  const view = SnapshotView.of({ rows: rows.filter((r) => visible.has(r.id)), pins, weights });
  const rebuildPending = current.configDigest !== configDigest(effective.config);
  if (rebuildPending) await keepBuilding(deps, projectKey, state);
  return {
    status: 'ready',
    meta: current,
    view,
    weights,
    rowsByKey: new Map(rows.map((r) => [r.key, r])),
    stale: state !== undefined || rebuildPending,
    sources: current.sources,
  };
}

/** How long a user's browsable candidate ids are reused within a function instance: paging and what-if steps. */
export const VISIBLE_TTL_MS = 30_000;
const visibleCache = new Map<string, { at: number; ids: Set<string> }>();
const MAX_VISIBLE_CACHED = 8;

/**
 * The user's browsable candidate ids: searched as the user, then reused for 30 s by the same user on the same
 * snapshot (a what-if slider asks several times a second; the Refresh button asks afresh). A permission taken away
 * shows within those 30 s.
 */
async function visibleIds(
  reader: JiraReader,
  projectKey: string,
  config: Parameters<typeof visibleCandidateIds>[2],
  meta: SnapshotMeta,
  rows: readonly StoredSnapshotRow[],
  who: { principal?: string; fresh?: boolean },
): Promise<Set<string>> {
  const key = who.principal === undefined ? null : `${who.principal}\u0000${projectKey}\u0000${meta.gen}`;
  const now = Date.now();
  const hit = key === null ? undefined : visibleCache.get(key);
  if (hit !== undefined && who.fresh !== true && now - hit.at < VISIBLE_TTL_MS) return hit.ids;
  // Older snapshots have no bounds: cut by their rows' creation times.
  const bounds = meta.rangeBounds ?? searchBounds(rows.map((r) => r.created).filter((c): c is number => c !== null));
  const ids = await visibleCandidateIds(reader, projectKey, config, bounds);
  if (key !== null) {
    visibleCache.delete(key);
    visibleCache.set(key, { at: now, ids });
    while (visibleCache.size > MAX_VISIBLE_CACHED) visibleCache.delete(visibleCache.keys().next().value as string);
  }
  return ids;
}

function withOverride(weights: Weights, override: WeightsOverride | undefined): Weights {
  if (override === undefined) return weights;
  const out = { ...weights };
  for (const [k, v] of Object.entries(override) as [keyof Weights, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Issues read of the build's total: reading the issues and, when remote links are read after them, reading the
 * links count half each, so the bar never goes back.
 */
function progressOf(state: BuildState | undefined): { done: number; total: number } {
  if (state === undefined) return { done: 0, total: 0 };
  const half = state.readsLinks === true ? 0.5 : 1;
  const done =
    state.phase === 'fetch' ? state.cursor * half : state.phase === 'links' ? state.total * half + Math.min(state.cursor, state.total) * half : state.total;
  return { done: Math.min(state.total, Math.round(done)), total: state.total };
}

/** `snapreq:<KEY>` → `{ at }`: when a page last asked for a build, so a page polling every second asks once. */
const requestedKey = (p: string): string => `snapreq:${p}`;

/** Queues a build when none is moving (none started, or its last step is older than STALLED_MS) and none was asked for lately. */
async function keepBuilding(deps: AppDeps, projectKey: string, state: BuildState | undefined): Promise<void> {
  const now = Date.now();
  if (state !== undefined && now - Date.parse(state.updatedAt) < STALLED_MS) return;
  const asked = await deps.kv.get<{ at: number }>(requestedKey(projectKey));
  if (asked !== undefined && now - asked.at < STALLED_MS && (state === undefined || asked.at > Date.parse(state.updatedAt))) return;
  await deps.kv.set(requestedKey(projectKey), { at: now });
  await deps.requestBuild?.(projectKey);
}

/**
 * The items at `positions` of the view, with their evidence cut to what the user may open: keys of other issues
 * (feedback tickets, blocked issues, caused bugs) stay only when the user can browse them — a candidate they can
 * see, or an issue Jira's bulk permission check grants them (one request a page, up to 1,000 issues) — and are
 * otherwise counted.
 */
export async function itemsAt(deps: AppDeps, reader: JiraReader, projectKey: string, opened: OpenedView, positions: readonly number[]): Promise<BacklogItem[]> {
  const { view, meta, rowsByKey } = opened;
  const rows = positions.map((p) => rowsByKey.get(view.keyAt(p))!);
  let evidence: Map<string, SnapshotEvidence>;
  try {
    evidence = await readEvidence(deps.kv, projectKey, meta, rows);
  } catch (e) {
    // A rebuild replaced the snapshot between the ranking and its evidence: the next call reads the new one.
    if (e instanceof SnapshotMissingError) throw new AppError('BUSY', 'The ranking was just recomputed while this page was read. Load it again.');
    throw e;
  }
  const open = new Set<string>();
  const ask = new Map<string, string>();
  for (const e of evidence.values())
    for (const [key, id] of Object.entries(e.refs)) {
      if (view.positionOf(key) >= 0) open.add(key);
      else ask.set(key, id);
    }
  if (ask.size > 0) {
    const seen = await reader.browsableIssues([...new Set(ask.values())]);
    for (const [key, id] of ask) if (seen.has(id)) open.add(key);
  }
  const redacted = new Map<string, SnapshotEvidence>();
  for (const [key, e] of evidence)
    redacted.set(
      key,
      redactEvidence(e, (k) => open.has(k)),
    );
  view.attachEvidence(redacted);
  return positions.map((p) => view.item(p));
}
