import { pointsPerSprint } from '../../domain';
import type { SprintCapacitySource } from '../../contract/sprint';
import { TRUNCATED_HISTORY_WARNING, whyNoHistory, type SprintHistoryResult } from '../roadmap/sprint-history';

export interface SprintCapacity {
  /** Points the next sprint can hold (0 when nothing tells). */
  points: number;
  source: SprintCapacitySource;
  warnings: string[];
}

/**
 * The next sprint's capacity: the points the PO typed, else the median points the project's closed sprints delivered
 * (the roadmap's sprint history, read as the user and kept per user, and read only when nothing is typed). No usable
 * history and nothing typed: 0 points and a warning that says why and asks for a number, so the Sprint tab can offer
 * the input instead of failing.
 */
export async function sprintCapacity(typed: number | undefined, readHistory: () => Promise<SprintHistoryResult>): Promise<SprintCapacity> {
  if (typed !== undefined) return { points: typed, source: { kind: 'typed' }, warnings: [] };
  const history = await readHistory();
  const warnings = history.truncated ? [TRUNCATED_HISTORY_WARNING] : [];
  const median = pointsPerSprint(history.deliveries);
  if (median !== null) return { points: median.points, source: { kind: 'history', sprints: median.sampleSize }, warnings };
  warnings.unshift(`${whyNoHistory(history)}, so there is no sprint history to take the capacity from: type the sprint's capacity in points.`);
  return { points: 0, source: { kind: 'none' }, warnings };
}
