import type { Payload, ResultMap, StakeholderVoteView } from '../../contract/operations';
import { projectOfKey } from '../../domain/scoring/read-values';
import type { AppDeps } from '../app-deps';
import { notFound } from '../errors';
import type { JiraReader } from '../ports/jira';
import { displayNames } from '../users/display-names';
import { VoteStore } from './vote-store';

/**
 * A stakeholder's vote on an issue, as the user (`reader` acts as them): the issue must be one they can browse —
 * read through Jira as them, so an issue they cannot see (project permission or security level) answers NOT_FOUND
 * exactly as one that does not exist (the resolver has checked Browse on the project). Their groups are read once per vote (`GET /rest/api/3/myself?expand=groups`,
 * which needs no global permission, unlike `GET /rest/api/3/user/groups`). Then the issue is queued for rescoring
 * on its own (the background's one-issue path: no project reload). Three Jira requests with the resolver's check.
 */
export async function castVote(deps: AppDeps, reader: JiraReader, accountId: string, p: Payload<'castVote'>): Promise<ResultMap['castVote']> {
  const [issue] = await reader.fetchIssues([p.issueKey], ['issuetype']);
  const projectKey = issue === undefined ? null : projectOfKey(issue.key);
  if (issue === undefined || projectKey === null) throw notFound(`Issue ${p.issueKey}`);
  const store = new VoteStore(deps.kv);
  const groups = p.importance === 0 ? [] : await reader.myGroups();
  const note = p.note?.trim();
  const mine = await store.cast(projectKey, issue.id, {
    accountId,
    importance: p.importance,
    ...(note ? { note } : {}),
    at: deps.clock().toISOString(),
    groups: groups.slice(0, MAX_GROUPS_KEPT),
  });
  await deps.requestRescore?.(projectKey, issue.id);
  const votes = await store.ofIssue(projectKey, issue.id);
  return {
    votes: votes.length,
    mine: mine === null ? null : { importance: mine.importance, ...(mine.note === undefined ? {} : { note: mine.note }), at: mine.at },
  };
}

/** Groups kept with a vote: enough for any group weighting, bounded so one vote stays a small KVS value. */
const MAX_GROUPS_KEPT = 200;

/** An issue's votes as the panel lists them, newest first, with the voters' display names (read as `reader`). */
export async function issueVotes(deps: AppDeps, reader: JiraReader, projectKey: string, issueId: string): Promise<StakeholderVoteView[]> {
  const votes = await new VoteStore(deps.kv).ofIssue(projectKey, issueId);
  if (votes.length === 0) return [];
  const names = await displayNames(
    deps.kv,
    reader,
    votes.map((v) => v.accountId),
  );
  return votes
    .map((v) => ({
      accountId: v.accountId,
      displayName: names.get(v.accountId)!,
      importance: v.importance,
      ...(v.note === undefined ? {} : { note: v.note }),
      at: v.at,
    }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
