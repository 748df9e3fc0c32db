import type { Payload, ResultMap } from '../../contract/operations';
import type { BacklogItem } from '../../contract/model';
import { isRecord, readNames } from '../../domain/scoring/read-values';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';
import { rankProject, type AppDeps, type Ranking } from './rank-project';

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
  const matching = p.filter === undefined ? ranking.items : ranking.items.filter(matcher(ranking, p.filter));
  const pageSize = p.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = p.page ?? 0;
  return {
    items: matching.slice(page * pageSize, (page + 1) * pageSize),
    page,
    pageSize,
    total: matching.length,
    computedAt: ranking.computedAt,
    configVersion: ranking.configVersion,
    // Evidence still being read in the background: the ranking may move when it arrives.
    stale: ranking.loaded.remoteLinksPending > 0,
  };
}

function matcher(ranking: Ranking, f: Filter): (item: BacklogItem) => boolean {
  const raw = new Map(ranking.loaded.candidates.map((c) => [c.key, c.fields]));
  const types = f.types && f.types.length > 0 ? new Set(f.types.map((t) => t.toLowerCase())) : null;
  const labels = f.labels && f.labels.length > 0 ? new Set(f.labels.map((l) => l.toLowerCase())) : null;
  const text = f.text?.trim().toLowerCase() || null;
  return (item) => {
    if (types !== null && !types.has(item.issueType.toLowerCase())) return false;
    if (f.debtOnly === true && !item.isDebt) return false;
    if (f.feedbackOnly === true && item.customers === 0) return false;
    if (f.gapsOnly === true && item.gaps.length === 0) return false;
    if (text !== null && !item.key.toLowerCase().includes(text) && !item.summary.toLowerCase().includes(text)) return false;
    const fields = raw.get(item.key) ?? {};
    if (labels !== null && !readNames(fields.labels).some((l) => labels.has(l.toLowerCase()))) return false;
    if (f.epicKey !== undefined) {
      const parent = isRecord(fields.parent) && typeof fields.parent.key === 'string' ? fields.parent.key : null;
      if (parent !== f.epicKey) return false;
    }
    return true;
  };
}
