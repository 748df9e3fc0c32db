import { differenceInHours } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import type { GapCode } from '../../contract/gaps';
import type { JiraIssueLike, RemoteLinkLike } from './input';
import { isRecord, readDate, readName, readNumber, MALFORMED } from './read-values';
import { compileUrlPattern, type UrlPattern } from './url-pattern';

/** One distinct customer behind an issue, with the strongest of their signals. */
export interface CustomerSignal {
  /** Stable identity: `org:<name>`, `user:<accountId>`, `remote:<customer>` or `ticket:<key>`. */
  id: string;
  label: string;
  /** Recency × tier weight of the strongest signal (≥ 0). */
  weight: number;
  /** ISO date of that signal, or null when undated (remote links). */
  at: string | null;
  /** Feedback ticket keys or remote-link URLs (clipped to MAX_EVIDENCE_TEXT) that carry this customer's voice (at most 5). */
  sources: string[];
}

export interface CustomerVoiceEvidence {
  customers: CustomerSignal[];
  /** Customers beyond the ones listed (the list is capped to keep responses small). */
  moreCustomers: number;
  /** Σ customer weights + votes: the mass m in m / (m + saturation). */
  weightedCustomers: number;
  votes: number | null;
  /** Feedback tickets behind this score that the asking user cannot open (counted, never named). */
  hiddenTickets?: number;
  /** Customers known only from such tickets (counted, never named). */
  hiddenCustomers?: number;
}

const MAX_LISTED_CUSTOMERS = 10;

/**
 * Longest text evidence keeps from a URL or a customer name. Jira allows 2,000-character remote-link URLs, and an
 * item lists up to 10 customers with 5 sources each: unclipped, a 500-item page of them is tens of MB.
 */
export const MAX_EVIDENCE_TEXT = 200;

/** `text` cut to MAX_EVIDENCE_TEXT characters (ending in "…" when cut). */
export function clipText(text: string): string {
  return text.length <= MAX_EVIDENCE_TEXT ? text : `${text.slice(0, MAX_EVIDENCE_TEXT - 1)}…`;
}

/**
 * A URL's identity as a customer when no pattern names one: the clipped URL, plus a hash of the whole one when
 * clipped, so two long URLs that share a beginning stay two customers (FNV-1a, 32 bits, twice with two offsets).
 */
function remoteId(url: string): string {
  if (url.length <= MAX_EVIDENCE_TEXT) return `remote:${url}`;
  return `remote:${clipText(url)}#${fnv1a(url, 0x811c9dc5).toString(36)}${fnv1a(url, 0x01000193).toString(36)}`;
}

/** FNV-1a with the prime multiplication as shifts (Math.imul is far slower where builtins cross a VM context, as in jest). */
function fnv1a(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) | 0;
  }
  return h >>> 0;
}

/**
 * One identity per organisation across sources: "Quayside Electronics" on a ticket and `quayside-electronics` in
 * a support-tool URL are the same customer (case, spaces and punctuation are ignored).
 */
export function orgId(name: string): string {
  return `org:${name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')}`;
}
const MAX_SOURCES = 5;

/** A ticket's customers: its organisations (JSM organisations field, `[{id, name}]`), else its reporter, else itself. */
export function ticketCustomers(issue: JiraIssueLike, organizationsField: string | null): { customers: { id: string; label: string }[]; noCustomer: boolean } {
  const customers: { id: string; label: string }[] = [];
  const orgs = organizationsField === null ? null : issue.fields[organizationsField];
  if (Array.isArray(orgs)) {
    for (let i = 0; i < orgs.length && i < 20; i++) {
      const name = readName(orgs[i]);
      if (name !== null && name.trim() !== '') customers.push({ id: orgId(clipText(name.trim())), label: clipText(name.trim()) });
    }
  }
  if (customers.length > 0) return { customers, noCustomer: false };
  const reporter = issue.fields.reporter;
  if (isRecord(reporter) && typeof reporter.accountId === 'string') {
    const label = typeof reporter.displayName === 'string' ? reporter.displayName : reporter.accountId;
    customers.push({ id: `user:${clipText(reporter.accountId)}`, label: clipText(label) });
    return { customers, noCustomer: false };
  }
  customers.push({ id: `ticket:${issue.key}`, label: issue.key });
  return { customers, noCustomer: true };
}

/** A ticket's created time (ms, null when unreadable) and its recency × tier weight (≥ 0). */
export function ticketWeight(
  issue: JiraIssueLike,
  tierField: string | null,
  tierWeights: ReadonlyMap<string, number>,
  now: Date,
  cfg: ValueRankConfig['customerVoice'],
): { at: number | null; weight: number } {
  const created = readDate(issue.fields.created);
  let tier = 1;
  if (tierField !== null) {
    const t = readName(issue.fields[tierField]);
    if (t !== null) tier = tierWeights.get(t.trim().toLowerCase()) ?? 1;
  }
  const at = typeof created === 'number' ? created : null;
  return { at, weight: recencyWeight(at, now, cfg.halfLifeDays, cfg.undatedWeight) * tier };
}

/**
 * A feedback ticket's customers as signals for an item's evidence: one per customer with the ticket's weight and
 * date. Read once per ticket and shared by every issue that links it (treated as immutable: the accumulator
 * copies a signal before merging another into it).
 */
export function ticketSignals(
  issue: JiraIssueLike,
  organizationsField: string | null,
  tierField: string | null,
  tierWeights: ReadonlyMap<string, number>,
  now: Date,
  cfg: ValueRankConfig['customerVoice'],
): CustomerSignal[] {
  const { customers } = ticketCustomers(issue, organizationsField);
  const { at, weight } = ticketWeight(issue, tierField, tierWeights, now, cfg);
  const atIso = at === null ? null : new Date(at).toISOString();
  return customers.map((c) => ({ id: c.id, label: c.label, weight, at: atIso, sources: [issue.key] }));
}

/** The data gaps a ticket contributes to every issue that links it. */
export function ticketGaps(noCustomer: boolean, at: number | null): GapCode[] {
  const gaps: GapCode[] = [];
  if (noCustomer) gaps.push('feedback.noCustomer');
  if (at === null) gaps.push('feedback.undated');
  return gaps;
}

/** The customer a remote link's URL names (the first matching pattern's `customer` group, else the URL itself). */
export function remoteCustomer(url: string, patterns: readonly UrlPattern[]): { id: string; label: string } | null {
  for (const pattern of patterns) {
    const m = pattern.customerOf(url);
    if (m === null) continue;
    if (m.customer) {
      const customer = clipText(m.customer);
      return { id: orgId(customer), label: customer };
    }
    return { id: remoteId(url), label: clipText(url) };
  }
  return null;
}

/** The URL of a remote link, or null when it has none (a malformed link). */
export function remoteLinkUrl(link: unknown): string | null {
  return isRecord(link) && isRecord(link.object) && typeof link.object.url === 'string' ? link.object.url : null;
}

/** At most this many remote links are read per issue. */
const MAX_REMOTE_LINKS = 1000;

/**
 * Customer voice as a number, for scoring a whole project without building evidence: each issue's distinct
 * customers with their strongest weight, summed in first-seen order (`CustomerVoiceAccumulator` lists the same
 * customers for an item's evidence). Customers are small integer slots, and an issue's customers are found by
 * stamping slots with the issue's turn, so counting 500,000 links allocates nothing that outlives an issue.
 */
export class CustomerVoiceCounter {
  private readonly slotOf = new Map<string, number>();
  private readonly stamp: number[] = [];
  private readonly best: number[] = [];
  private readonly seen: number[] = [];
  private turn = 0;
  constructor(private readonly cfg: ValueRankConfig['customerVoice']) {}

  /** The slot of a customer id (stable within one scoring run). */
  slot(id: string): number {
    let s = this.slotOf.get(id);
    if (s === undefined) {
      s = this.stamp.length;
      this.slotOf.set(id, s);
      this.stamp.push(0);
      this.best.push(0);
    }
    return s;
  }

  /** Starts the next issue. */
  begin(): void {
    this.turn++;
    this.seen.length = 0;
  }

  /** A signal of the customer in `slot` with `weight`; the customer keeps its strongest. */
  add(slot: number, weight: number): void {
    if (this.stamp[slot] !== this.turn) {
      this.stamp[slot] = this.turn;
      this.best[slot] = weight;
      this.seen.push(slot);
    } else if (weight > this.best[slot]!) this.best[slot] = weight;
  }

  /** Adds the customers that remote links name; returns true when a link had no readable URL. */
  addRemoteLinks(links: readonly RemoteLinkLike[], patterns: readonly UrlPattern[]): boolean {
    if (patterns.length === 0) return false;
    let malformed = false;
    for (let i = 0; i < links.length && i < MAX_REMOTE_LINKS; i++) {
      const url = remoteLinkUrl(links[i]);
      if (url === null) {
        malformed = true;
        continue;
      }
      const c = remoteCustomer(url, patterns);
      if (c !== null) this.add(this.slot(c.id), this.cfg.undatedWeight);
    }
    return malformed;
  }

  /** Distinct customers of the current issue. */
  get customers(): number {
    return this.seen.length;
  }

  /** Σ customer weights + votes × votesPerCustomer: the mass m in m / (m + saturation). */
  mass(votes: number | null): number {
    let m = 0;
    for (const s of this.seen) m += this.best[s]!;
    if (votes !== null && votes > 0) m += votes * this.cfg.votesPerCustomer;
    return m;
  }
}

/** Compiled remote-link patterns; patterns RE2 cannot run are refused when the config is saved, and skipped here. */
export function compilePatterns(patterns: readonly string[]): UrlPattern[] {
  const out: UrlPattern[] = [];
  for (const p of patterns) {
    const compiled = compileUrlPattern(p);
    if ('pattern' in compiled) out.push(compiled.pattern);
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

  /** Adds a feedback ticket's customers (`ticketSignals`), each with the ticket's recency × tier weight. */
  addTicket(signals: readonly CustomerSignal[]): void {
    for (const signal of signals) {
      if (this.find(signal.id) === undefined) this.push(signal);
      else this.merge(signal.id, signal.weight, signal.at, signal.sources[0]!);
    }
  }

  /** Adds remote links whose URL a pattern matches (see `remoteCustomer`). */
  addRemoteLinks(links: readonly RemoteLinkLike[], patterns: readonly UrlPattern[]): void {
    if (patterns.length === 0) return;
    for (let i = 0; i < links.length && i < MAX_REMOTE_LINKS; i++) {
      const url = remoteLinkUrl(links[i]);
      const c = url === null ? null : remoteCustomer(url, patterns);
      if (c !== null) this.add(c.id, c.label, this.cfg.undatedWeight, null, clipText(url!));
    }
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
    const next: CustomerSignal = {
      ...prev,
      sources: prev.sources.includes(source) || prev.sources.length >= MAX_SOURCES ? prev.sources : [...prev.sources, source],
    };
    if (weight > prev.weight) {
      next.weight = weight;
      next.at = at;
    }
    this.signals[i] = next;
    if (this.index !== null) this.index.set(id, next);
  }

  /**
   * The evidence: customers strongest first (at most 10 listed) and `mass` as the scoring pass counted it
   * (`CustomerVoiceCounter` counts the same customers, so the listing and the numbers agree).
   */
  evidence(votes: number | null, mass: number): CustomerVoiceEvidence {
    const all = this.signals.length < 2 ? this.signals : this.signals.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      customers: all.length > MAX_LISTED_CUSTOMERS ? all.slice(0, MAX_LISTED_CUSTOMERS) : all,
      moreCustomers: Math.max(0, all.length - MAX_LISTED_CUSTOMERS),
      weightedCustomers: mass,
      votes,
    };
  }
}

/** The customer-count field as a number ≥ 0; malformed values are reported and ignored. */
export function readVotes(raw: unknown): { votes: number | null; malformed: boolean } {
  const v = readNumber(raw);
  if (v === MALFORMED || (typeof v === 'number' && v < 0)) return { votes: null, malformed: true };
  // `+ 0` turns −0 into 0: a snapshot keeps evidence as JSON, which has no −0, and the stored item must be the same.
  return { votes: v === null ? null : v + 0, malformed: false };
}
