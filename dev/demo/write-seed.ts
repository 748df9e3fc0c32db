/**
 * Writes a seed file (DESIGN.md, "Seed file format").
 *
 *   node --import tsx dev/demo/write-seed.ts [--issues N] [--feedback N] [--seed N] [--now ISO] [--scale] [--out file]
 *
 * Without `--scale` it writes the demo site (`--issues` = PAY issues, default 330); with `--scale`
 * the benchmark site (`--issues` required). Without `--out` the JSON goes to stdout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateDemoSite, generateScaleSite } from './generate-site';
import type { Seed } from './seed-types';

export interface CliOptions {
  issues?: number;
  feedback?: number;
  seed?: number;
  now?: string;
  scale: boolean;
  out?: string;
  pretty: boolean;
}

const USAGE = 'usage: write-seed [--issues N] [--feedback N] [--seed N] [--now ISO-date] [--scale] [--compact] [--out file]';

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { scale: false, pretty: true };
  const int = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^-?\d+$/.test(v)) throw new Error(`${flag} needs an integer\n${USAGE}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--issues':
        opts.issues = int(flag, value());
        break;
      case '--feedback':
        opts.feedback = int(flag, value());
        break;
      case '--seed':
        opts.seed = int(flag, value());
        break;
      case '--now': {
        const v = value();
        if (v === undefined) throw new Error(`--now needs a date\n${USAGE}`);
        opts.now = v;
        break;
      }
      case '--out': {
        const v = value();
        if (v === undefined) throw new Error(`--out needs a file name\n${USAGE}`);
        opts.out = v;
        break;
      }
      case '--scale':
        opts.scale = true;
        break;
      case '--compact':
        opts.pretty = false;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument '${arg}'\n${USAGE}`);
    }
  }
  if (opts.scale && opts.issues === undefined) throw new Error(`--scale needs --issues\n${USAGE}`);
  if (!opts.scale && opts.feedback !== undefined) throw new Error(`--feedback applies to --scale sites only\n${USAGE}`);
  return opts;
}

export function buildSeed(o: CliOptions): Seed {
  const common = { ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.now !== undefined ? { now: o.now } : {}) };
  if (o.scale) {
    return generateScaleSite({ issues: o.issues ?? 0, ...common, ...(o.feedback !== undefined ? { feedbackTickets: o.feedback } : {}) });
  }
  return generateDemoSite({ ...common, ...(o.issues !== undefined ? { issues: o.issues } : {}) });
}

/** Runs the CLI; returns the exit code. */
export function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  let opts: CliOptions;
  let json: string;
  try {
    opts = parseArgs(argv);
    json = `${JSON.stringify(buildSeed(opts), null, opts.pretty ? 2 : undefined)}\n`;
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (opts.out === undefined) {
    out(json);
    return 0;
  }
  const file = resolve(opts.out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  err(`wrote ${file} (${(json.length / 1024).toFixed(0)} KiB)\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
