import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const STATIC = join(ROOT, 'static');
const STAMP = join(STATIC, '.build-stamp');
const MODULES = ['project-page', 'issue-panel', 'admin-page'];

/** A hash of every UI source (static/ minus builds) and of src/contract, which the UI imports. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'build' || name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(p.slice(ROOT.length)).update(readFileSync(p));
    }
  };
  walk(STATIC);
  walk(join(ROOT, 'src/contract'));
  return hash.digest('hex');
}

/** Rebuilds the Custom UI only when its sources changed since the last build (or a build is missing). */
export async function ensureUiBuilt(): Promise<void> {
  const hash = sourceHash();
  const built = MODULES.every((m) => existsSync(join(STATIC, m, 'build', 'index.html')));
  if (built && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
  console.log('Building the Custom UI (static/*/build)…');
  const run = spawnSync(process.execPath, [join(STATIC, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('The Custom UI build failed (node static/build.mjs).');
  writeFileSync(STAMP, hash);
}
