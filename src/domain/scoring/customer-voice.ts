import { differenceInHours } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import type { GapCode } from '../../contract/gaps';
import type { JiraIssueLike, RemoteLinkLike } from './input';
import { isRecord, readDate, readName, readNumber, MALFORMED, saturate } from './read-values';

/** One distinct customer behind an issue, with the strongest of their signals. */
export interface CustomerSignal {
  /** Stable identity: `org:<name>`, `user:<accountId>`, `remote:<customer>` or `ticket:<key>`. */
  id: string;
  label: string;
  /** Recency × tier weight of the strongest signal (≥ 0). */
  weight: number;
  /** ISO date of that signal, or null when undated (remote links). */
  at: string | null;
  /** Feedback ticket keys or remote-link URLs that carry this customer's voice (at most 5). */
  sources: string[];
}

export interface CustomerVoiceEvidence {
  customers: CustomerSignal[];
  /** Customers beyond the ones listed (the list is capped to keep responses small). */
  moreCustomers: number;
  /** Σ customer weights + votes: the mass m in m / (m + saturation). */
  weightedCustomers: number;
  votes: number | null;
}

/** What a feedback ticket contributes, read once per ticket however many issues link to it. */
export interface FeedbackTicket {
  customers: { id: string; label: string }[];
  /**
   * One signal per customer, shared by every issue that links the ticket (treated as immutable: the accumulator
   * copies a signal before merging another into it). Sharing saves two objects per link at 500,000 links.
   */
  signals: CustomerSignal[];
  /** Created time in ms, or null when unreadable. */
  at: number | null;
  /** ISO date-time of `at`, or null. */
  atIso: string | null;
  /** Recency × tier weight (≥ 0), computed once per ticket. */
  weight: number;
  gaps: GapCode[];
}

const MAX_LISTED_CUSTOMERS = 10;

/**
 * One identity per organisation across sources: "Quayside Electronics" on a ticket and `quayside-electronics` in
 * a support-tool URL are the same customer (case, spaces and punctuation are ignored).
 */
export function orgId(name: string): string {
  return `org:${name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}`;
}
const MAX_SOURCES = 5;

/**
 * Reads a feedback ticket's customers: its organisations (JSM organisations field, `[{id, name}]`), else its
 * reporter, else the ticket itself; its created date; and its tier multiplier.
 */
export function readFeedbackTicket(
  issue: JiraIssueLike,
  organizationsField: string | null,
  tierField: string | null,
  tierWeights: ReadonlyMap<string, number>,
  now: Date,
  cfg: ValueRankConfig['customerVoice'],
): FeedbackTicket {
  const gaps: GapCode[] = [];
  const customers: { id: string; label: string }[] = [];
  const orgs = organizationsField === null ? null : issue.fields[organizationsField];
  if (Array.isArray(orgs)) {
    for (const o of orgs.slice(0, 20)) {
      const name = readName(o);
      if (name !== null && name.trim() !== '') customers.push({ id: orgId(name), label: name.trim() });
    }
  }
  if (customers.length === 0) {
    const reporter = issue.fields.reporter;
    if (isRecord(reporter) && typeof reporter.accountId === 'string') {
      const label = typeof reporter.displayName === 'string' ? reporter.displayName : reporter.accountId;
      customers.push({ id: `user:${reporter.accountId}`, label });
    } else {
      gaps.push('feedback.noCustomer');
      customers.push({ id: `ticket:${issue.key}`, label: issue.key });
    }
  }
  const created = readDate(issue.fields.created);
  if (created === null || created === MALFORMED) gaps.push('feedback.undated');
  let tier = 1;
  if (tierField !== null) {
    const t = readName(issue.fields[tierField]);
    if (t !== null) tier = tierWeights.get(t.trim().toLowerCase()) ?? 1;
  }
  const at = typeof created === 'number' ? created : null;
  const weight = recencyWeight(at, now, cfg.halfLifeDays, cfg.undatedWeight) * tier;
  const atIso = at === null ? null : new Date(at).toISOString();
  const signals = customers.map((c) => ({ id: c.id, label: c.label, weight, at: atIso, sources: [issue.key] }));
  return { customers, signals, at, atIso, weight, gaps };
}

/** Compiled remote-link patterns; invalid expressions are rejected when the config is saved, and skipped here. */
export function compilePatterns(patterns: readonly string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const p of patterns) {
    try {
      out.push(new RegExp(p, 'i'));
    } catch {
      // An invalid pattern cannot match anything; config validation reports it to the admin.
    }
  }
  return out;
}

/** Recency weight 0–1: 0.5 ^ (age in days / half-life); future dates count as new. */
export function recencyWeight(at: number | null, now: Date, halfLifeDays: number, undatedWeight: number): number {
  if (at === null) return undatedWeight;
  const ageDays = Math.max(0, differenceInHours(now, at) / 24);
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/**
 * Collects an issue's customer signals into distinct customers. Each customer counts once, with the weight of
 * their strongest (most recent, highest tier) signal. Returns the factor value m / (m + saturation), 0–1.
 * Most issues have a handful of customers, so signals live in a small array searched linearly, with a map
 * index only once the array grows (this runs for every link of every candidate: 500,000 times at scale).
 */
export class CustomerVoiceAccumulator {
  private readonly signals: CustomerSignal[] = [];
  private index: Map<string, CustomerSignal> | null = null;
  constructor(private readonly cfg: ValueRankConfig['customerVoice']) {}

  /** Adds a feedback ticket's customers, each with the ticket's recency × tier weight. */
  addTicket(ticket: FeedbackTicket): void {
    for (const signal of ticket.signals) {
      if (this.find(signal.id) === undefined) this.push(signal);
      else this.merge(signal.id, signal.weight, signal.at, signal.sources[0]!);
    }
  }

  /** Adds remote links whose URL matches a pattern; the `customer` group (when present) names the customer. */
  addRemoteLinks(links: readonly RemoteLinkLike[], patterns: readonly RegExp[]): { malformed: boolean } {
    let malformed = false;
    if (patterns.length === 0) return { malformed };
    for (const link of links.slice(0, 1000)) {
      const url = isRecord(link) && isRecord(link.object) && typeof link.object.url === 'string' ? link.object.url : null;
      if (url === null) {
        malformed = true;
        continue;
      }
      for (const re of patterns) {
        const m = re.exec(url.slice(0, 2000));
        if (m === null) continue;
        const customer = m.groups?.customer?.trim();
        const id = customer ? orgId(customer) : `remote:${url}`;
        this.add(id, customer || url, this.cfg.undatedWeight, null, url);
        break;
      }
    }
    return { malformed };
  }

  private find(id: string): CustomerSignal | undefined {
    if (this.index !== null) return this.index.get(id);
    for (const s of this.signals) if (s.id === id) return s;
    return undefined;
  }

  private add(id: string, label: string, weight: number, at: string | null, source: string): void {
    if (this.find(id) === undefined) this.push({ id, label, weight, at, sources: [source] });
    else this.merge(id, weight, at, source);
  }

  private push(signal: CustomerSignal): void {
    this.signals.push(signal);
    if (this.index !== null) this.index.set(signal.id, signal);
    else if (this.signals.length > 16) this.index = new Map(this.signals.map((s) => [s.id, s]));
  }

  /** Merges another signal of a known customer into a private copy of its current signal. */
  private merge(id: string, weight: number, at: string | null, source: string): void {
    const i = this.signals.findIndex((s) => s.id === id);
    const prev = this.signals[i]!;
    const next: CustomerSignal = { ...prev, sources: prev.sources.includes(source) || prev.sources.length >= MAX_SOURCES ? prev.sources : [...prev.sources, source] };
    if (weight > prev.weight) {
      next.weight = weight;
      next.at = at;
    }
    this.signals[i] = next;
    if (this.index !== null) this.index.set(id, next);
  }

  /** The factor value (0–1) and its evidence; `votes` (customer-count field) adds votesPerCustomer each. */
  result(votes: number | null): { value: number; customers: number; evidence: CustomerVoiceEvidence } {
    const all = this.signals.length < 2 ? this.signals : this.signals.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let mass = 0;
    for (const c of all) mass += c.weight;
    if (votes !== null && votes > 0) mass += votes * this.cfg.votesPerCustomer;
    const value = saturate(mass, this.cfg.saturation);
    return {
      value,
      customers: all.length,
      evidence: {
        customers: all.length > MAX_LISTED_CUSTOMERS ? all.slice(0, MAX_LISTED_CUSTOMERS) : all,
        moreCustomers: Math.max(0, all.length - MAX_LISTED_CUSTOMERS),
        weightedCustomers: mass,
        votes,
      },
    };
  }
}

/** The customer-count field as a number ≥ 0; malformed values are reported and ignored. */
export function readVotes(raw: unknown): { votes: number | null; malformed: boolean } {
  const v = readNumber(raw);
  if (v === MALFORMED || (typeof v === 'number' && v < 0)) return { votes: null, malformed: true };
  return { votes: v, malformed: false };
}
