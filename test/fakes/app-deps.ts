import type { AppDeps } from '../../src/application/app-deps';
import { ConfigStore } from '../../src/application/config/config-store';
import { PinStore } from '../../src/application/pins/pin-store';
import type { JiraField } from '../../src/application/ports/jira';
import { NOW } from '../builders/issue-builder';
import { MemoryKv } from './memory-kv';

/** The app and environment the fakes run as. */
export const APP = { appId: '11111111-2222-4333-8444-555555555555', environmentId: '66666666-7777-4888-9999-000000000000' };

/** The app's "Value score" field as Jira lists it for {@link APP} (a Forge custom field of the development environment). */
export const SCORE_FIELD: JiraField & { key: string } = {
  id: 'customfield_10500',
  key: `${APP.appId}__DEVELOPMENT__value-score`,
  name: 'Value score',
  custom: true,
  schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/${APP.appId}/${APP.environmentId}/static/value-score` },
};

/** What the use cases need, over an in-memory store, with the scoring clock at the builders' NOW. */
export function memoryDeps(kv: MemoryKv = new MemoryKv(), clock: () => Date = () => NOW): AppDeps {
  return { kv, configs: new ConfigStore(kv, clock), pins: new PinStore(kv), clock, appIdentity: () => APP };
}
