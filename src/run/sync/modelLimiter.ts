// The client side of one model's requests- and tokens-per-minute limits: a continuous token bucket for each (the
// limiter OpenAI's reset headers describe; tokenBucket.ts), spent no faster than the pace (pacer.ts), and corrected
// by every answer's x-ratelimit-remaining-* — the server's word beats our model of it (other clients on the key, a
// server that counts tokens another way, a bucket that was not full when we started).
//
// The correction. An answer's remaining-* is the server's level just after it counted that request, which happens
// as the request arrives (within COUNT_DELAY_MS of sending). From there the server refilled, never above capacity,
// and counted at most what we sent after that request. Replaying our later sends against a bucket that starts at
// `remaining` — each as late as the server may have counted it — gives a lower bound of its level now, whatever the
// order it saw our requests in; that is the level we take. An older answer gives an older bound, still valid; each
// answer re-anchors the bucket, up or down. (An answer older than the send log falls back to the cruder bound
// min(capacity, remaining + refill) − sent since.)
// Pure: time is passed in.
import { Pacer } from './pacer.ts';
import type { RateLimitHeaders } from './rateLimitHeaders.ts';
import { hasRateLimitHeaders } from './rateLimitHeaders.ts';
import { MinuteMeter } from './minuteMeter.ts';
import type { TokenCost, TokenRule } from './reservation.ts';
import { TokenBucket } from './tokenBucket.ts';

export interface Limits {
  rpm: number | null;
  tpm: number | null;
}

export interface Reservation {
  tokens: number;
  sentAt: number;
  /** Requests and tokens admitted for the model so far, this one included (what went out after it is the difference). */
  requestsSoFar: number;
  tokensSoFar: number;
  /** Σ (sum − max) so far: how far ahead of our count a server that counts input + max_tokens would be. */
  extraSoFar: number;
  /** Sent while the limits were unknown, to read them from the answer's headers. */
  probe: boolean;
}

/** The longest a request is assumed to take to reach the server's limiter after it was sent. */
export const COUNT_DELAY_MS = 25;
/** How far back sends are kept for the replay. */
const LOG_MS = 120_000;
const LATENCY_WEIGHT = 0.2;

export class ModelLimiter {
  rpm: number | null;
  tpm: number | null;
  /** False until a limit is known: given, read from an answer's headers, or seen to be absent. */
  known: boolean;
  rule: TokenRule;
  requests: TokenBucket | null = null;
  tokens: TokenBucket | null = null;
  readonly pacer = new Pacer();
  /** Observed time from sending to the answer (moving average); null until an answer came back. */
  latencyMs: number | null = null;
  private readonly givenRpm: number | null;
  private readonly givenTpm: number | null;
  private probing = false;
  private pausedUntil = 0;
  private readonly sent = { requests: 0, tokens: 0, extra: 0 };
  private largest = 0;
  /** Σ (our level − the server's) over the corrections: what the server counted beyond our reservations. */
  private drift = 0;
  private extraSeen = 0;
  private readonly minute = new MinuteMeter();
  /** Recent sends (time, tokens), oldest first; logBase is the number of sends before logAt[0]. */
  private logAt: number[] = [];
  private logTokens: number[] = [];
  private logBase = 0;

  constructor(limits: Limits, now: number, rule: TokenRule = 'max') {
    for (const [name, v] of [['rpm', limits.rpm], ['tpm', limits.tpm]] as const) {
      if (v !== null && !(Number.isFinite(v) && v > 0)) throw new RangeError(`${name} must be a positive number or null, got ${v}`);
    }
    this.rpm = this.givenRpm = limits.rpm;
    this.tpm = this.givenTpm = limits.tpm;
    this.known = limits.rpm !== null || limits.tpm !== null;
    this.rule = rule;
    if (limits.rpm !== null) this.requests = new TokenBucket(limits.rpm, now);
    if (limits.tpm !== null) this.tokens = new TokenBucket(limits.tpm, now);
  }

  cost(c: TokenCost): number {
    return c[this.rule];
  }

  /** Larger than the whole tokens-per-minute limit: it can never be sent. */
  tooLarge(tokens: number): boolean {
    return this.tpm !== null && tokens > this.tpm;
  }

  /**
   * Milliseconds before a request of `tokens` may go (`ms`: 0 now; Infinity not until something changes — a probe is
   * out, or it is tooLarge), and the part of it nothing can shorten but an answer's headers (`atLeastMs`: the pause
   * and the buckets; the pace may widen meanwhile).
   */
  waitMs(tokens: number, now: number): { ms: number; atLeastMs: number } {
    if (this.tooLarge(tokens)) return { ms: Infinity, atLeastMs: Infinity };
    const paused = Math.max(0, this.pausedUntil - now);
    if (!this.known) return this.probing ? { ms: Infinity, atLeastMs: paused } : { ms: paused, atLeastMs: paused };
    const bucket = Math.max(paused, this.requests?.waitMs(1, now) ?? 0, this.tokens?.waitMs(tokens, now) ?? 0);
    const pace = this.pacer.waitMs(tokens, now, this.rpm, this.tpm);
    if (pace > bucket) this.pacer.heldBack();
    return { ms: Math.max(bucket, pace), atLeastMs: bucket };
  }

  /** Counts a request as sent now. Call only when waitMs is 0. */
  reserve(cost: TokenCost, now: number): Reservation {
    const tokens = this.cost(cost);
    this.requests?.take(1, now);
    this.tokens?.take(tokens, now);
    this.pacer.record(now, tokens);
    this.minute.add(now, 1, tokens);
    this.sent.requests += 1;
    this.sent.tokens += tokens;
    this.sent.extra += Math.max(0, cost.sum - tokens);
    this.largest = Math.max(this.largest, tokens);
    this.logAt.push(now);
    this.logTokens.push(tokens);
    this.prune(now);
    const probe = !this.known;
    if (probe) this.probing = true;
    return { tokens, sentAt: now, requestsSoFar: this.sent.requests, tokensSoFar: this.sent.tokens, extraSoFar: this.sent.extra, probe };
  }

  /**
   * An answer (or a failure) came back. Only a successful answer without any limit header says the model is
   * unlimited: error answers (a 500, a dropped connection) carry none whatever the limits are. Returns true when the
   * answer moved the model to the `sum` rule.
   */
  settle(r: Reservation, headers: RateLimitHeaders | null, succeeded: boolean, now: number): boolean {
    if (succeeded) {
      const took = now - r.sentAt;
      this.latencyMs = this.latencyMs === null ? took : this.latencyMs + LATENCY_WEIGHT * (took - this.latencyMs);
    }
    if (r.probe) this.probing = false;
    if (headers !== null && hasRateLimitHeaders(headers)) return this.learn(headers, r, now);
    if (!this.known && succeeded) this.known = true;
    return false;
  }

  /** A 429: nothing goes before `until`, and from now on the pace is one second's share (pacer.ts). */
  rateLimited(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
    this.pacer.freeze();
  }

  /** Reserved within the last minute (what the progress line shows against the limits). */
  usedLastMinute(now: number): { requests: number; tokens: number } {
    const { a, b } = this.minute.sum(now);
    return { requests: a, tokens: b };
  }

  /** Requests and tokens reserved since the run began. */
  usedTotal(): { requests: number; tokens: number } {
    return { requests: this.sent.requests, tokens: this.sent.tokens };
  }

  /** How many requests the limits let out within the next `ms`: what the buckets hold, their refill, at most the
   *  pace. Infinity while nothing limits the model (unknown or unlimited). */
  requestsWithin(ms: number, now: number): number {
    if (!this.known) return Infinity;
    const perRequest = Math.max(1, this.sent.requests > 0 ? this.sent.tokens / this.sent.requests : 1);
    const seconds = ms / 1000 + 1;
    let n = Infinity;
    if (this.requests) n = Math.min(n, Math.max(0, this.requests.levelAt(now)) + this.requests.rate * ms);
    if (this.tokens) n = Math.min(n, (Math.max(0, this.tokens.levelAt(now)) + this.tokens.rate * ms) / perRequest);
    const m = this.pacer.multiplier;
    if (this.rpm !== null) n = Math.min(n, Math.ceil((m * this.rpm) / 60) * seconds);
    if (this.tpm !== null) n = Math.min(n, (Math.ceil((m * this.tpm) / 60) * seconds) / perRequest);
    return n;
  }

  private learn(h: RateLimitHeaders, r: Reservation, now: number): boolean {
    this.known = true;
    if (h.requests.limit !== null && h.requests.limit > 0) {
      this.rpm = this.givenRpm === null ? h.requests.limit : Math.min(this.givenRpm, h.requests.limit);
      this.requests = this.fit(this.requests, this.rpm, this.sent.requests, now);
    }
    if (h.tokens.limit !== null && h.tokens.limit > 0) {
      this.tpm = this.givenTpm === null ? h.tokens.limit : Math.min(this.givenTpm, h.tokens.limit);
      this.tokens = this.fit(this.tokens, this.tpm, this.sent.tokens, now);
    }
    if (this.requests && h.requests.remaining !== null) {
      this.requests.set(this.serverLevel(this.requests, h.requests.remaining, r, 'requests', now), now);
    }
    if (this.tokens && h.tokens.remaining !== null) {
      const level = this.serverLevel(this.tokens, h.tokens.remaining, r, 'tokens', now);
      this.drift += this.tokens.levelAt(now) - level;
      this.tokens.set(level, now);
      return this.maybeCountSum(r);
    }
    return false;
  }

  /** The lower bound of the server's level now, from a remaining-* it reported for reservation `r` (see the top). */
  private serverLevel(bucket: TokenBucket, remaining: number, r: Reservation, kind: 'requests' | 'tokens', now: number): number {
    const from = r.requestsSoFar - this.logBase; // the log index of the first send after r
    if (from < 1) {
      const sentSince = kind === 'requests' ? this.sent.requests - r.requestsSoFar : this.sent.tokens - r.tokensSoFar;
      return Math.min(bucket.capacity, remaining + bucket.rate * Math.max(0, now - r.sentAt - COUNT_DELAY_MS)) - sentSince;
    }
    let level = remaining;
    let t = r.sentAt + COUNT_DELAY_MS;
    for (let k = from; k < this.logAt.length; k++) {
      const at = Math.max(t, this.logAt[k] + COUNT_DELAY_MS);
      level = Math.min(bucket.capacity, level + bucket.rate * (at - t)) - (kind === 'requests' ? 1 : this.logTokens[k]);
      t = at;
    }
    return Math.min(bucket.capacity, level + bucket.rate * Math.max(0, now - t));
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.logAt.length - 1 && this.logAt[drop] < now - LOG_MS) drop++;
    if (drop > 1024 || (drop > 0 && drop * 2 > this.logAt.length)) {
      this.logAt = this.logAt.slice(drop);
      this.logTokens = this.logTokens.slice(drop);
      this.logBase += drop;
    }
  }

  /** A bucket for a limit just learned (nothing sent yet is known to have left it), or the old one resized. */
  private fit(bucket: TokenBucket | null, limit: number, sentSoFar: number, now: number): TokenBucket {
    if (bucket === null) return new TokenBucket(limit, now, limit - sentSoFar);
    if (bucket.capacity !== limit) bucket.resize(limit, now);
    return bucket;
  }

  /**
   * The server counted clearly more than `max` reserved — at least half of what `sum` would have added, and over
   * enough requests that a request or two seen out of order cannot explain it: reserve input + max_tokens from now on.
   */
  private maybeCountSum(r: Reservation): boolean {
    this.extraSeen = Math.max(this.extraSeen, r.extraSoFar);
    if (this.rule !== 'max' || this.extraSeen < 4 * this.largest || this.drift < this.extraSeen / 2) return false;
    this.rule = 'sum';
    return true;
  }
}
