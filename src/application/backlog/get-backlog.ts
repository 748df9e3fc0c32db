import type { Payload, ResultMap } from '../../contract/operations';
import type { BacklogItem } from '../../contract/model';
import { isRecord, readNames } from '../../domain/scoring/read-values';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';
import type { ScoredBacklog } from '../../domain';
import { rankProject, type AppDeps } from './rank-project';
import { fitPage } from './answer-budget';

export const DEFAULT_PAGE_SIZE = 100;

type Filter = NonNullable<Payload<'getBacklog'>['filter']>;

/**
 * The ranked backlog of a project, filtered and paged (pages are 0-based; ranks stay the unfiltered ranks).
 * `principal`: the caller (site and accountId); their load of the last 30 s is reused for paging and what-if.
 */
export async function getBacklog(deps: AppDeps, reader: JiraReader, principal: string, p: Payload<'getBacklog'>): Promise<ResultMap['getBacklog']> {
  const ranking = await rankProject(deps, reader, p.projectKey, p.weightsOverride, { principal, reuse: p.refresh !== true });
  if (!Object.values(ranking.config.weights).some((w) => w > 0)) {
    throw new AppError('INVALID_PAYLOAD', 'weightsOverride: at least one weight must be above 0');
  }
  const { backlog } = ranking;
  const pageSize = p.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = p.page ?? 0;
  // Only the page's items are built (with their evidence); filters read the packed scores and raw fields.
  let items: BacklogItem[];
  let total: number;
  if (p.filter === undefined) {
    items = backlog.slice(page * pageSize, (page + 1) * pageSize);
    total = backlog.length;
  } else {
    const matches = matcher(backlog, p.filter);
    const positions: number[] = [];
    for (let pos = 0; pos < backlog.length; pos++) if (matches(pos)) positions.push(pos);
    items = positions.slice(page * pageSize, (page + 1) * pageSize).map((pos) => backlog.item(pos));
    total = positions.length;
  }
  const fitted = fitPage(items, page, pageSize);
  return {
    items: fitted.items,
    page: fitted.page,
    pageSize: fitted.pageSize,
    ...(fitted.capped ? { cappedBy: 'bytes' as const } : {}),
    total,
    computedAt: ranking.computedAt,
    configVersion: ranking.configVersion,
    // Evidence still being read in the background: the ranking may move when it arrives.
    stale: ranking.loaded.remoteLinksPending > 0,
    status: 'ready',
  };
}

/** Whether the issue at a position passes the filter. */
function matcher(backlog: ScoredBacklog, f: Filter): (position: number) => boolean {
  const types = f.types && f.types.length > 0 ? new Set(f.types.map((t) => t.toLowerCase())) : null;
  const labels = f.labels && f.labels.length > 0 ? new Set(f.labels.map((l) => l.toLowerCase())) : null;
  const text = f.text?.trim().toLowerCase() || null;
  return (pos) => {
    if (types !== null && !types.has(backlog.issueTypeAt(pos).toLowerCase())) return false;
    if (f.debtOnly === true && !backlog.isDebtAt(pos)) return false;
    if (f.feedbackOnly === true && backlog.customersAt(pos) === 0) return false;
    if (f.gapsOnly === true && !backlog.hasGapsAt(pos)) return false;
    if (text !== null && !backlog.keyAt(pos).toLowerCase().includes(text) && !backlog.summaryAt(pos).toLowerCase().includes(text)) return false;
    const fields = backlog.fieldsAt(pos);
    if (labels !== null && !readNames(fields.labels).some((l) => labels.has(l.toLowerCase()))) return false;
    if (f.epicKey !== undefined) {
      const parent = isRecord(fields.parent) && typeof fields.parent.key === 'string' ? fields.parent.key : null;
      if (parent !== f.epicKey) return false;
    }
    return true;
  };
}
