import { CONFIG_SCHEMA_VERSION, configSchema, type ValueRankConfig } from '../../contract/config';
import { defaultConfig } from '../../domain';
import { isRecord } from '../../domain/scoring/read-values';
import { AppError } from '../errors';

/** Deep-merges `over` onto `base`: objects merge key by key, everything else replaces. */
function mergeOnto(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = mergeOnto(base[k], v);
  }
  return out;
}

/**
 * Brings a stored or imported config to the current schema. Older versions (no `schemaVersion`, or a lower one)
 * kept only some sections: what they lack is filled from the defaults. The result is validated; a config that
 * still does not validate is refused with the failing paths.
 */
export function migrateConfig(raw: unknown): ValueRankConfig {
  if (!isRecord(raw)) throw new AppError('INVALID_PAYLOAD', 'The stored configuration is not an object.');
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > CONFIG_SCHEMA_VERSION) {
    throw new AppError('INVALID_PAYLOAD', `The configuration has schema version ${version}, newer than this app (${CONFIG_SCHEMA_VERSION}). Update the app.`);
  }
  const candidate = version === CONFIG_SCHEMA_VERSION ? raw : { ...(mergeOnto(defaultConfig(), raw) as object), schemaVersion: CONFIG_SCHEMA_VERSION };
  return validateConfig(candidate);
}

/** Validates a config with the contract's schema; errors name each failing path, e.g. `weights.customerVoice`. */
export function validateConfig(candidate: unknown): ValueRankConfig {
  const parsed = configSchema.safeParse(candidate);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('INVALID_PAYLOAD', `Invalid configuration: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`, details);
  }
  const jqlProblem = parsed.data.candidateJql === null ? null : candidateJqlProblem(parsed.data.candidateJql);
  if (jqlProblem !== null) {
    throw new AppError('INVALID_PAYLOAD', `Invalid configuration: candidateJql: ${jqlProblem}`, [{ path: 'candidateJql', message: jqlProblem }]);
  }
  return parsed.data;
}

/**
 * The candidate JQL is a filter that ValueRank puts inside `project = "KEY" AND (…) ORDER BY Rank`: it must keep
 * its brackets and quotes balanced (so it cannot close the group and widen the search) and have no ORDER BY.
 */
export function candidateJqlProblem(jql: string): string | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return 'has a closing bracket without an opening one';
  }
  if (quote !== null) return 'has an unclosed quote';
  if (depth !== 0) return 'has an unclosed bracket';
  if (/\border\s+by\b/i.test(jql.replace(/"[^"]*"|'[^']*'/g, ''))) return 'must not contain ORDER BY (ValueRank orders by Rank)';
  return null;
}

/** Leaf-level differences between two configs, as `{ path, from, to }` (arrays compare as a whole). */
export function diffConfig(from: unknown, to: unknown, path = ''): { path: string; from: unknown; to: unknown }[] {
  if (isRecord(from) && isRecord(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((k) => diffConfig(from[k], to[k], path === '' ? k : `${path}.${k}`));
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path, from: from ?? null, to: to ?? null }];
}
