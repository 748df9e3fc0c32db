/**
 * Deterministic generators of Jira sites as seed files (DESIGN.md, "Seed file format").
 *
 * - `generateDemoSite()` is the project `npm start` loads without `--seed`: a Payments team's Jira
 *   (software project PAY, service project SUP with customer feedback, remote links to a support
 *   tool, a scrum board with sprint history) that a Product Owner would recognise.
 * - `generateScaleSite()` is the same generator at benchmark sizes (1,000 – 50,000 PAY issues).
 *
 * Same options → byte-identical JSON: all randomness comes from a seeded PRNG and all dates from
 * `now`. What the site contains, and the deliberately odd values in it, are listed in README.md.
 */
import {
  BUSINESS_VALUE_OPTIONS,
  FIELD,
  LINK_TYPES,
  PAY,
  PERSONAS,
  SUP,
  TEAM,
  buildFields,
  buildLinkTypes,
  buildProjects,
  buildUsers,
  businessValue,
  issueType,
  priority,
  status,
  statusCategoryOf,
  tierOption,
  userRef,
  type BusinessValueName,
  type PriorityName,
  type StatusName,
  type TierName,
  type TypeName,
} from './jira-catalog';
import { agileDateTime, clamp, daysBetween, jiraDate, jiraDateTime, plusDays, utcWeekStart, workTime } from './dates';
import { Rng, WeightedTable } from './random';
import type {
  FixVersion,
  IssueRef,
  LinkedIssue,
  Organization,
  Seed,
  SeedBoard,
  SeedIssue,
  SeedIssueFields,
  SeedIssueLinkType,
  SeedRemoteLink,
  SeedSprint,
  SeedUserRef,
  SprintFieldValue,
} from './seed-types';
import {
  FEATURE_REQUESTS,
  FIRST_NAMES,
  LAST_NAMES,
  ORGANISATIONS,
  ORG_FIRST,
  ORG_SECOND,
  QUALIFIERS,
  SPRINT_GOALS,
  SUBTASKS,
  SUPPORT_REQUESTS,
  THEMES,
  UNLINKED_TICKETS,
  type Template,
} from './vocabulary';

export interface DemoSiteOptions {
  /** PRNG seed (default 20261125). */
  seed?: number;
  /** The site's "now" (default `2026-11-25T00:00:00Z`); every date is relative to it. */
  now?: string;
  /** Issues in the software project PAY, epics and sub-tasks included (default 330). */
  issues?: number;
}

export interface ScaleSiteOptions {
  /** Issues in the software project PAY (1 – 100,000; benchmarks use 1,000 – 50,000). */
  issues: number;
  /** Feedback tickets in SUP (default issues / 4). */
  feedbackTickets?: number;
  seed?: number;
  now?: string;
}

export const DEMO_DEFAULTS = { seed: 20261125, now: '2026-11-25T00:00:00Z', issues: 330 } as const;

/** Closed sprints in the history, then one active and one future sprint. */
export const CLOSED_SPRINTS = 12;
export const BOARD_ID = 1;

/** The demo site. */
export function generateDemoSite(opts: DemoSiteOptions = {}): Seed {
  const issues = opts.issues ?? DEMO_DEFAULTS.issues;
  return buildSite({
    seed: opts.seed ?? DEMO_DEFAULTS.seed,
    now: opts.now ?? DEMO_DEFAULTS.now,
    payIssues: issues,
    feedbackTickets: Math.round((issues * 250) / 330),
    curatedOrgs: true,
  });
}

/** A large site for benchmarks, built by the same generator. */
export function generateScaleSite(opts: ScaleSiteOptions): Seed {
  return buildSite({
    seed: opts.seed ?? DEMO_DEFAULTS.seed,
    now: opts.now ?? DEMO_DEFAULTS.now,
    payIssues: opts.issues,
    feedbackTickets: opts.feedbackTickets ?? Math.round(opts.issues / 4),
    curatedOrgs: false,
  });
}

// ---------------------------------------------------------------------------------------------

interface Params {
  seed: number;
  now: string;
  payIssues: number;
  feedbackTickets: number;
  /** The curated list of ~40 organisations (demo) or as many as the tickets need (scale). */
  curatedOrgs: boolean;
}

type Kind = 'epic' | 'story' | 'task' | 'bug' | 'debt' | 'subtask' | 'ticket';

interface Org {
  org: Organization;
  tier: TierName;
  slug: string;
  customers: SeedUserRef[];
  activity: number;
}

/** An issue before it has an id and a key. */
interface Draft {
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

interface SprintPlan {
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

interface VersionPlan {
  version: FixVersion;
  date: Date;
}

const HISTORY_DAYS = 540; // ~18 months
const FEEDBACK_DAYS = 365;
/** The curated epics' statuses (Checkout v2 … Developer API); later phases (scale sites) are random. */
const EPIC_STATUSES: readonly StatusName[] = ['In Progress', 'In Progress', 'In Progress', 'To Do', 'In Progress', 'In Progress', 'To Do', 'In Progress'];
const RESOLUTION_IDS: Readonly<Record<string, string>> = { Done: '10000', "Won't Do": '10001', Duplicate: '10002' };
/** How likely customers ask about an item, by kind: features and defects, rarely internal work. */
const DEMAND: Readonly<Record<Kind, number>> = { story: 1, bug: 1, task: 0, debt: 0, epic: 0, subtask: 0, ticket: 0 };
const FIB = [
  [1, 10],
  [2, 18],
  [3, 25],
  [5, 22],
  [8, 15],
  [13, 7],
  [21, 2],
] as const;

function validate(p: Params): Date {
  const now = new Date(p.now);
  if (Number.isNaN(now.getTime())) throw new RangeError(`now: not a date: '${p.now}'`);
  if (!Number.isInteger(p.payIssues) || p.payIssues < 1 || p.payIssues > 100_000) {
    throw new RangeError(`issues: an integer from 1 to 100000 was expected, got ${String(p.payIssues)}`);
  }
  if (!Number.isInteger(p.feedbackTickets) || p.feedbackTickets < 0 || p.feedbackTickets > 100_000) {
    throw new RangeError(`feedbackTickets: an integer from 0 to 100000 was expected, got ${String(p.feedbackTickets)}`);
  }
  if (!Number.isInteger(p.seed)) throw new RangeError(`seed: an integer was expected, got ${String(p.seed)}`);
  return now;
}

const PROPER_WORDS = new Set([
  'Apple',
  'Google',
  'Klarna',
  'Kafka',
  'Spring',
  'Bancontact',
  'Xero',
  'QuickBooks',
  'German',
  'French',
  'Polish',
  'Dutch',
  'Japanese',
  'Brazilian',
  'Swedish',
  'Czech',
  'Amex',
  'Android',
  'Duplicate',
]);

/** "Card form autofill failing" → "card form autofill failing"; keeps names and acronyms. */
function lowerFirst(s: string): string {
  const word = /^[A-Za-z]+/.exec(s)?.[0] ?? '';
  if (!/^[A-Z][a-z]+$/.test(word) || (PROPER_WORDS.has(word) && word !== 'Duplicate')) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Capitalises, except names such as iDEAL or iOS. */
function upperFirst(s: string): string {
  return /^[a-z][A-Z]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, topic: string): string {
  return template.replace('{t}', lowerFirst(topic)).replace('{T}', upperFirst(topic));
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** LexoRank-like strings that sort in rank order. */
function lexoRank(position: number): string {
  return `0|i${((position + 1) * 16).toString(36).padStart(5, '0')}:`;
}

type WorkKind = 'story' | 'task' | 'bug' | 'debt';

/**
 * Hands out distinct summaries: every template × filler of a theme and kind once, in random order;
 * when a theme has none left, another theme's (the item moves there); when all are taken, the
 * summary gets a qualifier ("… for marketplaces"), then a part number.
 */
class Phrases {
  private readonly pools = new Map<string, { summary: string; topic: string }[]>();
  private readonly used = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  next(theme: number, kind: WorkKind): { theme: number; summary: string; topic: string } {
    for (let k = 0; k < THEMES.length; k++) {
      const th = (theme + k) % THEMES.length;
      const got = this.pool(th, kind).pop();
      if (got) {
        this.used.set(got.summary, 1);
        return { theme: th, ...got };
      }
    }
    const t = THEMES[theme] as (typeof THEMES)[number];
    const tpl = this.rng.pick(templatesOf(t, kind));
    const x = this.rng.pick(tpl.xs);
    const base = upperFirst(tpl.s.replace('{x}', x));
    const topic = tpl.t.replace('{x}', x);
    const quals = QUALIFIERS[kind];
    for (let k = 0; k < quals.length; k++) {
      const q = quals[(k + this.rng.int(0, quals.length - 1)) % quals.length] as string;
      const summary = `${base} ${q}`;
      if (!this.used.has(summary)) {
        this.used.set(summary, 1);
        return { theme, summary, topic };
      }
    }
    const uses = (this.used.get(base) ?? 1) + 1;
    this.used.set(base, uses);
    return { theme, summary: `${base} (part ${uses})`, topic };
  }

  private pool(theme: number, kind: WorkKind): { summary: string; topic: string }[] {
    const id = `${theme}|${kind}`;
    let pool = this.pools.get(id);
    if (!pool) {
      pool = [];
      for (const tpl of templatesOf(THEMES[theme] as (typeof THEMES)[number], kind)) {
        for (const x of tpl.xs) pool.push({ summary: upperFirst(tpl.s.replace('{x}', x)), topic: tpl.t.replace('{x}', x) });
      }
      this.rng.shuffle(pool);
      this.pools.set(id, pool);
    }
    return pool;
  }
}

function templatesOf(t: (typeof THEMES)[number], kind: WorkKind): readonly Template[] {
  return kind === 'story' ? t.stories : kind === 'task' ? t.tasks : kind === 'bug' ? t.bugs : t.debt;
}

function buildSite(p: Params): Seed {
  const now = validate(p);
  const root = new Rng(p.seed);
  const earliest = plusDays(now, -HISTORY_DAYS);
  const at = (d: Date, rng: Rng): Date => workTime(d, rng, now);
  let seq = 0;

  const people = {
    po: userRef(PERSONAS.productOwner),
    admin: userRef(PERSONAS.admin),
    dev: userRef(PERSONAS.developer),
    agent: userRef(PERSONAS.supportAgent),
    team: [userRef(PERSONAS.developer), ...TEAM.map((t) => userRef(t))],
  };

  // --- sprints and versions ------------------------------------------------------------------
  const sprints = planSprints(now, root.fork('sprints'));
  const activeSprint = CLOSED_SPRINTS;
  const futureSprint = CLOSED_SPRINTS + 1;
  const versions = planVersions(now);

  // --- sizes -----------------------------------------------------------------------------------
  const n = p.payIssues;
  const epicCount = n < 10 ? 0 : Math.max(1, Math.round(n / 41));
  const subtaskCount = n < 30 ? 0 : Math.round(n * 0.066);
  const workCount = n - epicCount - subtaskCount;

  const blank = (project: 'PAY' | 'SUP', kind: Kind, type: TypeName, theme: number): Draft => ({
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

  const pickBusinessValue = (rng: Rng, kind: Kind): unknown => {
    if (!rng.chance(kind === 'debt' ? 0.55 : 0.72)) return null;
    const weights: Record<BusinessValueName, number> =
      kind === 'debt' ? { Low: 40, Medium: 40, High: 15, Critical: 5 } : { Low: 22, Medium: 36, High: 29, Critical: 13 };
    return businessValue(rng.weighted(BUSINESS_VALUE_OPTIONS.map((o) => [o, weights[o]] as const)));
  };

  // --- epics -----------------------------------------------------------------------------------
  const rEpic = root.fork('epics');
  const epics: Draft[] = [];
  const epicsByTheme: Draft[][] = THEMES.map(() => []);
  for (let e = 0; e < epicCount; e++) {
    const theme = e % THEMES.length;
    const phase = Math.floor(e / THEMES.length);
    const d = blank('PAY', 'epic', 'Epic', theme);
    const t = THEMES[theme] as (typeof THEMES)[number];
    d.summary = phase === 0 ? t.epic : `${t.epic} – phase ${phase + 1}`;
    d.topic = t.epic;
    d.status =
      EPIC_STATUSES[e] ??
      rEpic.weighted([
        ['In Progress', 50],
        ['To Do', 35],
        ['Done', 15],
      ] as const);
    d.priority = rEpic.weighted([
      ['High', 50],
      ['Medium', 40],
      ['Highest', 10],
    ] as const);
    d.businessValue = rEpic.chance(0.8)
      ? businessValue(
          rEpic.weighted([
            ['Medium', 30],
            ['High', 45],
            ['Critical', 25],
          ] as const),
        )
      : null;
    d.labels = rEpic.chance(0.4) ? [rEpic.pick(t.labels)] : [];
    d.reporter = people.po;
    d.assignee = rEpic.chance(0.5) ? people.po : null;
    d.description = `${t.epic}: everything a ${t.persona} needs so that ${rEpic.pick(t.benefits)}.`;
    d.rankKey = rEpic.next();
    epics.push(d);
    epicsByTheme[theme]?.push(d);
  }

  // --- stories, tasks, bugs, tech debt ------------------------------------------------------
  const rWork = root.fork('work');
  const work: Draft[] = [];
  const phrases = new Phrases(root.fork('phrases'));
  const themeWeights = THEMES.map((_, i) => [i, [1.3, 1.0, 1.1, 1.1, 0.9, 1.2, 0.8, 0.9][i] ?? 1] as const);
  for (let i = 0; i < workCount; i++) {
    const preferredTheme = rWork.weighted(themeWeights);
    const kind = rWork.weighted([
      ['story', 52],
      ['task', 10],
      ['bug', 24],
      ['debt', 14],
    ] as const);
    const { theme, summary, topic: phrase } = phrases.next(preferredTheme, kind);
    const topic = kind === 'bug' ? summary : phrase;
    const t = THEMES[theme] as (typeof THEMES)[number];

    const type: TypeName = kind === 'story' ? 'Story' : kind === 'bug' ? 'Bug' : kind === 'task' ? 'Task' : rWork.chance(0.7) ? 'Task' : 'Story';
    const d = blank('PAY', kind, type, theme);
    d.summary = summary;
    d.topic = topic;
    d.status = rWork.weighted([
      ['Done', 44],
      ['To Do', 40],
      ['In Progress', 10],
      ['In Review', 6],
    ] as const);
    const themeEpics = epicsByTheme[theme] ?? [];
    const epicShare = { story: 0.88, task: 0.6, bug: 0.45, debt: 0.35 }[kind];
    if (themeEpics.length > 0 && rWork.chance(epicShare)) {
      const epic = rWork.pick(themeEpics);
      d.epic = epic;
      epic.children.push(d);
      if (epic.status === 'Done') d.status = 'Done';
      else if (epic.status === 'To Do' && d.status !== 'To Do') d.status = rWork.chance(0.7) ? 'To Do' : d.status;
    }
    d.priority =
      kind === 'bug'
        ? rWork.weighted([
            ['Highest', 10],
            ['High', 35],
            ['Medium', 40],
            ['Low', 15],
          ] as const)
        : rWork.weighted([
            ['Highest', 3],
            ['High', 20],
            ['Medium', 52],
            ['Low', 17],
            ['Lowest', 8],
          ] as const);
    const missing = d.status === 'Done' ? 0.06 : 0.14;
    d.points = rWork.chance(missing)
      ? null
      : kind === 'bug'
        ? rWork.weighted([
            [1, 25],
            [2, 30],
            [3, 25],
            [5, 15],
            [8, 5],
          ] as const)
        : rWork.weighted(FIB);
    d.businessValue = pickBusinessValue(rWork, kind);
    if (kind === 'debt') {
      d.labels.push(
        rWork.weighted([
          ['tech-debt', 70],
          ['refactoring', 20],
          ['techdebt', 5],
          ['technical-debt', 5],
        ] as const),
      );
      if (rWork.chance(0.25)) d.labels.push(rWork.pick(['performance', 'security', 'maintenance'] as const));
    } else if (rWork.chance(0.35)) {
      d.labels.push(rWork.pick(t.labels));
    }
    if (typeof d.points === 'number' && d.points <= 2 && kind !== 'debt' && rWork.chance(0.25)) d.labels.push('quick-win');
    d.reporter =
      kind === 'bug' || kind === 'debt'
        ? rWork.weighted([
            [rWork.pick(people.team), 65],
            [people.po, 30],
            [people.admin, 5],
          ] as const)
        : rWork.weighted([
            [people.po, 60],
            [rWork.pick(people.team), 35],
            [people.admin, 5],
          ] as const);
    d.assignee = d.status === 'To Do' && rWork.chance(0.75) ? null : rWork.pick(people.team);
    if (kind === 'story') d.description = `As a ${t.persona}, I want ${lowerFirst(topic)} so that ${rWork.pick(t.benefits)}.`;
    else if (kind === 'bug') d.description = `Steps to reproduce: see the linked support tickets. Expected: no ${lowerFirst(topic)}.`;
    else if (kind === 'debt') d.description = `Why: ${lowerFirst(topic)} slows every change in ${t.component} and causes incidents.`;
    // Jira rank: the active sprint on top, then the PO's backlog order (roughly priority and value, with
    // noise), done items scattered where they were when they were finished.
    const pri = { Highest: 1, High: 0.75, Medium: 0.5, Low: 0.25, Lowest: 0 }[d.priority];
    d.rankKey =
      d.status === 'In Progress' || d.status === 'In Review'
        ? rWork.next() * 0.3
        : d.status === 'Done'
          ? 0.4 + rWork.next() * 2.2
          : 1 + (1 - pri) * 0.8 + rWork.next() * 0.9;
    work.push(d);
  }

  // --- sub-tasks -------------------------------------------------------------------------------
  const rSub = root.fork('subtasks');
  const subtasks: Draft[] = [];
  const parentsPool = work.filter((w) => w.kind === 'story' || w.kind === 'task');
  const preferred = parentsPool.filter((w) => w.status === 'In Progress' || w.status === 'In Review');
  const others = rSub.shuffle(parentsPool.filter((w) => w.status !== 'In Progress' && w.status !== 'In Review'));
  const parentOrder = [...rSub.shuffle(preferred), ...others];
  for (let pi = 0; subtasks.length < subtaskCount && parentOrder.length > 0; pi++) {
    const parent = parentOrder[pi % parentOrder.length] as Draft;
    const want = Math.min(rSub.int(2, 5), subtaskCount - subtasks.length);
    const names = rSub.shuffle([...SUBTASKS]);
    for (let k = 0; k < want; k++) {
      const d = blank('PAY', 'subtask', 'Sub-task', parent.theme);
      const base = names[(k + parent.children.length) % names.length] as string;
      d.summary = parent.children.length >= names.length ? `${base} (${parent.children.length + 1})` : base;
      d.topic = parent.topic;
      d.parent = parent;
      d.priority = parent.priority;
      d.reporter = parent.reporter;
      d.status =
        parent.status === 'Done'
          ? 'Done'
          : parent.status === 'To Do'
            ? 'To Do'
            : rSub.weighted([
                ['Done', 40],
                ['In Progress', 35],
                ['To Do', 25],
              ] as const);
      d.assignee = d.status === 'To Do' && rSub.chance(0.5) ? null : rSub.pick(people.team);
      parent.children.push(d);
      subtasks.push(d);
    }
  }

  // --- timeline: sprints, resolution and creation dates -------------------------------------
  const rTime = root.fork('timeline');
  const firstSprintStart = (sprints[0] as SprintPlan).start;
  // Each closed sprint completes about its target (25–40 points); the largest items are placed first,
  // each into the sprint with the most room left, so the sprints fill evenly. What does not fit was
  // finished before the sprint history starts. Jira keeps no sprint totals: what a sprint delivered is read
  // from its issues (Sprint field, resolutiondate), so some issues are written to be read correctly — carried
  // over from the previous sprint (counted where resolved), or finished just after their sprint was closed
  // (counted for none).
  const pointsOf = (d: Draft): number => (typeof d.points === 'number' ? d.points : 0);
  const done = rTime.shuffle(work.filter((w) => w.status === 'Done')).sort((a, b) => pointsOf(b) - pointsOf(a));
  for (const d of done) {
    const pts = pointsOf(d);
    let placed = -1;
    if (pts > 0) {
      let room = 0;
      for (let s = 0; s < CLOSED_SPRINTS; s++) {
        const sp = sprints[s] as SprintPlan;
        const left = sp.target - sp.points;
        if (left >= pts && left > room) {
          room = left;
          placed = s;
        }
      }
    } else if (rTime.chance(0.5)) {
      placed = rTime.int(0, CLOSED_SPRINTS - 1);
    }
    if (placed >= 0) {
      const sp = sprints[placed] as SprintPlan;
      sp.points += pts;
      d.sprints = placed > 0 && rTime.chance(0.15) ? [placed - 1, placed] : [placed];
      // Working hours can move the time of day across the sprint's first or last morning: kept inside its window.
      d.resolved = clamp(at(new Date(sp.start.getTime() + rTime.next() * (sp.end.getTime() - sp.start.getTime())), rTime), sp.start, sp.end);
    } else if (pts > 0 && rTime.chance(0.3)) {
      // No room left: finished one to four days after its sprint was closed, outside every sprint's window.
      const s = rTime.int(0, CLOSED_SPRINTS - 1);
      const sp = sprints[s] as SprintPlan;
      d.sprints = [s];
      d.resolved = clamp(at(plusDays(sp.complete ?? sp.end, rTime.between(1, 4)), rTime), plusDays(sp.complete ?? sp.end, 0.5), now);
    } else {
      d.resolved = at(plusDays(earliest, 20 + rTime.next() * Math.max(1, daysBetween(earliest, firstSprintStart) - 21)), rTime);
    }
    const lead = rTime.chance(0.8) ? rTime.between(2, 60) : rTime.between(60, 300);
    d.created = at(clamp(plusDays(d.resolved, -lead), plusDays(earliest, rTime.next() * 10), d.resolved), rTime);
    if (d.created.getTime() > d.resolved.getTime()) d.created = d.resolved;
    d.updated = clamp(plusDays(d.resolved, rTime.chance(0.2) ? rTime.between(0, 20) : 0), d.resolved, now);
    d.resolution = 'Done';
  }
  for (const d of work) {
    if (d.status === 'Done') continue;
    if (d.status === 'To Do') {
      d.created = at(plusDays(now, -rTime.between(1, HISTORY_DAYS)), rTime);
      const r = rTime.next();
      if (r < 0.1) d.sprints = [activeSprint];
      else if (r < 0.2) d.sprints = [futureSprint];
      else if (r < 0.23) d.sprints = [rTime.int(0, CLOSED_SPRINTS - 1)]; // carried out of a sprint, back in the backlog
    } else {
      d.created = at(plusDays(now, -rTime.between(5, 200)), rTime);
      d.sprints = rTime.chance(0.2) ? [CLOSED_SPRINTS - 1, activeSprint] : [activeSprint];
    }
    const recent = d.status === 'To Do' ? rTime.next() : rTime.next() * 0.02;
    d.updated = clamp(new Date(d.created.getTime() + (1 - recent) * (now.getTime() - d.created.getTime())), d.created, now);
  }
  for (const d of subtasks) {
    const parent = d.parent as Draft;
    const limit = parent.resolved ?? now;
    d.created = clamp(at(plusDays(parent.created, rTime.between(0, 6)), rTime), parent.created, limit);
    if (d.status === 'Done') {
      d.resolved = clamp(new Date(d.created.getTime() + rTime.next() * (limit.getTime() - d.created.getTime())), d.created, limit);
      d.resolution = 'Done';
      d.updated = d.resolved;
    } else {
      d.updated = clamp(plusDays(now, -rTime.between(0, 10)), d.created, now);
    }
    d.sprints = [...parent.sprints];
  }
  for (const e of epics) {
    const firstChild = e.children.reduce<Date | null>((m, c) => (m === null || c.created < m ? c.created : m), null);
    e.created = at(clamp(plusDays(firstChild ?? plusDays(now, -rTime.between(30, 400)), -rTime.between(1, 25)), earliest, now), rTime);
    if (e.created < earliest) e.created = earliest;
    if (e.status === 'Done') {
      const last = e.children.reduce<Date>((m, c) => (c.resolved !== null && c.resolved > m ? c.resolved : m), e.created);
      e.resolved = clamp(plusDays(last, rTime.between(0.1, 3)), e.created, now);
      e.resolution = 'Done';
      e.updated = e.resolved;
    } else {
      const last = e.children.reduce<Date>((m, c) => (c.updated > m ? c.updated : m), e.created);
      e.updated = last;
    }
  }

  // --- fix versions and due dates ----------------------------------------------------------
  const rPlan = root.fork('planning');
  const upcoming = versions.map((v, i) => [i, v] as const).filter(([, v]) => !v.version.released);
  for (const d of work) {
    if (d.status === 'Done' && d.resolved !== null) {
      const resolved = d.resolved;
      const v = versions.findIndex((x) => x.date >= resolved && daysBetween(resolved, x.date) <= 35);
      if (v >= 0 && rPlan.chance(0.85)) d.fixVersion = v;
      if (rPlan.chance(0.1)) d.due = plusDays(resolved, rPlan.between(-10, 20));
    } else {
      if (upcoming.length > 0 && rPlan.chance(d.priority === 'Highest' || d.priority === 'High' ? 0.4 : 0.2)) {
        const idx = rPlan.chance(0.6) ? 0 : rPlan.int(0, upcoming.length - 1);
        d.fixVersion = (upcoming[idx] as (typeof upcoming)[number])[0];
      }
      if (rPlan.chance(0.17)) d.due = plusDays(now, rPlan.between(-35, 120));
    }
  }
  for (const e of epics) if (e.status !== 'Done' && rPlan.chance(0.3)) e.due = plusDays(now, rPlan.between(20, 200));

  // --- deliberately odd values (real sites have them; the app must cope) --------------------
  const openStories = work.filter((w) => w.kind === 'story' && w.status === 'To Do');
  const oddities = rPlan.shuffle([...openStories]);
  const odd = (i: number): Draft | undefined => oddities[i];
  const o1 = odd(0);
  if (o1) o1.points = '3'; // a number field holding a string (imported from a spreadsheet)
  const o2 = odd(1);
  if (o2) o2.points = '?'; // the planning-poker "?" card
  const o3 = odd(2);
  if (o3) o3.businessValue = { id: '10099', value: 'Must have' }; // an option removed from the field's context

  // --- feedback: organisations, customers, SUP tickets -------------------------------------
  const rFb = root.fork('feedback');
  const orgs = buildOrgs(p, rFb);
  const orgTable = new WeightedTable(orgs.map((o) => [o, o.activity] as const));
  const demand = new WeightedTable(
    rFb
      .shuffle(work.filter((w) => DEMAND[w.kind] > 0))
      .slice(0, Math.max(1, Math.round(work.length * 0.4)))
      .map((w, i) => [w, ((w.status === 'Done' ? 0.35 : 1) * DEMAND[w.kind]) / Math.pow(i + 1, 0.85)] as const),
  );
  const tickets: Draft[] = [];
  const feedbackLinks: [Draft, Draft][] = [];
  const askedBy = new Set<string>();
  for (let i = 0; i < p.feedbackTickets; i++) {
    const linked = demand.size > 0 && rFb.chance(0.92);
    const targets: Draft[] = [];
    if (linked) {
      const first = demand.pick(rFb);
      targets.push(first);
      if (rFb.chance(0.12)) {
        const extra = rFb.int(1, 2);
        for (let k = 0; k < extra * 4 && targets.length < 1 + extra; k++) {
          const cand = demand.pick(rFb);
          if (!targets.includes(cand) && (cand.theme === first.theme || k >= extra * 2)) targets.push(cand);
        }
      }
    }
    const first = targets[0];
    let org = orgTable.pick(rFb);
    for (let k = 0; first && k < 4 && askedBy.has(`${first.seq}|${org.org.id}`); k++) org = orgTable.pick(rFb);
    const defect = first !== undefined && first.kind === 'bug';
    const type: TypeName = first === undefined ? 'Support request' : rFb.chance(0.85) === defect ? 'Support request' : 'Feature request';
    const d = blank('SUP', 'ticket', type, first?.theme ?? -1);
    d.org = org;
    d.summary = first === undefined ? rFb.pick(UNLINKED_TICKETS) : fill(rFb.pick(defect ? SUPPORT_REQUESTS : FEATURE_REQUESTS), first.topic);
    d.topic = first?.topic ?? d.summary;
    d.reporter = rFb.pick(org.customers);
    d.created = at(plusDays(now, -(1 + (FEEDBACK_DAYS - 1) * Math.pow(rFb.next(), 1.8))), rFb);
    const age = daysBetween(d.created, now);
    d.status =
      age > 45
        ? rFb.weighted([
            ['Resolved', 55],
            ['Closed', 30],
            ['Waiting for customer', 5],
            ['Waiting for support', 10],
          ] as const)
        : rFb.weighted([
            ['Waiting for support', 45],
            ['In Progress', 25],
            ['Waiting for customer', 20],
            ['Resolved', 10],
          ] as const);
    d.priority = defect
      ? rFb.weighted([
          ['Highest', 10],
          ['High', 40],
          ['Medium', 50],
        ] as const)
      : rFb.weighted([
          ['High', 15],
          ['Medium', 60],
          ['Low', 25],
        ] as const);
    d.assignee = d.status === 'Waiting for support' ? null : people.agent;
    if (statusCategoryOf(d.status) === 'done') {
      d.resolved = clamp(plusDays(d.created, rFb.between(0.2, 20)), d.created, now);
      d.resolution = rFb.chance(0.85) ? 'Done' : "Won't Do";
      d.updated = d.resolved;
    } else {
      d.updated = clamp(plusDays(d.created, rFb.between(0, 10)), d.created, now);
    }
    d.description = `Reported via the support portal by ${d.reporter.displayName} (${org.org.name}).`;
    tickets.push(d);
    for (const t of targets) {
      feedbackLinks.push([d, t]);
      askedBy.add(`${t.seq}|${org.org.id}`);
    }
  }

  // --- keys, ids, rank order -------------------------------------------------------------------
  const pay = [...epics, ...work, ...subtasks];
  const byCreated = (a: Draft, b: Draft): number => a.created.getTime() - b.created.getTime() || a.seq - b.seq;
  const paySorted = [...pay].sort(byCreated);
  // One PAY key is a gap: the issue was deleted, and one link still points at it (see README).
  const deletedAt = paySorted.length >= 20 ? Math.floor(paySorted.length * 0.8) : -1;
  paySorted.forEach((d, i) => {
    d.key = `${PAY.key}-${i + 1 + (deletedAt >= 0 && i >= deletedAt ? 1 : 0)}`;
  });
  [...tickets].sort(byCreated).forEach((d, i) => {
    d.key = `${SUP.key}-${i + 1}`;
  });
  const all = [...pay, ...tickets].sort(byCreated);
  let deletedId = '';
  let nextId = 10001;
  for (const d of all) {
    if (deletedAt >= 0 && deletedId === '' && d === paySorted[deletedAt]) deletedId = String(nextId++);
    d.id = String(nextId++);
  }

  const rankedWork = [...work].sort((a, b) => a.rankKey - b.rankKey || a.seq - b.seq);
  const order: Draft[] = [...[...epics].sort((a, b) => a.rankKey - b.rankKey || a.seq - b.seq)];
  for (const w of rankedWork) {
    order.push(w);
    for (const c of w.children) if (c.kind === 'subtask') order.push(c);
  }
  order.push(...[...tickets].sort(byCreated));

  // --- issue bodies ----------------------------------------------------------------------------
  const sprintValues = (idx: number[]): SprintFieldValue[] =>
    idx.map((i) => {
      const s = sprints[i] as SprintPlan;
      const v: SprintFieldValue = {
        id: s.id,
        name: s.name,
        state: s.state,
        boardId: BOARD_ID,
        goal: s.goal,
        startDate: agileDateTime(s.start),
        endDate: agileDateTime(s.end),
      };
      if (s.complete) v.completeDate = agileDateTime(s.complete);
      return v;
    });
  const payProject = { id: PAY.id, key: PAY.key, name: PAY.name, projectTypeKey: 'software' as const };
  const supProject = { id: SUP.id, key: SUP.key, name: SUP.name, projectTypeKey: 'service_desk' as const };
  const issues: SeedIssue[] = order.map((d, position) => {
    const theme = THEMES[d.theme];
    const fields: SeedIssueFields = {
      summary: d.summary,
      issuetype: issueType(d.type),
      status: status(d.status),
      priority: priority(d.priority),
      labels: [...d.labels],
      created: jiraDateTime(d.created),
      updated: jiraDateTime(d.updated < d.created ? d.created : d.updated),
      duedate: d.due ? jiraDate(d.due) : null,
      issuelinks: [],
      components: d.project === 'PAY' && theme ? [{ id: String(10300 + d.theme), name: theme.component }] : [],
      fixVersions: d.fixVersion === null ? [] : [{ ...(versions[d.fixVersion] as VersionPlan).version }],
      reporter: { ...d.reporter },
      assignee: d.assignee ? { ...d.assignee } : null,
      project: d.project === 'PAY' ? { ...payProject } : { ...supProject },
      resolution: d.resolution === null ? null : { id: RESOLUTION_IDS[d.resolution] ?? '10000', name: d.resolution },
      resolutiondate: d.resolved ? jiraDateTime(d.resolved) : null,
      description:
        d.description === null ? null : { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: d.description }] }] },
      subtasks: [],
      [FIELD.rank]: lexoRank(position),
    };
    if (d.project === 'PAY') {
      if (d.kind !== 'epic' && d.kind !== 'subtask') {
        fields[FIELD.storyPoints] = d.points ?? null;
        fields[FIELD.storyPointEstimate] = d.points ?? null;
      }
      if (d.kind !== 'subtask')
        fields[FIELD.businessValue] = d.businessValue === undefined || d.businessValue === null ? null : { ...(d.businessValue as object) };
      fields[FIELD.sprint] = d.sprints.length > 0 ? sprintValues(d.sprints) : null;
    } else if (d.org) {
      fields[FIELD.organizations] = [{ ...d.org.org }];
      fields[FIELD.customerTier] = d.seq % 37 === 5 ? null : tierOption(d.org.tier);
    }
    const issue: SeedIssue = { id: d.id, key: d.key, fields };
    d.issue = issue;
    return issue;
  });

  const issueRef = (d: Draft): IssueRef => {
    const f = (d.issue as SeedIssue).fields;
    return { id: d.id, key: d.key, fields: { summary: f.summary, status: status(d.status), priority: priority(d.priority), issuetype: issueType(d.type) } };
  };
  for (const d of [...work, ...subtasks]) {
    const f = (d.issue as SeedIssue).fields;
    const parent = d.parent ?? d.epic;
    if (parent) f.parent = issueRef(parent);
    for (const c of d.children) if (c.kind === 'subtask') f.subtasks.push(issueRef(c));
  }

  // --- issue links ---------------------------------------------------------------------------
  const rLink = root.fork('links');
  let nextLinkId = 20000;
  const linked = new Set<string>();
  const linkedIssue = (d: Draft): LinkedIssue => ({
    id: d.id,
    key: d.key,
    fields: {
      summary: d.summary,
      status: { name: d.status, statusCategory: { key: statusCategoryOf(d.status) } },
      priority: { name: d.priority },
      issuetype: { name: d.type },
    },
  });
  /** `from` <outward> `to`, written on both issues (same link id), as Jira shows it from either end. */
  const link = (type: SeedIssueLinkType, from: Draft, to: Draft): boolean => {
    if (from === to) return false;
    const pair = from.seq < to.seq ? `${from.seq}|${to.seq}` : `${to.seq}|${from.seq}`;
    if (linked.has(pair)) return false;
    linked.add(pair);
    const id = String(nextLinkId++);
    (from.issue as SeedIssue).fields.issuelinks.push({ id, type: { ...type }, outwardIssue: linkedIssue(to) });
    (to.issue as SeedIssue).fields.issuelinks.push({ id, type: { ...type }, inwardIssue: linkedIssue(from) });
    return true;
  };

  const scale = Math.max(1, work.length / 300);
  const openByTheme: Draft[][] = THEMES.map((_, i) => rLink.shuffle(work.filter((w) => w.theme === i && w.status !== 'Done')));
  const takeOpen = (theme: number): Draft | undefined => openByTheme[theme]?.pop() ?? openByTheme.find((l) => l.length > 0)?.pop();
  const themeOrder = (i: number): number => i % THEMES.length;
  // Chains A blocks B blocks C (blockers needed first), pairs, one enabler that blocks several, one cycle.
  let t = 0;
  for (let c = 0; c < Math.round(5 * scale); c++, t++) {
    const len = rLink.int(3, 4);
    const chain: Draft[] = [];
    for (let k = 0; k < len; k++) {
      const d = takeOpen(themeOrder(t));
      if (d) chain.push(d);
    }
    for (let k = 0; k + 1 < chain.length; k++) link(LINK_TYPES.blocks, chain[k] as Draft, chain[k + 1] as Draft);
  }
  for (let c = 0; c < Math.round(14 * scale); c++, t++) {
    const a = takeOpen(themeOrder(t));
    const b = takeOpen(rLink.chance(0.7) ? themeOrder(t) : rLink.int(0, THEMES.length - 1));
    if (a && b) link(LINK_TYPES.blocks, a, b);
  }
  for (let c = 0; c < Math.max(1, Math.round(scale / 2)); c++, t++) {
    const hub = takeOpen(5); // platform work tends to enable the rest
    for (let k = 0; hub && k < 4; k++) {
      const b = takeOpen(rLink.int(0, THEMES.length - 1));
      if (b) link(LINK_TYPES.blocks, hub, b);
    }
  }
  const cycle = [takeOpen(2), takeOpen(2), takeOpen(2)];
  if (cycle.every((d) => d !== undefined)) {
    const [a, b, c] = cycle as [Draft, Draft, Draft];
    link(LINK_TYPES.blocks, a, b);
    link(LINK_TYPES.blocks, b, c);
    link(LINK_TYPES.blocks, c, a); // a small cycle, as real sites have them
  }
  const doneWork = rLink.shuffle(work.filter((w) => w.status === 'Done' && w.kind !== 'bug'));
  for (let c = 0; c < Math.round(3 * scale); c++) {
    const a = doneWork.pop();
    const b = takeOpen(rLink.int(0, THEMES.length - 1));
    if (a && b) link(LINK_TYPES.blocks, a, b); // a finished blocker
  }

  // Tech debt causing bugs (debt interest).
  const bugsByTheme: Draft[][] = THEMES.map((_, i) => rLink.shuffle(work.filter((w) => w.theme === i && w.kind === 'bug')));
  const debtItems = rLink.shuffle(work.filter((w) => w.kind === 'debt'));
  for (const debt of debtItems.slice(0, Math.round(debtItems.length * 0.4))) {
    const count = rLink.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    for (let k = 0; k < count; k++) {
      const bug = bugsByTheme[debt.theme]?.pop() ?? bugsByTheme.find((l) => l.length > 0)?.pop();
      if (bug) link(LINK_TYPES.causes, debt, bug);
    }
  }
  // Duplicates (the duplicate is closed as such), clones, related work.
  const byTheme = (items: Draft[]): Draft[][] => {
    const out: Draft[][] = THEMES.map(() => []);
    for (const d of items) out[d.theme]?.push(d);
    return out;
  };
  /** Another item of the same theme (link() refuses a link to itself). */
  const sameTheme = (groups: Draft[][], a: Draft): Draft | undefined => {
    const group = groups[a.theme] ?? [];
    return group.length > 1 ? rLink.pick(group) : undefined;
  };
  const bugs = work.filter((w) => w.kind === 'bug');
  const bugGroups = byTheme(bugs);
  const doneBugs = rLink.shuffle(bugs.filter((b) => b.status === 'Done'));
  for (let c = 0; c < Math.round(3 * scale); c++) {
    const dup = doneBugs.pop();
    if (!dup) break;
    const original = sameTheme(bugGroups, dup);
    if (original && link(LINK_TYPES.duplicate, dup, original)) {
      dup.resolution = 'Duplicate';
      (dup.issue as SeedIssue).fields.resolution = { id: '10002', name: 'Duplicate' };
    }
  }
  const stories = work.filter((w) => w.kind === 'story');
  const storyGroups = byTheme(stories);
  for (let c = 0; c < Math.round(2 * scale) && stories.length > 1; c++) {
    const a = rLink.pick(stories);
    const b = sameTheme(storyGroups, a);
    if (b) link(LINK_TYPES.cloners, a, b);
  }
  const workGroups = byTheme(work);
  for (let c = 0; c < Math.round(12 * scale) && work.length > 1; c++) {
    const a = rLink.pick(work);
    const b = sameTheme(workGroups, a);
    if (b) link(LINK_TYPES.relates, a, b);
  }
  // Feedback: the ticket "relates to" the backlog item.
  for (const [ticket, item] of feedbackLinks) link(LINK_TYPES.relates, ticket, item);

  // The one deliberately dangling link: blocked by an issue that was deleted (key gap, id not in the seed).
  if (deletedAt >= 0) {
    const victim = openStories.find((s) => !(s.issue as SeedIssue).fields.issuelinks.some((l) => l.type.name === 'Blocks')) ?? openStories[0];
    if (victim) {
      const deletedKey = `${PAY.key}-${deletedAt + 1}`;
      (victim.issue as SeedIssue).fields.issuelinks.push({
        id: String(nextLinkId++),
        type: { ...LINK_TYPES.blocks },
        inwardIssue: {
          id: deletedId,
          key: deletedKey,
          fields: {
            summary: 'Move card vault to the new HSM cluster',
            status: { name: 'To Do', statusCategory: { key: 'new' } },
            priority: { name: 'High' },
            issuetype: { name: 'Task' },
          },
        },
      });
    }
  }

  // --- remote links to the support tool (and a few wiki pages / pull requests) -------------
  const remoteLinks = buildRemoteLinks(work, demand, orgs, orgTable, root.fork('remote'));

  return {
    now: now.toISOString().replace('.000Z', 'Z'),
    users: buildUsers(),
    projects: buildProjects(),
    fields: buildFields(),
    issueLinkTypes: buildLinkTypes(),
    issues,
    remoteLinks,
    boards: [buildBoard()],
    sprints: sprints.map(toSeedSprint),
  };
}

function planSprints(now: Date, rng: Rng): SprintPlan[] {
  // Sprints run Monday 09:00 to the Monday two weeks later, 08:00 UTC; the active one contains `now`.
  const activeStart = plusDays(utcWeekStart(now), -7 + 9 / 24);
  const plans: SprintPlan[] = [];
  const firstNumber = 44 - CLOSED_SPRINTS;
  for (let k = 0; k <= CLOSED_SPRINTS + 1; k++) {
    const start = plusDays(activeStart, (k - CLOSED_SPRINTS) * 14);
    const end = plusDays(start, 14 - 1 / 24);
    const state = k < CLOSED_SPRINTS ? 'closed' : k === CLOSED_SPRINTS ? 'active' : 'future';
    plans.push({
      id: 100 + k,
      name: `${PAY.key} Sprint ${firstNumber + k}`,
      state,
      goal: SPRINT_GOALS[k % SPRINT_GOALS.length] as string,
      start,
      end,
      complete: state === 'closed' ? plusDays(end, rng.between(0.01, 0.04)) : null,
      target: rng.int(25, 40),
      points: 0,
    });
  }
  return plans;
}

function toSeedSprint(s: SprintPlan): SeedSprint {
  const out: SeedSprint = {
    id: s.id,
    name: s.name,
    state: s.state,
    originBoardId: BOARD_ID,
    goal: s.goal,
    createdDate: agileDateTime(plusDays(s.start, -3)),
    startDate: agileDateTime(s.start),
    endDate: agileDateTime(s.end),
  };
  if (s.complete) out.completeDate = agileDateTime(s.complete);
  return out;
}

function planVersions(now: Date): VersionPlan[] {
  // Releases every four weeks: four shipped, three planned.
  const offsets = [-98, -70, -42, -14, 14, 56, 98];
  return offsets.map((days, i) => {
    const date = plusDays(now, days);
    const released = days < 0;
    return {
      date,
      version: {
        id: String(10400 + i),
        name: `Payments ${4}.${9 + i}`,
        description: released ? 'Shipped to all merchants.' : 'Planned release.',
        archived: false,
        released,
        releaseDate: jiraDate(date),
      },
    };
  });
}

function buildBoard(): SeedBoard {
  return {
    id: BOARD_ID,
    name: `${PAY.key} board`,
    type: 'scrum',
    location: { projectId: Number(PAY.id), projectKey: PAY.key, projectName: PAY.name, projectTypeKey: 'software', displayName: `${PAY.name} (${PAY.key})` },
  };
}

function buildOrgs(p: Params, rng: Rng): Org[] {
  const wanted = p.curatedOrgs ? ORGANISATIONS.length : Math.max(ORGANISATIONS.length, Math.round(p.feedbackTickets / 8));
  const names: (readonly [string, TierName])[] = [...ORGANISATIONS];
  for (let i = 0; names.length < wanted; i++) {
    const first = ORG_FIRST[i % ORG_FIRST.length] as string;
    const second = ORG_SECOND[Math.floor(i / ORG_FIRST.length) % ORG_SECOND.length] as string;
    const round = Math.floor(i / (ORG_FIRST.length * ORG_SECOND.length));
    const tier = rng.weighted([
      ['Enterprise', 15],
      ['Business', 45],
      ['Free', 40],
    ] as const);
    names.push([round === 0 ? `${first} ${second}` : `${first} ${second} ${round + 1}`, tier]);
  }
  return names.slice(0, wanted).map(([name, tier], i) => {
    const slug = slugify(name);
    const customers: SeedUserRef[] = [];
    const count = rng.int(1, tier === 'Enterprise' ? 4 : 2);
    for (let k = 0; k < count; k++) {
      customers.push({
        accountId: `712020:${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
        displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        accountType: 'customer',
        active: true,
      });
    }
    const base = tier === 'Enterprise' ? 3 : tier === 'Business' ? 1.5 : 0.7;
    return { org: { id: String(i + 1), name }, tier, slug, customers, activity: base * rng.between(0.4, 1.6) };
  });
}

function buildRemoteLinks(work: Draft[], demand: WeightedTable<Draft>, orgs: Org[], orgTable: WeightedTable<Org>, rng: Rng): Record<string, SeedRemoteLink[]> {
  const wantIssues = Math.min(work.length, Math.round(work.length * 0.2));
  const chosen = new Set<Draft>();
  for (let k = 0; chosen.size < wantIssues && k < wantIssues * 4; k++) {
    chosen.add(demand.size > 0 && rng.chance(0.7) ? demand.pick(rng) : rng.pick(work));
  }
  const out: Record<string, SeedRemoteLink[]> = {};
  let nextId = 10000;
  const sorted = [...chosen].sort((a, b) => Number(a.id) - Number(b.id));
  for (const d of sorted) {
    const count = rng.weighted([
      [1, 60],
      [2, 25],
      [3, 10],
      [4, 5],
    ] as const);
    const seen = new Set<string>();
    const list: SeedRemoteLink[] = [];
    for (let k = 0; k < count; k++) {
      const id = nextId++;
      if (rng.chance(0.85) && orgs.length > 0) {
        let org = orgTable.pick(rng);
        for (let r = 0; r < 3 && seen.has(org.slug); r++) org = orgTable.pick(rng);
        seen.add(org.slug);
        const ticket = rng.int(10000, 99999);
        const url = `https://support.example.com/orgs/${org.slug}/tickets/${ticket}`;
        const resolved = rng.chance(0.4);
        const summary = fill(rng.pick(d.kind === 'bug' ? SUPPORT_REQUESTS : FEATURE_REQUESTS), d.topic);
        list.push({
          id,
          globalId: `system=https://support.example.com&id=${ticket}`,
          application: { type: 'com.example.supportdesk', name: 'SupportDesk' },
          relationship: 'mentioned in',
          object: {
            url,
            title: `#${ticket} ${summary}`,
            summary: `${org.org.name}: ${summary}`,
            icon: { url16x16: 'https://support.example.com/static/ticket-16.png', title: 'SupportDesk ticket' },
            status: {
              resolved,
              icon: resolved
                ? { url16x16: 'https://support.example.com/static/solved-16.png', title: 'Solved', link: url }
                : { url16x16: 'https://support.example.com/static/open-16.png', title: 'Open', link: url },
            },
          },
        });
      } else if (rng.chance(0.5)) {
        const page = rng.int(100000, 999999);
        const title = `Design: ${upperFirst(d.topic)}`;
        const url = `https://wiki.example.com/spaces/PAY/pages/${page}/${slugify(title)}`;
        list.push({
          id,
          globalId: `system=https://wiki.example.com&id=${page}`,
          application: { type: 'com.example.wiki', name: 'Team Wiki' },
          relationship: 'Wiki Page',
          object: {
            url,
            title,
            summary: 'Design notes and decisions',
            icon: { url16x16: 'https://wiki.example.com/favicon-16.png', title: 'Page' },
            status: { resolved: false, icon: {} },
          },
        });
      } else {
        const pr = rng.int(100, 4999);
        const repo = slugify(THEMES[d.theme]?.component ?? 'payments');
        const url = `https://git.example.com/payments/${repo}/pull/${pr}`;
        const merged = d.status === 'Done';
        list.push({
          id,
          globalId: `system=https://git.example.com&id=${repo}/${pr}`,
          application: { type: 'com.example.git', name: 'Git' },
          relationship: 'pull request',
          object: {
            url,
            title: `${repo}#${pr}: ${d.summary}`,
            summary: merged ? 'Merged' : 'Open',
            icon: { url16x16: 'https://git.example.com/favicon-16.png', title: 'Pull request' },
            status: { resolved: merged, icon: { title: merged ? 'Merged' : 'Open' } },
          },
        });
      }
    }
    out[d.key] = list;
  }
  return out;
}
