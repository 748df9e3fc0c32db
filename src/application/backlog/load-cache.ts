import type { LoadedProject } from './load-project';

/** How long a loaded project is reused for the same user (ms): paging and what-if sliders read it again and again. */
export const LOAD_TTL_MS = 30_000;
/** Most loaded projects kept at once; a 20,000-issue project takes tens of MB. */
const MAX_ENTRIES = 3;

/**
 * Reuses what a user's last load of a project read from Jira, for a short time, within one function instance
 * (Forge keeps warm instances; a cold one simply loads again). Keyed by user, project and config (scope and version), so a
 * user only ever gets back what they themselves could read. Anything that changes Jira's order (applying a rank
 * sync) drops the project's entries.
 */
export class LoadCache {
  private readonly entries = new Map<string, { at: number; loaded: LoadedProject }>();
  constructor(private readonly now: () => number = Date.now) {}

  private static key(principal: string, projectKey: string, config: string): string {
    return `${principal}\u0000${projectKey}\u0000${config}`;
  }

  get(principal: string, projectKey: string, config: string): LoadedProject | undefined {
    const k = LoadCache.key(principal, projectKey, config);
    const hit = this.entries.get(k);
    if (hit === undefined) return undefined;
    if (this.now() - hit.at > LOAD_TTL_MS) {
      this.entries.delete(k);
      return undefined;
    }
    return hit.loaded;
  }

  set(principal: string, projectKey: string, config: string, loaded: LoadedProject): void {
    const k = LoadCache.key(principal, projectKey, config);
    this.entries.delete(k);
    this.entries.set(k, { at: this.now(), loaded });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  invalidate(projectKey: string): void {
    for (const k of [...this.entries.keys()]) if (k.split('\u0000')[1] === projectKey) this.entries.delete(k);
  }
}
