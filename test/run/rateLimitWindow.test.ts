import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimitWindow } from '../../src/run/sync/rateLimitWindow.ts';
import { parseRateLimitHeaders } from '../../src/run/sync/rateLimitHeaders.ts';

const opts = { windowMs: 60_000, marginMs: 0 };

test('requests per minute: the limit goes out at once, the next waits until the first answer is a window old', () => {
  const w = new RateLimitWindow({ rpm: 3, tpm: null }, opts);
  const rs = [0, 1, 2].map(() => {
    assert.equal(w.delayMs(10, 0), 0);
    return w.reserve(10);
  });
  rs.forEach((r, i) => w.settle(r, 500 + i * 100));
  assert.equal(w.delayMs(10, 1000), 60_500 - 1000, 'waits for the earliest answer + 60 s');
  assert.equal(w.delayMs(10, 60_500), 0);
});

test('a request still in flight counts as answered now: the wait is a lower bound that grows while it is out', () => {
  const w = new RateLimitWindow({ rpm: 1, tpm: null }, opts);
  w.reserve(1);
  assert.equal(w.delayMs(1, 1000), 60_000);
  assert.equal(w.delayMs(1, 5000), 60_000);
});

test('tokens per minute: input + max output reserved; a request larger than the limit can never pass', () => {
  const w = new RateLimitWindow({ rpm: null, tpm: 1000 }, opts);
  w.settle(w.reserve(600), 0);
  w.settle(w.reserve(300), 10_000);
  assert.equal(w.delayMs(100, 20_000), 0, '600 + 300 + 100 fits exactly');
  assert.equal(w.delayMs(101, 20_000), 40_000, 'one token more must wait for the 600 to leave');
  assert.equal(w.delayMs(500, 20_000), 40_000);
  assert.equal(w.delayMs(800, 20_000), 50_000, 'needs both old reservations gone');
  assert.equal(w.tooLarge(1001), true);
  assert.equal(w.delayMs(1001, 0), Infinity);
});

test('a pause (from a 429) holds everything until it ends', () => {
  const w = new RateLimitWindow({ rpm: 100, tpm: null }, opts);
  w.pause(5000);
  assert.equal(w.delayMs(1, 1000), 4000);
  assert.equal(w.delayMs(1, 5000), 0);
});

test('limits learned from headers; a given limit is lowered by the server’s, never raised', () => {
  const learned = new RateLimitWindow({ rpm: null, tpm: null }, opts);
  assert.equal(learned.known, false);
  learned.learn(parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-requests': '60', 'x-ratelimit-limit-tokens': '9000' })), 0);
  assert.deepEqual([learned.known, learned.rpm, learned.tpm], [true, 60, 9000]);

  const given = new RateLimitWindow({ rpm: 100, tpm: 5000 }, opts);
  given.learn(parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-requests': '50', 'x-ratelimit-limit-tokens': '90000' })), 0);
  assert.deepEqual([given.rpm, given.tpm], [50, 5000]);
});

test('when the server has counted more than we sent (another client on the key), the difference is booked', () => {
  const w = new RateLimitWindow({ rpm: 10, tpm: 1000 }, opts);
  w.settle(w.reserve(100), 0);
  w.learn(
    parseRateLimitHeaders(new Headers({ 'x-ratelimit-limit-requests': '10', 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-limit-tokens': '1000', 'x-ratelimit-remaining-tokens': '600' })),
    0,
  );
  assert.deepEqual(w.used(0), { requests: 5, tokens: 400 });
  // Our own count above the server's (its view is older than our latest sends) books nothing.
  w.learn(parseRateLimitHeaders(new Headers({ 'x-ratelimit-remaining-requests': '9', 'x-ratelimit-remaining-tokens': '900' })), 1);
  assert.deepEqual(w.used(1), { requests: 5, tokens: 400 });
  assert.equal(w.used(60_001).requests, 0, 'the booked usage leaves the window like any other');
});

test('booked server usage leaves when the server says its limit resets, not a whole window later', () => {
  const w = new RateLimitWindow({ rpm: 10, tpm: null }, opts);
  w.learn(parseRateLimitHeaders(new Headers({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '400ms' })), 1000);
  assert.equal(w.delayMs(1, 1000), 400);
  assert.equal(w.delayMs(1, 1400), 0);
});

test('limits must be positive', () => {
  assert.throws(() => new RateLimitWindow({ rpm: 0, tpm: null }), RangeError);
  assert.throws(() => new RateLimitWindow({ rpm: null, tpm: -1 }), RangeError);
});
