// Per-model requests- and tokens-per-minute limits over a sliding one-minute window, with the real API's headers
// and 429 messages. Tokens are charged as the real limiter does: prompt tokens plus the output reserved by
// max_tokens (× n), at the time of the request.
import { ApiError } from './apiError.ts';
import { formatGoDuration as formatResetDuration } from '../shared/duration.ts';

const WINDOW_MS = 60_000;
const VISIT = 'Visit https://platform.openai.com/account/rate-limits to learn more.';

interface Entry {
  at: number;
  tokens: number;
}

export class RateLimiter {
  private readonly rpm: number | null;
  private readonly tpm: number | null;
  private readonly windows = new Map<string, Entry[]>();

  constructor(rpm: number | null, tpm: number | null) {
    this.rpm = rpm;
    this.tpm = tpm;
  }

  get enabled(): boolean {
    return this.rpm !== null || this.tpm !== null;
  }

  /** Admits one request and returns the x-ratelimit-* headers, or throws the 429 (headers included). */
  take(model: string, tokens: number, now = Date.now()): Record<string, string> {
    if (!this.enabled) return {};
    const entries = this.window(model, now);
    const usedRequests = entries.length;
    const usedTokens = entries.reduce((sum, e) => sum + e.tokens, 0);

    if (this.rpm !== null && usedRequests + 1 > this.rpm) {
      const waitMs = entries[0].at + WINDOW_MS - now;
      throw this.limited(
        model,
        `Rate limit reached for ${model} in organization org-emulator on requests per min (RPM): Limit ${this.rpm}, Used ${usedRequests}, Requested 1. Please try again in ${formatResetDuration(waitMs)}. ${VISIT}`,
        'requests',
        waitMs,
        entries,
        now,
      );
    }
    if (this.tpm !== null && tokens > this.tpm) {
      throw this.limited(
        model,
        `Request too large for ${model} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Requested ${tokens}. The input or output tokens must be reduced in order to run successfully. ${VISIT}`,
        'tokens',
        null,
        entries,
        now,
      );
    }
    if (this.tpm !== null && usedTokens + tokens > this.tpm) {
      // Wait until enough of the oldest requests leave the window.
      let freed = 0;
      let waitMs = WINDOW_MS;
      for (const e of entries) {
        freed += e.tokens;
        if (usedTokens - freed + tokens <= this.tpm) {
          waitMs = e.at + WINDOW_MS - now;
          break;
        }
      }
      throw this.limited(
        model,
        `Rate limit reached for ${model} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Used ${usedTokens}, Requested ${tokens}. Please try again in ${formatResetDuration(waitMs)}. ${VISIT}`,
        'tokens',
        waitMs,
        entries,
        now,
      );
    }
    entries.push({ at: now, tokens });
    return this.headers(entries, now);
  }

  private window(model: string, now: number): Entry[] {
    let entries = this.windows.get(model);
    if (!entries) {
      entries = [];
      this.windows.set(model, entries);
    }
    while (entries.length > 0 && entries[0].at + WINDOW_MS <= now) entries.shift();
    return entries;
  }

  /** reset-* is the time until the window is empty again ("until the limit resets to its initial state"). */
  private headers(entries: Entry[], now: number): Record<string, string> {
    const out: Record<string, string> = {};
    const resetMs = entries.length > 0 ? entries[entries.length - 1].at + WINDOW_MS - now : 0;
    if (this.rpm !== null) {
      out['x-ratelimit-limit-requests'] = String(this.rpm);
      out['x-ratelimit-remaining-requests'] = String(Math.max(0, this.rpm - entries.length));
      out['x-ratelimit-reset-requests'] = formatResetDuration(resetMs);
    }
    if (this.tpm !== null) {
      const used = entries.reduce((sum, e) => sum + e.tokens, 0);
      out['x-ratelimit-limit-tokens'] = String(this.tpm);
      out['x-ratelimit-remaining-tokens'] = String(Math.max(0, this.tpm - used));
      out['x-ratelimit-reset-tokens'] = formatResetDuration(resetMs);
    }
    return out;
  }

  private limited(_model: string, message: string, type: string, waitMs: number | null, entries: Entry[], now: number): ApiError {
    const headers = this.headers(entries, now);
    if (waitMs !== null) headers['retry-after'] = String(Math.max(1, Math.ceil(waitMs / 1000)));
    return new ApiError(429, message, { type, code: 'rate_limit_exceeded', headers });
  }
}
