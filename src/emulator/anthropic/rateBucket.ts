// One of Anthropic's per-minute limits as its rate-limit page describes it: "The API uses the token bucket algorithm
// to do rate limiting. This means that your capacity is continuously replenished up to your maximum limit, rather than
// being reset at fixed intervals." Capacity = the per-minute limit, refilled limit/60 every second, full at the start.
// Unlike the OpenAI face's meter, a count can be corrected after the fact (an estimate adjusted to the actual tokens,
// in either direction) and may leave the bucket in debt (output counted after it was produced). The level is kept in
// units of 1/60,000 so that a whole-ms clock refills in exact integer steps. Pure: time is passed in.

const PERIOD_MS = 60_000;

export class RateBucket {
  readonly capacity: number;
  private scaled: number;
  private last: number;

  constructor(capacity: number, now: number) {
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError(`a limit must be a positive number, got ${capacity}`);
    this.capacity = capacity;
    this.scaled = capacity * PERIOD_MS;
    this.last = now;
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.scaled = Math.min(this.capacity * PERIOD_MS, this.scaled + (now - this.last) * this.capacity);
    this.last = now;
  }

  /** What the bucket holds now (negative: in debt). */
  level(now: number): number {
    this.refill(now);
    return this.scaled / PERIOD_MS;
  }

  /** ms until it holds `cost` (0: now; Infinity: never, `cost` is above the capacity). */
  waitMs(cost: number, now: number): number {
    this.refill(now);
    if (cost > this.capacity) return Infinity;
    const missing = cost * PERIOD_MS - this.scaled;
    return missing <= 0 ? 0 : Math.ceil(missing / this.capacity);
  }

  /** Counts `cost` (a negative cost gives back, never above the capacity). */
  take(cost: number, now: number): void {
    this.refill(now);
    this.scaled = Math.min(this.capacity * PERIOD_MS, this.scaled - cost * PERIOD_MS);
  }

  /** Whole units that could be taken now. */
  remaining(now: number): number {
    this.refill(now);
    return Math.max(0, Math.floor(this.scaled / PERIOD_MS));
  }

  /** When (epoch ms) the bucket is full again: what the `-reset` headers give ("fully replenished"). */
  fullAt(now: number): number {
    this.refill(now);
    return now + Math.ceil((this.capacity * PERIOD_MS - this.scaled) / this.capacity);
  }
}
