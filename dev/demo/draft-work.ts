/** Phase: the stories, tasks, bugs and tech debt of PAY, with their epics, estimates, labels and Jira rank. */
import { BUSINESS_VALUE_OPTIONS, businessValue, type BusinessValueName, type TypeName } from './jira-catalog';
import { lowerFirst, type Phrases } from './phrases';
import type { Rng } from './random';
import type { Draft, Kind, SiteContext } from './site-model';
import { THEMES } from './vocabulary';

const FIB = [
  [1, 10],
  [2, 18],
  [3, 25],
  [5, 22],
  [8, 15],
  [13, 7],
  [21, 2],
] as const;

function pickBusinessValue(rng: Rng, kind: Kind): unknown {
  if (!rng.chance(kind === 'debt' ? 0.55 : 0.72)) return null;
  const weights: Record<BusinessValueName, number> =
    kind === 'debt' ? { Low: 40, Medium: 40, High: 15, Critical: 5 } : { Low: 22, Medium: 36, High: 29, Critical: 13 };
  return businessValue(rng.weighted(BUSINESS_VALUE_OPTIONS.map((o) => [o, weights[o]] as const)));
}

export function draftWork(ctx: SiteContext, workCount: number, epicsByTheme: Draft[][], rWork: Rng, phrases: Phrases): Draft[] {
  const { people } = ctx;
  const blank = ctx.draft;
  const work: Draft[] = [];
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

  return work;
}
