import { ticketsOf } from '../../domain/shipped/shipped-record';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../errors';
import type { JiraReader, JiraWriter } from '../ports/jira';
import { adfOf, INTERNAL_COMMENT } from './comment-body';
import { claimKey, markNotified, type NotifiedRecord } from './notified';
import { readShipped } from './shipped-log';

export interface NotifyResult {
  /** Tickets that got the comment now. */
  commented: number;
  /** Tickets told about this item before (or being told by another call right now). */
  alreadyNotified: number;
  /** Tickets the user may not comment on (no Add comments, or cannot see them), and those Jira refused. */
  refused: number;
}

/**
 * Adds one internal comment (`text`, 1–2,000 characters, trimmed) to each feedback ticket behind the shipped item
 * `issueKey`, as the user (`reader`, `writer` act for them), at most once per ticket and item whoever asks.
 * One bulk permission check (Browse projects and Add comments, as the user) decides where the user may comment;
 * each ticket is claimed in KVS before its comment is posted and marked done after, so two calls at once never post
 * twice, and a 429 or 5xx on one ticket keeps what was done before it: the call then fails with PARTIAL_FAILURE
 * (or the Jira error when nothing was posted), and calling again posts only to the tickets left.
 */
export async function notifyCustomers(
  deps: AppDeps,
  reader: JiraReader,
  writer: JiraWriter,
  accountId: string,
  p: { projectKey: string; issueKey: string; text: string },
): Promise<NotifyResult> {
  const record = (await readShipped(deps.kv, p.projectKey)).find((r) => r.key === p.issueKey);
  if (record === undefined) throw notFound(`A shipped item ${p.issueKey}`);
  const tickets = ticketsOf(record);
  const held = await reader.issuesWithPermissions([record.id, ...tickets.map((t) => t.id)], ['BROWSE_PROJECTS', 'ADD_COMMENTS']);
  const browse = held.get('BROWSE_PROJECTS') ?? new Set<string>();
  const comment = held.get('ADD_COMMENTS') ?? new Set<string>();
  if (!browse.has(record.id)) throw notFound(`A shipped item ${p.issueKey}`);
  const body = adfOf(p.text);
  const result: NotifyResult = { commented: 0, alreadyNotified: 0, refused: 0 };
  for (const ticket of tickets) {
    if (!browse.has(ticket.id) || !comment.has(ticket.id)) {
      result.refused++;
      continue;
    }
    const key = claimKey(p.projectKey, record.id, ticket.id);
    const claim: NotifiedRecord = { state: 'pending', at: Date.now(), by: accountId };
    if (!(await deps.kv.setIfAbsent(key, claim))) {
      result.alreadyNotified++;
      continue;
    }
    let posted: { id: string } | { refused: string };
    try {
      posted = await writer.comment(ticket.id, body, [INTERNAL_COMMENT]);
    } catch (e) {
      await deps.kv.delete(key);
      if (result.commented === 0) throw e;
      await markNotified(deps.kv, p.projectKey, record.id, deps.clock());
      const message = e instanceof Error ? e.message : String(e);
      throw new AppError(
        'PARTIAL_FAILURE',
        `${result.commented} customer ticket(s) were told; Jira failed on ${ticket.key}: ${message} Try again to tell the rest.`,
        {
          ...result,
          failed: ticket.key,
        },
      );
    }
    if ('refused' in posted) {
      await deps.kv.delete(key);
      result.refused++;
      continue;
    }
    await deps.kv.set(key, { ...claim, state: 'done', at: Date.now(), commentId: posted.id } satisfies NotifiedRecord);
    result.commented++;
  }
  if (result.commented > 0) await markNotified(deps.kv, p.projectKey, record.id, deps.clock());
  return result;
}
