/**
 * `npm run bench -- response`: bytes of the `getBacklog` JSON (as `/__forge/invoke` returns it to the UI) for
 * pageSize 200 and 500 on a 5,000-issue project, for the heaviest page (500 items with customer feedback, whose
 * evidence lists are the longest), and for a page of 200 on a site where every backlog item carries ten remote
 * links with 2,000-character URLs that the demo config's pattern reads as ten customers. Byte counts are
 * machine-independent; the baseline is the limit.
 */
import type { BenchRow, BenchSuite } from '../types';
import { call, fmtN, progress, PROJECT, scaleSeed, startBench, type ScaleSeed } from './harness';
import { instrumentKvs, openUntilReady } from './snapshot-probe';

const SUITE = 'response';
const KB = 1000;
const MB = 1000 * KB;
const LONG_URL = 2000;
const LINKS_PER_ITEM = 10;
const VOICE = 'customerVoice';

/**
 * The scale site with every PAY issue's remote links replaced by ten support tickets of ten organisations, each URL
 * padded to 2,000 characters after the part the demo pattern (`^https://support\.example\.com/orgs/<customer>/tickets/\d+`) reads.
 */
export function longUrlSeed(n: number): ScaleSeed {
  const seed = scaleSeed(n);
  const remoteLinks: Record<string, unknown[]> = { ...(seed.remoteLinks ?? {}) };
  let id = 900_000;
  seed.issues.forEach((issue, i) => {
    if (!issue.key.startsWith(`${PROJECT}-`)) return;
    remoteLinks[issue.key] = Array.from({ length: LINKS_PER_ITEM }, (_, k) => {
      const ticket = 10_000 + i * LINKS_PER_ITEM + k;
      const head = `https://support.example.com/orgs/org-${(i * 7 + k) % 400}/tickets/${ticket}?ref=`;
      const url = head + 'x'.repeat(LONG_URL - head.length);
      return {
        id: id++,
        globalId: `system=https://support.example.com&id=${ticket}`,
        application: { type: 'com.example.supportdesk', name: 'SupportDesk' },
        relationship: 'mentioned in',
        object: {
          url,
          title: `#${ticket} Customer request`,
          summary: 'Customer request',
          icon: { url16x16: 'https://support.example.com/static/ticket-16.png', title: 'SupportDesk ticket' },
        },
      };
    });
  });
  return { ...seed, remoteLinks };
}

/** Where a page's bytes go: the customer-voice evidence (customers and their sources) against the rest. */
function bytesOf(items: unknown[]): { largest: number; customers: number; sources: number; customerBytes: number } {
  let largest = 0;
  let customers = 0;
  let customerBytes = 0;
  let sources = 0;
  for (const item of items) {
    largest = Math.max(largest, Buffer.byteLength(JSON.stringify(item)));
    const voice = (item as { factors?: Record<string, { evidence?: { customers?: { sources?: unknown[] }[] } }> }).factors?.[VOICE]?.evidence;
    for (const c of voice?.customers ?? []) {
      customers++;
      customerBytes += Buffer.byteLength(JSON.stringify(c));
      sources += c.sources?.length ?? 0;
    }
  }
  return { largest, customers, sources, customerBytes };
}

async function measure(url: string, size: string, label: string, payload: Record<string, unknown>, limit: number, extra = ''): Promise<BenchRow> {
  progress(SUITE, `${size}: getBacklog ${label}`);
  const r = await call<{ items: unknown[]; total: number; cappedBy?: string }>(url, 'getBacklog', { projectKey: PROJECT, ...payload });
  const items = r.data.items;
  const b = bytesOf(items);
  return {
    suite: SUITE,
    name: `getBacklog ${size}, ${label}: response size`,
    value: r.bytes / KB,
    unit: 'KB',
    baseline: limit / KB,
    ratio: r.bytes / limit,
    target: limit >= MB ? `≤ ${limit / MB} MB` : `< ${limit / KB} KB`,
    met: r.bytes < limit,
    notes:
      `${items.length} items (of ${fmtN(r.data.total)})${r.data.cappedBy ? `, capped by ${r.data.cappedBy}` : ''}; ${(r.bytes / Math.max(1, items.length) / KB).toFixed(2)} KB per item on average, largest item ${(b.largest / KB).toFixed(2)} KB; ` +
      `${fmtN(b.customers)} customers listed with ${fmtN(b.sources)} sources, ${(b.customerBytes / Math.max(1, b.customers) / KB).toFixed(2)} KB per customer entry (customer lists ${(b.customerBytes / KB).toFixed(0)} KB, ${((b.customerBytes / Math.max(1, r.bytes)) * 100).toFixed(0)} % of the answer)${extra}; baseline = the limit`,
  };
}

export const responseSuite: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  instrumentKvs();
  const n = 5_000;
  const size = `${fmtN(n)} issues`;
  progress(SUITE, `${size}: generating and starting the preview`);
  const b = await startBench(scaleSeed(n));
  try {
    await openUntilReady(b.url, { suite: SUITE, payload: { pageSize: 1 } });
    rows.push(await measure(b.url, size, 'pageSize 200', { pageSize: 200 }, 500 * KB));
    rows.push(await measure(b.url, size, 'pageSize 500', { pageSize: 500 }, 5 * MB));
    rows.push(await measure(b.url, size, 'pageSize 500, feedbackOnly', { pageSize: 500, filter: { feedbackOnly: true } }, 5 * MB));
  } finally {
    await b.close();
  }

  const m = 1_000;
  const longSize = `${fmtN(m)} issues`;
  progress(SUITE, `${longSize}, ten ${fmtN(LONG_URL)}-character remote-link URLs per item: generating and starting the preview`);
  const l = await startBench(longUrlSeed(m));
  try {
    await openUntilReady(l.url, { suite: SUITE, payload: { pageSize: 1 } });
    rows.push(
      await measure(
        l.url,
        longSize,
        `pageSize 200, ten ${fmtN(LONG_URL)}-char remote-link URLs per item`,
        { pageSize: 200 },
        300 * KB,
        `; every item has ${LINKS_PER_ITEM} remote links of ${fmtN(LONG_URL)} characters (10 customers) besides its feedback tickets`,
      ),
    );
  } finally {
    await l.close();
  }
  return rows;
};
