#!/usr/bin/env node
// Cuts the part of Atlassian's Jira OpenAPI specs that this repository tests against (and that the offline Forge
// lint reads for its scope check) into test/contract/openapi/: every path the simulator serves, every path a
// route`…` call in src/ can reach, and a few the app is about to use, each with all its operations, request and
// response parts, and every component they reference, transitively. The specs are Apache-2.0 (their info.license).
//
// Refresh (needs the full specs, about 3 MB):
//   curl -o platform.json https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json
//   curl -o software.json https://developer.atlassian.com/cloud/jira/software/swagger.v3.json
//   node scripts/cut-openapi.mjs --platform platform.json --software software.json
// then update the source lines in test/contract/openapi/NOTICE.md and run the tests.
//
// Check only (no full specs needed; npm test runs it): node scripts/cut-openapi.mjs --check [--cut DIR]
// fails when a simulator route or a route`…` call in src/ has no path in the cut.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CUT_FILES = { platform: 'jira-platform.openapi.json', software: 'jira-software.openapi.json' };

// Paths beyond what the routes and calls name today: the JQL parser (also reached through a query string the
// route scan drops) and the endpoints the planned feedback-loop work uses; cheap to keep, and a refresh keeps them.
const EXTRA_PATHS = [
  '/rest/api/3/jql/parse',
  '/rest/api/3/issue/{issueIdOrKey}/comment',
  '/rest/api/3/issue/{issueIdOrKey}/transitions',
  '/rest/api/3/user/bulk',
];

// Component schemas the contract tests check values against directly (a system field inside an issue's `fields`, a
// sprint in a list the spec gives only an example for, an error reply), beyond those the kept paths reference.
const EXTRA_COMPONENTS = ['ErrorCollection', 'IssueLink', 'IssueTypeDetails', 'StatusDetails', 'Priority', 'SecurityLevel', 'ProjectDetails', 'SprintBean'];

function sourceFiles(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** `{ method, template }` of every route the simulator serves, as its route tables declare them. */
function simulatorRoutes() {
  const routes = [];
  for (const file of sourceFiles(join(root, 'dev/sim/routes'), /\.ts$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/method:\s*'([A-Z]+)',\s*template:\s*'([^']+)'/g)) routes.push({ method: m[1], template: m[2] });
  }
  return routes;
}

/**
 * The endpoint of every route`…` call in src/, written the way @forge/lint's permission linter sees it
 * (ProductNodeVisitor: each `${…}` becomes the text `\S*`, the query string is dropped).
 */
function appCalls() {
  const calls = [];
  for (const file of sourceFiles(join(root, 'src'), /\.tsx?$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/route`([^`]*)`/g)) {
      calls.push({ file: file.slice(root.length + 1), endpoint: m[1].replace(/\$\{[^}]*\}/g, '\\S*').replace(/\?.+$/, '') });
    }
  }
  return calls;
}

/** The regex @forge/lint builds for a spec path (PermissionLinter.processPaths): unanchored at the start. */
const lintRegex = (path) => new RegExp(path.replace(/{(?<={)(.*?)(?=})}/g, '[^\\/\\s]*') + '\\/?$');

/** The spec paths to keep: served by the simulator, reachable by an app call (every path the linter could match), extras. */
function wantedPaths(spec) {
  const all = Object.keys(spec.paths);
  const wanted = new Set([...simulatorRoutes().map((r) => r.template), ...EXTRA_PATHS].filter((p) => p in spec.paths));
  for (const call of appCalls()) for (const p of all) if (lintRegex(p).test(call.endpoint)) wanted.add(p);
  return all.filter((p) => wanted.has(p)); // the spec's own order: the linter takes the first path that matches
}

function refsIn(value, out) {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function cut(spec) {
  const paths = Object.fromEntries(wantedPaths(spec).map((p) => [p, spec.paths[p]]));
  const components = { securitySchemes: spec.components.securitySchemes };
  const seen = new Set();
  const extra = EXTRA_COMPONENTS.filter((name) => spec.components.schemas?.[name] !== undefined).map((name) => `#/components/schemas/${name}`);
  const queue = [...refsIn(paths, new Set()), ...extra];
  while (queue.length > 0) {
    const ref = queue.pop();
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
    const target = kind && spec.components[kind]?.[name];
    if (!target) throw new Error(`unresolvable reference ${ref}`);
    (components[kind] ??= {})[name] = target;
    queue.push(...refsIn(target, new Set()));
  }
  for (const kind of Object.keys(components)) components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)));
  return { openapi: spec.openapi, info: spec.info, servers: spec.servers, paths, components };
}

/** Problems: simulator routes and app calls the cut in `dir` has no path for. */
function check(dir) {
  const specs = Object.values(CUT_FILES).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const has = (method, template) => specs.some((s) => s.paths[template]?.[method.toLowerCase()]);
  const problems = [];
  for (const r of simulatorRoutes()) if (!has(r.method, r.template)) problems.push(`simulator route ${r.method} ${r.template} is not in the cut`);
  for (const c of appCalls()) {
    if (!specs.some((s) => Object.keys(s.paths).some((p) => lintRegex(p).test(c.endpoint))))
      problems.push(`${c.file}: route ${c.endpoint} matches no path in the cut`);
  }
  for (const p of EXTRA_PATHS) if (!specs.some((s) => p in s.paths)) problems.push(`${p} is not in the cut`);
  return problems;
}

const { values: args } = parseArgs({
  options: { check: { type: 'boolean' }, cut: { type: 'string' }, platform: { type: 'string' }, software: { type: 'string' } },
});
const cutDir = resolve(args.cut ?? join(root, 'test/contract/openapi'));
if (args.check) {
  const problems = check(cutDir);
  for (const p of problems) console.error(`openapi cut: ${p}`);
  if (problems.length > 0) console.error('Refresh the cut: see the header of scripts/cut-openapi.mjs.');
  process.exit(problems.length > 0 ? 1 : 0);
}
if (!args.platform || !args.software) {
  console.error('usage: node scripts/cut-openapi.mjs --platform FULL_PLATFORM_SPEC --software FULL_SOFTWARE_SPEC | --check [--cut DIR]');
  process.exit(2);
}
for (const [which, file] of Object.entries(CUT_FILES)) {
  const full = JSON.parse(readFileSync(resolve(args[which]), 'utf8'));
  const part = cut(full);
  writeFileSync(join(cutDir, file), JSON.stringify(part, null, 1) + '\n');
  console.log(
    `${file}: ${Object.keys(part.paths).length} of ${Object.keys(full.paths).length} paths, ${Object.keys(part.components.schemas ?? {}).length} schemas`,
  );
}
const problems = check(cutDir);
for (const p of problems) console.error(`openapi cut: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
