#!/usr/bin/env node
// Runs Atlassian's Forge linter offline (shared/tools/forge-lint-offline) on this app: manifest validation and
// the check that every REST call has its scope. `forge lint` itself needs a login, so CI uses this instead.
// The tool lives beside the repository in ../shared (VALUERANK_SHARED_DIR overrides it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, process.env.VALUERANK_SHARED_DIR ?? '../shared');
const tool = join(shared, 'tools/forge-lint-offline/forge-lint-offline');
if (!existsSync(tool)) {
  console.error(`forge lint: ${tool} not found. Put the shared folder beside the repository or set VALUERANK_SHARED_DIR.`);
  process.exit(2);
}
const run = spawnSync(tool, [root], { stdio: 'inherit' });
process.exit(run.status ?? 2);
