import { isRecord, readName } from './read-values';

/** One issue link seen from the issue that holds it. */
export interface LinkView {
  typeName: string;
  outwardText: string;
  /** 'outward': this issue —outward text→ other ("blocks", "causes"); 'inward': other —outward text→ this issue. */
  direction: 'outward' | 'inward';
  otherKey: string;
  otherType: string | null;
  /** The other issue's status category key (`new`, `indeterminate`, `done`), when Jira embedded it. */
  otherStatusCategory: string | null;
}

/** At most this many links are read per issue: bounds the work on pathological issues (5,000 links). */
export const MAX_LINKS_PER_ISSUE = 2000;

/**
 * Reads `fields.issuelinks`. Links without a readable type or other issue are skipped and reported as
 * `malformed` so the caller can record a data gap.
 */
export function readLinks(raw: unknown): { links: LinkView[]; malformed: boolean } {
  if (raw === null || raw === undefined) return { links: [], malformed: false };
  if (!Array.isArray(raw)) return { links: [], malformed: true };
  const links: LinkView[] = [];
  let malformed = false;
  const n = Math.min(raw.length, MAX_LINKS_PER_ISSUE);
  for (let i = 0; i < n; i++) {
    const link: unknown = raw[i];
    if (!isRecord(link) || !isRecord(link.type)) {
      malformed = true;
      continue;
    }
    const type = link.type;
    const other = isRecord(link.outwardIssue) ? link.outwardIssue : isRecord(link.inwardIssue) ? link.inwardIssue : null;
    if (other === null || typeof other.key !== 'string') {
      malformed = true;
      continue;
    }
    const fields = isRecord(other.fields) ? other.fields : {};
    const status = isRecord(fields.status) ? fields.status : {};
    const category = isRecord(status.statusCategory) ? status.statusCategory : {};
    links.push({
      typeName: typeof type.name === 'string' ? type.name : '',
      outwardText: typeof type.outward === 'string' ? type.outward : '',
      direction: isRecord(link.outwardIssue) ? 'outward' : 'inward',
      otherKey: other.key,
      otherType: readName(fields.issuetype),
      otherStatusCategory: typeof category.key === 'string' ? category.key : null,
    });
  }
  return { links, malformed: malformed || raw.length > MAX_LINKS_PER_ISSUE };
}

/** A case-insensitive name set; `matches` is O(1). */
export function nameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((n) => n.trim().toLowerCase()));
}
