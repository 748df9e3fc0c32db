import type { FrameLocator } from 'playwright-core';
import { moduleLocator, startE2E, warmBacklog, type E2E, type Resource } from './support';

export interface E2EOptions {
  seed?: unknown;
  manifest?: string;
  /** The module `frame` locates (default: the project page). */
  module?: Resource;
  /** Builds the backlog as this user before the suite's tests, so the first page opens on a ranking. */
  warmAs?: string;
}

export interface E2ESuite extends Omit<E2E, 'close'> {
  /** The module's iframe. */
  readonly frame: FrameLocator;
}

/**
 * Registers the `beforeAll`/`afterAll` pair that starts one preview and Chromium for a suite and closes them after
 * it (as `useDemo` does for the integration tests). `opts` may be a function when the seed is made per suite; the
 * fields of the answer are read once the suite has started.
 */
export function useE2E(opts: E2EOptions | (() => E2EOptions) = {}, startTimeoutMs = 90_000): E2ESuite {
  let running: E2E | undefined;
  let module: Resource = 'project-page';
  beforeAll(async () => {
    const o = typeof opts === 'function' ? opts() : opts;
    module = o.module ?? module;
    running = await startE2E({ ...(o.seed === undefined ? {} : { seed: o.seed }), ...(o.manifest === undefined ? {} : { manifest: o.manifest }) });
    if (o.warmAs !== undefined) await warmBacklog(running.url, o.warmAs);
  }, startTimeoutMs);
  afterAll(async () => {
    await running?.close();
  });
  const started = (): E2E => {
    if (running === undefined) throw new Error('the preview is read before its suite started');
    return running;
  };
  return {
    get preview() {
      return started().preview;
    },
    get url() {
      return started().url;
    },
    get context() {
      return started().context;
    },
    get page() {
      return started().page;
    },
    get errors() {
      return started().errors;
    },
    get frame() {
      return moduleLocator(started().page, module);
    },
  };
}
