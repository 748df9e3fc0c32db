import { route } from '@forge/api';
import { AppError } from '../../application/errors';
import type { JiraWriter } from '../../application/ports/jira';
import type { RankBatch } from '../../contract/model';
import type { Deadline } from './deadline';
import { jiraRequest, messagesOf, unexpected, type Principal } from './request';
import { rank207 } from './schemas';

/** Issue ids per bulk field-value request. */
export const SCORE_IDS_PER_REQUEST = 1000;

/**
 * Groups score writes into bulk requests: issues with the same value share one update entry, and one request
 * carries at most SCORE_IDS_PER_REQUEST issue ids. Scores are written with one decimal, as the UI shows them.
 */
export function planScoreWrites(
  fieldKey: string,
  values: readonly { issueId: string; value: number | null }[],
): { customField: string; issueIds: number[]; value: number | null }[][] {
  const byValue = new Map<string, number[]>();
  for (const v of values) {
    const id = Number(v.issueId);
    if (!Number.isSafeInteger(id)) continue;
    const rounded = v.value === null ? 'null' : (Math.round(v.value * 10) / 10).toFixed(1);
    const list = byValue.get(rounded) ?? [];
    list.push(id);
    byValue.set(rounded, list);
  }
  const requests: { customField: string; issueIds: number[]; value: number | null }[][] = [];
  let current: { customField: string; issueIds: number[]; value: number | null }[] = [];
  let size = 0;
  for (const [value, ids] of byValue) {
    for (let i = 0; i < ids.length;) {
      const room = SCORE_IDS_PER_REQUEST - size;
      const part = ids.slice(i, i + room);
      current.push({ customField: fieldKey, issueIds: part, value: value === 'null' ? null : Number(value) });
      size += part.length;
      i += part.length;
      if (size >= SCORE_IDS_PER_REQUEST) {
        requests.push(current);
        current = [];
        size = 0;
      }
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** JiraWriter over `@forge/api`; the app writes its own field and ranks as the acting principal. */
export class ForgeJiraWriter implements JiraWriter {
  constructor(
    private readonly principal: Principal,
    private readonly deadline: Deadline,
  ) {}

  async writeScores(fieldKey: string, values: readonly { issueId: string; value: number | null }[]): Promise<void> {
    for (const updates of planScoreWrites(fieldKey, values)) {
      const res = await jiraRequest(
        this.principal,
        route`/rest/api/3/app/field/value?generateChangelog=${'false'}`,
        { method: 'POST', body: { updates } },
        this.deadline,
      );
      if (res.status !== 204 && res.status !== 200) throw unexpected('write Value score', res);
    }
  }

  /** `POST /rest/api/3/issue/{issueIdOrKey}/comment` (platform spec, addComment): 201 with the comment. */
  async comment(issueId: string, body: unknown, properties: readonly { key: string; value: unknown }[]): Promise<{ id: string } | { refused: string }> {
    const res = await jiraRequest(this.principal, route`/rest/api/3/issue/${issueId}/comment`, { method: 'POST', body: { body, properties } }, this.deadline);
    if (res.status === 201 || res.status === 200) {
      const id = (res.body as { id?: unknown } | null)?.id;
      if (typeof id === 'string') return { id };
      throw unexpected('add a comment', res);
    }
    if (res.status === 400 || res.status === 403 || res.status === 404) return { refused: messagesOf(res.body) || `HTTP ${res.status}` };
    throw unexpected('add a comment', res);
  }

  async rank(batch: RankBatch): Promise<{ key: string; message: string }[]> {
    const res = await jiraRequest(this.principal, route`/rest/agile/1.0/issue/rank`, { method: 'PUT', body: batch }, this.deadline);
    if (res.status === 204 || res.status === 200) return [];
    if (res.status === 207) {
      const parsed = rank207.safeParse(res.body);
      const entries = parsed.success ? parsed.data.entries : [];
      return entries
        .filter((e) => e.status >= 300)
        .map((e) => ({ key: e.issueKey ?? String(e.issueId ?? '?'), message: (e.errors ?? []).join('; ') || `HTTP ${e.status}` }));
    }
    if (res.status === 403 || res.status === 401)
      throw new AppError('FORBIDDEN', 'Jira refused to change the rank: you need the Schedule Issues permission, and the project needs a board with ranking.');
    throw unexpected('change the rank', res);
  }
}
