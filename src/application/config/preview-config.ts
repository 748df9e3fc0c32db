import type { ValueRankConfig } from '../../contract/config';
import type { ResultMap } from '../../contract/operations';
import { SnapshotView, type SnapshotRow } from '../../domain';
import { previewRows, type ConfigPreview } from '../../domain/config/preview-config';
import type { Pin } from '../../contract/model';
import type { AppDeps } from '../app-deps';
import { fitMoves } from '../backlog/answer-budget';
import type { JiraReader } from '../ports/jira';
import { requireSomeWeight } from '../shared/weights';
import { openView } from '../snapshot/open-view';
import type { ConfigScope } from './config-store';
import { requireGlobalDataSources, withGlobalDataSources } from './data-sources';
import { diffConfig } from './migrate-config';
import { readPreviewRows, requestPreviewJob, type PreviewedRow } from './preview-job';

/** Largest moves listed. */
export const LARGEST_SHOWN = 25;

/**
 * What saving `proposed` in `scope` would do to `previewOn`'s ranking as the user sees it, without saving: the
 * snapshot's rows re-scored with the config the project would then have (docs/config-preview.md). Reads the snapshot
 * and the user's visible ids as a page view does; never loads the project from Jira.
 */
export async function previewConfig(
  deps: AppDeps,
  reader: JiraReader,
  principal: string,
  scope: ConfigScope,
  previewOn: string,
  proposed: ValueRankConfig,
  /** May queue a background job for what the snapshot cannot show (whoever may change this scope). */
  mayQueueJob: boolean,
): Promise<ResultMap['previewConfig']> {
  requireSomeWeight(proposed.weights, 'config.weights');
  const [opened, effective, global] = await Promise.all([
    openView(deps, reader, previewOn, undefined, { principal }),
    deps.configs.effective(previewOn),
    deps.configs.effective(null),
  ]);
  const empty = { moves: [], moved: 0, largest: [], previewed: [], notPreviewed: [], approximate: [], previewOn, stale: false };
  if (opened.status === 'building') return { ...empty, ...opened };
  const next = projectConfigAfter(scope, proposed, effective, global.config);
  const changes = diffConfig(effective.config, next).map((c) => c.path);
  const rows = allRows(opened.view);
  let preview = previewRows(rows, effective.config, next, changes, new Date(opened.meta.computedAt));
  let job: ResultMap['previewConfig']['job'];
  if (mayQueueJob && (preview.notPreviewed.length > 0 || preview.approximate.length > 0)) {
    const queued = await requestPreviewJob(deps, previewOn, next);
    job = queued.status === 'queued' ? { status: 'running' } : { status: queued.status, ...(queued.message === undefined ? {} : { message: queued.message }) };
    if (queued.status === 'done') preview = fromJob(rows, await readPreviewRows(deps.kv, previewOn, queued), preview);
  }
  const pins = new Map<string, Pin>();
  for (let pos = 0; pos < opened.view.length; pos++) {
    const pin = opened.view.pinAt(pos);
    if (pin !== null) pins.set(opened.view.keyAt(pos), pin);
  }
  const after = SnapshotView.of({ rows: preview.rows, pins, weights: next.weights });
  const current = opened.view;
  const moves: ResultMap['previewConfig']['moves'] = [];
  for (let pos = 0; pos < current.length; pos++) moves.push({ key: current.keyAt(pos), from: pos + 1, to: after.positionOf(current.keyAt(pos)) + 1 });
  const moved = moves.filter((m) => m.from !== m.to);
  const largest = [...moved]
    .sort((a, b) => Math.abs(b.from - b.to) - Math.abs(a.from - a.to) || a.to - b.to)
    .slice(0, LARGEST_SHOWN)
    .map((m) => ({ ...m, summary: current.summaryAt(m.from - 1) }));
  return {
    ...fitMoves(moves),
    moved: moved.length,
    largest,
    previewed: preview.previewed,
    notPreviewed: preview.notPreviewed,
    approximate: preview.approximate,
    previewOn,
    stale: opened.stale,
    ...(job === undefined ? {} : { job }),
    status: 'ready',
    sources: opened.sources,
  };
}

/**
 * The config `previewOn` would have after the save: a project save is its override (with the global data sources,
 * which it may only repeat); a global save reaches a project with its own override only through the data sources.
 */
function projectConfigAfter(
  scope: ConfigScope,
  proposed: ValueRankConfig,
  effective: { scope: 'global' | 'project'; config: ValueRankConfig },
  global: ValueRankConfig,
): ValueRankConfig {
  if (scope.kind === 'project') {
    requireGlobalDataSources(proposed, global);
    return withGlobalDataSources(proposed, global);
  }
  return effective.scope === 'project' ? withGlobalDataSources(effective.config, proposed) : proposed;
}

/**
 * The rows as the background job scored them: every change is then shown exactly. A row the job did not score
 * (it would no longer be a candidate under a new candidate JQL) ranks last, scored 0.
 */
function fromJob(rows: readonly SnapshotRow[], scored: ReadonlyMap<string, PreviewedRow>, partial: ConfigPreview): ConfigPreview {
  const zero = rows[0]?.values.map(() => 0) ?? [];
  return {
    rows: rows.map((r) => {
      const s = scored.get(r.key);
      return s === undefined ? { ...r, values: zero } : { ...r, values: s.values, divisor: s.divisor, isDebt: s.isDebt };
    }),
    previewed: [...partial.previewed, ...partial.notPreviewed].sort(),
    notPreviewed: [],
    approximate: [],
  };
}

/** The view's rows (what the user can see), in value order. */
function allRows(view: SnapshotView): SnapshotRow[] {
  return Array.from({ length: view.length }, (_, pos) => view.rowAt(pos));
}
