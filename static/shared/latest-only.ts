/**
 * Sends requests one at a time and only for the newest value: the first change goes out at once (no debounce to
 * wait for), changes made while a request is in flight collapse into one follow-up with the latest value, and an
 * answer is delivered only if nothing newer was asked meanwhile. A held arrow key on a slider therefore costs one
 * request per round trip, and the person sees the answer for what the slider shows now.
 */
export class LatestOnly<T, R> {
  private inFlight = false;
  /** The newest value asked for that is not yet sent; `undefined`: none. */
  private pending: { value: T } | undefined;
  /** Bumped by `request` and `cancel`; an answer is delivered only if no newer request or cancel came after it. */
  private generation = 0;
  private closed = false;

  constructor(
    private readonly send: (value: T) => Promise<R>,
    private readonly deliver: (outcome: { ok: true; value: T; result: R } | { ok: false; value: T; error: unknown }) => void,
  ) {}

  /** Asks for `value`: sent now when idle, else after the request in flight (replacing any older pending value). */
  request(value: T): void {
    if (this.closed) return;
    this.generation++;
    if (this.inFlight) this.pending = { value };
    else this.start(value);
  }

  /** Forgets the pending value and any answer still to come (the inputs went back to where nothing is asked). */
  cancel(): void {
    this.generation++;
    this.pending = undefined;
  }

  /** Stops for good: nothing more is sent or delivered (the component unmounted). */
  close(): void {
    this.closed = true;
    this.cancel();
  }

  /** Whether a request is in flight or waiting. */
  get busy(): boolean {
    return this.inFlight || this.pending !== undefined;
  }

  private start(value: T): void {
    this.inFlight = true;
    const mine = this.generation;
    const finish = (outcome: { ok: true; value: T; result: R } | { ok: false; value: T; error: unknown }): void => {
      this.inFlight = false;
      const next = this.pending;
      this.pending = undefined;
      if (this.closed) return;
      if (next !== undefined) this.start(next.value);
      else if (mine === this.generation) this.deliver(outcome);
    };
    let sent: Promise<R>;
    try {
      sent = this.send(value);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (result) => finish({ ok: true, value, result }),
      (error: unknown) => finish({ ok: false, value, error }),
    );
  }
}
