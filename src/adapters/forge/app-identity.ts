import { getAppContext } from '@forge/api';
import type { AppIdentity } from '../../application/ports/app-identity';

/** The running app's identity from Forge's invocation context (`getAppContext()` in @forge/api). */
export function forgeAppIdentity(): AppIdentity {
  const { appAri, environmentAri } = getAppContext();
  return { appId: appAri.appId, environmentId: environmentAri.environmentId };
}
