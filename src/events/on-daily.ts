import { createDeps } from '../composition';
import { fanOutDaily } from './daily-fan-out';

const deps = createDeps();

/** Daily scheduled trigger: recency decay changes scores over time, so every enrolled project is recomputed. */
export async function onDaily(): Promise<void> {
  await fanOutDaily(deps.kv, new Date().toISOString());
}
