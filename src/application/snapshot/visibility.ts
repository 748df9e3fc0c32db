import { startOfMinute } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import type { JiraReader } from '../ports/jira';
import { candidateWhere } from '../backlog/load-project';

/** Ids a search page returns at most when only ids are asked for (`POST /rest/api/3/search/jql`). */
export const IDS_PER_SEARCH = 5000;
/** Most ids one answer may list: the snapshot's own bound on candidates, with room for new issues. */
const MAX_VISIBLE = 120_000;

/** A JQL date-time literal, minute precision ("yyyy-MM-dd HH:mm", Atlassian's "Advanced search reference – JQL fields": created). */
function jqlMinute(ms: number): string {
  return new Date(startOfMinute(ms).getTime()).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The ids of the candidates the user can browse, read as the user: ids-only searches of ≤ 5,000 each, split by
 * creation time so they run in parallel (token paging would be sequential: 20 round trips at 100,000 issues).
 * The ranges are contiguous — below the first bound, between bounds, from the last bound on — so every issue
 * falls in exactly one whatever time zone Jira reads the bounds in (the user's); a range that holds more than
 * 5,000 (a bulk import within one minute) is paged on. The last range, open above, also finds issues created
 * since the snapshot. Dates, not issue ids, bound the ranges: a JQL naming an issue the user cannot see fails.
 */
export async function visibleCandidateIds(
  reader: JiraReader,
  projectKey: string,
  config: ValueRankConfig,
  created: readonly (number | null)[],
): Promise<Set<string>> {
  const where = candidateWhere(projectKey, config);
  const times = created.filter((c): c is number => c !== null && Number.isFinite(c)).sort((a, b) => a - b);
  const bounds: string[] = [];
  for (let i = IDS_PER_SEARCH; i < times.length; i += IDS_PER_SEARCH) {
    const b = jqlMinute(times[i]!);
    if (bounds[bounds.length - 1] !== b) bounds.push(b);
  }
  const ranges: string[] = [];
  if (bounds.length === 0) ranges.push(where);
  else {
    ranges.push(`${where} AND created < "${bounds[0]}"`);
    for (let i = 1; i < bounds.length; i++) ranges.push(`${where} AND created >= "${bounds[i - 1]}" AND created < "${bounds[i]}"`);
    ranges.push(`${where} AND created >= "${bounds[bounds.length - 1]}"`);
  }
  const found = await Promise.all(
    ranges.map(async (jql) => {
      const ids: string[] = [];
      for await (const page of reader.searchIds(jql, MAX_VISIBLE)) ids.push(...page);
      return ids;
    }),
  );
  return new Set(found.flat());
}
