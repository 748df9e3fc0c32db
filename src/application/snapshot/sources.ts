import type { SourceProblem } from '../../contract/model';
import type { SnapshotRow } from '../../domain/snapshot/types';

/**
 * What the page says when the app's own user cannot read a data source. Since Forge's `asApp()` acts as the app's
 * user with the permissions a Jira admin gave it (not as a site admin), the fix is a grant in a permission scheme;
 * nothing is read as another user instead.
 */
export function appCannotBrowseProject(projectKey: string): SourceProblem {
  return {
    code: 'APP_CANNOT_BROWSE_PROJECT',
    project: projectKey,
    message: `ValueRank's app user cannot browse ${projectKey}, so no issue of it is scored. A Jira admin can add the app's user ("ValueRank") to the Browse Projects permission of ${projectKey}'s permission scheme; the scores follow within minutes.`,
  };
}

export function appCannotBrowseFeedback(projectKey: string): SourceProblem {
  return {
    code: 'APP_CANNOT_BROWSE_FEEDBACK',
    project: projectKey,
    message: `ValueRank's app user cannot browse the feedback project ${projectKey}, so its tickets are left out of every score. A Jira admin can add the app's user ("ValueRank") to the Browse Projects permission of ${projectKey}'s permission scheme.`,
  };
}

/** Every score may lack customer voice when a feedback project is closed to the app: each row says so. */
export function markUnreadableSources(rows: readonly SnapshotRow[]): SnapshotRow[] {
  const gap = 'feedback.sourceUnreadable';
  return rows.map((r) => (r.gaps.includes(gap) ? r : { ...r, gaps: [...r.gaps, gap].sort(), confidence: Math.max(0, r.confidence - 0.1) }));
}
