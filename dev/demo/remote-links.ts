/** Phase: remote links to the support tool (tickets), and a few wiki pages and pull requests. */
import { fill, slugify, upperFirst } from './phrases';
import type { Rng, WeightedTable } from './random';
import type { SeedRemoteLink } from './seed-types';
import type { Draft, Org } from './site-model';
import { FEATURE_REQUESTS, SUPPORT_REQUESTS, THEMES } from './vocabulary';

export function buildRemoteLinks(
  work: Draft[],
  demand: WeightedTable<Draft>,
  orgs: Org[],
  orgTable: WeightedTable<Org>,
  rng: Rng,
): Record<string, SeedRemoteLink[]> {
  const wantIssues = Math.min(work.length, Math.round(work.length * 0.2));
  const chosen = new Set<Draft>();
  for (let k = 0; chosen.size < wantIssues && k < wantIssues * 4; k++) {
    chosen.add(demand.size > 0 && rng.chance(0.7) ? demand.pick(rng) : rng.pick(work));
  }
  const out: Record<string, SeedRemoteLink[]> = {};
  let nextId = 10000;
  const sorted = [...chosen].sort((a, b) => Number(a.id) - Number(b.id));
  for (const d of sorted) {
    const count = rng.weighted([
      [1, 60],
      [2, 25],
      [3, 10],
      [4, 5],
    ] as const);
    const seen = new Set<string>();
    const list: SeedRemoteLink[] = [];
    for (let k = 0; k < count; k++) {
      const id = nextId++;
      if (rng.chance(0.85) && orgs.length > 0) {
        let org = orgTable.pick(rng);
        for (let r = 0; r < 3 && seen.has(org.slug); r++) org = orgTable.pick(rng);
        seen.add(org.slug);
        const ticket = rng.int(10000, 99999);
        const url = `https://support.example.com/orgs/${org.slug}/tickets/${ticket}`;
        const resolved = rng.chance(0.4);
        const summary = fill(rng.pick(d.kind === 'bug' ? SUPPORT_REQUESTS : FEATURE_REQUESTS), d.topic);
        list.push({
          id,
          globalId: `system=https://support.example.com&id=${ticket}`,
          application: { type: 'com.example.supportdesk', name: 'SupportDesk' },
          relationship: 'mentioned in',
          object: {
            url,
            title: `#${ticket} ${summary}`,
            summary: `${org.org.name}: ${summary}`,
            icon: { url16x16: 'https://support.example.com/static/ticket-16.png', title: 'SupportDesk ticket' },
            status: {
              resolved,
              icon: resolved
                ? { url16x16: 'https://support.example.com/static/solved-16.png', title: 'Solved', link: url }
                : { url16x16: 'https://support.example.com/static/open-16.png', title: 'Open', link: url },
            },
          },
        });
      } else if (rng.chance(0.5)) {
        const page = rng.int(100000, 999999);
        const title = `Design: ${upperFirst(d.topic)}`;
        const url = `https://wiki.example.com/spaces/PAY/pages/${page}/${slugify(title)}`;
        list.push({
          id,
          globalId: `system=https://wiki.example.com&id=${page}`,
          application: { type: 'com.example.wiki', name: 'Team Wiki' },
          relationship: 'Wiki Page',
          object: {
            url,
            title,
            summary: 'Design notes and decisions',
            icon: { url16x16: 'https://wiki.example.com/favicon-16.png', title: 'Page' },
            status: { resolved: false, icon: {} },
          },
        });
      } else {
        const pr = rng.int(100, 4999);
        const repo = slugify(THEMES[d.theme]?.component ?? 'payments');
        const url = `https://git.example.com/payments/${repo}/pull/${pr}`;
        const merged = d.status === 'Done';
        list.push({
          id,
          globalId: `system=https://git.example.com&id=${repo}/${pr}`,
          application: { type: 'com.example.git', name: 'Git' },
          relationship: 'pull request',
          object: {
            url,
            title: `${repo}#${pr}: ${d.summary}`,
            summary: merged ? 'Merged' : 'Open',
            icon: { url16x16: 'https://git.example.com/favicon-16.png', title: 'Pull request' },
            status: { resolved: merged, icon: { title: merged ? 'Merged' : 'Open' } },
          },
        });
      }
    }
    out[d.key] = list;
  }
  return out;
}
