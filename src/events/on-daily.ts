import { fanOutDaily } from '../application/background/daily-fan-out';
import { createRuntime } from '../composition';

const runtime = createRuntime();

/** Daily scheduled trigger: recency decay changes scores over time, so every enrolled project is rebuilt. */
export async function onDaily(): Promise<void> {
  await fanOutDaily(runtime.deps.kv, runtime.queue, new Date().toISOString());
}
