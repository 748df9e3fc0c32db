import type { CustomerSignal, CustomerVoiceEvidence } from '../scoring/customer-voice';
import type { TechDebtEvidence } from '../scoring/tech-debt';
import type { EnablementEvidence } from '../scoring/enablement';
import { NO_VOTES } from '../scoring/stakeholders';
import type { SnapshotEvidence } from './types';

/**
 * A Jira issue key (`SUP-12`). A customer source of this shape that `refs` does not map is still treated as a
 * ticket, and hidden: no id means no way to check the user may open it. Remote-link sources are URLs, never keys.
 */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/** The keys a page must check before showing this evidence (one ids-only search as the user covers a page). */
export function evidenceKeys(ev: SnapshotEvidence): string[] {
  return Object.keys(ev.refs);
}

/**
 * `ev` as one user may see it (DESIGN.md, "One score for everyone"): no issue key they cannot open appears, nor
 * what only such an issue carries (a customer known from it alone: their name and id). Hidden issues are counted
 * instead (`hiddenTickets`, `hiddenCustomers`, `hiddenInterest`, `hiddenBlocks`, set only when non-zero). The
 * numbers behind the score (values, masses, counts) stay as they are: the score is the same for everyone.
 * Another issue's key counts as openable only when `refs` maps it and `canOpen(key)` says so.
 */
export function redactEvidence(ev: SnapshotEvidence, canOpen: (key: string) => boolean): SnapshotEvidence {
  // fromEntries defines own properties, so no key (not even `__proto__`) can reach the prototype.
  const refs: Record<string, string> = Object.fromEntries(Object.entries(ev.refs).filter(([key]) => canOpen(key)));
  // The issue itself is one the user sees (a self-link names it); every other key must be mapped and openable.
  const open = (key: string): boolean => key === ev.key || Object.hasOwn(refs, key);
  return {
    key: ev.key,
    evidence: {
      customerVoice: redactVoice(ev.evidence.customerVoice as CustomerVoiceEvidence, ev.refs, open),
      businessValue: ev.evidence.businessValue,
      timeCriticality: ev.evidence.timeCriticality,
      techDebt: redactDebt(ev.evidence.techDebt as TechDebtEvidence, open),
      enablement: redactBlocks(ev.evidence.enablement as EnablementEvidence, open),
      // Counts only: who voted is read from the votes themselves, and every voter could browse the issue.
      stakeholders: ev.evidence.stakeholders ?? NO_VOTES,
    },
    effort: ev.effort,
    refs,
  };
}

function redactVoice(cv: CustomerVoiceEvidence, allRefs: Record<string, string>, open: (key: string) => boolean): CustomerVoiceEvidence {
  const isTicket = (source: string): boolean => Object.hasOwn(allRefs, source) || ISSUE_KEY.test(source);
  const hiddenTickets = new Set<string>();
  let hiddenCustomers = 0;
  const customers: CustomerSignal[] = [];
  for (const c of cv.customers) {
    const sources = c.sources.filter((s) => {
      const hidden = isTicket(s) && !open(s);
      if (hidden) hiddenTickets.add(s);
      return !hidden;
    });
    // A customer every one of whose listed sources is hidden is known only from those tickets: name and id go too.
    if (sources.length === 0 && c.sources.length > 0) hiddenCustomers++;
    else if (sources.length === c.sources.length || sources.some(isTicket)) customers.push(sources.length === c.sources.length ? c : { ...c, sources });
    // Left with remote links only: the name may have come from a hidden ticket's Organizations field, so the
    // customer is shown by the link the user sees instead.
    else customers.push({ ...c, id: `remote:${sources[0]!}`, label: sources[0]!, sources });
  }
  if (hiddenTickets.size === 0) return cv;
  return { ...cv, customers, hiddenTickets: hiddenTickets.size, ...(hiddenCustomers > 0 ? { hiddenCustomers } : {}) };
}

function redactDebt(debt: TechDebtEvidence, open: (key: string) => boolean): TechDebtEvidence {
  const interestIssues = debt.interestIssues.filter(open);
  const hidden = debt.interestIssues.length - interestIssues.length;
  return hidden === 0 ? debt : { ...debt, interestIssues, hiddenInterest: hidden };
}

function redactBlocks(en: EnablementEvidence, open: (key: string) => boolean): EnablementEvidence {
  const blocks = en.blocks.filter(open);
  const hidden = en.blocks.length - blocks.length;
  return hidden === 0 ? en : { ...en, blocks, hiddenBlocks: hidden };
}
