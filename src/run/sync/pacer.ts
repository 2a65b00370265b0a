// How fast a model's bucket may be spent. OpenAI: "Rate limits can be quantized, meaning they are enforced over
// shorter periods of time (e.g. 60,000 requests/minute may be enforced as 1,000 requests/second)". A client that
// empties a full minute's bucket in its first second — the cookbook's — meets such a server with a storm of 429s.
//
// So no second carries more than `multiplier` × limit/60 (rounded up; a request larger than that goes alone), and
// the multiplier starts at 1: the first second is OpenAI's own quantum. It doubles each second in which the pace
// held a request back (slow start), up to 60 — the whole minute — so against a server that keeps only the minute
// bucket the burst is spent within about six seconds and none of its capacity is lost (the pace never falls below
// the refill rate, so the bucket never overflows). The first 429 freezes the multiplier at 1 for the rest of the run:
// that server enforces something finer than the minute, and a second-by-second pace is what it takes.
// Pure: time is passed in.

/** One "second", with slack for answers that reach the server a little later than they left. */
export const PACE_WINDOW_MS = 1020;
const MAX_MULTIPLIER = 60;
const GROWTH_EVERY_MS = 1000;

export class Pacer {
  multiplier = 1;
  frozen = false;
  private at: number[] = [];
  private cost: number[] = [];
  private head = 0;
  private tokensInWindow = 0;
  private lastGrowth: number | null = null;
  private held = false;

  /** A request went out now (recorded whatever the limits: a limit learned later still sees it). */
  record(now: number, tokens: number): void {
    this.lastGrowth ??= now;
    this.at.push(now);
    this.cost.push(tokens);
    this.tokensInWindow += tokens;
  }

  /** Milliseconds until a request of `tokens` keeps within this second's share of `rpm` and `tpm` (0: now). */
  waitMs(tokens: number, now: number, rpm: number | null, tpm: number | null): number {
    this.expire(now);
    this.grow(now);
    const count = this.at.length - this.head;
    if (count === 0) return 0;
    let wait = 0;
    if (rpm !== null) {
      const allowed = Math.ceil((this.multiplier * rpm) / 60);
      // The oldest (count + 1 - allowed) requests must leave the window first.
      if (count + 1 > allowed) wait = Math.max(wait, this.leaves(Math.min(count, count + 1 - allowed)) - now);
    }
    if (tpm !== null) {
      const allowed = Math.ceil((this.multiplier * tpm) / 60);
      if (this.tokensInWindow + tokens > allowed) {
        let left = this.tokensInWindow;
        let k = 0;
        while (k < count && left + tokens > allowed) left -= this.cost[this.head + k++];
        wait = Math.max(wait, this.leaves(k) - now);
      }
    }
    return Math.max(0, wait);
  }

  /** The pace (not the bucket) was what held a request back: the next second may carry more. */
  heldBack(): void {
    this.held = true;
  }

  /** A 429: this server enforces more finely than the minute. Back to one second's share, for good. */
  freeze(): void {
    this.frozen = true;
    this.multiplier = 1;
  }

  /** When the k-th oldest request in the window leaves it. */
  private leaves(k: number): number {
    return this.at[this.head + k - 1] + PACE_WINDOW_MS;
  }

  private grow(now: number): void {
    if (this.frozen || !this.held || this.lastGrowth === null || now - this.lastGrowth < GROWTH_EVERY_MS) return;
    this.multiplier = Math.min(MAX_MULTIPLIER, this.multiplier * 2);
    this.lastGrowth = now;
    this.held = false;
  }

  private expire(now: number): void {
    while (this.head < this.at.length && this.at[this.head] + PACE_WINDOW_MS <= now) {
      this.tokensInWindow -= this.cost[this.head];
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.at.length) {
      this.at = this.at.slice(this.head);
      this.cost = this.cost.slice(this.head);
      this.head = 0;
    }
  }
}
