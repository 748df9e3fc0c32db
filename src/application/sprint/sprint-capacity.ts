import { pointsPerSprint } from '../../domain';
import type { SprintCapacitySource } from '../../contract/sprint';
import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { sprintHistory } from '../roadmap/sprint-history';

export interface SprintCapacity {
  /** Points the next sprint can hold (0 when nothing tells). */
  points: number;
  source: SprintCapacitySource;
  warnings: string[];
}

/**
 * The next sprint's capacity: the points the PO typed, else the median points the project's closed sprints delivered
 * (the roadmap's sprint history, read as the user and kept per user). No usable history and nothing typed: 0 points
 * and a warning that says why and asks for a number, so the Sprint tab can offer the input instead of failing.
 */
export async function sprintCapacity(
  reader: JiraReader,
  kv: KeyValueStore,
  projectKey: string,
  principal: string,
  pointsField: string | null,
  nowMs: number,
  typed: number | undefined,
): Promise<SprintCapacity> {
  if (typed !== undefined) return { points: typed, source: { kind: 'typed' }, warnings: [] };
  const history = await sprintHistory(reader, kv, projectKey, principal, pointsField, nowMs);
  const warnings = history.truncated ? ['The last closed sprints hold more done issues than are read for capacity; capacity may read low.'] : [];
  const median = pointsPerSprint(history.deliveries);
  if (median !== null) return { points: median.points, source: { kind: 'history', sprints: median.sampleSize }, warnings };
  const why =
    history.missing === 'no-points-field'
      ? 'No story points field'
      : history.missing === 'no-sprint-field'
        ? 'This site has no Sprint field'
        : 'No closed sprint with start and completion dates';
  warnings.unshift(`${why}, so there is no sprint history to take the capacity from: type the sprint's capacity in points.`);
  return { points: 0, source: { kind: 'none' }, warnings };
}
