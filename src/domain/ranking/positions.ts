/**
 * Where each issue sits in a value order: `order` maps positions to issue indexes (Jira order), and the inverse is
 * built on first use. Shared by the scoring run's backlog and the snapshot's view, which rank the same way.
 */
export class Positions {
  private inverse: Uint32Array | null = null;

  constructor(
    private readonly order: Uint32Array,
    private readonly indexOfKey: (key: string) => number | undefined,
  ) {}

  /** The position (0-based) of the issue with Jira rank `jiraRank` (1-based among these issues). */
  ofJiraRank(jiraRank: number): number {
    const j = jiraRank - 1;
    if (!(Number.isInteger(j) && j >= 0 && j < this.order.length)) throw new RangeError(`Jira rank ${jiraRank} is outside 1…${this.order.length}`);
    return this.ofIndex(j);
  }

  /** The position (0-based) of an issue key, or −1 when it is not ranked here. */
  of(key: string): number {
    const j = this.indexOfKey(key);
    return j === undefined ? -1 : this.ofIndex(j);
  }

  private ofIndex(j: number): number {
    if (this.inverse === null) {
      this.inverse = new Uint32Array(this.order.length);
      for (let p = 0; p < this.order.length; p++) this.inverse[this.order[p]!] = p;
    }
    return this.inverse[j]!;
  }
}
