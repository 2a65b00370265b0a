// Anthropic's anthropic-ratelimit-* headers said as OpenAI's x-ratelimit-* (what the sync runner reads): from a header
// set, through the error mapping of a 429, and from the emulator's answers through the provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { startEmulator } from '../../../src/emulator/index.ts';
import { createAnthropicProvider } from '../../../src/run/providers/anthropic/anthropicProvider.ts';
import { toOpenAIError } from '../../../src/run/providers/anthropic/errors.ts';
import { withOpenAIRateLimitHeaders } from '../../../src/run/providers/anthropic/rateLimitHeaders.ts';
import { parseRateLimitHeaders, retryAfterMs } from '../../../src/run/sync/rateLimitHeaders.ts';
import { classifyFailure } from '../../../src/run/sync/syncClientErrors.ts';

const BOUND = { timeout: 60_000 };
const DATE = 'Tue, 01 Dec 2026 10:00:00 GMT';

/** An answer's headers as the rate-limit page lists them (values as the API sends them). */
function anthropicHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    date: DATE,
    'request-id': 'req_011CAbc',
    'anthropic-ratelimit-requests-limit': '50',
    'anthropic-ratelimit-requests-remaining': '49',
    'anthropic-ratelimit-requests-reset': '2026-12-01T10:00:01Z',
    'anthropic-ratelimit-input-tokens-limit': '30000',
    'anthropic-ratelimit-input-tokens-remaining': '29000',
    'anthropic-ratelimit-input-tokens-reset': '2026-12-01T10:06:00Z',
    'anthropic-ratelimit-output-tokens-limit': '8000',
    'anthropic-ratelimit-output-tokens-remaining': '8000',
    'anthropic-ratelimit-output-tokens-reset': '2026-12-01T10:00:00Z',
    'anthropic-ratelimit-tokens-limit': '38000',
    'anthropic-ratelimit-tokens-remaining': '37000',
    'anthropic-ratelimit-tokens-reset': '2026-12-01T10:06:00Z',
    ...extra,
  });
}

test('requests and input tokens become the x-ratelimit-* triples; resets become durations from the answer\'s date', () => {
  const h = withOpenAIRateLimitHeaders(anthropicHeaders(), Date.UTC(2030, 0, 1));
  assert.equal(h.get('x-ratelimit-limit-requests'), '50');
  assert.equal(h.get('x-ratelimit-remaining-requests'), '49', 'requests are exact');
  assert.equal(h.get('x-ratelimit-reset-requests'), '1s');
  assert.equal(h.get('x-ratelimit-limit-tokens'), '30000', 'the input-tokens limit, not the input + output total');
  // "rounded to the nearest thousand": 29,000 is anything from 28,500.
  assert.equal(h.get('x-ratelimit-remaining-tokens'), '28500');
  assert.equal(h.get('x-ratelimit-reset-tokens'), '6m0s', 'from the date header, not from our (later) clock');
  // Every original is kept.
  for (const [k, v] of anthropicHeaders()) assert.equal(h.get(k), v, k);
  // The runner's own reader sees the limits.
  const parsed = parseRateLimitHeaders(h);
  assert.deepEqual(parsed.requests, { limit: 50, remaining: 49, resetMs: 1_000 });
  assert.deepEqual(parsed.tokens, { limit: 30_000, remaining: 28_500, resetMs: 360_000 });
});

test('without a date header the reset counts from now; a reset already past is 0', () => {
  const h = new Headers(anthropicHeaders());
  h.delete('date');
  const now = Date.parse('2026-12-01T10:05:59.500Z');
  const t = withOpenAIRateLimitHeaders(h, now);
  assert.equal(t.get('x-ratelimit-reset-tokens'), '500ms');
  assert.equal(t.get('x-ratelimit-reset-requests'), '0ms');
});

test('remaining tokens: 0 stays 0, a figure that is not a multiple of 1,000 was not rounded and stays', () => {
  assert.equal(withOpenAIRateLimitHeaders(anthropicHeaders({ 'anthropic-ratelimit-input-tokens-remaining': '0' })).get('x-ratelimit-remaining-tokens'), '0');
  assert.equal(withOpenAIRateLimitHeaders(anthropicHeaders({ 'anthropic-ratelimit-input-tokens-remaining': '12345' })).get('x-ratelimit-remaining-tokens'), '12345');
});

test('a server with only the combined -tokens-* headers: those; with none at all: nothing added', () => {
  const h = anthropicHeaders();
  for (const f of ['limit', 'remaining', 'reset']) h.delete(`anthropic-ratelimit-input-tokens-${f}`);
  const t = withOpenAIRateLimitHeaders(h);
  assert.equal(t.get('x-ratelimit-limit-tokens'), '38000');
  assert.equal(t.get('x-ratelimit-remaining-tokens'), '36500');
  const bare = withOpenAIRateLimitHeaders(new Headers({ date: DATE, 'content-type': 'application/json' }));
  assert.deepEqual([...bare.keys()].filter((k) => k.startsWith('x-ratelimit')), []);
  assert.equal(bare.get('content-type'), 'application/json');
  assert.deepEqual([...withOpenAIRateLimitHeaders(undefined).keys()], []);
});

test('headers already in OpenAI\'s form (a proxy) are left alone; unreadable figures are not guessed', () => {
  const proxied = withOpenAIRateLimitHeaders(anthropicHeaders({ 'x-ratelimit-limit-requests': '7' }));
  assert.equal(proxied.get('x-ratelimit-limit-requests'), '7');
  assert.equal(proxied.get('x-ratelimit-remaining-requests'), null);
  assert.equal(proxied.get('x-ratelimit-limit-tokens'), '30000', 'the other limit is still translated');
  const odd = withOpenAIRateLimitHeaders(anthropicHeaders({ 'anthropic-ratelimit-requests-remaining': 'lots', 'anthropic-ratelimit-requests-reset': 'soon' }));
  assert.equal(odd.get('x-ratelimit-limit-requests'), '50');
  assert.equal(odd.get('x-ratelimit-remaining-requests'), null);
  assert.equal(odd.get('x-ratelimit-reset-requests'), null);
});

test('a 429 from the SDK: the openai RateLimitError carries the translation and retry-after, so the runner waits as told', () => {
  const headers = anthropicHeaders({ 'retry-after': '20', 'anthropic-ratelimit-input-tokens-remaining': '0' });
  const body = { type: 'error', error: { type: 'rate_limit_error', message: 'This request would exceed the rate limit for your organization (x) of 30,000 input tokens per minute.' }, request_id: 'req_011CAbc' };
  const sdkError = Anthropic.APIError.generate(429, body, body.error.message, headers);
  const mapped = toOpenAIError(sdkError);
  assert.ok(mapped instanceof OpenAI.RateLimitError);
  assert.equal(mapped.headers?.get('x-ratelimit-remaining-tokens'), '0');
  assert.equal(mapped.headers?.get('x-ratelimit-limit-requests'), '50');
  assert.equal(mapped.headers?.get('retry-after'), '20');
  assert.equal(mapped.headers?.get('x-request-id'), 'req_011CAbc');
  const failure = classifyFailure(mapped);
  assert.equal(failure?.kind, 'retry');
  assert.equal(failure?.rateLimited, true);
  assert.equal(failure?.retryAfterMs, 20_000);
  assert.equal(failure?.code, 'rate_limit_error');
  // Without retry-after, the exhausted limit's reset is the wait.
  const noRetry = new Headers(headers);
  noRetry.delete('retry-after');
  const withoutRetry = toOpenAIError(Anthropic.APIError.generate(429, body, 'x', noRetry));
  assert.ok(withoutRetry instanceof OpenAI.RateLimitError);
  assert.equal(retryAfterMs(withoutRetry.headers!), 360_000);
});

test('against the emulator: call() answers with the translated headers, and a refused call\'s error carries them too', BOUND, async () => {
  const emulator = await startEmulator({ rpm: 2, tpm: 20_000 });
  const provider = createAnthropicProvider({ apiKey: 'anthropic-rl-test-key-0001', baseURL: emulator.origin });
  const req = { url: '/v1/chat/completions' as const, model: 'claude-haiku-4-5', body: { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'Hello' }] } };
  try {
    const a = await provider.call(req);
    assert.equal(a.headers.get('x-ratelimit-limit-requests'), '2');
    assert.equal(a.headers.get('x-ratelimit-remaining-requests'), '1');
    assert.equal(a.headers.get('x-ratelimit-limit-tokens'), '20000');
    assert.equal(a.headers.get('x-ratelimit-remaining-tokens'), '19500', '20,000 shown (rounded), 19,500 at least');
    // One request back at 2 a minute: 30 s, read from the emulator's own date (whole seconds both).
    const resetMs = parseRateLimitHeaders(a.headers).requests.resetMs!;
    assert.ok(resetMs >= 30_000 && resetMs <= 32_000, `${resetMs} ms`);
    assert.equal(a.headers.get('anthropic-ratelimit-requests-limit'), '2', 'the originals are kept');
    await provider.call(req);
    const refused = await provider.call(req).then(
      () => assert.fail('a third call within the minute is refused'),
      (err: unknown) => err,
    );
    assert.ok(refused instanceof OpenAI.RateLimitError);
    assert.equal(refused.headers?.get('x-ratelimit-remaining-requests'), '0');
    const failure = classifyFailure(refused);
    assert.equal(failure?.rateLimited, true);
    assert.ok((failure?.retryAfterMs ?? 0) >= 29_000 && (failure?.retryAfterMs ?? 0) <= 30_000, `${failure?.retryAfterMs} ms`);
  } finally {
    await provider.close?.();
    await emulator.close();
  }
});
