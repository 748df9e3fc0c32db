import { Queue } from '@forge/events';

/** The queue the triggers feed and the `recompute` consumer drains (manifest: consumer `recompute-consumer`). */
export const RECOMPUTE_QUEUE = 'recompute';

/** A recompute request: a project, or issues whose project is still to be found (link events carry only ids). */
export interface RecomputeRequest {
  projectKey?: string;
  issueIds?: string[];
  /** One edited or created issue of `projectKey`: rescored on its own when the project context allows it. */
  issueId?: string;
  /** ISO time of the change; a project recomputed after it is skipped (coalescing). */
  at: string;
  reason: string;
}

export async function enqueueRecompute(requests: RecomputeRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await new Queue({ key: RECOMPUTE_QUEUE }).push(requests.map((body) => ({ body: body as unknown as Record<string, unknown> })));
}
