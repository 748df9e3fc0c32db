import { knownProjects } from '../application/background/recompute';
import { createDeps } from '../composition';
import { enqueueRecompute } from './recompute-queue';

const deps = createDeps();

/** Daily scheduled trigger: recency decay changes scores over time, so every ranked project is recomputed. */
export async function onDaily(): Promise<void> {
  const at = new Date().toISOString();
  await enqueueRecompute((await knownProjects(deps.kv)).map((projectKey) => ({ projectKey, at, reason: 'daily recompute' })));
}
