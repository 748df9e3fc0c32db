/**
 * The PRJ site the roadmap-capacity and sprint-planning tests start from (seed format of DESIGN.md): one scrum board,
 * three closed two-week sprints and an active one, and a Story Points field. The tests bring their own issues.
 */
export const PO = 'acc-po';
export const DONE = { name: 'Done', id: '10002', statusCategory: { id: 3, key: 'done', name: 'Done' } };
export const TODO = { name: 'To Do', id: '10000', statusCategory: { id: 2, key: 'new', name: 'To Do' } };

/** Sprints 11–13 closed (the sprint history), 14 active. */
export const SPRINTS = [
  {
    id: 11,
    originBoardId: 1,
    state: 'closed',
    name: 'PRJ Sprint 11',
    startDate: '2026-09-28T09:00:00.000Z',
    endDate: '2026-10-12T08:00:00.000Z',
    completeDate: '2026-10-12T09:15:00.000Z',
  },
  {
    id: 12,
    originBoardId: 1,
    state: 'closed',
    name: 'PRJ Sprint 12',
    startDate: '2026-10-12T09:00:00.000Z',
    endDate: '2026-10-26T08:00:00.000Z',
    completeDate: '2026-10-26T09:40:00.000Z',
  },
  {
    id: 13,
    originBoardId: 1,
    state: 'closed',
    name: 'PRJ Sprint 13',
    startDate: '2026-10-26T09:00:00.000Z',
    endDate: '2026-11-09T08:00:00.000Z',
    completeDate: '2026-11-09T10:05:00.000Z',
  },
  { id: 14, originBoardId: 1, state: 'active', name: 'PRJ Sprint 14', startDate: '2026-11-09T09:00:00.000Z', endDate: '2026-11-23T08:00:00.000Z' },
];

export interface SprintSiteParts {
  issues: unknown[];
  /** Default: all of SPRINTS. */
  sprints?: typeof SPRINTS;
  /** Projects besides PRJ (a service desk for feedback). */
  moreProjects?: unknown[];
  issueLinkTypes?: unknown[];
}

/** The seed: PRJ (the PO may browse, schedule and administer it), its board and sprints, and the given issues. */
export function sprintSite(parts: SprintSiteParts) {
  return {
    now: '2026-11-25T00:00:00Z',
    users: [{ accountId: PO, displayName: 'Pat Owner', groups: [] }],
    projects: [
      {
        key: 'PRJ',
        id: '10000',
        name: 'Product',
        projectTypeKey: 'software',
        permissions: { [PO]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'] },
      },
      ...(parts.moreProjects ?? []),
    ],
    fields: [
      {
        id: 'customfield_10016',
        name: 'Story Points',
        custom: true,
        schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10016 },
      },
    ],
    ...(parts.issueLinkTypes === undefined ? {} : { issueLinkTypes: parts.issueLinkTypes }),
    issues: parts.issues,
    boards: [{ id: 1, name: 'PRJ board', type: 'scrum', location: { projectId: 10000, projectKey: 'PRJ' } }],
    sprints: parts.sprints ?? SPRINTS,
  };
}
