import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The layers are kept by ESLint's import rules (eslint.config.mjs, part of `npm run lint`). These tests check the
 * rules themselves: each one refuses an import across its boundary and lets the legal ones through, and the
 * repository's own code obeys them. ESLint runs in a child process because it loads its config as an ES module.
 */
const ROOT = resolve(__dirname, '../..');

type Case = { file: string; code: string };
type Verdict = { file: string; code: string; refused: string[] };

const LINT = `
import { ESLint } from 'eslint';
const input = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd(), ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });
const verdicts = [];
for (const c of input.cases) {
  const [result] = await eslint.lintText(c.code, { filePath: c.file });
  verdicts.push({ ...c, refused: result.messages.map((m) => m.ruleId ?? m.message) });
}
const real = (await eslint.lintFiles(input.paths)).flatMap((r) => r.messages.map((m) => r.filePath + ':' + m.line + ' ' + m.message));
console.log(JSON.stringify({ verdicts, real }));
`;

function lint(cases: Case[], paths: string[]): { verdicts: Verdict[]; real: string[] } {
  const out = execFileSync('node', ['--input-type=module', '-e', LINT, JSON.stringify({ cases, paths })], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as { verdicts: Verdict[]; real: string[] };
}

const REFUSED: Case[] = [
  { file: 'src/domain/scoring/x.ts', code: "import { route } from '@forge/api';" },
  { file: 'src/domain/scoring/x.ts', code: "import type { IssueSource } from '../../application/ports';" },
  { file: 'src/domain/scoring/x.ts', code: "import { ForgeJiraReader } from '../../adapters/jira/forge-jira-reader';" },
  { file: 'src/domain/scoring/x.ts', code: "import { readFileSync } from 'node:fs';" },
  { file: 'src/domain/scoring/x.ts', code: "export { z } from 'zod';" },
  { file: 'src/application/backlog/x.ts', code: "import { ForgeJiraReader } from '../../adapters/jira/forge-jira-reader';" },
  { file: 'src/application/backlog/x.ts', code: "import { resolver } from '../../resolvers/define';" },
  { file: 'src/application/backlog/x.ts', code: "import { onIssueEvent } from '../../events/on-issue-event';" },
  { file: 'src/application/backlog/x.ts', code: "import api from '@forge/api';" },
  { file: 'src/contract/x.ts', code: "import { scoreBacklog } from '../domain/scoring/score-issues';" },
  { file: 'src/resolvers/x.ts', code: "import { ForgeJiraReader } from '../adapters/jira/forge-jira-reader';" },
  { file: 'src/events/x.ts', code: "import { ForgeKvStore } from '../adapters/storage/forge-kv-store';" },
  { file: 'src/adapters/jira/x.ts', code: "import { startSim } from '../../../dev/sim/server';" },
  { file: 'src/index.ts', code: "export * from '../dev/runtime/forge-api';" },
  { file: 'static/project-page/src/x.tsx', code: "import { scoreBacklog } from '../../../src/domain/scoring/score-issues';" },
  { file: 'static/shared/x.ts', code: "import { ForgeJiraReader } from '../../src/adapters/jira/forge-jira-reader';" },
  { file: 'static/shared/x.ts', code: "import { startPreview } from '../../dev/preview/server';" },
];

const ALLOWED: Case[] = [
  {
    file: 'src/domain/scoring/x.ts',
    code: "import type { BacklogItem } from '../../contract/model';\nimport { differenceInDays } from 'date-fns';\nimport { RE2JS } from 're2js';\nimport { score } from './score';",
  },
  {
    file: 'src/application/backlog/x.ts',
    code: "import { scoreBacklog } from '../../domain/scoring/score-issues';\nimport type { IssueSource } from '../ports';",
  },
  { file: 'src/contract/x.ts', code: "import { z } from 'zod';\nimport type { FactorId } from './model';" },
  { file: 'src/events/x.ts', code: "import { createRuntime } from '../composition';\nimport { projectWork } from '../application/background/project-work';" },
  { file: 'src/adapters/jira/x.ts', code: "import api, { route } from '@forge/api';\nimport type { IssueSource } from '../../application/ports';" },
  {
    file: 'static/project-page/src/x.tsx',
    code: "import type { BacklogItem } from '../../../src/contract/model';\nimport { invoke } from '../../shared/invoke';",
  },
];

describe('architecture (ESLint import rules)', () => {
  const { verdicts, real } = lint([...REFUSED, ...ALLOWED], ['src', 'static']);

  it.each(REFUSED.map((c, i) => [`${c.file}: ${c.code}`, i] as const))('refuses %s', (_name, i) => {
    expect(verdicts[i]!.refused).toEqual(['no-restricted-imports']);
  });

  it.each(ALLOWED.map((c, i) => [c.file, REFUSED.length + i] as const))('lets the legal imports of %s through', (_name, i) => {
    expect(verdicts[i]!.refused).toEqual([]);
  });

  it('finds no import across a boundary in src/ and static/', () => {
    expect(real).toEqual([]);
  });
});
