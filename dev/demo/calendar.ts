/** The team's calendar: two-week sprints (history, active, future), four-weekly releases, the scrum board. */
import { PAY } from './jira-catalog';
import { SPRINT_GOALS } from './vocabulary';
import { agileDateTime, jiraDate, plusDays, utcWeekStart } from './dates';
import type { Rng } from './random';
import type { SeedBoard, SeedSprint } from './seed-types';
import { BOARD_ID, CLOSED_SPRINTS, type SprintPlan, type VersionPlan } from './site-model';

export function planSprints(now: Date, rng: Rng): SprintPlan[] {
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

export function toSeedSprint(s: SprintPlan): SeedSprint {
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

export function planVersions(now: Date): VersionPlan[] {
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

export function buildBoard(): SeedBoard {
  return {
    id: BOARD_ID,
    name: `${PAY.key} board`,
    type: 'scrum',
    location: { projectId: Number(PAY.id), projectKey: PAY.key, projectName: PAY.name, projectTypeKey: 'software', displayName: `${PAY.name} (${PAY.key})` },
  };
}
