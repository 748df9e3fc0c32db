import type { ValueRankConfig } from '../../contract/config';
import { FACTOR_IDS } from '../../contract/model';
import { effortOf, medianPoints } from '../scoring/effort';
import { debtRules, techDebt } from '../scoring/tech-debt';
import type { SnapshotRow } from '../snapshot/types';

/**
 * What a config change does to a project's snapshot, computed from what the snapshot keeps (docs/config-preview.md).
 * The snapshot keeps each candidate's factor values, story points, labels, issue type and creation time, so
 * weights, the effort settings and which labels or issue types count as debt are recomputed exactly. Settings that
 * change factor values from facts the snapshot does not keep (field mapping, feedback sources, half-lives, tier
 * weights, link types, debt components…) are named in `notPreviewed`, never guessed.
 */
export interface ConfigPreview {
  /** The rows with the factor values, divisors and debt flags the proposed config gives them. */
  rows: SnapshotRow[];
  /** Changed settings that move scores but whose effect the snapshot cannot show (sorted config paths). */
  notPreviewed: string[];
  /** Rows whose new value is a lower bound, and why (empty: every value shown is exact). */
  approximate: { count: number; reason: string }[];
  /** Changed settings that were recomputed. */
  previewed: string[];
}

/** Settings that never move a score (they plan the roadmap). */
const NO_SCORE_EFFECT = /^roadmap\./;
/** Settings recomputed from the rows alone. */
const FROM_ROWS = /^(weights\.|effort\.(exponent|minPoints|defaultPoints)$|techDebt\.(labels|issueTypes)$)/;

/**
 * The snapshot's rows as the proposed config `to` would score them, when they were scored with `from` at `now`
 * (the snapshot's computedAt). `changes` are the config paths that differ (migrate-config's diffConfig).
 */
export function previewRows(rows: readonly SnapshotRow[], from: ValueRankConfig, to: ValueRankConfig, changes: readonly string[], now: Date): ConfigPreview {
  const moving = changes.filter((p) => !NO_SCORE_EFFECT.test(p));
  const previewed = moving.filter((p) => FROM_ROWS.test(p));
  const notPreviewed = moving.filter((p) => !FROM_ROWS.test(p)).sort();
  const approximate: ConfigPreview['approximate'] = [];
  const effortChanged = previewed.some((p) => p.startsWith('effort.'));
  const debtChanged = previewed.some((p) => p.startsWith('techDebt.'));
  if (!effortChanged && !debtChanged) return { rows: [...rows], notPreviewed, approximate, previewed };

  const median = medianPoints(
    rows.map((r) => r.points).filter((p): p is number => p !== null),
    to.effort.defaultPoints,
  );
  const DEBT = FACTOR_IDS.indexOf('techDebt');
  const rules = debtRules({ ...to.techDebt, components: [] });
  // A row that was debt through a component, if components are configured, cannot be told apart from the rows.
  const componentsMatter = from.techDebt.components.length > 0;
  let newDebt = 0;
  let unknownDebt = 0;
  const out = rows.map((row) => {
    let next = row;
    if (effortChanged) next = { ...next, divisor: effortOf(row.points, median, to.effort).divisor };
    if (debtChanged) {
      const matched = techDebt({ labels: row.labels, issuetype: { name: row.issueType } }, [], row.created, now, rules);
      if (matched.evidence.isDebt && !row.isDebt) {
        // Its "causes" links were not kept (it was not debt): its interest is its age alone, a lower bound.
        newDebt++;
        next = withDebt(next, DEBT, matched.value, true);
      } else if (!matched.evidence.isDebt && row.isDebt) {
        if (componentsMatter) unknownDebt++;
        else next = withDebt(next, DEBT, 0, false);
      }
    }
    return next;
  });
  if (newDebt > 0)
    approximate.push({
      count: newDebt,
      reason: `${newDebt} issue${newDebt === 1 ? '' : 's'} would newly count as debt; the bugs they cause are not in the snapshot, so their interest counts their age only (a lower bound) until the settings are saved.`,
    });
  if (unknownDebt > 0)
    approximate.push({
      count: unknownDebt,
      reason: `${unknownDebt} debt issue${unknownDebt === 1 ? '' : 's'} no longer match the labels or types but may still match a debt component; they are shown as debt until the settings are saved.`,
    });
  return { rows: out, notPreviewed, approximate, previewed };
}

function withDebt(row: SnapshotRow, at: number, value: number, isDebt: boolean): SnapshotRow {
  const values = [...row.values];
  values[at] = value;
  return { ...row, values, isDebt };
}
