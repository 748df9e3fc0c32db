/** Summaries and words of the demo site: distinct summaries per theme and kind, casing, slugs. */
import type { Rng } from './random';
import { QUALIFIERS, THEMES, type Template } from './vocabulary';

const PROPER_WORDS = new Set([
  'Apple',
  'Google',
  'Klarna',
  'Kafka',
  'Spring',
  'Bancontact',
  'Xero',
  'QuickBooks',
  'German',
  'French',
  'Polish',
  'Dutch',
  'Japanese',
  'Brazilian',
  'Swedish',
  'Czech',
  'Amex',
  'Android',
  'Duplicate',
]);

/** "Card form autofill failing" → "card form autofill failing"; keeps names and acronyms. */
export function lowerFirst(s: string): string {
  const word = /^[A-Za-z]+/.exec(s)?.[0] ?? '';
  if (!/^[A-Z][a-z]+$/.test(word) || (PROPER_WORDS.has(word) && word !== 'Duplicate')) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Capitalises, except names such as iDEAL or iOS. */
export function upperFirst(s: string): string {
  return /^[a-z][A-Z]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

export function fill(template: string, topic: string): string {
  return template.replace('{t}', lowerFirst(topic)).replace('{T}', upperFirst(topic));
}

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type WorkKind = 'story' | 'task' | 'bug' | 'debt';

/**
 * Hands out distinct summaries: every template × filler of a theme and kind once, in random order;
 * when a theme has none left, another theme's (the item moves there); when all are taken, the
 * summary gets a qualifier ("… for marketplaces"), then a part number.
 */
export class Phrases {
  private readonly pools = new Map<string, { summary: string; topic: string }[]>();
  private readonly used = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  next(theme: number, kind: WorkKind): { theme: number; summary: string; topic: string } {
    for (let k = 0; k < THEMES.length; k++) {
      const th = (theme + k) % THEMES.length;
      const got = this.pool(th, kind).pop();
      if (got) {
        this.used.set(got.summary, 1);
        return { theme: th, ...got };
      }
    }
    const t = THEMES[theme] as (typeof THEMES)[number];
    const tpl = this.rng.pick(templatesOf(t, kind));
    const x = this.rng.pick(tpl.xs);
    const base = upperFirst(tpl.s.replace('{x}', x));
    const topic = tpl.t.replace('{x}', x);
    const quals = QUALIFIERS[kind];
    for (let k = 0; k < quals.length; k++) {
      const q = quals[(k + this.rng.int(0, quals.length - 1)) % quals.length] as string;
      const summary = `${base} ${q}`;
      if (!this.used.has(summary)) {
        this.used.set(summary, 1);
        return { theme, summary, topic };
      }
    }
    const uses = (this.used.get(base) ?? 1) + 1;
    this.used.set(base, uses);
    return { theme, summary: `${base} (part ${uses})`, topic };
  }

  private pool(theme: number, kind: WorkKind): { summary: string; topic: string }[] {
    const id = `${theme}|${kind}`;
    let pool = this.pools.get(id);
    if (!pool) {
      pool = [];
      for (const tpl of templatesOf(THEMES[theme] as (typeof THEMES)[number], kind)) {
        for (const x of tpl.xs) pool.push({ summary: upperFirst(tpl.s.replace('{x}', x)), topic: tpl.t.replace('{x}', x) });
      }
      this.rng.shuffle(pool);
      this.pools.set(id, pool);
    }
    return pool;
  }
}

function templatesOf(t: (typeof THEMES)[number], kind: WorkKind): readonly Template[] {
  return kind === 'story' ? t.stories : kind === 'task' ? t.tasks : kind === 'bug' ? t.bugs : t.debt;
}
