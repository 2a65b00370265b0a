// Per-model requests- and tokens-per-minute limits with the real API's headers and 429 messages.
//
// OpenAI documents what a limit is ("requests per minute", "tokens per minute"), that its x-ratelimit-reset-* headers
// give "the time until the rate limit resets to its initial state" (e.g. "1s", "6m0s"), and that limits "can be
// quantized, meaning they are enforced over shorter periods of time (e.g. 60,000 requests/minute may be enforced as
// 1,000 requests/second)". It does not say how the minute is kept: `limiter` picks a continuous token bucket
// (capacity = the limit, refilling limit/60 per second: the reading the reset headers suggest) or a sliding 60 s
// window; `perSecond` adds the quantized check (no more than ceil(limit/60) within any 1 s).
import { ApiError } from './apiError.ts';
import { meterOf, SlidingWindow, usedOf, type Meter } from './meters.ts';
import type { LimiterKind } from './types.ts';
import { formatGoDuration } from '../shared/duration.ts';

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
const VISIT = 'Visit https://platform.openai.com/account/rate-limits to learn more.';

export interface RateLimiterOptions {
  rpm: number | null;
  tpm: number | null;
  limiter?: LimiterKind;
  perSecond?: boolean;
  now?: () => number;
}

interface Limit {
  minute: Meter;
  second: SlidingWindow | null;
}

interface ModelLimits {
  requests: Limit | null;
  tokens: Limit | null;
}

/** retry-after in whole seconds (the header OpenAI documents) and retry-after-ms (which the SDK reads first). */
export function retryHeaders(waitMs: number): Record<string, string> {
  const ms = Math.max(1, Math.ceil(waitMs));
  return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))), 'retry-after-ms': String(ms) };
}

export class RateLimiter {
  private readonly rpm: number | null;
  private readonly tpm: number | null;
  private readonly kind: LimiterKind;
  private readonly perSecond: boolean;
  private readonly now: () => number;
  private readonly models = new Map<string, ModelLimits>();

  constructor(opts: RateLimiterOptions) {
    this.rpm = opts.rpm;
    this.tpm = opts.tpm;
    this.kind = opts.limiter ?? 'bucket';
    this.perSecond = opts.perSecond ?? false;
    this.now = opts.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.rpm !== null || this.tpm !== null;
  }

  /** Admits one request of `tokens` for `model` (the limits' key; `shown` is the name the messages say) and returns
   *  the x-ratelimit-* headers, or throws the 429 (headers included). A refused request takes nothing. */
  take(model: string, tokens: number, shown = model, now = this.now()): Record<string, string> {
    if (!this.enabled) return {};
    const limits = this.limitsOf(model, now);
    const { requests, tokens: tokenLimit } = limits;

    if (requests) {
      const waitMs = Math.max(requests.minute.waitFor(1, now), requests.second?.waitFor(1, now) ?? 0);
      if (waitMs > 0) {
        const used = usedOf(requests.minute, now);
        throw this.limited(
          `Rate limit reached for ${shown} in organization org-emulator on requests per min (RPM): Limit ${this.rpm}, Used ${used}, Requested 1. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
          'requests',
          waitMs,
          limits,
          now,
        );
      }
    }
    if (tokenLimit) {
      if (tokens > tokenLimit.minute.capacity) {
        // Can never succeed: no retry-after, as the real "Request too large" says to shrink the request.
        throw this.limited(
          `Request too large for ${shown} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Requested ${tokens}. The input or output tokens must be reduced in order to run successfully. ${VISIT}`,
          'tokens',
          null,
          limits,
          now,
        );
      }
      const waitMs = Math.max(tokenLimit.minute.waitFor(tokens, now), tokenLimit.second?.waitFor(tokens, now) ?? 0);
      if (waitMs > 0) {
        const used = usedOf(tokenLimit.minute, now);
        throw this.limited(
          `Rate limit reached for ${shown} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Used ${used}, Requested ${tokens}. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
          'tokens',
          waitMs,
          limits,
          now,
        );
      }
    }
    if (requests) {
      requests.minute.take(1, now);
      requests.second?.take(1, now);
    }
    if (tokenLimit) {
      tokenLimit.minute.take(tokens, now);
      tokenLimit.second?.take(tokens, now);
    }
    return this.headers(limits, now);
  }

  private limitsOf(model: string, now: number): ModelLimits {
    let limits = this.models.get(model);
    if (!limits) {
      const limit = (perMinute: number | null): Limit | null =>
        perMinute === null
          ? null
          : {
              minute: meterOf(this.kind, perMinute, MINUTE_MS, now),
              second: this.perSecond ? new SlidingWindow(Math.ceil(perMinute / 60), SECOND_MS, 'alone') : null,
            };
      limits = { requests: limit(this.rpm), tokens: limit(this.tpm) };
      this.models.set(model, limits);
    }
    return limits;
  }

  private headers(limits: ModelLimits, now: number): Record<string, string> {
    const out: Record<string, string> = {};
    if (limits.requests) {
      out['x-ratelimit-limit-requests'] = String(this.rpm);
      out['x-ratelimit-remaining-requests'] = String(limits.requests.minute.remaining(now));
      out['x-ratelimit-reset-requests'] = formatGoDuration(limits.requests.minute.resetMs(now));
    }
    if (limits.tokens) {
      out['x-ratelimit-limit-tokens'] = String(this.tpm);
      out['x-ratelimit-remaining-tokens'] = String(limits.tokens.minute.remaining(now));
      out['x-ratelimit-reset-tokens'] = formatGoDuration(limits.tokens.minute.resetMs(now));
    }
    return out;
  }

  private limited(message: string, type: string, waitMs: number | null, limits: ModelLimits, now: number): ApiError {
    const headers = { ...this.headers(limits, now), ...(waitMs !== null ? retryHeaders(waitMs) : {}) };
    return new ApiError(429, message, { type, code: 'rate_limit_exceeded', headers });
  }
}
