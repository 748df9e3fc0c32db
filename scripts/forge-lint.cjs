#!/usr/bin/env node
'use strict';
// Runs Atlassian's Forge linter (@forge/lint, a dev dependency pinned to the version below) on a Forge app the way
// `forge lint` and `forge deploy` run its client-side part, with no login and no network:
// - manifest.yml: YAML, schema, modules, resources, permissions, runtime; handlers must exist;
// - scopes: every route`…` call must be covered by permissions.scopes, checked against the Jira REST specs; calls
//   made through a wrapper are checked too (routeCallsFile below), which `forge lint` itself does not do.
// Among the manifest checks: every Custom UI resource folder exists and holds an index.html. `forge deploy` uploads
// those folders as it finds them and builds nothing, so `npm run build:ui` comes first (npm test and
// `npm run deploy:prepare` do it in that order).
//
// Usage: node scripts/forge-lint.cjs [APP_DIR]   (default: the repository). Exit 0 clean (warnings allowed),
// 1 lint errors, 2 the linter itself failed.
//
// How it stays offline (read from @forge/lint 6.3.1):
// - PermissionLinter downloads the REST specs from developer.atlassian.com unless USE_LOCAL_SWAGGER and all six
//   LOCAL_*_SWAGGER files are set. Jira platform and Jira Software get the repository's cut of Atlassian's specs
//   (test/contract/openapi; it holds every path src/ calls and every path the linter could match for them, in
//   the specs' order); JSM, Confluence and Bitbucket get a spec without paths, as the app calls none of them.
//   LOCAL_JIRA_SWAGGER / LOCAL_JSW_SWAGGER point it at other copies, e.g. the full specs after a refresh.
// - Feature flags come from a StatsigReader that answers null, as the real one does when its service is out of
//   reach, so @forge/lint falls back to its built-in defaults.
// - lint() runs in 'client-side' mode: no upload of the manifest for the server-side check.
// - fetch throws, so an unexpected network call fails the run (exit 2) instead of hanging.
// - @forge/cli-shared keeps a small cache under XDG_CONFIG_HOME: it goes to a temporary folder, removed after.
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const path = require('node:path');

const LINT_VERSION = '6.3.1';
const repo = path.resolve(__dirname, '..');
const openapi = path.join(repo, 'test/contract/openapi');

function offlineEnvironment(scratch) {
  const noPaths = path.join(scratch, 'no-paths.openapi.json');
  writeFileSync(noPaths, JSON.stringify({ openapi: '3.0.1', paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: path.resolve(process.env.LOCAL_JIRA_SWAGGER ?? path.join(openapi, 'jira-platform.openapi.json')),
    LOCAL_JSW_SWAGGER: path.resolve(process.env.LOCAL_JSW_SWAGGER ?? path.join(openapi, 'jira-software.openapi.json')),
    LOCAL_JSM_SWAGGER: noPaths,
    LOCAL_CONF_SWAGGER: noPaths,
    LOCAL_CONF_V2_SWAGGER: noPaths,
    LOCAL_BB_SWAGGER: noPaths,
    XDG_CONFIG_HOME: path.join(scratch, 'config'),
    FORCE_COLOR: '0',
  });
  globalThis.fetch = async (url) => {
    throw new Error(`scripts/forge-lint.cjs runs offline, yet something fetched ${url}`);
  };
}

/**
 * Speed only, same results: five of the manifest linters compile the same 2.3 MB JSON schema with the same Ajv
 * options, which is most of a run's time. The compiled validator keeps no state, so one compilation serves all.
 */
function compileManifestSchemaOnce(fromLint) {
  const fromManifest = createRequire(fromLint.resolve('@forge/manifest'));
  const schema = fromManifest('./schema/manifest-schema.json');
  const Ajv = fromManifest('ajv').default;
  const compile = Ajv.prototype.compile;
  let compiled;
  Ajv.prototype.compile = function compileOnce(candidate, ...rest) {
    if ((candidate.default ?? candidate) !== schema) return compile.call(this, candidate, ...rest);
    compiled ??= compile.call(this, candidate, ...rest);
    return compiled;
  };
}

/**
 * @forge/lint's scope check sees only a `requestJira(route`…`, { method })` call written out in place; the app's
 * calls go through one wrapper (src/adapters/jira/request.ts), where the path is a variable, so it would check
 * none of them. This finds every route`…` in the sources with the method of the call it is passed to (GET when
 * none is given, as requestJira does) and writes each as such a call, one a line, into a file for the linter; its
 * findings are reported at the original call.
 */
function routeCallsFile(files, scratch) {
  const ts = require('typescript');
  const origins = [];
  const lines = [];
  const unknown = [];
  for (const file of files.filter((f) => /\.[cm]?[jt]sx?$/.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'route') {
        const call = ts.isCallExpression(node.parent) ? node.parent : undefined;
        const options = call?.arguments.find((a) => ts.isObjectLiteralExpression(a));
        const method = options?.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'method');
        const at = source.getLineAndCharacterOfPosition(node.getStart(source));
        if (method && !ts.isStringLiteralLike(method.initializer)) {
          unknown.push({
            file,
            line: at.line + 1,
            column: at.character,
            class: 'error',
            reference: 'route-method-unknown',
            message: 'The HTTP method of this route call is not a string literal, so its scope cannot be checked.',
          });
        }
        const verb = method && ts.isStringLiteralLike(method.initializer) ? method.initializer.text : 'GET';
        origins.push({ file, line: at.line + 1, column: at.character });
        lines.push(`api.asUser().requestJira(${node.getText(source).replace(/\s*\n\s*/g, ' ')}, { method: '${verb}' });`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const file = path.join(scratch, 'route-calls.js');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, origins, unknown };
}

async function lintApp(appDir, scratch, report) {
  const forgeLint = require('@forge/lint');
  if (require('@forge/lint/package.json').version !== LINT_VERSION) {
    throw new Error(`@forge/lint ${LINT_VERSION} expected (the offline set-up above was read from it); run npm ci`);
  }
  const fromLint = createRequire(require.resolve('@forge/lint'));
  const shared = fromLint('@forge/cli-shared');
  compileManifestSchemaOnce(fromLint);
  process.chdir(appDir); // @forge/lint reads manifest.yml, tsconfig.json and .gitignore from the working folder

  class OfflineFlags extends shared.StatsigReader {
    async checkGate() {
      return null;
    }
    async getDynamicConfig() {
      return null;
    }
  }
  // @forge/lint logs only when one of its linters crashed; that run's result would be incomplete.
  const crashes = [];
  const logger = { info: (msg) => crashes.push(String(msg).trim()) };

  const reader = new shared.FileSystemReader();
  const configFile = new shared.ConfigFile(reader, undefined);
  let manifest = {};
  let uiKitDirs = [];
  try {
    manifest = await configFile.readConfig();
    uiKitDirs = (await configFile.getResources(['nativeUI'])).map((r) => path.dirname(r.path));
  } catch {
    // An unreadable manifest is reported by the manifest linters below.
  }
  // The files `forge lint` picks: src/ and UI Kit resource folders, minus .gitignore'd paths, .git, node_modules.
  const exclude = [...(await shared.listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const lists = await Promise.all(['./src', ...uiKitDirs].map((dir) => reader.recursiveReadDir(dir, exclude)));
  const files = [...new Set(lists.flat())];
  const routeCalls = routeCallsFile(files, scratch);

  const parsed = new Set();
  const rows = [...routeCalls.unknown];
  const parseFunction = async (file, parser) => {
    parsed.add(file);
    try {
      // The written-out calls are no part of the tsconfig project: they parse on their own.
      const standalone = (code, filepath) => parser(code, filepath, { project: undefined, tsconfigRootDir: undefined });
      return await forgeLint.parseSourceFile(file, file === routeCalls.file ? standalone : parser);
    } catch (e) {
      // `forge lint` stops at the first file it cannot parse; listing it and going on says more.
      rows.push({ file, class: 'error', line: e.lineNumber ?? 0, column: e.column ?? 0, message: e.message, reference: 'parse-error' });
      return { ast: null, filepath: file };
    }
  };
  const results = await forgeLint.lint([...files, routeCalls.file], manifest, 'development', logger, new OfflineFlags(), {
    linter: { mode: 'client-side' },
    parseFunction,
  });
  for (const res of results) {
    for (const r of [...res.errors, ...res.warnings, ...res.approvals]) {
      const origin = res.file === routeCalls.file ? routeCalls.origins[r.line - 1] : undefined;
      rows.push(origin ? { ...r, ...origin } : { ...r, file: res.file });
    }
  }
  parsed.delete(routeCalls.file);

  for (const r of rows) r.file = path.relative(appDir, path.resolve(appDir, r.file));
  // A call written out in place is seen twice: as it stands and among the written-out calls.
  const seen = new Set();
  rows.splice(
    0,
    rows.length,
    ...rows.filter((r) => {
      const key = `${r.file}:${r.line}:${r.column}:${r.message}`;
      return !seen.has(key) && seen.add(key);
    }),
  );
  rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  for (const r of rows) report(`${r.file}:${r.line}:${r.column}  ${r.class}  ${String(r.message).replace(/\s*\n\s*/g, ' ')}  (${r.reference})`);
  const skipped = files.filter((f) => /\.tsx?$/.test(f) && !parsed.has(f));
  if (skipped.length > 0) report(`forge lint: not linted (outside tsconfig.json include/exclude): ${skipped.join(', ')}`);
  for (const crash of crashes) report(`forge lint: a linter failed: ${crash}`);
  const errors = rows.filter((r) => r.class !== 'warning').length; // `forge lint` fails on approvals too
  report(`forge lint: ${errors} error(s), ${rows.length - errors} warning(s); manifest.yml and ${parsed.size} source file(s)`);
  if (errors > 0) return 1;
  return crashes.length > 0 || skipped.length > 0 ? 2 : 0;
}

async function main() {
  const appDir = path.resolve(process.argv[2] ?? repo);
  if (!existsSync(path.join(appDir, 'manifest.yml'))) {
    console.error(`forge lint: no manifest.yml in ${appDir}`);
    return 2;
  }
  const scratch = mkdtempSync(path.join(tmpdir(), 'forge-lint-'));
  try {
    offlineEnvironment(scratch);
    return await lintApp(appDir, scratch, (line) => console.log(line));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`forge lint: the linter failed: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 2;
  },
);
