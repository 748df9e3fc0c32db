/**
 * The items of a ranked order, each built on first use and then kept: a page of a large backlog builds only its
 * own items. Positions are 0-based.
 */
export class LazyItems<T> {
  private readonly built: (T | undefined)[];

  constructor(
    readonly length: number,
    private readonly build: (position: number) => T,
  ) {
    this.built = new Array<T | undefined>(length);
  }

  /** The item at a position; a RangeError outside 0…length−1. */
  at(position: number): T {
    if (!(Number.isInteger(position) && position >= 0 && position < this.length)) {
      throw new RangeError(`position ${position} is outside 0…${this.length - 1}`);
    }
    let it = this.built[position];
    if (it === undefined) {
      it = this.build(position);
      this.built[position] = it;
    }
    return it;
  }

  /** Items at positions from…to−1 (clamped), in order. */
  slice(from: number, to: number): T[] {
    const out: T[] = [];
    for (let p = Math.max(0, from); p < Math.min(to, this.length); p++) out.push(this.at(p));
    return out;
  }

  /** Builds the item at `position` afresh on its next use (what it is built from changed). */
  forget(position: number): void {
    this.built[position] = undefined;
  }
}
