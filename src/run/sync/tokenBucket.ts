// One per-minute limit as OpenAI describes it: a continuous token bucket whose capacity is the limit and which refills
// limit/60 every second (the reading its x-ratelimit-reset-* headers — "time until the limit resets to its initial
// state" — suggest). Pure: time is passed in. The level may go below zero when the server says it has less than we
// had counted; the wait then covers the debt.
export class TokenBucket {
  capacity: number;
  private level: number;
  private last: number;

  constructor(capacity: number, now: number, level = capacity) {
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError(`capacity must be a positive number, got ${capacity}`);
    this.capacity = capacity;
    this.level = Math.min(capacity, level);
    this.last = now;
  }

  /** Units per millisecond. */
  get rate(): number {
    return this.capacity / 60_000;
  }

  levelAt(now: number): number {
    if (now > this.last) {
      this.level = Math.min(this.capacity, this.level + (now - this.last) * this.rate);
      this.last = now;
    }
    return this.level;
  }

  /** Milliseconds until `cost` fits (0: now). */
  waitMs(cost: number, now: number): number {
    const missing = cost - this.levelAt(now);
    return missing <= 0 ? 0 : missing / this.rate;
  }

  take(cost: number, now: number): void {
    this.levelAt(now);
    this.level -= cost;
  }

  /** The server's word: its level now, as worked out from an answer's headers. */
  set(level: number, now: number): void {
    this.levelAt(now);
    this.level = Math.min(this.capacity, level);
  }

  /** A lower limit learned from the headers: the level never stays above the new capacity. */
  resize(capacity: number, now: number): void {
    this.levelAt(now);
    this.capacity = capacity;
    this.level = Math.min(capacity, this.level);
  }
}
