import { useEffect, useState } from 'react';
import { getBridge } from './bridge';

export interface ModuleContext {
  moduleKey: string | null;
  accountId: string | null;
  projectKey: string | null;
  issueKey: string | null;
}

function fromQuery(): ModuleContext {
  const q = new URLSearchParams(window.location.search);
  return { moduleKey: q.get('moduleKey'), accountId: q.get('accountId'), projectKey: q.get('projectKey'), issueKey: q.get('issueKey') };
}

function pick(obj: unknown, ...path: string[]): string | null {
  let node: unknown = obj;
  for (const p of path) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[p];
  }
  return typeof node === 'string' && node !== '' ? node : null;
}

/**
 * The Forge module context (`view.getContext()`): project key, issue key, module key.
 * Outside a Forge iframe (a plain page opened for development) it falls back to the URL's query
 * (`?projectKey=PRJ&issueKey=PRJ-1&moduleKey=…`).
 */
export function loadContext(): Promise<ModuleContext> {
  // Read once per page: the first calls (the early first-page request and the React tree) share the answer.
  shared ??= readContext();
  return shared;
}

let shared: Promise<ModuleContext> | null = null;

async function readContext(): Promise<ModuleContext> {
  const bridge = await getBridge();
  if (!bridge) return fromQuery();
  try {
    const ctx = await bridge.view.getContext();
    return {
      moduleKey: ctx.moduleKey ?? null,
      accountId: ctx.accountId ?? null,
      projectKey: pick(ctx.extension, 'project', 'key'),
      issueKey: pick(ctx.extension, 'issue', 'key'),
    };
  } catch {
    return fromQuery();
  }
}

export function useModuleContext(): { context: ModuleContext | null; failed: boolean } {
  const [context, setContext] = useState<ModuleContext | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadContext().then(setContext, () => setFailed(true));
  }, []);
  return { context, failed };
}

/** Asks the host to theme the iframe (light / dark tokens). Harmless outside Forge. */
export function enableTheming(): void {
  getBridge()
    .then((bridge) => bridge?.view.theme.enable())
    .catch(() => undefined);
}
