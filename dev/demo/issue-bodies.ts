/** Phase: the GET-issue bodies, in rank order, with parents and sub-tasks referring to each other. */
import { FIELD, PAY, SUP, issueType, priority, status, tierOption } from './jira-catalog';
import { agileDateTime, jiraDate, jiraDateTime } from './dates';
import type { IssueRef, SeedIssue, SeedIssueFields, SprintFieldValue } from './seed-types';
import { BOARD_ID, type Draft, type SprintPlan, type VersionPlan } from './site-model';
import { THEMES } from './vocabulary';

const RESOLUTION_IDS: Readonly<Record<string, string>> = { Done: '10000', "Won't Do": '10001', Duplicate: '10002' };
/** LexoRank-like strings that sort in rank order. */
function lexoRank(position: number): string {
  return `0|i${((position + 1) * 16).toString(36).padStart(5, '0')}:`;
}

/** Writes each draft's `issue`; returns the bodies in `order`. */
export function writeIssues(order: Draft[], sprints: SprintPlan[], versions: VersionPlan[], work: Draft[], subtasks: Draft[]): SeedIssue[] {
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

  return issues;
}
