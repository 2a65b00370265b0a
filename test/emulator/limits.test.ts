// Sync rate limits as OpenAI enforces them: the token bucket (default) and the sliding window, the per-second
// quantization, what a request counts against the token limit (both readings), and the headers and 429s of each.
// Time is the emulator's injectable clock: nothing here sleeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatEmulation } from '../../src/emulator/answers/chat.ts';
import { limitTokens, promptCharacters } from '../../src/emulator/limitTokens.ts';
import { SlidingWindow, TokenBucket } from '../../src/emulator/meters.ts';
import { promptTokens } from '../../src/emulator/tokens.ts';
import { chatBody, fastEmulator, post, TestClock, type Answered } from './helpers.ts';

const BOUND = { timeout: 20_000 };

function assertLimited(r: Answered, type: 'requests' | 'tokens', retryAfterMs: number) {
  assert.equal(r.status, 429, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'rate_limit_exceeded');
  assert.equal(r.body.error.type, type);
  assert.equal(r.headers.get('retry-after-ms'), String(retryAfterMs));
  assert.equal(r.headers.get('retry-after'), String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
}

test('bucket arithmetic: full at start, refills limit/60 per second, never above the limit', BOUND, () => {
  const b = new TokenBucket(60, 60_000, 0);
  assert.equal(b.remaining(0), 60);
  b.take(60, 0);
  assert.equal(b.remaining(0), 0);
  assert.equal(b.waitFor(1, 0), 1000);
  assert.equal(b.waitFor(1, 999), 1);
  assert.equal(b.waitFor(1, 1000), 0);
  assert.equal(b.remaining(1500), 1);
  assert.equal(b.remaining(30_000), 30);
  assert.equal(b.resetMs(30_000), 30_000);
  assert.equal(b.remaining(10 * 60_000), 60, 'capped at capacity');
  assert.equal(b.resetMs(10 * 60_000), 0);
  assert.equal(b.waitFor(61, 10 * 60_000), Infinity);
  // Odd rates stay exact: 7 per minute is one every 8571.43 ms.
  const odd = new TokenBucket(7, 60_000, 0);
  odd.take(7, 0);
  assert.equal(odd.waitFor(1, 0), 8572);
  assert.equal(odd.remaining(8571), 0);
  assert.equal(odd.remaining(8572), 1);

  const w = new SlidingWindow(3, 60_000);
  w.take(1, 0);
  w.take(1, 10_000);
  w.take(1, 20_000);
  assert.equal(w.waitFor(1, 30_000), 30_000, 'the oldest leaves at 60 s');
  assert.equal(w.waitFor(1, 60_000), 0);
  assert.equal(w.resetMs(60_000), 20_000, 'empty when the newest leaves');
});

test('bucket (default): a burst empties it, one request a second comes back, headers say so', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ rpm: 60, tpm: 6000, now: clock.now });
  try {
    const remaining: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await post(emulator, '/chat/completions', chatBody(10));
      assert.equal(r.status, 200);
      remaining.push(r.headers.get('x-ratelimit-remaining-requests')!);
      if (i === 0) {
        assert.equal(r.headers.get('x-ratelimit-limit-requests'), '60');
        assert.equal(r.headers.get('x-ratelimit-limit-tokens'), '6000');
        // Time until full again: one request refills in 1 s, 10 tokens at 100 a second in 100 ms.
        assert.equal(r.headers.get('x-ratelimit-reset-requests'), '1s');
        assert.equal(r.headers.get('x-ratelimit-reset-tokens'), '100ms');
        assert.equal(r.headers.get('x-ratelimit-remaining-tokens'), '5990');
      }
    }
    assert.deepEqual(remaining.slice(0, 3), ['59', '58', '57']);
    assert.equal(remaining.at(-1), '0');
    const last = await post(emulator, '/chat/completions', chatBody(10));
    assertLimited(last, 'requests', 1000);
    assert.match(
      last.body.error.message,
      /^Rate limit reached for gpt-4o-mini in organization org-emulator on requests per min \(RPM\): Limit 60, Used 60, Requested 1\. Please try again in 1s\. Visit https:\/\/platform\.openai\.com\/account\/rate-limits to learn more\.$/,
    );
    assert.equal(last.headers.get('x-ratelimit-reset-requests'), '1m0s');

    clock.advance(400);
    assertLimited(await post(emulator, '/chat/completions', chatBody(10)), 'requests', 600);
    clock.advance(600);
    const back = await post(emulator, '/chat/completions', chatBody(10));
    assert.equal(back.status, 200);
    assert.equal(back.headers.get('x-ratelimit-remaining-requests'), '0');
    clock.advance(30_000);
    const half = await post(emulator, '/chat/completions', chatBody(10));
    assert.equal(half.headers.get('x-ratelimit-remaining-requests'), '29');
    assert.equal(half.headers.get('x-ratelimit-reset-requests'), '31s');
  } finally {
    await emulator.close();
  }
});

test('window: the same burst stays refused until the oldest request is 60 s old', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ rpm: 60, limiter: 'window', now: clock.now });
  try {
    for (let i = 0; i < 60; i++) assert.equal((await post(emulator, '/chat/completions', chatBody(10))).status, 200);
    clock.advance(1000);
    // Where a bucket would have refilled one request, the window still holds all 60.
    assertLimited(await post(emulator, '/chat/completions', chatBody(10)), 'requests', 59_000);
    clock.advance(59_000);
    const r = await post(emulator, '/chat/completions', chatBody(10));
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-ratelimit-remaining-requests'), '59', 'the whole burst left together');
  } finally {
    await emulator.close();
  }
});

test('tokens: a request that does not fit waits for the refill; one above the limit is "Request too large" with no retry-after', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ tpm: 6000, now: clock.now });
  try {
    assert.equal((await post(emulator, '/chat/completions', chatBody(5000))).status, 200);
    const r = await post(emulator, '/chat/completions', chatBody(2000));
    // 1000 tokens missing at 100 a second.
    assertLimited(r, 'tokens', 10_000);
    assert.match(r.body.error.message, /on tokens per min \(TPM\): Limit 6000, Used 5000, Requested 2000\. Please try again in 10s\./);
    assert.equal(r.headers.get('x-ratelimit-remaining-tokens'), '1000');
    assert.equal(r.headers.get('x-ratelimit-reset-tokens'), '50s');
    clock.advance(10_000);
    assert.equal((await post(emulator, '/chat/completions', chatBody(2000))).status, 200);

    const big = await post(emulator, '/chat/completions', chatBody(6001));
    assert.equal(big.status, 429);
    assert.equal(big.body.error.type, 'tokens');
    assert.match(big.body.error.message, /^Request too large for gpt-4o-mini in organization org-emulator on tokens per min \(TPM\): Limit 6000, Requested 6001\./);
    assert.equal(big.headers.get('retry-after'), null);
    assert.equal(big.headers.get('retry-after-ms'), null);
  } finally {
    await emulator.close();
  }
});

test('limits are per model; a snapshot shares its family\'s', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ rpm: 1, now: clock.now });
  try {
    assert.equal((await post(emulator, '/chat/completions', chatBody(10, 'gpt-4o'))).status, 200);
    const snap = await post(emulator, '/chat/completions', chatBody(10, 'gpt-4o-2024-08-06'));
    assertLimited(snap, 'requests', 60_000);
    assert.match(snap.body.error.message, /^Rate limit reached for gpt-4o-2024-08-06 /);
    assert.equal((await post(emulator, '/chat/completions', chatBody(10, 'gpt-4o-mini'))).status, 200);
  } finally {
    await emulator.close();
  }
});

test('per second: no more than ceil(limit/60) requests or tokens within any 1 s, whatever the minute bucket holds', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ rpm: 120, tpm: 600, perSecond: true, now: clock.now });
  try {
    // 120 rpm → 2 a second. Tokens 600 tpm → 10 a second.
    assert.equal((await post(emulator, '/chat/completions', chatBody(4))).status, 200);
    clock.advance(300);
    assert.equal((await post(emulator, '/chat/completions', chatBody(4))).status, 200);
    clock.advance(300);
    const third = await post(emulator, '/chat/completions', chatBody(1));
    // The first leaves the 1 s window 400 ms from now; the minute bucket has 119 (118 + 1.2 refilled in 600 ms).
    assertLimited(third, 'requests', 400);
    assert.equal(third.headers.get('x-ratelimit-remaining-requests'), '119');
    clock.advance(400);
    // The first request has left the window: one request and 4 tokens are in it, so 4 more tokens fit (8 ≤ 10)...
    assert.equal((await post(emulator, '/chat/completions', chatBody(4))).status, 200);
    // ...but a third request within the same second does not.
    assertLimited(await post(emulator, '/chat/completions', chatBody(1)), 'requests', 300);
    clock.advance(1000);
    // A second's worth of tokens: 8 passes, 8 more is refused on tokens although two requests are allowed.
    assert.equal((await post(emulator, '/chat/completions', chatBody(8))).status, 200);
    const more = await post(emulator, '/chat/completions', chatBody(8));
    assertLimited(more, 'tokens', 1000);
    clock.advance(1000);
    // A lone request larger than a second's share passes when the window is empty (else it could never run).
    assert.equal((await post(emulator, '/chat/completions', chatBody(50))).status, 200);
    assertLimited(await post(emulator, '/chat/completions', chatBody(2)), 'tokens', 1000);
  } finally {
    await emulator.close();
  }
});

test('per second applies with the window limiter too', BOUND, async () => {
  const clock = new TestClock();
  const { emulator } = await fastEmulator({ rpm: 60, limiter: 'window', perSecond: true, now: clock.now });
  try {
    assert.equal((await post(emulator, '/chat/completions', chatBody(4))).status, 200);
    assertLimited(await post(emulator, '/chat/completions', chatBody(4)), 'requests', 1000);
    clock.advance(1000);
    assert.equal((await post(emulator, '/chat/completions', chatBody(4))).status, 200);
  } finally {
    await emulator.close();
  }
});

test('token counting: max (default) = max(max_tokens, ceil(chars/4)); sum = input tokens + max_tokens', BOUND, async () => {
  const long = 'abcd '.repeat(80); // 400 characters
  const body = (maxTokens: number) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: long }], max_tokens: maxTokens });
  // Characters are the prompt's strings ("user" included); data: URLs are left out.
  assert.equal(promptCharacters(body(1)), 404);
  assert.equal(
    promptCharacters({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }] }),
    'user'.length + 'image_url'.length,
  );
  assert.equal(limitTokens('/v1/chat/completions', body(10), chatEmulation, 'max'), 101);
  assert.equal(limitTokens('/v1/chat/completions', body(500), chatEmulation, 'max'), 500);
  const prompt = promptTokens('/v1/chat/completions', body(10));
  assert.equal(limitTokens('/v1/chat/completions', body(10), chatEmulation, 'sum'), prompt + 10);

  for (const [counting, expected] of [
    ['max', [101, 500]],
    ['sum', [prompt + 10, prompt + 500]],
  ] as const) {
    const clock = new TestClock();
    const { emulator } = await fastEmulator({ tpm: 10_000, tokenCounting: counting, now: clock.now });
    try {
      const a = await post(emulator, '/chat/completions', body(10));
      assert.equal(a.body.usage.prompt_tokens, prompt, 'the answer reports the exact input tokens whatever the limiter counts');
      assert.equal(a.headers.get('x-ratelimit-remaining-tokens'), String(10_000 - expected[0]), counting);
      const b = await post(emulator, '/chat/completions', body(500));
      assert.equal(b.headers.get('x-ratelimit-remaining-tokens'), String(10_000 - expected[0] - expected[1]), counting);
    } finally {
      await emulator.close();
    }
  }
});

test('the SDK reads retry-after-ms: one retry after a bucket refusal succeeds', BOUND, async () => {
  const OpenAI = (await import('openai')).default;
  const { emulator } = await fastEmulator({ rpm: 60 });
  try {
    // 60 rpm refills one request a second of real time: the SDK's own retry waits retry-after-ms and succeeds.
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: emulator.url, maxRetries: 1 });
    const calls = Array.from({ length: 61 }, () => client.chat.completions.create(chatBody(1) as never));
    const settled = await Promise.allSettled(calls);
    const failed = settled.filter((s) => s.status === 'rejected');
    assert.equal(failed.length, 0, String((failed[0] as PromiseRejectedResult | undefined)?.reason));
  } finally {
    await emulator.close();
  }
});
