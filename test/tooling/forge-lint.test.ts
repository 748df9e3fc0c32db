import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The repository's offline Forge lint (scripts/forge-lint.cjs) on throwaway apps: it must still catch what
 * `forge lint` catches with the repository's cut of the Jira specs — a REST call whose scope the manifest lacks,
 * for a platform and for a Jira Software path — and a Custom UI resource that was never built.
 */
const SCRIPT = resolve(__dirname, '../../scripts/forge-lint.cjs');

const SOURCE = `import api, { route } from '@forge/api';
import Resolver from '@forge/resolver';

const resolver = new Resolver();
resolver.define('setSummary', async ({ payload }) => {
  const key = String(payload['key']);
  await api.asUser().requestJira(route\`/rest/api/3/issue/\${key}\`, { method: 'PUT', body: JSON.stringify({ fields: { summary: 'x' } }) });
});
resolver.define('rank', async ({ payload }) => {
  const key = String(payload['key']);
  await api.asUser().requestJira(route\`/rest/agile/1.0/issue/rank\`, { method: 'PUT', body: JSON.stringify({ issues: [key], rankBeforeIssue: 'X-1' }) });
});
// The path reaches requestJira as a variable: \`forge lint\` alone would not see this call.
async function jira(path: ReturnType<typeof route>, init: { method: string; body?: string }) {
  return api.asApp().requestJira(path, init);
}
resolver.define('comment', async ({ payload }) => {
  await jira(route\`/rest/api/3/issue/\${String(payload['key'])}/comment\`, { method: 'POST', body: '{}' });
});
export const handler = resolver.getDefinitions();
`;

function anApp(scopes: string[], opts: { built: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), 'forge-lint-app-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'static/page'), { recursive: true });
  if (opts.built) {
    mkdirSync(join(dir, 'static/page/build'));
    writeFileSync(join(dir, 'static/page/build/index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['src/**/*.ts'] }));
  writeFileSync(join(dir, 'src/index.ts'), SOURCE);
  writeFileSync(
    join(dir, 'manifest.yml'),
    [
      'modules:',
      '  jira:projectPage:',
      '    - key: page',
      '      resource: page',
      '      resolver:',
      '        function: resolver',
      '      title: Page',
      '  function:',
      '    - key: resolver',
      '      handler: index.handler',
      'resources:',
      '  - key: page',
      '    path: static/page/build',
      'permissions:',
      '  scopes:',
      ...scopes.map((s) => `    - ${s}`),
      'app:',
      '  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
      '  runtime:',
      '    name: nodejs24.x',
      '',
    ].join('\n'),
  );
  return dir;
}

function lint(dir: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile('node', [SCRIPT, dir], { timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 2) : 0, out: stdout + stderr });
    });
  });
}

describe('offline Forge lint', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reports each REST call whose scope the manifest lacks, once, also through a wrapper, and an unbuilt UI', async () => {
    const dir = anApp(['read:jira-work'], { built: false });
    dirs.push(dir);
    const { code, out } = await lint(dir);
    expect(out).toMatch(
      /src\/index\.ts:\d+:\d+ {2}error {2}Jira endpoint: PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\} requires "write:jira-work" scope {2}\(permission-scope-required\)/,
    );
    expect(out).toMatch(/Jira endpoint: PUT \/rest\/agile\/1\.0\/issue\/rank requires "write:issue:jira-software" scope/);
    expect(out).toMatch(
      /src\/index\.ts:18:\d+ {2}error {2}Jira endpoint: POST \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/comment requires "write:jira-work" scope/,
    );
    expect(out.match(/permission-scope-required/g)).toHaveLength(3);
    expect(out).toMatch(/manifest\.yml:\d+:\d+ {2}error {2}missing resource 'static\/page\/build'/);
    expect(code).toBe(1);
  }, 120_000);

  it('passes the same app once the manifest grants those scopes', async () => {
    const dir = anApp(['read:jira-work', 'write:jira-work', 'write:issue:jira-software'], { built: true });
    dirs.push(dir);
    const { code, out } = await lint(dir);
    expect(out).toContain('forge lint: 0 error(s)');
    expect(code).toBe(0);
  }, 120_000);
});
