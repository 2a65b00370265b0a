// Anthropic's Messages API rate limits, as platform.claude.com/docs/en/api/rate-limits describes them (README.md quotes
// it): per model, requests (RPM), input tokens (ITPM) and output tokens (OTPM) per minute, each a token bucket
// "continuously replenished up to your maximum limit"; a request over any of them is a 429 `rate_limit_error`
// "describing which rate limit was exceeded, along with a `retry-after` header indicating how long to wait"; every
// answer carries the `anthropic-ratelimit-*` headers. What counts:
// - requests: one per call, when it arrives;
// - input: uncached input only ("only `input_tokens` + `cache_creation_input_tokens` count toward your ITPM limit"),
//   "estimated at the beginning of each request, and the estimate is adjusted during the request to reflect the
//   actual number of input tokens used" — the estimate is the prompt's count less what the cache holds now, the
//   adjustment what the answer's usage says (they differ when a concurrent request wrote the cache meanwhile);
// - output: the switch `outputCounting` (switches.ts): the actual output, counted when it is produced (a request is
//   refused only while the bucket is empty: ours), or max_tokens reserved at the start and the rest given back.
// Refused requests count nothing (the docs do not say; ours, as on the OpenAI face). `perSecond` (the emulator's
// switch) adds the quantized check the page allows: "a rate of 60 requests per minute (RPM) might be enforced as 1
// request per second" — no more than ceil(limit/60) requests or input tokens within any 1 s.
// Nothing here knows batchwise's client: the two agree only if both follow the documentation.
import { SlidingWindow } from '../meters.ts';
import { AnthropicApiError } from './errors.ts';
import { RateBucket } from './rateBucket.ts';
import type { OutputCounting, TokensRemaining } from './switches.ts';

export interface RateLimitOptions {
  rpm: number | null;
  /** Input tokens per minute: the emulator's `tpm`. */
  itpm: number | null;
  otpm: number | null;
  outputCounting: OutputCounting;
  tokensRemaining: TokensRemaining;
  perSecond: boolean;
}

/** What a request is known to cost when it arrives. */
export interface RequestCost {
  /** Uncached input tokens, estimated. */
  inputTokens: number;
  maxTokens: number;
}

/** What the answer's usage says it cost. */
export interface ActualCost {
  /** input_tokens + cache_creation_input_tokens. */
  inputTokens: number;
  outputTokens: number;
}

export interface Admitted {
  /** The request was answered: its counts corrected to the actual ones; returns the headers its answer carries. */
  settle(actual: ActualCost, now: number): Record<string, string>;
}

type LimitName = 'requests' | 'input' | 'output';

interface ModelBuckets {
  requests: RateBucket | null;
  input: RateBucket | null;
  output: RateBucket | null;
  requestsSecond: SlidingWindow | null;
  inputSecond: SlidingWindow | null;
}

/** The organization the messages name (a real one is a UUID). */
const ORGANIZATION = '6f1e0c2a-5e3d-4b7a-9c11-000000e30001';
const HEADER = 'anthropic-ratelimit-';
const UNIT: Record<LimitName, string> = { requests: 'requests', input: 'input tokens', output: 'output tokens' };

/** RFC 3339, whole seconds rounded up (a reset is never shown earlier than it is), as the API's headers look. */
export const rfc3339 = (ms: number) => new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The 429's wording, as the API is commonly reported to answer. */
function exceeded(limit: LimitName, perMinute: number): string {
  return `This request would exceed the rate limit for your organization (${ORGANIZATION}) of ${perMinute.toLocaleString('en-US')} ${UNIT[limit]} per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.`;
}

export class AnthropicRateLimits {
  private readonly opts: RateLimitOptions;
  private readonly models = new Map<string, ModelBuckets>();

  constructor(opts: RateLimitOptions) {
    this.opts = opts;
  }

  get enabled(): boolean {
    return this.opts.rpm !== null || this.opts.itpm !== null || this.opts.otpm !== null;
  }

  /** Counts a request arriving for `model` (the catalog key: a snapshot shares its model's limits), or throws the 429.
   *  A refused request counts nothing. */
  admit(model: string, cost: RequestCost, now: number): Admitted {
    const b = this.bucketsOf(model, now);
    const reserveOutput = this.opts.outputCounting === 'max_tokens';
    // Larger than a whole minute's limit: it can never run, so no retry-after (ours: the API's answer is not documented).
    if (b.input && cost.inputTokens > b.input.capacity) throw this.refused('input', null, b, now);
    if (b.output && reserveOutput && cost.maxTokens > b.output.capacity) throw this.refused('output', null, b, now);
    const waits: [LimitName, number][] = [
      ['requests', Math.max(b.requests?.waitMs(1, now) ?? 0, b.requestsSecond?.waitFor(1, now) ?? 0)],
      ['input', Math.max(b.input?.waitMs(cost.inputTokens, now) ?? 0, b.inputSecond?.waitFor(cost.inputTokens, now) ?? 0)],
      // Counted as produced: refused only while nothing is left (ours); reserved: max_tokens must fit.
      ['output', b.output?.waitMs(reserveOutput ? cost.maxTokens : 1, now) ?? 0],
    ];
    const short = waits.find(([, ms]) => ms > 0);
    if (short) throw this.refused(short[0], Math.max(...waits.map(([, ms]) => ms)), b, now);
    b.requests?.take(1, now);
    b.requestsSecond?.take(1, now);
    b.input?.take(cost.inputTokens, now);
    b.inputSecond?.take(cost.inputTokens, now);
    if (reserveOutput) b.output?.take(cost.maxTokens, now);
    return {
      settle: (actual, at) => {
        b.input?.take(actual.inputTokens - cost.inputTokens, at);
        b.output?.take(reserveOutput ? actual.outputTokens - cost.maxTokens : actual.outputTokens, at);
        return this.headers(b, at);
      },
    };
  }

  private refused(limit: LimitName, waitMs: number | null, b: ModelBuckets, now: number): AnthropicApiError {
    const perMinute = limit === 'requests' ? this.opts.rpm! : limit === 'input' ? this.opts.itpm! : this.opts.otpm!;
    // "The number of seconds to wait until you can retry the request. Earlier retries will fail."
    const retry: Record<string, string> = waitMs !== null ? { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) } : {};
    return new AnthropicApiError('rate_limit_error', exceeded(limit, perMinute), { ...this.headers(b, now), ...retry });
  }

  private bucketsOf(model: string, now: number): ModelBuckets {
    let b = this.models.get(model);
    if (!b) {
      const { rpm, itpm, otpm, perSecond } = this.opts;
      const bucket = (limit: number | null) => (limit === null ? null : new RateBucket(limit, now));
      // A single request above a second's share passes when the second is empty, else it could never run.
      const second = (limit: number | null) => (perSecond && limit !== null ? new SlidingWindow(Math.ceil(limit / 60), 1000, 'alone') : null);
      b = { requests: bucket(rpm), input: bucket(itpm), output: bucket(otpm), requestsSecond: second(rpm), inputSecond: second(itpm) };
      this.models.set(model, b);
    }
    return b;
  }

  /** "The number of tokens remaining (rounded to the nearest thousand)". */
  private shown(tokens: number): number {
    return this.opts.tokensRemaining === 'thousands' ? Math.round(tokens / 1000) * 1000 : tokens;
  }

  private headers(b: ModelBuckets, now: number): Record<string, string> {
    const out: Record<string, string> = {};
    const put = (name: string, limit: number, remaining: number, fullAt: number) => {
      out[`${HEADER}${name}-limit`] = String(limit);
      out[`${HEADER}${name}-remaining`] = String(remaining);
      out[`${HEADER}${name}-reset`] = rfc3339(fullAt);
    };
    if (b.requests) put('requests', b.requests.capacity, b.requests.remaining(now), b.requests.fullAt(now));
    const tokenBuckets: [string, RateBucket][] = [];
    if (b.input) tokenBuckets.push(['input-tokens', b.input]);
    if (b.output) tokenBuckets.push(['output-tokens', b.output]);
    for (const [name, bucket] of tokenBuckets) put(name, bucket.capacity, this.shown(bucket.remaining(now)), bucket.fullAt(now));
    // "If Workspace limits do not apply, the headers will return the total tokens remaining, where total is the sum of
    // input and output tokens." (No workspace limits here.) Full when both are: the later reset.
    if (tokenBuckets.length > 0) {
      const sum = (f: (x: RateBucket) => number) => tokenBuckets.reduce((n, [, x]) => n + f(x), 0);
      put('tokens', sum((x) => x.capacity), this.shown(sum((x) => x.remaining(now))), Math.max(...tokenBuckets.map(([, x]) => x.fullAt(now))));
    }
    return out;
  }
}
