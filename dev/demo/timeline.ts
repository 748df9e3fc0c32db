/** Phase: when each issue was created, resolved and last updated, and which sprints it was in. */
import { clamp, daysBetween, plusDays } from './dates';
import type { Rng } from './random';
import { CLOSED_SPRINTS, HISTORY_DAYS, type Draft, type SiteContext, type SprintPlan } from './site-model';

export function placeInTime(ctx: SiteContext, sprints: SprintPlan[], issues: { epics: Draft[]; work: Draft[]; subtasks: Draft[] }, rTime: Rng): void {
  const { now, earliest, at } = ctx;
  const { epics, work, subtasks } = issues;
  const activeSprint = CLOSED_SPRINTS;
  const futureSprint = CLOSED_SPRINTS + 1;
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
}
