import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy, ManifestPermissionError, readCustomUiPermissions } from '../../../dev/preview/csp';

const directive = (policy: string, name: string): string[] => (policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '').split(' ').slice(1);

describe('Custom UI Content-Security-Policy from the manifest', () => {
  let dir: string;
  const manifest = (permissions: string): string => {
    const p = join(dir, 'manifest.yml');
    writeFileSync(p, `modules: {}\npermissions:\n  scopes: []\n${permissions}`);
    return p;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vr-csp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('allows only same-origin scripts and styles, and no inline style, when the manifest grants nothing', () => {
    const policy = contentSecurityPolicy(readCustomUiPermissions(manifest('')));
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive(policy, 'sandbox')).toContain('allow-scripts');
  });

  it('adds the content sources and external hosts the manifest declares to their directives', () => {
    const policy = contentSecurityPolicy(
      readCustomUiPermissions(
        manifest(
          `  content:\n    scripts: ['unsafe-eval', 'blob:']\n    styles: ['unsafe-inline']\n  external:\n    images: ['*.giphy.com']\n    fetch:\n      client: [{ address: 'https://api.example.com' }]\n`,
        ),
      ),
    );
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'unsafe-eval'", 'blob:']);
    expect(directive(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', '*.giphy.com']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://api.example.com']);
  });

  it('quotes the script hashes the manifest lists into script-src, as Forge does', () => {
    const hash = 'sha256-n4MwUTjdn5o7HAOlS6uOQPZ6n3vXm2dPFWBl5JYjV9U=';
    const policy = contentSecurityPolicy(readCustomUiPermissions(manifest(`  content:\n    scripts: ['${hash}']\n`)));
    expect(directive(policy, 'script-src')).toEqual(["'self'", `'${hash}'`]);
  });

  it('refuses a content source Forge does not know, naming the manifest path', () => {
    expect(() => readCustomUiPermissions(manifest(`  content:\n    styles: ['unsafe-eval']\n`))).toThrow(ManifestPermissionError);
    expect(() => readCustomUiPermissions(manifest(`  content:\n    styles: ['unsafe-eval']\n`))).toThrow(/permissions\.content\.styles: 'unsafe-eval'/);
  });

  it("lets the app's own manifest run Atlaskit: inline styles allowed, inline scripts and eval not", () => {
    const policy = contentSecurityPolicy(readCustomUiPermissions(resolve(__dirname, '../../../manifest.yml')));
    expect(directive(policy, 'style-src')).toContain("'unsafe-inline'");
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
  });
});
