#!/usr/bin/env node
// Builds the three Forge Custom UI resources with Vite: static/<module>/build/index.html with relative asset
// paths (Forge serves each resource from its own path). Usage: node static/build.mjs [module…]
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const MODULES = ['project-page', 'issue-panel', 'admin-page'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const modules = wanted.length ? wanted : MODULES;
for (const m of modules) if (!MODULES.includes(m)) throw new Error(`unknown module ${m}; one of ${MODULES.join(', ')}`);

const kb = (bytes) => (bytes / 1024).toFixed(0);

/** The files index.html loads (scripts, styles, module preloads) and what those import statically, transitively. */
function initialAssets(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => join(outDir, m[1]));
  const seen = new Set();
  while (queue.length) {
    const f = queue.pop();
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(join(dirname(f), m[1]));
  }
  return [...seen];
}

function files(dir) {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

for (const name of modules) {
  const root = join(here, name);
  const outDir = join(root, 'build');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    publicDir: existsSync(join(root, 'public')) ? join(root, 'public') : false,
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: {
      // Atlaskit's feature-flag client (Statsig) is never initialised in a Forge iframe; a stub answers the same defaults.
      alias: [{ find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: join(here, 'shared/stubs/feature-gates.ts') }],
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 2000,
    },
  });
  const assets = files(outDir).filter((f) => /\.(js|css)$/.test(f));
  const gz = (list) => list.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 6 }).length, 0);
  const initial = initialAssets(outDir);
  console.log(
    `${name}: ${kb(gz(initial))} KB gzip loaded at start, ${kb(gz(assets))} KB gzip in all (${assets.length} files) → ${resolve(outDir, 'index.html')}`,
  );
}
