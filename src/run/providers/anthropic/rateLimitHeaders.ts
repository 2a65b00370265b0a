// Anthropic's rate-limit headers said the way batchwise's sync runner reads them (OpenAI's x-ratelimit-*), so the
// runner paces Anthropic runs from the API's own figures instead of learning the limits from 429s. Every original
// header is kept; the translation is only added, and never over headers a server (a proxy) already sent in OpenAI's
// form.
//
// platform.claude.com/docs/en/api/rate-limits, "Response headers": `anthropic-ratelimit-requests-limit` "The maximum
// number of requests allowed within any rate limit period", `-remaining` "The number of requests remaining before
// being rate limited", `-reset` "The time when the request rate limit will be fully replenished, provided in RFC 3339
// format"; the same triple for `-input-tokens-`, `-output-tokens-` and `-tokens-`, whose remaining is "rounded to the
// nearest thousand". OpenAI's x-ratelimit-reset-* is a duration ("1s", "6m0s") from the answer; it is taken here from
// the answer's `date` header (the server's clock, as the reset is), else from our clock.
//
// Which tokens: Anthropic limits input tokens (ITPM) and output tokens (OTPM) separately; the runner has one tokens
// bucket per model, which it charges before a request is sent with what it knows then — the prompt and max_tokens
// (run/sync/reservation.ts). ITPM is the limit charged from the prompt at the start ("ITPM rate limits are estimated
// at the beginning of each request"); OTPM counts "only the actual tokens generated" ("The `max_tokens` parameter does
// not factor into OTPM"), so nothing a client reserves ahead can be checked against it. `-tokens-*` is no better: the
// page says it is "the sum of input and output tokens" (or a workspace's limit), so a roomy sum can hide an exhausted
// ITPM. So x-ratelimit-*-tokens is ITPM (`-tokens-*` only when a server sends no `-input-tokens-*`), and a `--tpm`
// given for an Anthropic run is the input-tokens limit. An exhausted OTPM still reaches the runner: its 429 carries
// retry-after, which is kept.
import { formatGoDuration } from '../../../shared/duration.ts';

const FROM = 'anthropic-ratelimit-';

/** Each OpenAI limit and the Anthropic ones it is read from, first found first. */
const TRANSLATED: { to: 'requests' | 'tokens'; from: string[] }[] = [
  { to: 'requests', from: ['requests'] },
  { to: 'tokens', from: ['input-tokens', 'tokens'] },
];

const count = (text: string | null): number | null => (text !== null && /^\s*\d+\s*$/.test(text) ? Number(text) : null);

/**
 * A token figure "rounded to the nearest thousand" stands for anything within 500 of it. The runner takes remaining
 * as the server's level and may spend all of it, so it gets the lowest level the figure allows: a multiple of 1,000
 * (as every rounded figure is) less 500, never below 0. A figure that is not a multiple was not rounded: as it is.
 */
function lowestTokens(shown: number): number {
  return shown % 1000 === 0 ? Math.max(0, shown - 500) : shown;
}

/** The headers with OpenAI's x-ratelimit-{limit,remaining,reset}-{requests,tokens} added from Anthropic's. */
export function withOpenAIRateLimitHeaders(source: Headers | null | undefined, now = Date.now()): Headers {
  const out = new Headers(source ?? undefined);
  const date = Date.parse(out.get('date') ?? '');
  const answeredAt = Number.isNaN(date) ? now : date;
  for (const { to, from } of TRANSLATED) {
    if (['limit', 'remaining', 'reset'].some((f) => out.has(`x-ratelimit-${f}-${to}`))) continue;
    const name = from.find((n) => ['limit', 'remaining', 'reset'].some((f) => out.has(`${FROM}${n}-${f}`)));
    if (name === undefined) continue;
    const limit = count(out.get(`${FROM}${name}-limit`));
    const remaining = count(out.get(`${FROM}${name}-remaining`));
    const reset = Date.parse(out.get(`${FROM}${name}-reset`) ?? '');
    if (limit !== null) out.set(`x-ratelimit-limit-${to}`, String(limit));
    if (remaining !== null) out.set(`x-ratelimit-remaining-${to}`, String(to === 'tokens' ? lowestTokens(remaining) : remaining));
    if (!Number.isNaN(reset)) out.set(`x-ratelimit-reset-${to}`, formatGoDuration(Math.max(0, reset - answeredAt)));
  }
  return out;
}
