import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRateLimitHeaders, parseResetDuration, retryAfterMs } from '../../src/run/sync/rateLimitHeaders.ts';

test('reset durations in the Go form the API sends', () => {
  assert.equal(parseResetDuration('1s'), 1000);
  assert.equal(parseResetDuration('6m0s'), 360_000);
  assert.equal(parseResetDuration('17.5s'), 17_500);
  assert.equal(parseResetDuration('120ms'), 120);
  assert.equal(parseResetDuration('1h2m3s'), 3_723_000);
  assert.equal(parseResetDuration('2'), 2000);
  assert.equal(parseResetDuration('soon'), null);
  assert.equal(parseResetDuration(''), null);
  assert.equal(parseResetDuration(null), null);
});

test('x-ratelimit-* headers become numbers; missing or garbled ones stay null', () => {
  const h = parseRateLimitHeaders(
    new Headers({
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '499',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-limit-tokens': '30000',
      'x-ratelimit-remaining-tokens': 'lots',
    }),
  );
  assert.deepEqual(h.requests, { limit: 500, remaining: 499, resetMs: 120 });
  assert.deepEqual(h.tokens, { limit: 30000, remaining: null, resetMs: null });
});

test('retry hints: retry-after-ms first, then retry-after (seconds or date), then the exhausted limit’s reset', () => {
  assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' })), 250);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '3' })), 3000);
  const now = Date.parse('2026-11-22T10:00:00Z');
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 10:00:05 GMT' }), now), 5000);
  const exhausted = new Headers({
    'x-ratelimit-remaining-requests': '0',
    'x-ratelimit-reset-requests': '2s',
    'x-ratelimit-remaining-tokens': '10',
    'x-ratelimit-reset-tokens': '9s',
  });
  assert.equal(retryAfterMs(exhausted), 2000, 'only the limit at 0 says how long to wait');
  assert.equal(retryAfterMs(new Headers({})), null);
});
