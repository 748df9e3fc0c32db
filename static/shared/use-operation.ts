import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationKey, Payload, ResultMap } from '../../src/contract/operations';
import { invoke, OperationFailure } from './invoke';
import { toOperationFailure } from './invoke-core';
import { keepsPolling, PollBackoff } from './poll-backoff';

export interface OperationState<K extends OperationKey> {
  data: ResultMap[K] | null;
  error: OperationFailure | null;
  /** True while a call is in flight (the previous `data` stays, so tables keep rendering). */
  loading: boolean;
  /** Calls again with the same payload. */
  reload: () => void;
}

/** Calls started before the component that wants them has rendered (`startEarly`), by operation and payload JSON. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts a call the page will surely make (its first page of data) as soon as the context is known, before React
 * has rendered the component that asks for it; `useOperation`'s first call with the same payload adopts it.
 */
export function startEarly<K extends OperationKey>(key: K, payload: Payload<K>): void {
  const id = `${key} ${JSON.stringify(payload)}`;
  if (early.has(id)) return;
  const call = invoke(key, payload);
  // Handled by whoever adopts it; until then a failure must not surface as an unhandled rejection.
  call.catch(() => undefined);
  early.set(id, call);
}

/**
 * Calls `key` with `payload` whenever the payload's JSON changes (or `reload` is called); `null` payload = do not call.
 * Answers that arrive after a newer call started are dropped, so fast filter changes never show stale rows.
 */
export function useOperation<K extends OperationKey>(key: K, payload: Payload<K> | null): OperationState<K> {
  const [data, setData] = useState<ResultMap[K] | null>(null);
  const [error, setError] = useState<OperationFailure | null>(null);
  const [loading, setLoading] = useState(payload !== null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const json = payload === null ? null : JSON.stringify(payload);

  useEffect(() => {
    if (json === null) return;
    const mine = ++seq.current;
    setLoading(true);
    // A call started early for this payload is used once, for the first load (a reload always calls again).
    const id = `${key} ${json}`;
    const started = tick === 0 ? (early.get(id) as Promise<ResultMap[K]> | undefined) : undefined;
    early.delete(id);
    (started ?? invoke(key, JSON.parse(json) as Payload<K>)).then(
      (result) => {
        if (mine !== seq.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(toOperationFailure(key, e));
        setLoading(false);
      },
    );
  }, [key, json, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

/**
 * Calls the operation of `state` again while its answer is `pending` (a project's first snapshot still building):
 * after 1.5 s, then a little longer each time (`PollBackoff`), until an answer is final, a failure that retrying
 * will not mend arrives, or the component unmounts. Each new answer replaces the old one, so the view fills in by itself.
 * Returns whether it is still waiting: false once a final answer or such a failure came (the view shows that instead).
 */
export function usePollWhile<K extends OperationKey>(state: OperationState<K>, pending: (data: ResultMap[K]) => boolean): boolean {
  const { data, error, loading, reload } = state;
  const backoff = useRef<PollBackoff | null>(null);
  useEffect(() => {
    const b = new PollBackoff(reload);
    backoff.current = b;
    return () => b.close();
  }, [reload]);
  const waiting = keepsPolling(data !== null && pending(data), error);
  useEffect(() => {
    // A call in flight (a poll, a Refresh, a new payload) makes the scheduled one moot; its answer decides the next.
    if (loading) backoff.current?.pause();
    else backoff.current?.answered(waiting);
  }, [data, error, loading, waiting]);
  return waiting;
}

/** A one-shot action (save, pin…) with its own busy flag and last error. */
export function useAction<K extends OperationKey>(key: K) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OperationFailure | null>(null);
  const run = useCallback(
    async (payload: Payload<K>): Promise<ResultMap[K] | null> => {
      setBusy(true);
      setError(null);
      try {
        return await invoke(key, payload);
      } catch (e) {
        setError(toOperationFailure(key, e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [key],
  );
  const clear = useCallback(() => setError(null), []);
  return { run, busy, error, clear };
}
