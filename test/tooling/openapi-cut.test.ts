import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The repository keeps a cut of Atlassian's Jira OpenAPI specs (test/contract/openapi). It must hold every path the
 * simulator serves and every path a route`…` call in src/ reaches, or the contract tests and the Forge lint's
 * scope check would read a spec that lacks them.
 */
const SCRIPT = resolve(__dirname, '../../scripts/cut-openapi.mjs');
const CUT = resolve(__dirname, '../contract/openapi');

describe('the OpenAPI cut', () => {
  it('holds every simulator route and every path the app calls', () => {
    expect(() => execFileSync('node', [SCRIPT, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('names a path the app calls when the cut lacks it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-cut-'));
    try {
      const platform = JSON.parse(readFileSync(join(CUT, 'jira-platform.openapi.json'), 'utf8')) as { paths: Record<string, unknown> };
      delete platform.paths['/rest/api/3/issue/{issueIdOrKey}/remotelink'];
      writeFileSync(join(dir, 'jira-platform.openapi.json'), JSON.stringify(platform));
      writeFileSync(join(dir, 'jira-software.openapi.json'), readFileSync(join(CUT, 'jira-software.openapi.json')));
      const run = spawnSync('node', [SCRIPT, '--check', '--cut', dir], { encoding: 'utf8' });
      expect(run.stderr).toContain('simulator route GET /rest/api/3/issue/{issueIdOrKey}/remotelink is not in the cut');
      expect(run.stderr).toMatch(/src\/adapters\/jira\/\S+: route \/rest\/api\/3\/issue\/\\S\*\/remotelink matches no path in the cut/);
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names Apache-2.0 and the source of each spec', () => {
    const notice = readFileSync(join(CUT, 'NOTICE.md'), 'utf8');
    expect(notice).toContain('Apache License 2.0');
    expect(notice).toContain('https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json');
    expect(notice).toContain('https://developer.atlassian.com/cloud/jira/software/swagger.v3.json');
    expect(readFileSync(join(CUT, 'LICENSE'), 'utf8')).toContain('Apache License');
  });
});
