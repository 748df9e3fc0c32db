import type { OperationKey, Payload, ResultMap } from '../../src/contract/operations';
import { OperationFailure, toOperationFailure, unwrapResult } from './invoke-core';
import { getBridge } from './bridge';

export { OperationFailure, type UiErrorCode } from './invoke-core';

/** A host (the local preview, a test page) may stand in for the Forge bridge by defining this. */
type InvokeHook = (functionKey: string, payload: unknown) => Promise<unknown>;

declare global {
  interface Window {
    __VALUERANK_INVOKE__?: InvokeHook;
  }
}

/**
 * Calls a resolver operation and returns its data, or throws an `OperationFailure` with a `code`.
 * Uses `window.__VALUERANK_INVOKE__` when a host injected one, else `@forge/bridge`'s `invoke`.
 */
export async function invoke<K extends OperationKey>(key: K, payload: Payload<K>): Promise<ResultMap[K]> {
  let raw: unknown;
  try {
    const hook = window.__VALUERANK_INVOKE__;
    if (hook) raw = await hook(key, payload);
    else {
      const bridge = await getBridge();
      if (!bridge) throw new OperationFailure(key, 'BRIDGE', 'Not running inside Jira: open the app from Jira (or the local preview).');
      raw = await bridge.invoke(key, payload as Record<string, unknown>);
    }
  } catch (e) {
    throw toOperationFailure(key, e);
  }
  return unwrapResult(key, raw);
}
