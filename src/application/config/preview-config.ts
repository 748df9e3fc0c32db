import type { ValueRankConfig } from '../../contract/config';
import type { ResultMap } from '../../contract/operations';
import { SnapshotView, type SnapshotRow } from '../../domain';
import { previewRows } from '../../domain/config/preview-config';
import type { Pin } from '../../contract/model';
import type { AppDeps } from '../app-deps';
import { fitMoves } from '../backlog/answer-budget';
import type { JiraReader } from '../ports/jira';
import { requireSomeWeight } from '../shared/weights';
import { openView } from '../snapshot/open-view';
import type { ConfigScope } from './config-store';
import { requireGlobalDataSources, withGlobalDataSources } from './data-sources';
import { diffConfig } from './migrate-config';

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
  const preview = previewRows(rows, effective.config, next, changes, new Date(opened.meta.computedAt));
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
  const largest = [...moved].sort((a, b) => Math.abs(b.from - b.to) - Math.abs(a.from - a.to) || a.to - b.to).slice(0, LARGEST_SHOWN);
  return {
    ...fitMoves(moves),
    moved: moved.length,
    largest,
    previewed: preview.previewed,
    notPreviewed: preview.notPreviewed,
    approximate: preview.approximate,
    previewOn,
    stale: opened.stale,
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

/** The view's rows (what the user can see), in value order. */
function allRows(view: SnapshotView): SnapshotRow[] {
  return Array.from({ length: view.length }, (_, pos) => view.rowAt(pos));
}
