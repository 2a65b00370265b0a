// The client side of one model's requests- and tokens-per-minute limits.
//
// Why a sliding one-minute window and not a token bucket: a sender that never puts more than L into any 60 s window
// is also admitted by a token bucket of capacity L refilled at L/min (OpenAI's documented model), while the
// converse is false — a bucket-paced sender bursts again right after a burst and gets 429s from a server that counts
// per window (the emulator does). The window is the one schedule both kinds of server accept; it costs at most one
// minute of ramp-up against a bucket, never a 429.
//
// A reservation counts from when it is sent until `windowMs` after its answer came back: the server counted it at
// some moment in between, so expiring it from the answer's time can never free budget before the server does.
// Pure: time is passed in; waiting is the caller's business (see rateLimitGate.ts).
import type { RateLimitHeaders } from './rateLimitHeaders.ts';

export interface Reservation {
  requests: number;
  tokens: number;
  /** When the answer came back (ms); null while the request is in flight. */
  settledAt: number | null;
}

export interface WindowLimits {
  rpm: number | null;
  tpm: number | null;
}

export interface WindowOptions {
  windowMs?: number;
  /** Slack for timers that fire a little early and clocks read at slightly different points. */
  marginMs?: number;
}

export class RateLimitWindow {
  rpm: number | null;
  tpm: number | null;
  /** What the caller said; a header may lower a given limit but never raise it. */
  private readonly givenRpm: number | null;
  private readonly givenTpm: number | null;
  /** False until a limit is known: given, or read from an answer's headers (or seen to be absent). */
  known: boolean;
  private readonly windowMs: number;
  private readonly marginMs: number;
  private entries: Reservation[] = [];
  private pausedUntil = 0;

  constructor(limits: WindowLimits, options: WindowOptions = {}) {
    for (const [name, v] of [['rpm', limits.rpm], ['tpm', limits.tpm]] as const) {
      if (v !== null && !(Number.isFinite(v) && v > 0)) throw new RangeError(`${name} must be a positive number or null, got ${v}`);
    }
    this.rpm = this.givenRpm = limits.rpm;
    this.tpm = this.givenTpm = limits.tpm;
    this.known = limits.rpm !== null || limits.tpm !== null;
    this.windowMs = options.windowMs ?? 60_000;
    this.marginMs = options.marginMs ?? 50;
  }

  /** A request of `tokens` can never pass: it is larger than the whole tokens-per-minute limit. */
  tooLarge(tokens: number): boolean {
    return this.tpm !== null && tokens > this.tpm;
  }

  /**
   * Milliseconds to wait before a request of `tokens` may be sent (0: now). In-flight reservations are counted as if
   * answered now, so the figure is a lower bound while they are out; callers wait for it or for `settle`, and ask again.
   * Infinity only when the request is tooLarge.
   */
  delayMs(tokens: number, now: number): number {
    if (this.tooLarge(tokens)) return Infinity;
    this.prune(now);
    let delay = Math.max(0, this.pausedUntil - now);
    const byExpiry = this.entries
      .map((e) => ({ e, expires: (e.settledAt ?? now) + this.windowMs + this.marginMs }))
      .sort((a, b) => a.expires - b.expires);
    if (this.rpm !== null) {
      let used = byExpiry.reduce((s, x) => s + x.e.requests, 0);
      for (const x of byExpiry) {
        if (used + 1 <= this.rpm) break;
        used -= x.e.requests;
        delay = Math.max(delay, x.expires - now);
      }
    }
    if (this.tpm !== null) {
      let used = byExpiry.reduce((s, x) => s + x.e.tokens, 0);
      for (const x of byExpiry) {
        if (used + tokens <= this.tpm) break;
        used -= x.e.tokens;
        delay = Math.max(delay, x.expires - now);
      }
    }
    return delay;
  }

  /** Counts a request as sent now. Call only when delayMs(tokens, now) is 0. */
  reserve(tokens: number): Reservation {
    const r: Reservation = { requests: 1, tokens, settledAt: null };
    this.entries.push(r);
    return r;
  }

  /** The answer (any answer, or a dropped connection) came back: the reservation now expires a window from here. */
  settle(r: Reservation, now: number): void {
    r.settledAt = now;
  }

  /** Send nothing before `until` (a 429 said so). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Requests and tokens counted in the window now (in-flight included). */
  used(now: number): { requests: number; tokens: number } {
    this.prune(now);
    return {
      requests: this.entries.reduce((s, e) => s + e.requests, 0),
      tokens: this.entries.reduce((s, e) => s + e.tokens, 0),
    };
  }

  /**
   * Takes in what an answer's headers say. Limits: learned when not given, lowered when the server's are lower.
   * Remaining: when the server has counted more than we have (other clients on the same key, or its token count is
   * higher than ours), the difference is booked as a phantom reservation so we do not walk into a 429. It leaves by
   * the limit's reset time, or by a 429's retry-after when that is sooner: both say when the server will take more.
   */
  learn(h: RateLimitHeaders, now: number, retryAfterMs: number | null = null): void {
    if (h.requests.limit !== null && h.requests.limit > 0) this.rpm = this.givenRpm === null ? h.requests.limit : Math.min(this.givenRpm, h.requests.limit);
    if (h.tokens.limit !== null && h.tokens.limit > 0) this.tpm = this.givenTpm === null ? h.tokens.limit : Math.min(this.givenTpm, h.tokens.limit);
    this.known = true;
    const local = this.used(now);
    const extraRequests = this.rpm !== null && h.requests.remaining !== null ? this.rpm - h.requests.remaining - local.requests : 0;
    const extraTokens = this.tpm !== null && h.tokens.remaining !== null ? this.tpm - h.tokens.remaining - local.tokens : 0;
    // The server's own usage is gone by its reset time at the latest: book it to leave the window then.
    if (extraRequests > 0) this.entries.push({ requests: extraRequests, tokens: 0, settledAt: this.leavesAt(now, h.requests.resetMs, retryAfterMs) });
    if (extraTokens > 0) this.entries.push({ requests: 0, tokens: extraTokens, settledAt: this.leavesAt(now, h.tokens.resetMs, retryAfterMs) });
  }

  /** The settledAt that makes an entry leave the window `resetMs` from now (a full window when unknown). */
  private leavesAt(now: number, resetMs: number | null, retryAfterMs: number | null): number {
    return now - this.windowMs + Math.min(this.windowMs, resetMs ?? Infinity, retryAfterMs ?? Infinity);
  }

  /** No limit headers came back: the API does not limit this model (or not visibly); stop probing. */
  markUnlimited(): void {
    this.known = true;
  }

  private prune(now: number): void {
    if (this.entries.length === 0) return;
    this.entries = this.entries.filter((e) => e.settledAt === null || e.settledAt + this.windowMs + this.marginMs > now);
  }
}
