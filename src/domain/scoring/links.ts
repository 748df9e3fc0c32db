import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike } from './input';
import { isRecord, readName, projectOfKey, statusCategoryOf } from './read-values';

/** At most this many links are read per issue: bounds the work on pathological issues (5,000 links). */
export const MAX_LINKS_PER_ISSUE = 2000;

/** A case-insensitive name set. */
export function nameSet(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((n) => n.trim().toLowerCase()));
}

/** The link rules of a config, compiled once per scoring run. */
export interface LinkRules {
  feedbackProjects: ReadonlySet<string>;
  /** The same projects as a list when there are few (compared in place, without cutting a key); else null. */
  feedbackProjectList: readonly string[] | null;
  /** Link type names that count as feedback links; empty = any. */
  feedbackLinkTypes: ReadonlySet<string>;
  /** Link type names that mean "blocks"; empty = Blocks/Blocker or outward text "blocks". */
  blocksLinkTypes: ReadonlySet<string>;
  /** Link type names whose outward side causes the inward one; outward text "causes" always counts. */
  interestLinkTypes: ReadonlySet<string>;
  /** Issue types that count as debt interest. */
  interestIssueTypes: ReadonlySet<string>;
}

/** The link rules of a config, with the feedback projects already resolved. */
export function linkRulesFor(config: ValueRankConfig, feedbackProjects: ReadonlySet<string>): LinkRules {
  return {
    feedbackProjects,
    feedbackProjectList: feedbackProjects.size <= 8 ? [...feedbackProjects] : null,
    feedbackLinkTypes: nameSet(config.customerVoice.linkTypes),
    blocksLinkTypes: nameSet(config.enablement.linkTypes),
    interestLinkTypes: nameSet(config.techDebt.interestLinkTypes),
    interestIssueTypes: nameSet(config.techDebt.interestIssueTypes),
  };
}

/** Every "blocks" edge the issues' links describe (an edge may appear twice: Jira shows a link on both ends). */
export function blocksEdges(issues: readonly JiraIssueLike[], rules: LinkRules): ClassifiedLinks['blocks'] {
  return issues.flatMap((i) => classifyLinks(i.key, i.fields.issuelinks, rules).blocks);
}

/** What an issue's links mean for scoring, read in one pass without keeping the raw links around. */
export interface ClassifiedLinks {
  /** Keys of linked feedback tickets (in feedback projects, of a feedback link type). */
  feedback: string[];
  /** Keys of interest issues (bugs, incidents) this issue causes. */
  causes: string[];
  /** "blocks" edges [from, to] touching this issue, and blocked issues known to be Done. */
  blocks: { from: string; to: string; toDone: boolean }[];
  malformed: boolean;
}

/**
 * Whether an issue key (`SUP-12`) belongs to a feedback project. Runs for every link of every candidate, so a few
 * projects are compared in place rather than by cutting the key and hashing the cut.
 */
function inFeedbackProject(key: string, rules: LinkRules): boolean {
  const list = rules.feedbackProjectList;
  if (list === null) {
    const project = projectOfKey(key);
    return project !== null && rules.feedbackProjects.has(project);
  }
  const dash = key.lastIndexOf('-');
  for (let i = 0; i < list.length; i++) if (list[i]!.length === dash && key.startsWith(list[i]!)) return true;
  return false;
}

function isBlocksType(typeName: string, outward: string, rules: LinkRules): boolean {
  if (rules.blocksLinkTypes.size > 0) return rules.blocksLinkTypes.has(typeName);
  return typeName === 'blocks' || typeName === 'blocker' || outward === 'blocks';
}

/**
 * Reads `fields.issuelinks` (Jira REST v3: `{type:{name,inward,outward}, outwardIssue|inwardIssue:{key, fields}}`).
 * A link with `outwardIssue` reads "this issue —outward text→ other"; with `inwardIssue`, "other —outward text→ this".
 * Links without a readable type or other issue are skipped and reported as `malformed`.
 */
/** What an issue without links classifies to; shared and never mutated (most issues have few links). */
const NO_LINKS: ClassifiedLinks = Object.freeze({ feedback: [], causes: [], blocks: [], malformed: false }) as ClassifiedLinks;
const EMPTY: never[] = [];

export function classifyLinks(key: string, raw: unknown, rules: LinkRules): ClassifiedLinks {
  if (raw === null || raw === undefined) return NO_LINKS;
  if (!Array.isArray(raw)) return { ...NO_LINKS, malformed: true };
  if (raw.length === 0) return NO_LINKS;
  // Arrays are shared empties until something is pushed: 100,000 issues would otherwise keep 300,000 of them.
  const out: ClassifiedLinks = { feedback: EMPTY, causes: EMPTY, blocks: EMPTY, malformed: false };
  const n = Math.min(raw.length, MAX_LINKS_PER_ISSUE);
  if (raw.length > MAX_LINKS_PER_ISSUE) out.malformed = true;
  for (let i = 0; i < n; i++) {
    const link: unknown = raw[i];
    if (!isRecord(link) || !isRecord(link.type)) {
      out.malformed = true;
      continue;
    }
    const outwardSide = isRecord(link.outwardIssue);
    const other = outwardSide ? (link.outwardIssue as Record<string, unknown>) : isRecord(link.inwardIssue) ? link.inwardIssue : null;
    if (other === null || typeof other.key !== 'string') {
      out.malformed = true;
      continue;
    }
    const otherKey = other.key;
    const typeName = typeof link.type.name === 'string' ? link.type.name.trim().toLowerCase() : '';
    const outward = typeof link.type.outward === 'string' ? link.type.outward.trim().toLowerCase() : '';
    if (inFeedbackProject(otherKey, rules)) {
      if (rules.feedbackLinkTypes.size === 0 || rules.feedbackLinkTypes.has(typeName))
        (out.feedback === EMPTY ? (out.feedback = []) : out.feedback).push(otherKey);
      continue;
    }
    const fields = isRecord(other.fields) ? other.fields : null;
    if (isBlocksType(typeName, outward, rules)) {
      if (out.blocks === EMPTY) out.blocks = [];
      if (outwardSide) out.blocks.push({ from: key, to: otherKey, toDone: statusCategoryOf(fields) === 'done' });
      else out.blocks.push({ from: otherKey, to: key, toDone: false });
    } else if (outwardSide && (outward === 'causes' || rules.interestLinkTypes.has(typeName))) {
      const otherType = fields === null ? null : readName(fields.issuetype);
      if (otherType === null || rules.interestIssueTypes.has(otherType.toLowerCase())) (out.causes === EMPTY ? (out.causes = []) : out.causes).push(otherKey);
    }
  }
  return out;
}
