/**
 * The invocation scope of the local Forge runtime.
 *
 * On Forge every function invocation runs with its own principal (the user behind a UI call, none for triggers,
 * consumers and scheduled triggers). Locally many invocations share one Node process, so the acting user and the
 * time budget live in an AsyncLocalStorage: concurrent invocations for different users never see each other's
 * identity, and `asUser()` outside any user invocation fails as it does on Forge.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The installation the local runtime pretends to be: one app installed on one Jira site. */
export interface SiteIdentity {
  /** Jira site id (a UUID); appears in `installContext` as `ari:cloud:jira::site/<cloudId>`. */
  cloudId: string;
  /** App id (UUID part of the manifest's `ari:cloud:ecosystem::app/<uuid>`). */
  appId: string;
  environmentId: string;
  installationId: string;
  appVersion: string;
  /** Base URL of the site as the UI would know it (`siteUrl` in a UI context). */
  siteUrl: string;
}

export const DEFAULT_SITE: SiteIdentity = {
  cloudId: '4c1a7c43-5b4e-4a0e-9a53-8f0a5e0d1c01',
  appId: '00000000-0000-4000-8000-000000000000',
  environmentId: 'e7c5c3a4-0d8f-4b8a-9f59-3c1c0f6d0001',
  installationId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b0001',
  appVersion: '1.0.0',
  siteUrl: 'http://127.0.0.1:8787',
};

/** What the runtime knows about the invocation that is running now. */
export interface Invocation {
  invocationId: string;
  /** The acting user for `asUser()`; absent for triggers, consumers and scheduled triggers (app only). */
  accountId?: string;
  moduleKey: string;
  /** Epoch ms after which Forge would kill the invocation; drives `getRemainingTimeInMillis`. */
  deadline: number;
  site: SiteIdentity;
}

const storage = new AsyncLocalStorage<Invocation>();
let installedSite: SiteIdentity = DEFAULT_SITE;

/** The site set by `installForgeRuntime` (or the default one). */
export function currentSite(): SiteIdentity {
  return installedSite;
}

export function setSite(site: SiteIdentity): void {
  installedSite = site;
}

/** The invocation running in this async scope, if any. */
export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` as a new invocation; everything it awaits (fetches, KVS calls, queue pushes) sees this scope.
 * @param timeoutMs the invocation's time budget in milliseconds (Forge: 25 000 for UI calls, up to 900 000 with `timeoutSeconds`).
 */
export function runInvocation<T>(scope: { accountId?: string | undefined; moduleKey: string; timeoutMs: number }, fn: () => Promise<T>): Promise<T> {
  const invocation: Invocation = {
    invocationId: randomUUID(),
    moduleKey: scope.moduleKey,
    deadline: Date.now() + scope.timeoutMs,
    site: installedSite,
    ...(scope.accountId === undefined ? {} : { accountId: scope.accountId }),
  };
  return storage.run(invocation, fn);
}

/** `ari:cloud:jira::site/<cloudId>`, the tamper-proof `installContext` Forge gives every invocation. */
export function installContextOf(site: SiteIdentity): string {
  return `ari:cloud:jira::site/${site.cloudId}`;
}
