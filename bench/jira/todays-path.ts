/**
 * Baseline (bench-only): what a warm `getBacklog` page cost before the project snapshot ("today's path") — every
 * page view loaded the project again as the user: the permission check, field discovery and the feedback-project
 * list, the candidate ids (`/search/jql` ids only, token paged: sequential), a bulkfetch of every candidate with the
 * app's field list (8 in flight), a bulkfetch of their linked feedback tickets, then `scoreBacklog` and the first
 * page's items. Remote links came from the app's warm remote-link cache (no request): here they are taken from the
 * seed in process, which is what that cache held. Built from the app's own field lists, link rules and scorer, so
 * it costs what the app's old loader did (the README's earlier figures: 162 requests, 2.8–3.4 s at 20,000 issues).
 */
import type { ValueRankConfig } from '../../src/contract/config';
import { classifyLinks, linkRulesFor, scoreBacklog, type JiraIssueLike, type RemoteLinkLike } from '../../src/domain';
import { candidateFieldList, discoverFields, ticketFieldList } from '../../src/application/backlog/discover-fields';
import { isBacklogItem } from '../../src/application/backlog/load-project';
import { chunk, mapLimit } from '../../src/application/shared/concurrency';
import type { JiraField } from '../../src/application/ports/jira';
import { CANDIDATE_JQL, jira, PO, PROJECT, type ScaleSeed } from './harness';

/** The app's bulkfetch concurrency and size before the snapshot (forge-jira-reader.ts). */
const BULK_CONCURRENCY = 8;
const BULK_SIZE = 100;
const IDS_PER_PAGE = 5000;
const MAX_ID_PAGES = 40;

async function ok<T>(url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await jira<T>(url, path, { ...init, as: PO });
  if (res.status !== 200) throw new Error(`today's path: ${init.method ?? 'GET'} ${path} answered ${res.status}`);
  return res.body;
}

async function bulkfetch(url: string, ids: readonly string[], fields: string[]): Promise<JiraIssueLike[]> {
  const pages = await mapLimit(chunk(ids, BULK_SIZE), BULK_CONCURRENCY, (part) =>
    ok<{ issues: JiraIssueLike[] }>(url, '/rest/api/3/issue/bulkfetch', { method: 'POST', body: { issueIdsOrKeys: part, fields } }),
  );
  return pages.flatMap((p) => p.issues);
}

/** One warm page view the old way, as the PO of PAY; `config` is the effective config (read beforehand). */
export async function todaysPath(
  url: string,
  seed: ScaleSeed,
  config: ValueRankConfig,
  now: Date,
  pageSize = 100,
): Promise<{ ms: number; candidates: number; tickets: number; items: number }> {
  const t0 = performance.now();
  await ok(url, `/rest/api/3/mypermissions?projectKey=${PROJECT}&permissions=BROWSE_PROJECTS`);
  const [siteFields, serviceDesks] = await Promise.all([
    ok<JiraField[]>(url, '/rest/api/3/field'),
    config.customerVoice.feedbackProjects !== null
      ? Promise.resolve(null)
      : ok<{ values: { key: string }[] }>(url, '/rest/api/3/project/search?typeKey=service_desk&startAt=0&maxResults=50'),
  ]);
  const feedbackProjects = new Set(config.customerVoice.feedbackProjects ?? serviceDesks?.values.map((p) => p.key) ?? []);
  const fields = discoverFields(config, siteFields);

  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_ID_PAGES; page++) {
    const body = await ok<{ issues: { id: string }[]; nextPageToken?: string; isLast?: boolean }>(url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: { jql: CANDIDATE_JQL, fields: ['id'], maxResults: IDS_PER_PAGE, ...(token ? { nextPageToken: token } : {}) },
    });
    ids.push(...body.issues.map((i) => i.id));
    if (body.isLast === true || !body.nextPageToken || body.issues.length === 0) break;
    token = body.nextPageToken;
  }

  const read = new Map((await bulkfetch(url, ids, candidateFieldList(fields))).map((i) => [i.id, i]));
  const candidates = ids.map((id) => read.get(id)).filter((i): i is JiraIssueLike => i !== undefined && i.key.startsWith(`${PROJECT}-`) && isBacklogItem(i));
  const rules = linkRulesFor(config, feedbackProjects);
  const ticketKeys = new Set<string>();
  for (const c of candidates) for (const k of classifyLinks(c.key, c.fields.issuelinks, rules).feedback) ticketKeys.add(k);
  const tickets = ticketKeys.size === 0 ? [] : await bulkfetch(url, [...ticketKeys], ticketFieldList(fields));

  const cached = (seed.remoteLinks ?? {}) as Record<string, RemoteLinkLike[]>;
  const remoteLinks = new Map<string, RemoteLinkLike[]>();
  for (const c of candidates) if (cached[c.key] !== undefined) remoteLinks.set(c.key, cached[c.key]!);
  const linked = new Map(tickets.map((t) => [t.key, t]));
  const backlog = scoreBacklog({ now, config, fields, candidates, linked, remoteLinks, feedbackProjects, pins: new Map() });
  const items = backlog.slice(0, pageSize);
  return { ms: performance.now() - t0, candidates: candidates.length, tickets: tickets.length, items: items.length };
}
