// The two ways a limit can be kept over time: a continuous token bucket, and a sliding window. The rate limiter and
// the batch-creation limit use either (EmulatorOptions.limiter); the per-second check is always a 1 s window.

/** One limit of `capacity` units per `periodMs`. Times are the emulator's clock in ms. */
export interface Meter {
  readonly capacity: number;
  /** ms until `cost` fits (0: now; Infinity: never, the cost is above the capacity). */
  waitFor(cost: number, now: number): number;
  take(cost: number, now: number): void;
  /** Units that could be taken now (whole units, as the headers show them). */
  remaining(now: number): number;
  /** ms until the meter is back to its full capacity (what OpenAI's x-ratelimit-reset-* describe). */
  resetMs(now: number): number;
}

/** Full at the start; refills capacity/periodMs units per ms, never above capacity. The level is kept in units of
 *  1/periodMs so that whole-ms clocks refill in exact integer steps (60 rpm: one request every 1000 ms, exactly). */
export class TokenBucket implements Meter {
  readonly capacity: number;
  private readonly periodMs: number;
  private scaled: number;
  private last: number;

  constructor(capacity: number, periodMs: number, now: number) {
    this.capacity = capacity;
    this.periodMs = periodMs;
    this.scaled = capacity * periodMs;
    this.last = now;
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.scaled = Math.min(this.capacity * this.periodMs, this.scaled + (now - this.last) * this.capacity);
    this.last = now;
  }

  waitFor(cost: number, now: number): number {
    this.refill(now);
    if (cost > this.capacity) return Infinity;
    const missing = cost * this.periodMs - this.scaled;
    return missing <= 0 ? 0 : Math.ceil(missing / this.capacity);
  }

  take(cost: number, now: number): void {
    this.refill(now);
    this.scaled -= cost * this.periodMs;
  }

  remaining(now: number): number {
    this.refill(now);
    return Math.max(0, Math.floor(this.scaled / this.periodMs));
  }

  resetMs(now: number): number {
    this.refill(now);
    return Math.ceil((this.capacity * this.periodMs - this.scaled) / this.capacity);
  }
}

/** What was taken within the last periodMs. `alone`: a single cost above the capacity passes when the window is
 *  empty (the per-second check: a request larger than a second's share is not refused forever). */
export class SlidingWindow implements Meter {
  readonly capacity: number;
  private readonly periodMs: number;
  private readonly oversize: 'never' | 'alone';
  private readonly entries: { at: number; cost: number }[] = [];
  private used = 0;

  constructor(capacity: number, periodMs: number, oversize: 'never' | 'alone' = 'never') {
    this.capacity = capacity;
    this.periodMs = periodMs;
    this.oversize = oversize;
  }

  private expire(now: number): void {
    while (this.entries.length > 0 && this.entries[0].at + this.periodMs <= now) this.used -= this.entries.shift()!.cost;
  }

  waitFor(cost: number, now: number): number {
    this.expire(now);
    if (this.used + cost <= this.capacity) return 0;
    if (cost > this.capacity) {
      if (this.oversize === 'never') return Infinity;
      return this.entries.length === 0 ? 0 : this.entries[this.entries.length - 1].at + this.periodMs - now;
    }
    // Until enough of the oldest entries have left the window.
    let left = this.used;
    for (const e of this.entries) {
      left -= e.cost;
      if (left + cost <= this.capacity) return e.at + this.periodMs - now;
    }
    return this.periodMs;
  }

  take(cost: number, now: number): void {
    this.expire(now);
    this.entries.push({ at: now, cost });
    this.used += cost;
  }

  remaining(now: number): number {
    this.expire(now);
    return Math.max(0, this.capacity - this.used);
  }

  /** The window is back to its full capacity when its newest entry leaves it. */
  resetMs(now: number): number {
    this.expire(now);
    return this.entries.length > 0 ? this.entries[this.entries.length - 1].at + this.periodMs - now : 0;
  }

  usedNow(now: number): number {
    this.expire(now);
    return this.used;
  }
}

export function meterOf(kind: 'bucket' | 'window', capacity: number, periodMs: number, now: number): Meter {
  return kind === 'bucket' ? new TokenBucket(capacity, periodMs, now) : new SlidingWindow(capacity, periodMs);
}

/** Units in use: what the meter holds below its capacity (the "Used" of OpenAI's 429 messages). */
export function usedOf(meter: Meter, now: number): number {
  return meter.capacity - meter.remaining(now);
}
