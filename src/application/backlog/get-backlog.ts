import type { Payload, ResultMap } from '../../contract/operations';
import type { BacklogItem } from '../../contract/model';
import type { SnapshotView } from '../../domain';
import type { AppDeps } from '../app-deps';
import { requireSomeWeight } from '../shared/weights';
import type { JiraReader } from '../ports/jira';
import { itemsAt, openView } from '../snapshot/open-view';
import { fitPage } from './answer-budget';
import { pageItem } from './page-evidence';

export const DEFAULT_PAGE_SIZE = 100;

type Filter = NonNullable<Payload<'getBacklog'>['filter']>;

/**
 * The ranked backlog of a project as the user may see it, filtered and paged (pages are 0-based; ranks stay the
 * unfiltered ranks among what the user can see), answered from the project's snapshot. `principal`: the caller,
 * whose browsable ids are reused briefly for paging (`refresh` asks Jira afresh).
 */
export async function getBacklog(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getBacklog'>): Promise<ResultMap['getBacklog']> {
  const pageSize = p.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = p.page ?? 0;
  const opened = await openView(deps, reader, p.projectKey, p.weightsOverride, { principal, fresh: p.refresh === true });
  if (opened.status === 'building') {
    return { items: [], page, pageSize, total: 0, computedAt: deps.clock().toISOString(), configVersion: 0, stale: true, ...opened };
  }
  const { view, meta } = opened;
  requireSomeWeight(opened.weights, 'weightsOverride');
  let positions: number[];
  let total: number;
  if (p.filter === undefined) {
    total = view.length;
    positions = [];
    for (let pos = page * pageSize; pos < Math.min(total, (page + 1) * pageSize); pos++) positions.push(pos);
  } else {
    const matches = matcher(view, p.filter);
    const all: number[] = [];
    for (let pos = 0; pos < view.length; pos++) if (matches(pos)) all.push(pos);
    total = all.length;
    positions = all.slice(page * pageSize, (page + 1) * pageSize);
  }
  const items: BacklogItem[] = (await itemsAt(deps, reader, p.projectKey, opened, positions)).map(pageItem);
  const fitted = fitPage(items, page, pageSize);
  return {
    items: fitted.items,
    page: fitted.page,
    pageSize: fitted.pageSize,
    ...(fitted.capped ? { cappedBy: 'bytes' as const } : {}),
    total,
    computedAt: meta.computedAt,
    configVersion: meta.configVersion,
    stale: opened.stale,
    status: 'ready',
    sources: opened.sources,
  };
}

/** Whether the issue at a position passes the filter (read from the snapshot's rows, no evidence needed). */
function matcher(view: SnapshotView, f: Filter): (position: number) => boolean {
  const types = f.types && f.types.length > 0 ? new Set(f.types.map((t) => t.toLowerCase())) : null;
  const labels = f.labels && f.labels.length > 0 ? new Set(f.labels.map((l) => l.toLowerCase())) : null;
  const text = f.text?.trim().toLowerCase() || null;
  return (pos) => {
    if (types !== null && !types.has(view.issueTypeAt(pos).toLowerCase())) return false;
    if (f.debtOnly === true && !view.isDebtAt(pos)) return false;
    if (f.feedbackOnly === true && view.customersAt(pos) === 0) return false;
    if (f.gapsOnly === true && !view.hasGapsAt(pos)) return false;
    if (text !== null && !view.keyAt(pos).toLowerCase().includes(text) && !view.summaryAt(pos).toLowerCase().includes(text)) return false;
    if (labels !== null && !view.labelsAt(pos).some((l) => labels.has(l.toLowerCase()))) return false;
    if (f.epicKey !== undefined && view.epicKeyAt(pos) !== f.epicKey) return false;
    return true;
  };
}
