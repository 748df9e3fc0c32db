/**
 * `npm start [-- --port N] [--seed file.json] [--faults spec] [--now ISO] [--data-dir dir]`: builds the Custom UI
 * when its sources changed, then serves the app on a simulated Jira site (the demo site unless --seed is given).
 * Prints `ValueRank preview: <url>` on one line when ready.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateDemoSite } from './demo/generate-site';
import { ensureUiBuilt } from './preview/ui-build';
import { startPreview } from './preview/server';
import { DEMO_CONFIG } from './preview/demo-config';

interface Args {
  port: number;
  seed?: string;
  faults?: string;
  now?: string;
  dataDir?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { port: 8787 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) fail('--port must be 0–65535 (0 picks a free port)');
        args.port = n;
        break;
      }
      case '--seed':
        args.seed = value();
        break;
      case '--faults':
        args.faults = value();
        break;
      case '--now': {
        const v = value();
        if (Number.isNaN(Date.parse(v))) fail(`--now must be an ISO date, e.g. 2026-11-25T00:00:00Z (got ${v})`);
        args.now = new Date(v).toISOString();
        break;
      }
      case '--data-dir':
        args.dataDir = resolve(value());
        break;
      case '--help':
        console.log('npm start -- [--port N] [--seed file.json] [--faults spec] [--now ISO] [--data-dir dir]');
        process.exit(0);
        break;
      default:
        fail(`Unknown option ${a}. Try --help.`);
    }
  }
  return args;
}

function fail(message: string): never {
  console.error(`valuerank preview: ${message}`);
  process.exit(2);
}

function readSeed(path: string): unknown {
  try {
    return JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (e) {
    fail(`cannot read seed ${path}: ${(e as Error).message}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const seed = args.seed !== undefined ? readSeed(args.seed) : { ...generateDemoSite(args.now ? { now: args.now } : {}), config: DEMO_CONFIG };
  // Only --now freezes the scoring clock; without it scores age with the wall clock, as on a real site.
  const now = args.now;
  await ensureUiBuilt();
  let preview;
  try {
    preview = await startPreview({
      port: args.port,
      seed,
      ...(args.faults ? { faults: args.faults } : {}),
      ...(now ? { now } : {}),
      ...(args.dataDir ? { dataDir: args.dataDir } : {}),
    });
  } catch (e) {
    fail((e as Error).message);
  }
  console.log(`ValueRank preview: ${preview.url}`);
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
