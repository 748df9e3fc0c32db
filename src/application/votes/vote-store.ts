import type { StakeholderVote } from '../../domain/scoring/stakeholders';
import type { KeyValueStore } from '../ports/key-value-store';

/** A vote as stored: `vote:<projectKey>:<issueId>:<accountId>` → this. */
export interface StoredVote {
  accountId: string;
  /** 1–5 (0 withdraws a vote: the key is deleted). */
  importance: number;
  /** ≤ 500 characters. */
  note?: string;
  /** ISO date-time of the last change. */
  at: string;
  /** The voter's Jira groups when they voted (`GET /rest/api/3/myself?expand=groups`), for group weights. */
  groups: string[];
}

/** Most votes read for one issue: bounds the listing a vote's rescoring reads (KVS pages of 100). */
export const MAX_VOTES_PER_ISSUE = 1000;
/** Most votes a project's build reads (the listing is paged by KVS; votes beyond it are not counted). */
export const MAX_VOTES_PER_PROJECT = 20_000;

/** Issue ids are numbers; the trailing colons keep issue 1001 from listing 10011's votes, project PA from PAY's. */
const issuePrefix = (projectKey: string, issueId: string): string => `vote:${projectKey}:${issueId}:`;
const projectPrefix = (projectKey: string): string => `vote:${projectKey}:`;

/**
 * Stakeholder votes, one KVS key per user and issue, so two people voting on the same issue at the same moment
 * never overwrite each other (each writes only its own key), and one person voting twice keeps the last vote.
 * Votes are kept by issue id: a renamed key keeps its votes; an issue moved to another project leaves them behind.
 */
export class VoteStore {
  constructor(private readonly kv: KeyValueStore) {}

  /** Sets (importance 1–5) or withdraws (0) a user's vote; returns the vote now in force. */
  async cast(projectKey: string, issueId: string, vote: StoredVote): Promise<StoredVote | null> {
    const key = `${issuePrefix(projectKey, issueId)}${vote.accountId}`;
    if (vote.importance === 0) {
      await this.kv.delete(key);
      return null;
    }
    await this.kv.set(key, vote);
    return vote;
  }

  /** An issue's votes, in account-id order (KVS lists keys in order). */
  async ofIssue(projectKey: string, issueId: string): Promise<StoredVote[]> {
    const found = await this.kv.listByPrefix<StoredVote>(issuePrefix(projectKey, issueId), MAX_VOTES_PER_ISSUE);
    return found.map((f) => f.value).filter(isVote);
  }

  /** Every vote of a project, per issue id, as scoring reads them. */
  async ofProject(projectKey: string): Promise<Map<string, StakeholderVote[]>> {
    const prefix = projectPrefix(projectKey);
    const found = await this.kv.listByPrefix<StoredVote>(prefix, MAX_VOTES_PER_PROJECT);
    const votes = new Map<string, StakeholderVote[]>();
    for (const { key, value } of found) {
      if (!isVote(value)) continue;
      const issueId = key.slice(prefix.length).split(':', 1)[0]!;
      const list = votes.get(issueId) ?? [];
      list.push(value);
      votes.set(issueId, list);
    }
    return votes;
  }
}

/** A record storage holds that is not a vote (written by hand, or corrupt) is skipped, never scored as one. */
function isVote(v: unknown): v is StoredVote {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.accountId === 'string' && typeof r.importance === 'number' && typeof r.at === 'string' && Array.isArray(r.groups);
}
