/** What the roadmap and the sprint plan both need of each issue they place. */
export interface PlannedItem {
  key: string;
  rank: number;
  points: number;
  kind: 'feature' | 'debt';
  blockedBy: readonly string[];
}

export interface ItemRules {
  /** What an item is called in the messages: "roadmap item", "sprint candidate". */
  noun: string;
  /** What happens to it once: "planned", "proposed". */
  verb: string;
  /** A sprint may take an issue of 0 points; a quarter's share of points needs every item to weigh something. */
  zeroPoints: boolean;
}

/** Calls `invalid` with a message naming the first bad item (an issue key missing or twice, a rank, points, kind or blockers off). */
export function checkPlannedItems(items: readonly PlannedItem[], rules: ItemRules, invalid: (message: string) => never): void {
  const keys = new Set<string>();
  for (const item of items) {
    if (typeof item.key !== 'string' || item.key === '') invalid(`every ${rules.noun} needs an issue key`);
    if (keys.has(item.key)) invalid(`issue ${item.key} appears twice; each issue may be ${rules.verb} once`);
    keys.add(item.key);
    if (!Number.isFinite(item.rank)) invalid(`issue ${item.key} has no numeric rank`);
    if (rules.zeroPoints && (!Number.isFinite(item.points) || item.points < 0)) {
      invalid(`issue ${item.key} needs a number of points ≥ 0, got ${String(item.points)}`);
    }
    if (!rules.zeroPoints && (!Number.isFinite(item.points) || item.points <= 0)) {
      invalid(`issue ${item.key} needs a positive number of points, got ${String(item.points)}`);
    }
    if (item.kind !== 'feature' && item.kind !== 'debt') invalid(`issue ${item.key} must be a feature or debt`);
    if (!Array.isArray(item.blockedBy)) invalid(`issue ${item.key} needs a list of blocking keys`);
  }
}
