// The sync runner's admission, piece by piece, on a clock the tests drive: the bucket, what a request reserves, the
// pace, the correction from headers, and the in-flight window for servers without limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InFlightWindow } from '../../src/run/sync/inFlightWindow.ts';
import { COUNT_DELAY_MS, ModelLimiter } from '../../src/run/sync/modelLimiter.ts';
import { Pacer, PACE_WINDOW_MS } from '../../src/run/sync/pacer.ts';
import { parseRateLimitHeaders } from '../../src/run/sync/rateLimitHeaders.ts';
import { promptCharacters, reservedTokens, tokenCost } from '../../src/run/sync/reservation.ts';
import { TokenBucket } from '../../src/run/sync/tokenBucket.ts';
import { chatItem } from './syncHelpers.ts';

const headers = (h: Record<string, string>) => parseRateLimitHeaders(new Headers(h));

test('token bucket: full at the start, refills limit/60 a second, never above the limit', () => {
  const b = new TokenBucket(600, 0);
  assert.equal(b.waitMs(600, 0), 0, 'a whole minute fits at once');
  b.take(600, 0);
  assert.equal(b.waitMs(10, 0), 1000, '10 a second come back');
  assert.equal(b.waitMs(10, 1000), 0);
  assert.equal(b.levelAt(3_600_000), 600, 'capped at the limit');
  b.set(-50, 3_600_000);
  assert.equal(b.waitMs(10, 3_600_000), 6000, 'a debt the server reported is waited out');
  b.resize(100, 3_600_000);
  assert.equal(b.capacity, 100);
  assert.throws(() => new TokenBucket(0, 0), RangeError);
});

test('what a request reserves: max(max_tokens, ceil(prompt characters / 4)), or input + max_tokens', () => {
  const short = chatItem(1, 'gpt-4o-mini', { max_tokens: 50 });
  assert.equal(reservedTokens(short, 'max'), 50, 'a short prompt: the answer cap counts');
  assert.equal(reservedTokens(short, 'sum'), short.input_tokens + 50);
  const long = chatItem(2, 'gpt-4o-mini', { max_tokens: 5, messages: [{ role: 'system', content: 'x'.repeat(396) }, { role: 'user', content: 'hi' }] });
  // "system" + 396 + "user" + "hi" = 408 characters → 102 tokens.
  assert.equal(promptCharacters(long.body), 408);
  assert.equal(reservedTokens(long, 'max'), 102, 'a long prompt: its characters count');
  const image = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: 'what is it?' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(100_000)}` } }] }] };
  assert.equal(promptCharacters(image), 'user'.length + 'text'.length + 'what is it?'.length + 'image_url'.length, 'inline data is not text');
  assert.deepEqual(tokenCost(short), { max: 50, sum: short.input_tokens + 50 });
});

test('pace: the first second carries limit/60, then doubles each second it held a request back', () => {
  const p = new Pacer();
  const rpm = 600; // 10 a second
  let t = 0;
  const sendAll = () => {
    let n = 0;
    while (p.waitMs(1, t, rpm, null) === 0) {
      p.record(t, 1);
      n++;
    }
    p.heldBack(); // what the limiter says when the pace, not the bucket, made a request wait
    return n;
  };
  assert.equal(sendAll(), 10, 'second 1: limit/60');
  t += p.waitMs(1, t, rpm, null);
  assert.equal(t, PACE_WINDOW_MS);
  assert.equal(sendAll(), 20, 'second 2: twice that');
  t += p.waitMs(1, t, rpm, null);
  assert.equal(sendAll(), 40);
  p.freeze();
  t += p.waitMs(1, t, rpm, null);
  assert.equal(sendAll(), 10, 'after a 429: one second’s share, for good');
  t += p.waitMs(1, t, rpm, null);
  t += 5000;
  assert.equal(sendAll(), 10);
});

test('pace on tokens: a second’s share of the tokens limit; a request larger than that goes alone', () => {
  const p = new Pacer();
  const tpm = 6000; // 100 a second
  assert.equal(p.waitMs(60, 0, null, tpm), 0);
  p.record(0, 60);
  assert.equal(p.waitMs(40, 1, null, tpm), 0, '60 + 40 fits the 100');
  p.record(1, 40);
  assert.equal(p.waitMs(1, 2, null, tpm), PACE_WINDOW_MS - 2, 'full: wait for the first to leave');
  assert.equal(p.waitMs(500, 2, null, tpm), PACE_WINDOW_MS + 1 - 2, 'larger than a second’s share: alone, once the window is empty');
  assert.equal(p.waitMs(500, 5000, null, tpm), 0);
});

test('the pace widens only while it is what holds requests back', () => {
  const p = new Pacer();
  p.record(0, 1);
  p.waitMs(1, 5000, 60, null); // a second later, nothing held back: no growth
  assert.equal(p.multiplier, 1);
  p.record(5000, 1);
  assert.ok(p.waitMs(1, 5001, 60, null) > 0);
  p.heldBack();
  p.waitMs(1, 6100, 60, null);
  assert.equal(p.multiplier, 2);
});

test('limiter: the pace, not the bucket, holds the first second; the bucket takes over once spent', () => {
  const lim = new ModelLimiter({ rpm: 60, tpm: null }, 0);
  const cost = { max: 1, sum: 1 };
  assert.deepEqual(lim.waitMs(1, 0), { ms: 0, atLeastMs: 0 });
  lim.reserve(cost, 0);
  const w = lim.waitMs(1, 0);
  assert.equal(w.atLeastMs, 0, 'the bucket has 59 more');
  assert.equal(w.ms, PACE_WINDOW_MS, 'but one a second to begin with');
  assert.throws(() => new ModelLimiter({ rpm: 0, tpm: null }, 0), RangeError);
});

test('the server’s word: remaining-* lowers the bucket when another client shares the key', () => {
  const lim = new ModelLimiter({ rpm: 100, tpm: 10_000 }, 0);
  const r = lim.reserve({ max: 100, sum: 120 }, 0);
  // We think 99 requests and 9,900 tokens are left; the server counted someone else's 50 requests and 5,000 tokens.
  lim.settle(r, headers({ 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-requests': '49', 'x-ratelimit-limit-tokens': '10000', 'x-ratelimit-remaining-tokens': '4900' }), true, 1000);
  const refill = (limit: number) => (limit / 60_000) * (1000 - COUNT_DELAY_MS);
  assert.ok(Math.abs(lim.requests!.levelAt(1000) - (49 + refill(100))) < 1e-9);
  assert.ok(Math.abs(lim.tokens!.levelAt(1000) - (4900 + refill(10_000))) < 1e-9);
});

test('the correction is a lower bound: sends after the answered request are replayed, none lost to the cap', () => {
  const lim = new ModelLimiter({ rpm: 60, tpm: null }, 0);
  const cost = { max: 1, sum: 1 };
  const first = lim.reserve(cost, 0);
  for (let t = 1000; t <= 3000; t += 1000) lim.reserve(cost, t);
  // The server, full, counted the first at arrival: 59 left. Since then 3 more sends, 3 s of refill (capped at 60).
  lim.settle(first, headers({ 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '59' }), true, 3500);
  const level = lim.requests!.levelAt(3500);
  // Replayed, each send counted as late as it may have been: 59 → 60 − 1 at 1025, 2025 and 3025, then 0.475 s of refill.
  assert.ok(Math.abs(level - 59.475) < 1e-9, String(level));
  // The crude bound min(60, 59 + 3.475) − 3 = 57 would have thrown away two requests' worth.
});

test('learning: limits from the headers (a given one only lowered), a bucket for what was unknown', () => {
  const lim = new ModelLimiter({ rpm: null, tpm: null }, 0);
  assert.equal(lim.known, false);
  const probe = lim.reserve({ max: 20, sum: 30 }, 0);
  assert.deepEqual(lim.waitMs(20, 1), { ms: Infinity, atLeastMs: 0 }, 'one probe at a time');
  lim.settle(probe, headers({ 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '29980' }), true, 100);
  assert.deepEqual([lim.known, lim.rpm, lim.tpm], [true, 500, 30_000]);
  assert.equal(lim.waitMs(20, 100).atLeastMs, 0);

  const given = new ModelLimiter({ rpm: 100, tpm: 5000 }, 0);
  given.settle(given.reserve({ max: 1, sum: 1 }, 0), headers({ 'x-ratelimit-limit-requests': '50', 'x-ratelimit-limit-tokens': '90000' }), true, 10);
  assert.deepEqual([given.rpm, given.tpm, given.requests!.capacity, given.tokens!.capacity], [50, 5000, 50, 5000]);

  const none = new ModelLimiter({ rpm: null, tpm: null }, 0);
  none.settle(none.reserve({ max: 1, sum: 1 }, 0), null, false, 10);
  assert.equal(none.known, false, 'a failure without headers says nothing');
  none.settle(none.reserve({ max: 1, sum: 1 }, 20), null, true, 30);
  assert.deepEqual([none.known, none.rpm, none.tpm], [true, null, null], 'a success without headers: no limits');
});

test('a server that counts input + max_tokens: after enough answers the limiter reserves that', () => {
  const lim = new ModelLimiter({ rpm: null, tpm: 100_000 }, 0);
  const cost = { max: 100, sum: 150 };
  let serverLevel = 100_000;
  let changed = false;
  for (let i = 0; i < 10 && !changed; i++) {
    const r = lim.reserve(cost, i);
    serverLevel -= cost.sum; // what the server counts
    changed = lim.settle(r, headers({ 'x-ratelimit-limit-tokens': '100000', 'x-ratelimit-remaining-tokens': String(serverLevel) }), true, i);
  }
  assert.equal(changed, true);
  assert.equal(lim.rule, 'sum');
  assert.equal(lim.cost(cost), 150);

  const agreeing = new ModelLimiter({ rpm: null, tpm: 100_000 }, 0);
  let level = 100_000;
  for (let i = 0; i < 50; i++) {
    const r = agreeing.reserve(cost, i);
    level -= cost.max;
    assert.equal(agreeing.settle(r, headers({ 'x-ratelimit-limit-tokens': '100000', 'x-ratelimit-remaining-tokens': String(level) }), true, i), false);
  }
  assert.equal(agreeing.rule, 'max', 'a server that counts as we do keeps the rule');
});

test('a 429 pauses the model and freezes the pace', () => {
  const lim = new ModelLimiter({ rpm: 600, tpm: null }, 0);
  lim.rateLimited(2000);
  assert.deepEqual(lim.waitMs(1, 500), { ms: 1500, atLeastMs: 1500 });
  assert.equal(lim.pacer.frozen, true);
});

test('in-flight window without limits: doubles while answers a second grow, settles back when they stop', () => {
  const w = new InFlightWindow(256);
  assert.equal(w.size, 16);
  // A server that answers at most 1,000 a second whatever is out: size × 20 a second below that.
  let t = 0;
  const seen: number[] = [];
  while (t < 100_000) {
    w.limited();
    t += 1000 / Math.min(w.size * 20, 1000);
    w.completed(t, 10);
    if (seen.at(-1) !== w.size) seen.push(w.size);
  }
  assert.deepEqual(seen.slice(0, 5), [16, 32, 64, 128, 64], '16 → 32 → 64 (1,000/s is reached at 50); 128 gains nothing: back to 64');
  assert.deepEqual(seen.slice(5, 7), [128, 64], 'tried again after a while, and back again');
  const capped = new InFlightWindow(20);
  assert.equal(capped.size, 16);
});

test('progress: tokens a minute against the limits, cost so far, and an ETA from what the buckets still allow', async () => {
  const { ProgressTracker } = await import('../../src/run/sync/syncProgress.ts');
  const lim = new ModelLimiter({ rpm: 60, tpm: 6000 }, 0);
  for (let i = 0; i < 60; i++) lim.reserve({ max: 100, sum: 120 }, 0); // the whole minute at once
  const tracker = new ProgressTracker(0);
  const counts = { done: 60, total: 120, inFlight: 0, rateLimited: 0, succeeded: 60, failed: 0, skipped: 0, costUsd: 0.0123456789012 };
  const p = tracker.report(counts, [['m', lim]], 1000);
  assert.deepEqual(p.tokensPerMinute, { used: 6000, limit: 6000 });
  assert.deepEqual(p.requestsPerMinute, { used: 60, limit: 60 });
  assert.equal(p.costUsd, 0.012345679);
  // 60 more at one a second, one of which the bucket already refilled: 59 s; no latency observed yet.
  assert.equal(p.etaMs, 59_000);
  assert.equal(tracker.report({ ...counts, total: undefined }, [['m', lim]], 1000).etaMs, null, 'no total, no ETA');
});
