import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository's Markdown links point at files inside it that exist; only web links leave it. */
const ROOT = resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', '.git', 'build', 'coverage']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

describe('documentation links', () => {
  const files = markdownFiles(ROOT);

  it('finds the README and the design among the Markdown files', () => {
    expect(files.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['README.md', 'docs/design.md', 'docs/storage.md']));
  });

  it('point inside the repository, at files that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '' || /^[a-z]+:/i.test(target)) continue;
        const to = resolve(dirname(file), target);
        const inside = !relative(ROOT, to).startsWith('..');
        if (!inside || !existsSync(to)) broken.push(`${relative(ROOT, file)} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
