import type { FactorId } from '../../contract/model';
import { pointOf, type HistoryPoint } from '../../domain/history';
import type { AppDeps } from '../app-deps';
import type { OpenedView } from '../snapshot/open-view';
import { readEdges } from '../snapshot/snapshot-store';

/** The ranking now, as a history point (every candidate, the pins in force), from the snapshot a view opened. */
export async function currentPoint(deps: AppDeps, projectKey: string, opened: OpenedView): Promise<HistoryPoint> {
  const [edges, pins] = await Promise.all([readEdges(deps.kv, projectKey, opened.meta), deps.pins.all(projectKey)]);
  return pointOf({
    at: deps.clock().toISOString(),
    configVersion: opened.meta.configVersion,
    weights: opened.meta.weights as Record<FactorId, number>,
    rows: [...opened.rowsByKey.values()],
    edges,
    pins,
  });
}

/** The ids of the candidates a view shows (what its user can browse). */
export function visibleIdsOf(opened: OpenedView): Set<string> {
  const out = new Set<string>();
  for (let pos = 0; pos < opened.view.length; pos++) out.add(opened.view.idAt(pos));
  return out;
}

/** Display names of accountIds (an unknown one is left out: the words then say "a user"). */
export type NamesOf = (accountIds: readonly string[]) => Promise<Map<string, string>>;
