// Reading what the API says about its rate limits: the x-ratelimit-* headers on every answer and the retry hints on
// a 429. Pure: a Headers-like getter in, numbers out. Unparseable values are ignored (null), never guessed.

/** Anything with `get(name)`: the fetch Headers the openai SDK exposes on responses and on APIError. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** One limit's state as of the answer that carried it. Durations in ms. */
export interface LimitState {
  limit: number | null;
  remaining: number | null;
  /** Time until the limit is back to its initial state (OpenAI: "reset"), from the moment of the answer. */
  resetMs: number | null;
}

export interface RateLimitHeaders {
  requests: LimitState;
  tokens: LimitState;
}

const GO_PART = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;
const GO_UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** Milliseconds in a Go-style duration as x-ratelimit-reset-* carries it: "1s", "6m0s", "17.5s", "120ms", "1h2m3s".
 *  A bare number is taken as seconds. Null when it cannot be read. */
export function parseResetDuration(text: string | null | undefined): number | null {
  if (text == null) return null;
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t) * 1000;
  let at = 0;
  let total = 0;
  while (at < t.length) {
    GO_PART.lastIndex = at;
    const m = GO_PART.exec(t);
    if (!m) return null;
    total += Number(m[1]) * GO_UNIT_MS[m[2]];
    at = GO_PART.lastIndex;
  }
  return total;
}

function count(text: string | null): number | null {
  if (text == null || !/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return null;
  return Number(text);
}

function limitState(headers: HeaderSource, kind: 'requests' | 'tokens'): LimitState {
  return {
    limit: count(headers.get(`x-ratelimit-limit-${kind}`)),
    remaining: count(headers.get(`x-ratelimit-remaining-${kind}`)),
    resetMs: parseResetDuration(headers.get(`x-ratelimit-reset-${kind}`)),
  };
}

export function parseRateLimitHeaders(headers: HeaderSource): RateLimitHeaders {
  return { requests: limitState(headers, 'requests'), tokens: limitState(headers, 'tokens') };
}

/** True when the answer carried any rate-limit figure at all (an API without limits sends none). */
export function hasRateLimitHeaders(h: RateLimitHeaders): boolean {
  return h.requests.limit !== null || h.tokens.limit !== null;
}

/**
 * How long a 429 asks us to wait, in ms, or null when it gives no hint. Order: retry-after-ms (OpenAI's precise
 * form), retry-after (seconds or an HTTP date), then the reset time of whichever limit is exhausted.
 */
export function retryAfterMs(headers: HeaderSource, now = Date.now()): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(?:\.\d+)?\s*$/.test(ms)) return Number(ms);
  const after = headers.get('retry-after');
  if (after !== null) {
    if (/^\s*\d+(?:\.\d+)?\s*$/.test(after)) return Number(after) * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const h = parseRateLimitHeaders(headers);
  const waits = [h.requests, h.tokens].filter((s) => s.remaining === 0 && s.resetMs !== null).map((s) => s.resetMs as number);
  if (waits.length > 0) return Math.max(...waits);
  return null;
}
