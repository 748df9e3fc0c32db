/**
 * The manifest's `trigger` modules as the preview delivers them. Forge's trigger module
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/trigger/) takes a `filter` whose `ignoreSelf`
 * drops events the app itself caused — an app writing its own field would otherwise wake itself. Jira names who
 * caused an event in its `atlassianId`; for an app, that is the app's own user.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface TriggerFilter {
  /** The trigger module's key in manifest.yml. */
  key: string;
  ignoreSelf: boolean;
}

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The trigger of `key` in the manifest at `manifestPath` (ignoreSelf false when the module or its filter is absent). */
export function readTriggerFilter(manifestPath: string, key: string): TriggerFilter {
  const modules = record(record(parse(readFileSync(manifestPath, 'utf8'))).modules);
  const trigger = (Array.isArray(modules.trigger) ? modules.trigger : []).map(record).find((t) => t.key === key);
  return { key, ignoreSelf: record(trigger?.filter).ignoreSelf === true };
}

/** Whether the trigger receives an event caused by `atlassianId`, the app's own user being `appAccountId`. */
export function delivers(filter: TriggerFilter, atlassianId: unknown, appAccountId: string): boolean {
  return !(filter.ignoreSelf && atlassianId === appAccountId);
}
