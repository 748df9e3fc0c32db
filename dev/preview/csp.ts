/**
 * The Content-Security-Policy that Forge puts on every Custom UI resource, built from the manifest's
 * `permissions.content` and `permissions.external`, so that a permission the app lacks breaks the preview as it
 * breaks Jira.
 *
 * Followed:
 * - "Permissions" (https://developer.atlassian.com/platform/forge/manifest-reference/permissions/): `content.scripts`
 *   lists the sources added to `script-src` ('unsafe-inline', 'unsafe-hashes', 'unsafe-eval', 'blob:'),
 *   `content.styles` those added to `style-src` ('unsafe-inline'); `external.fetch.client`, `images`, `fonts`,
 *   `styles`, `frames`, `scripts` and `media` add hosts to the matching directive.
 * - "Add content security and egress controls"
 *   (https://developer.atlassian.com/platform/forge/add-content-security-and-egress-controls/): "By default,
 *   Atlassian blocks any policies that are considered unsafe for your custom UI app", inline CSS included.
 * - The directives and their fixed sources as Atlassian's `@forge/csp` package (6.3.x, "the CSP configuration for
 *   Custom UI resources in Forge", https://www.npmjs.com/package/@forge/csp) builds them: `'self'` everywhere,
 *   `data:` and `blob:` for images and media, `form-action 'self'`, and a `sandbox` directive. Atlassian's own
 *   hosts (avatars, media, analytics, the Forge CDN) are left out: nothing in the preview can reach them.
 * Script hashes listed in `content.scripts` are quoted into `script-src` as `@forge/csp` does. Not done here: the
 * hashes `@forge/csp` adds for inline `<script>` elements of index.html (the app's builds have none; `npm test`
 * would show one refused in the console).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A script hash the manifest may list in `content.scripts` (`@forge/csp` accepts sha256, sha384 and sha512). */
const SCRIPT_HASH = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

/** Sources the manifest may add, per the "Permissions" page, as they are written in a CSP header. */
const CONTENT_SOURCES = {
  scripts: { 'unsafe-inline': "'unsafe-inline'", 'unsafe-hashes': "'unsafe-hashes'", 'unsafe-eval': "'unsafe-eval'", 'blob:': 'blob:' },
  styles: { 'unsafe-inline': "'unsafe-inline'" },
} as const;

const EXTERNAL_DIRECTIVES = {
  'fetch.client': 'connect-src',
  images: 'img-src',
  fonts: 'font-src',
  styles: 'style-src',
  frames: 'frame-src',
  scripts: 'script-src',
  media: 'media-src',
} as const;

export class ManifestPermissionError extends Error {}

/** `permissions.content` and `permissions.external` of a manifest, checked against what Forge accepts. */
export interface CustomUiPermissions {
  content: { scripts: string[]; styles: string[] };
  external: Partial<Record<keyof typeof EXTERNAL_DIRECTIVES, string[]>>;
}

export function readCustomUiPermissions(manifestPath: string): CustomUiPermissions {
  const manifest = record(parse(readFileSync(manifestPath, 'utf8')));
  const permissions = record(manifest.permissions);
  const content = record(permissions.content);
  const external = record(permissions.external);
  const out: CustomUiPermissions = {
    content: { scripts: list(content.scripts, 'permissions.content.scripts'), styles: list(content.styles, 'permissions.content.styles') },
    external: {},
  };
  for (const [kind, allowed] of Object.entries(CONTENT_SOURCES) as [keyof typeof CONTENT_SOURCES, Record<string, string>][]) {
    const bad = out.content[kind].find((s) => !(s in allowed) && !(kind === 'scripts' && SCRIPT_HASH.test(s)));
    if (bad !== undefined) throw new ManifestPermissionError(`permissions.content.${kind}: '${bad}' is not one of ${Object.keys(allowed).join(', ')}`);
  }
  for (const kind of Object.keys(EXTERNAL_DIRECTIVES) as (keyof typeof EXTERNAL_DIRECTIVES)[]) {
    const raw = kind === 'fetch.client' ? record(external.fetch).client : external[kind];
    const hosts = list(raw, `permissions.external.${kind}`);
    if (hosts.length > 0) out.external[kind] = hosts;
  }
  return out;
}

/** The header value for a Custom UI resource of an app with these permissions. */
export function contentSecurityPolicy(p: CustomUiPermissions): string {
  const ext = (kind: keyof typeof EXTERNAL_DIRECTIVES): string[] => p.external[kind] ?? [];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['frame-ancestors', ["'self'"]],
    ['frame-src', ["'self'", ...ext('frames')]],
    ['font-src', ["'self'", ...ext('fonts')]],
    ['img-src', ["'self'", 'data:', 'blob:', ...ext('images')]],
    ['media-src', ["'self'", 'data:', 'blob:', ...ext('media')]],
    ['connect-src', ["'self'", ...ext('fetch.client')]],
    [
      'script-src',
      ["'self'", ...p.content.scripts.map((s) => CONTENT_SOURCES.scripts[s as keyof typeof CONTENT_SOURCES.scripts] ?? `'${s}'`), ...ext('scripts')],
    ],
    ['style-src', ["'self'", ...p.content.styles.map((s) => CONTENT_SOURCES.styles[s as keyof typeof CONTENT_SOURCES.styles]), ...ext('styles')]],
    ['form-action', ["'self'"]],
    ['sandbox', SANDBOX],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/** The iframe sandbox tokens Forge's policy grants (also listed on "Custom UI iframe", https://developer.atlassian.com/platform/forge/custom-ui/iframe/). */
const SANDBOX = [
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-downloads',
  'allow-forms',
  'allow-modals',
  'allow-pointer-lock',
  'allow-same-origin',
  'allow-scripts',
];

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A manifest list: strings, or `{ address }` entries (the newer form of external permissions). */
function list(v: unknown, path: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ManifestPermissionError(`${path}: must be a list`);
  return v.map((entry, i) => {
    const value = typeof entry === 'string' ? entry : record(entry).address;
    if (typeof value !== 'string' || value.trim() === '') throw new ManifestPermissionError(`${path}[${i}]: must be a string or { address }`);
    return value.trim();
  });
}
