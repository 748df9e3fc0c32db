/**
 * `@forge/bridge` connects to the host when its module loads and throws when there is no host
 * (a page opened outside Jira). Loading it lazily keeps such a page working: every helper here
 * degrades to a plain-browser behaviour instead.
 */
type Bridge = typeof import('@forge/bridge');

let loading: Promise<Bridge | null> | null = null;

export function getBridge(): Promise<Bridge | null> {
  loading ??= import('@forge/bridge').then(
    (m) => m,
    () => null,
  );
  return loading;
}

/** Opens a Jira path (`/browse/PRJ-1`) in a new tab through the host, or the browser when there is none. */
export async function openInJira(path: string): Promise<void> {
  const bridge = await getBridge();
  if (bridge) {
    await bridge.router.open(path).catch(() => undefined);
    return;
  }
  window.open(path, '_blank', 'noopener');
}

/** A Jira flag (toast) through the host; outside Jira the inline messages are all the person sees. */
export async function flag(title: string, description: string, appearance: 'info' | 'success' | 'warning' | 'error'): Promise<void> {
  const bridge = await getBridge();
  if (!bridge) return;
  try {
    bridge.showFlag({ id: `${Date.now()}-${Math.random()}`, title, description, type: appearance, appearance, isAutoDismiss: appearance !== 'error' });
  } catch {
    // The host may not support flags (e.g. some preview shells); the inline state still tells the person.
  }
}
