/** Phase: issue links — blockers (chains, pairs, a hub, a cycle), debt causing bugs, duplicates, clones, feedback. */
import { LINK_TYPES, PAY, statusCategoryOf } from './jira-catalog';
import type { Rng } from './random';
import type { LinkedIssue, SeedIssue, SeedIssueLinkType } from './seed-types';
import type { Draft } from './site-model';
import type { Keyed } from './keys';
import { THEMES } from './vocabulary';

export function linkIssues(
  work: Draft[],
  feedbackLinks: readonly [Draft, Draft][],
  openStories: readonly Draft[],
  { deletedAt, deletedId }: Pick<Keyed, 'deletedAt' | 'deletedId'>,
  rLink: Rng,
): void {
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
}
