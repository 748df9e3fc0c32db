/**
 * `npm run bench [-- <suite>…] [-- --quick]`: runs the benchmark suites, prints a table and writes
 * bench/results/latest.json. Figures are ratios against baselines measured in the same run; nothing here fails CI.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchRow, BenchSuite } from './types';
import { domainSuite } from './domain/suite';
import { jiraSuites } from './jira/suites';
import { matrixSuite } from './ui/matrix';
import { uiSuite } from './ui/page';
import { historySuite } from './history/history-bytes.bench';

const suites: Record<string, BenchSuite> = { domain: domainSuite, ...jiraSuites, ui: uiSuite, matrix: matrixSuite, history: historySuite };
/** Run only when named: `scale` builds a 100,000-issue project (tens of minutes, a larger heap). */
const ON_DEMAND = new Set(['scale']);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !(w in suites));
  if (unknown.length > 0) {
    console.error(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : Object.keys(suites).filter((n) => !ON_DEMAND.has(n));
  const rows: BenchRow[] = [];
  for (const name of names) {
    const suite = suites[name];
    if (suite) rows.push(...(await suite({ quick })));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
  console.log(`\nValueRank benchmarks${quick ? ' (quick)' : ''} — ${machine}\n`);
  console.table(
    rows.map((r) => ({
      suite: r.suite,
      measure: r.name,
      value: `${fmt(r.value)} ${r.unit}`,
      baseline: r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
      ratio: r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
      target: r.target ?? '',
      met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
      notes: r.notes ?? '',
    })),
  );
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  // latest.json keeps the newest rows of every suite: running one suite replaces only that suite's rows.
  const file = join(dir, 'latest.json');
  const at = new Date().toISOString();
  let kept: (BenchRow & { at?: string | undefined; quick?: boolean | undefined })[] = [];
  if (existsSync(file)) {
    try {
      const previous = JSON.parse(readFileSync(file, 'utf8')) as {
        rows?: (BenchRow & { at?: string | undefined; quick?: boolean | undefined })[];
        at?: string;
        quick?: boolean;
      };
      kept = (previous.rows ?? []).filter((r) => !names.includes(r.suite)).map((r) => ({ at: previous.at, quick: previous.quick, ...r }));
    } catch {
      kept = [];
    }
  }
  const merged = [...kept, ...rows.map((r) => ({ ...r, at, quick }))];
  writeFileSync(file, JSON.stringify({ at, machine, quick, rows: merged }, null, 2) + '\n');
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
