import type { ValueRankConfig } from '../../contract/config';
import {
  classifyLinks,
  linkRulesFor,
  scoreBacklog,
  type JiraIssueLike,
  type RemoteLinkLike,
  type ResolvedFields,
  type ScoredBacklog,
  type ScoringInput,
} from '../../domain';
import type { AppDeps } from '../app-deps';
import { ticketFieldList } from '../backlog/discover-fields';
import { REMOTE_LINK_CONCURRENCY } from '../backlog/load-project';
import { RemoteLinkCache } from '../backlog/remote-link-cache';
import type { JiraReader } from '../ports/jira';
import { mapLimit } from '../shared/concurrency';

export interface CandidatesRead {
  projectKey: string;
  config: ValueRankConfig;
  fields: ResolvedFields;
  candidates: readonly JiraIssueLike[];
  feedbackProjects: ReadonlySet<string>;
  votes?: ScoringInput['votes'];
  /**
   * A build keeps the remote links it read in the cache (and drops those of issues no longer candidates); a
   * preview only reads the cache, so that trying settings leaves nothing behind.
   */
  keepRemoteLinks: boolean;
}

/**
 * Scores candidates already read the way a build does: with the feedback tickets they link to and, when the config
 * matches remote links, their remote links (from the cache when the issue has not changed since). No pins: what a
 * person pinned is applied when the snapshot is read.
 */
export async function scoreCandidates(deps: AppDeps, reader: JiraReader, read: CandidatesRead): Promise<ScoredBacklog> {
  const { config, fields, candidates, feedbackProjects } = read;
  const rules = linkRulesFor(config, feedbackProjects);
  const ticketKeys = new Set<string>();
  for (const c of candidates) for (const k of classifyLinks(c.key, c.fields.issuelinks, rules).feedback) ticketKeys.add(k);
  const tickets = ticketKeys.size === 0 ? [] : await reader.fetchIssues([...ticketKeys], ticketFieldList(fields));
  const remoteLinks = config.customerVoice.remoteLinkPatterns.length > 0 ? await remoteLinksOf(deps, reader, read) : new Map<string, RemoteLinkLike[]>();
  return scoreBacklog({
    now: deps.clock(),
    config,
    fields,
    candidates,
    linked: new Map(tickets.map((t) => [t.key, t])),
    remoteLinks,
    feedbackProjects,
    pins: new Map(),
    ...(read.votes === undefined ? {} : { votes: read.votes }),
  });
}

/** Remote links per candidate key (candidates without any are left out). */
async function remoteLinksOf(deps: AppDeps, reader: JiraReader, read: CandidatesRead): Promise<Map<string, RemoteLinkLike[]>> {
  const { candidates } = read;
  const cache = await RemoteLinkCache.open(deps.kv, read.projectKey);
  const stale = candidates.filter((c) => cache.get(c.id, updatedOf(c)) === undefined);
  const loaded = await mapLimit(stale, REMOTE_LINK_CONCURRENCY, async (c) => ({ issue: c, links: await reader.remoteLinks(c.id) }));
  const fresh = new Map(loaded.map(({ issue, links }) => [issue.id, links]));
  const remoteLinks = new Map<string, RemoteLinkLike[]>();
  for (const c of candidates) {
    const links = fresh.get(c.id) ?? cache.get(c.id, updatedOf(c));
    if (links !== undefined && links.length > 0) remoteLinks.set(c.key, links);
  }
  if (read.keepRemoteLinks) {
    for (const { issue, links } of loaded) cache.put(issue.id, updatedOf(issue), links);
    cache.retainOnly(new Set(candidates.map((c) => c.id)));
    await cache.save();
  }
  return remoteLinks;
}

export function updatedOf(issue: JiraIssueLike): string {
  const u = issue.fields.updated;
  return typeof u === 'string' ? u : '';
}
