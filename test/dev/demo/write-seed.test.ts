import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoSite, generateScaleSite } from '../../../dev/demo/generate-site';
import { main, parseArgs } from '../../../dev/demo/write-seed';

describe('write-seed CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'valuerank-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the demo site to a file', () => {
    const out = join(dir, 'nested', 'demo.json');
    const messages: string[] = [];
    expect(
      main(
        ['--issues', '80', '--seed', '5', '--out', out],
        () => undefined,
        (s) => messages.push(s),
      ),
    ).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(generateDemoSite({ issues: 80, seed: 5 }));
    expect(messages.join('')).toContain('wrote');
  });

  it('writes a scale site to stdout', () => {
    let text = '';
    expect(main(['--scale', '--issues=1000', '--feedback', '100', '--compact'], (s) => (text += s))).toBe(0);
    expect(JSON.parse(text)).toEqual(generateScaleSite({ issues: 1000, feedbackTickets: 100 }));
  });

  it('refuses bad arguments with exit code 2 and the usage', () => {
    const errors: string[] = [];
    expect(
      main(
        ['--issues', 'many'],
        () => undefined,
        (s) => errors.push(s),
      ),
    ).toBe(2);
    expect(
      main(
        ['--frobnicate'],
        () => undefined,
        (s) => errors.push(s),
      ),
    ).toBe(2);
    expect(
      main(
        ['--scale'],
        () => undefined,
        (s) => errors.push(s),
      ),
    ).toBe(2);
    expect(
      main(
        ['--issues', '0'],
        () => undefined,
        (s) => errors.push(s),
      ),
    ).toBe(2);
    expect(errors.join('')).toContain('usage: write-seed');
    expect(parseArgs(['--now', '2027-01-01T00:00:00Z'])).toEqual({ now: '2027-01-01T00:00:00Z', scale: false, pretty: true });
  });
});
