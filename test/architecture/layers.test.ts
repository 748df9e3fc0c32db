import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic and require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

function layerOf(file: string): string {
  return relative(SRC, file).split('/')[0]!;
}

describe('architecture', () => {
  it('keeps src/domain pure: only the domain, the contract, date-fns and re2js (pure-JS regular expressions)', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(SRC, 'domain'))) {
      for (const spec of importsOf(file)) {
        if (spec === 'date-fns' || spec === 're2js') continue;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          const layer = relative(SRC, target).split('/')[0];
          if (layer === 'domain' || layer === 'contract') continue;
        }
        offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps src/contract free of backend code: only zod and other contract files', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(SRC, 'contract'))) {
      for (const spec of importsOf(file)) {
        if (spec === 'zod') continue;
        if (spec.startsWith('./')) continue;
        offenders.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds the imports it checks (the scanner itself works)', () => {
    const scoring = join(SRC, 'domain/scoring/score-issues.ts');
    expect(importsOf(scoring)).toEqual(expect.arrayContaining(['../../contract/model', './links']));
    expect(layerOf(scoring)).toBe('domain');
  });
});
