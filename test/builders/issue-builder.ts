import type { JiraIssueLike, RemoteLinkLike, ResolvedFields, ScoringInput } from '../../src/domain';
import { defaultConfig } from '../../src/domain';
import type { ValueRankConfig } from '../../src/contract/config';
import type { StakeholderVote } from '../../src/domain/scoring/stakeholders';
import type { Pin } from '../../src/contract/model';

/** Field ids the builders write to (a typical Jira Cloud software project). */
export const FIELDS: ResolvedFields = {
  storyPoints: 'customfield_10016',
  businessValue: 'customfield_10050',
  customerCount: 'customfield_10060',
  organizations: 'customfield_10002',
  customerTier: 'customfield_10070',
};

const LINK_TYPES = {
  blocks: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  relates: { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  causes: { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
} as const;
type LinkKind = keyof typeof LINK_TYPES;

let linkSeq = 1;

/** Object-mother builder for Jira issues in REST v3 shape: a test states only what matters to it. */
export class IssueBuilder {
  private readonly fields: Record<string, unknown>;
  constructor(
    private readonly key: string,
    private readonly id = String(10000 + Number(key.split('-')[1] ?? 0)),
  ) {
    this.fields = {
      summary: `Summary of ${key}`,
      issuetype: { name: 'Story' },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      labels: [],
      created: '2026-06-01T09:00:00.000+0000',
      issuelinks: [],
      [FIELDS.storyPoints!]: 3,
    };
  }
  with(field: string, value: unknown): this {
    this.fields[field] = value;
    return this;
  }
  ofType(name: string): this {
    return this.with('issuetype', { name });
  }
  withLabels(...labels: string[]): this {
    return this.with('labels', labels);
  }
  withPoints(points: unknown): this {
    return this.with(FIELDS.storyPoints!, points);
  }
  withoutPoints(): this {
    return this.with(FIELDS.storyPoints!, null);
  }
  withBusinessValue(v: unknown): this {
    return this.with(FIELDS.businessValue!, v);
  }
  withVotes(v: unknown): this {
    return this.with(FIELDS.customerCount!, v);
  }
  due(date: unknown): this {
    return this.with('duedate', date);
  }
  createdAt(iso: unknown): this {
    return this.with('created', iso);
  }
  /** This issue —kind→ other (e.g. this issue blocks `other`). */
  linkOut(kind: LinkKind, otherKey: string, otherType = 'Story', otherCategory = 'new'): this {
    return this.link(kind, 'outwardIssue', otherKey, otherType, otherCategory);
  }
  /** other —kind→ this issue (e.g. `other` blocks this issue). */
  linkIn(kind: LinkKind, otherKey: string, otherType = 'Story', otherCategory = 'new'): this {
    return this.link(kind, 'inwardIssue', otherKey, otherType, otherCategory);
  }
  blocks(otherKey: string): this {
    return this.linkOut('blocks', otherKey);
  }
  causesBug(bugKey: string): this {
    return this.linkOut('causes', bugKey, 'Bug');
  }
  feedback(ticketKey: string): this {
    return this.linkIn('relates', ticketKey, 'Support request');
  }
  private link(kind: LinkKind, side: 'outwardIssue' | 'inwardIssue', otherKey: string, otherType: string, cat: string): this {
    const links = this.fields.issuelinks as unknown[];
    links.push({
      id: String(linkSeq++),
      type: LINK_TYPES[kind],
      [side]: { key: otherKey, fields: { issuetype: { name: otherType }, status: { statusCategory: { key: cat } } } },
    });
    return this;
  }
  build(): JiraIssueLike {
    return { id: this.id, key: this.key, fields: structuredClone(this.fields) };
  }
}

export const anIssue = (key: string): IssueBuilder => new IssueBuilder(key);

/** A feedback ticket in the service project, from an organisation (or a reporter when `org` is null). */
export function aFeedbackTicket(key: string, org: string | null, created = '2026-11-01T10:00:00.000+0000', tier?: string): JiraIssueLike {
  const fields: Record<string, unknown> = {
    summary: `Feedback ${key}`,
    issuetype: { name: 'Support request' },
    created,
    reporter: { accountId: `acc-${key}`, displayName: `Reporter of ${key}` },
  };
  if (org !== null) fields[FIELDS.organizations!] = [{ id: org.toLowerCase(), name: org }];
  if (tier !== undefined) fields[FIELDS.customerTier!] = { value: tier };
  return { id: String(90000 + Number(key.split('-')[1] ?? 0)), key, fields };
}

export const NOW = new Date('2026-11-25T00:00:00.000Z');

/** Builder for a whole scoring run with sensible defaults: feedback project `SUP`, default config. */
export class ScoringInputBuilder {
  private candidates: JiraIssueLike[] = [];
  private linked = new Map<string, JiraIssueLike>();
  private remote = new Map<string, RemoteLinkLike[]>();
  private pins = new Map<string, Pin>();
  private votes = new Map<string, StakeholderVote[]>();
  private config: ValueRankConfig = defaultConfig();
  private now = NOW;
  withIssues(...issues: (IssueBuilder | JiraIssueLike)[]): this {
    this.candidates.push(...issues.map((i) => (i instanceof IssueBuilder ? i.build() : i)));
    return this;
  }
  withTickets(...tickets: JiraIssueLike[]): this {
    for (const t of tickets) this.linked.set(t.key, t);
    return this;
  }
  withRemoteLinks(key: string, ...urls: string[]): this {
    this.remote.set(
      key,
      urls.map((url, i) => ({ globalId: `g-${key}-${i}`, object: { url, title: url } })),
    );
    return this;
  }
  withPin(key: string, pin: Pin): this {
    this.pins.set(key, pin);
    return this;
  }
  /** A stakeholder's vote (importance 1–5) on the issue with this id (`anIssue('PRJ-3')` has id 10003). */
  withVote(issueId: string, accountId: string, importance: number, groups: string[] = []): this {
    this.votes.set(issueId, [...(this.votes.get(issueId) ?? []), { accountId, importance, groups }]);
    return this;
  }
  withConfig(change: (c: ValueRankConfig) => void): this {
    change(this.config);
    return this;
  }
  at(now: Date): this {
    this.now = now;
    return this;
  }
  build(): ScoringInput {
    return {
      now: this.now,
      config: this.config,
      fields: FIELDS,
      candidates: this.candidates,
      linked: this.linked,
      remoteLinks: this.remote,
      feedbackProjects: new Set(['SUP']),
      pins: this.pins,
      votes: this.votes,
    };
  }
}

export const aScoringInput = (): ScoringInputBuilder => new ScoringInputBuilder();
