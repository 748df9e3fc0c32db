import { startOfMinute } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import type { JiraReader } from '../ports/jira';
import { candidateWhere } from '../backlog/load-project';

/** Most ids one answer may list: the snapshot's own bound on candidates, with room for new issues. */
const MAX_VISIBLE = 120_000;

/**
 * Issues per range when the bounds are cut: below the 5,000 one id page holds, so a range can grow by a tenth
 * (issues created or moved in since the build) and still be one request.
 */
export const RANGE_SIZE = 4500;

/** A JQL date-time literal, minute precision ("yyyy-MM-dd HH:mm", Atlassian's "Advanced search reference – JQL fields": created). */
function jqlMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** Minute bounds that cut `created` (every match's creation time) into ranges of at most RANGE_SIZE. */
export function searchBounds(created: readonly number[]): number[] {
  const times = created.filter((c) => Number.isFinite(c)).sort((a, b) => a - b);
  const bounds: number[] = [];
  for (let i = RANGE_SIZE; i < times.length; i += RANGE_SIZE) {
    const b = startOfMinute(times[i]!).getTime();
    if (bounds[bounds.length - 1] !== b) bounds.push(b);
  }
  return bounds;
}

/**
 * The ids of the candidates the user can browse, read as the user: ids-only searches, split by creation time at
 * `bounds` so they run in parallel (token paging would be sequential: 20 round trips at 100,000 issues). The
 * ranges are contiguous — below the first bound, between bounds, from the last bound on — so every issue falls in
 * exactly one whatever time zone Jira reads the bounds in (the user's; a range that then holds more than 5,000 is
 * paged on, and a bound in a skipped daylight-saving hour can make two overlap, hence the set). The last range,
 * open above, also finds issues created since the snapshot. Dates, not issue ids, bound the ranges: a JQL naming
 * an issue the user cannot see fails.
 */
export async function visibleCandidateIds(reader: JiraReader, projectKey: string, config: ValueRankConfig, bounds: readonly number[]): Promise<Set<string>> {
  const where = candidateWhere(projectKey, config);
  const at = bounds.map(jqlMinute);
  const ranges: string[] = [];
  if (at.length === 0) ranges.push(where);
  else {
    ranges.push(`${where} AND created < "${at[0]}"`);
    for (let i = 1; i < at.length; i++) ranges.push(`${where} AND created >= "${at[i - 1]}" AND created < "${at[i]}"`);
    ranges.push(`${where} AND created >= "${at[at.length - 1]}"`);
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
