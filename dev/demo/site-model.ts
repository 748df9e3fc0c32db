/** The generator's working model: its options, the drafts of issues, sprint and release plans, and what every phase shares. */
import { PERSONAS, TEAM, userRef, type PriorityName, type StatusName, type TierName, type TypeName } from './jira-catalog';
import { plusDays, workTime } from './dates';
import type { Rng } from './random';
import type { FixVersion, Organization, SeedIssue, SeedUserRef } from './seed-types';

/** Closed sprints in the history, then one active and one future sprint. */
export const CLOSED_SPRINTS = 12;
export const BOARD_ID = 1;
export const HISTORY_DAYS = 540; // ~18 months

export interface Params {
  seed: number;
  now: string;
  payIssues: number;
  feedbackTickets: number;
  /** The curated list of ~40 organisations (demo) or as many as the tickets need (scale). */
  curatedOrgs: boolean;
}

export type Kind = 'epic' | 'story' | 'task' | 'bug' | 'debt' | 'subtask' | 'ticket';

export interface Org {
  org: Organization;
  tier: TierName;
  slug: string;
  customers: SeedUserRef[];
  activity: number;
}

/** An issue before it has an id and a key. */
export interface Draft {
  /** Creation order (tie-break for equal timestamps). */
  seq: number;
  project: 'PAY' | 'SUP';
  kind: Kind;
  type: TypeName;
  theme: number;
  summary: string;
  topic: string;
  status: StatusName;
  priority: PriorityName;
  labels: string[];
  created: Date;
  updated: Date;
  resolved: Date | null;
  resolution: string | null;
  due: Date | null;
  /** Story points; `undefined` = the issue has no such field (epics, sub-tasks, tickets). */
  points: unknown;
  businessValue: unknown;
  epic: Draft | null;
  parent: Draft | null;
  children: Draft[];
  /** Indexes into the sprint list. */
  sprints: number[];
  fixVersion: number | null;
  reporter: SeedUserRef;
  assignee: SeedUserRef | null;
  org: Org | null;
  description: string | null;
  rankKey: number;
  id: string;
  key: string;
  issue: SeedIssue | null;
}

export interface SprintPlan {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  goal: string;
  start: Date;
  end: Date;
  complete: Date | null;
  target: number;
  points: number;
}

export interface VersionPlan {
  version: FixVersion;
  date: Date;
}

export interface People {
  po: SeedUserRef;
  admin: SeedUserRef;
  dev: SeedUserRef;
  agent: SeedUserRef;
  team: SeedUserRef[];
}

/** What every phase reads: the site's clock, its people, and the one factory of drafts (creation order = `seq`). */
export interface SiteContext {
  now: Date;
  /** The first day of the history, HISTORY_DAYS before `now`. */
  earliest: Date;
  people: People;
  /** `d` moved into working hours, never after `now`. */
  at: (d: Date, rng: Rng) => Date;
  draft: (project: 'PAY' | 'SUP', kind: Kind, type: TypeName, theme: number) => Draft;
}

export function siteContext(now: Date): SiteContext {
  let seq = 0;
  const people: People = {
    po: userRef(PERSONAS.productOwner),
    admin: userRef(PERSONAS.admin),
    dev: userRef(PERSONAS.developer),
    agent: userRef(PERSONAS.supportAgent),
    team: [userRef(PERSONAS.developer), ...TEAM.map((t) => userRef(t))],
  };
  const draft = (project: 'PAY' | 'SUP', kind: Kind, type: TypeName, theme: number): Draft => ({
    seq: seq++,
    project,
    kind,
    type,
    theme,
    summary: '',
    topic: '',
    status: 'To Do',
    priority: 'Medium',
    labels: [],
    created: now,
    updated: now,
    resolved: null,
    resolution: null,
    due: null,
    points: undefined,
    businessValue: undefined,
    epic: null,
    parent: null,
    children: [],
    sprints: [],
    fixVersion: null,
    reporter: people.po,
    assignee: null,
    org: null,
    description: null,
    rankKey: 0,
    id: '',
    key: '',
    issue: null,
  });

  return { now, earliest: plusDays(now, -HISTORY_DAYS), people, at: (d, rng) => workTime(d, rng, now), draft };
}
