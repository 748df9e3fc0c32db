/** Phase: the epics, one per theme first (the curated ones), then later phases of the themes. */
import { businessValue, type StatusName } from './jira-catalog';
import type { Rng } from './random';
import type { Draft, SiteContext } from './site-model';
import { THEMES } from './vocabulary';

/** The curated epics' statuses (Checkout v2 … Developer API); later phases (scale sites) are random. */
const EPIC_STATUSES: readonly StatusName[] = ['In Progress', 'In Progress', 'In Progress', 'To Do', 'In Progress', 'In Progress', 'To Do', 'In Progress'];

export function draftEpics(ctx: SiteContext, epicCount: number, rEpic: Rng): { epics: Draft[]; epicsByTheme: Draft[][] } {
  const { people } = ctx;
  const blank = ctx.draft;
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

  return { epics, epicsByTheme };
}
