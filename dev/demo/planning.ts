/** Phase: fix versions and due dates, then the deliberately odd values real sites have (the app must cope). */
import { daysBetween, plusDays } from './dates';
import type { Rng } from './random';
import type { Draft, SiteContext, VersionPlan } from './site-model';

export function planReleases(ctx: SiteContext, versions: VersionPlan[], epics: Draft[], work: Draft[], rPlan: Rng): void {
  const { now } = ctx;
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
}

/** Puts odd values on a few open stories; returns the open stories (the dangling link goes on one of them). */
export function addOddities(work: Draft[], rPlan: Rng): Draft[] {
  const openStories = work.filter((w) => w.kind === 'story' && w.status === 'To Do');
  const oddities = rPlan.shuffle([...openStories]);
  const odd = (i: number): Draft | undefined => oddities[i];
  const o1 = odd(0);
  if (o1) o1.points = '3'; // a number field holding a string (imported from a spreadsheet)
  const o2 = odd(1);
  if (o2) o2.points = '?'; // the planning-poker "?" card
  const o3 = odd(2);
  if (o3) o3.businessValue = { id: '10099', value: 'Must have' }; // an option removed from the field's context
  return openStories;
}
