// The emulator's Anthropic rate limits on the wire (raw fetch, the emulator's clock moved by hand): a token bucket per
// model and limit as platform.claude.com/docs/en/api/rate-limits describes, the anthropic-ratelimit-* headers on every
// Messages answer, and 429 rate_limit_error with retry-after when a bucket is short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmulatorOptions } from '../../../src/emulator/index.ts';
import { anthropicEmulator, call, Clock, params, requests, type Emulator } from './helpers.ts';

const BOUND = { timeout: 60_000 };
const RL = 'anthropic-ratelimit-';
/** Past the 1,024-token cache minimum. */
const LONG_SYSTEM = Array.from({ length: 400 }, (_, i) => `Rule ${i}: answer plainly and briefly.`).join(' ');

/** The Anthropic face's switches are environment variables, read when the emulator first answers an Anthropic call:
 *  set for the test's whole life, restored after. */
async function withEmulator(opts: EmulatorOptions, env: Record<string, string>, body: (em: Emulator, clock: Clock) => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const clock = new Clock();
  const em = await anthropicEmulator({ now: clock.now, ...opts });
  try {
    await body(em, clock);
  } finally {
    await em.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const EXACT = { BATCHWISE_ANTHROPIC_TOKENS_REMAINING: 'exact' };
const num = (h: Headers, name: string) => Number(h.get(`${RL}${name}`));
const uncached = (usage: { input_tokens: number; cache_creation_input_tokens: number }) => usage.input_tokens + usage.cache_creation_input_tokens;

test('without rpm / tpm: no anthropic-ratelimit-* headers, nothing refused', BOUND, async () => {
  await withEmulator({}, {}, async (em) => {
    for (let i = 0; i < 5; i++) {
      const r = await call(em, 'POST', '/v1/messages', params(`Hi ${i}`));
      assert.equal(r.status, 200);
      assert.deepEqual([...r.headers.keys()].filter((k) => k.startsWith(RL)), []);
    }
  });
});

test('every answer carries the limits, what is left and when each bucket is full again (RFC 3339, the emulator\'s clock)', BOUND, async () => {
  await withEmulator({ rpm: 60, tpm: 60_000 }, EXACT, async (em, clock) => {
    const start = clock.ms;
    const a = await call(em, 'POST', '/v1/messages', params('Tell me about rate limits'));
    assert.equal(a.status, 200);
    const h = a.headers;
    assert.equal(h.get('date'), new Date(start).toUTCString(), 'the date is the emulator\'s clock');
    assert.equal(num(h, 'requests-limit'), 60);
    assert.equal(num(h, 'requests-remaining'), 59);
    // One request is back in 1 s at 60 a minute: full again then.
    assert.equal(h.get(`${RL}requests-reset`), '2026-12-01T00:00:01Z');
    const used = uncached(a.body.usage);
    assert.ok(used > 0);
    assert.equal(num(h, 'input-tokens-limit'), 60_000);
    assert.equal(num(h, 'input-tokens-remaining'), 60_000 - used);
    // 1,000 tokens a second come back: full after `used` ms, shown rounded up to the second.
    assert.equal(h.get(`${RL}input-tokens-reset`), new Date(Math.ceil((start + used) / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
    // No output limit: the total is the input's.
    assert.equal(num(h, 'tokens-limit'), 60_000);
    assert.equal(num(h, 'tokens-remaining'), 60_000 - used);
    assert.equal(h.get(`${RL}output-tokens-limit`), null);
    assert.equal(h.get('retry-after'), null, 'retry-after only on a 429');

    // Continuously replenished: 500 ms later half a request is back (not a whole one), and `used` tokens ms later all.
    clock.advance(500);
    const b = await call(em, 'POST', '/v1/messages', params('Tell me about rate limits'));
    assert.equal(num(b.headers, 'requests-remaining'), 58, '59 + 0.5 − 1, whole requests shown');
    clock.advance(60_000);
    const c = await call(em, 'POST', '/v1/messages', params('Tell me about rate limits'));
    assert.equal(num(c.headers, 'requests-remaining'), 59, 'never above the limit');
    assert.equal(num(c.headers, 'input-tokens-remaining'), 60_000 - used);
  });
});

test('token remaining is rounded to the nearest thousand, as documented (the default)', BOUND, async () => {
  await withEmulator({ tpm: 10_000 }, {}, async (em) => {
    const a = await call(em, 'POST', '/v1/messages', params('x', { system: LONG_SYSTEM }));
    const used = uncached(a.body.usage);
    assert.ok(used > 600 && used < 9_000, `${used} tokens`);
    assert.equal(num(a.headers, 'input-tokens-remaining'), Math.round((10_000 - used) / 1000) * 1000);
    assert.equal(num(a.headers, 'input-tokens-remaining') % 1000, 0);
    assert.equal(num(a.headers, 'input-tokens-limit'), 10_000, 'limits are exact');
  });
});

test('requests: a 429 rate_limit_error naming the limit, retry-after in seconds, the refused request counted nowhere', BOUND, async () => {
  await withEmulator({ rpm: 2 }, {}, async (em, clock) => {
    for (let i = 0; i < 2; i++) assert.equal((await call(em, 'POST', '/v1/messages', params(`Hi ${i}`))).status, 200);
    const refused = await call(em, 'POST', '/v1/messages', params('Hi again'));
    assert.equal(refused.status, 429);
    assert.equal(refused.body.type, 'error');
    assert.equal(refused.body.error.type, 'rate_limit_error');
    assert.match(refused.body.error.message, /would exceed the rate limit for your organization \(.+\) of 2 requests per minute/);
    assert.match(refused.headers.get('request-id') ?? '', /^req_/);
    // Empty at 2 a minute: one request is back in 30 s.
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.equal(num(refused.headers, 'requests-remaining'), 0);
    assert.equal(num(refused.headers, 'requests-limit'), 2);
    // "Earlier retries will fail"; at the time said, it passes — so the refusals took nothing.
    clock.advance(29_999);
    const early = await call(em, 'POST', '/v1/messages', params('Hi again'));
    assert.equal(early.status, 429);
    assert.equal(early.headers.get('retry-after'), '1', 'a millisecond left is a whole second');
    clock.advance(1);
    assert.equal((await call(em, 'POST', '/v1/messages', params('Hi again'))).status, 200);
  });
});

test('input tokens: the uncached prompt counts, cache reads do not; a prompt over the whole limit can never pass', BOUND, async () => {
  await withEmulator({ tpm: 5_000 }, EXACT, async (em, clock) => {
    const system = [{ type: 'text', text: LONG_SYSTEM, cache_control: { type: 'ephemeral' } }];
    const first = await call(em, 'POST', '/v1/messages', params('First question', { system }));
    assert.equal(first.status, 200);
    assert.ok(first.body.usage.cache_creation_input_tokens > 1_000, 'the prefix was written');
    const afterFirst = num(first.headers, 'input-tokens-remaining');
    assert.equal(afterFirst, 5_000 - uncached(first.body.usage), 'written tokens count');
    const second = await call(em, 'POST', '/v1/messages', params('Second question', { system }));
    assert.ok(second.body.usage.cache_read_input_tokens > 1_000, 'the prefix was read');
    assert.equal(second.body.usage.cache_creation_input_tokens, 0);
    assert.equal(num(second.headers, 'input-tokens-remaining'), afterFirst - second.body.usage.input_tokens, 'read tokens do not count');

    // Short: the wait for the missing tokens, in whole seconds.
    const left = num(second.headers, 'input-tokens-remaining');
    const plain = params('x', { system: LONG_SYSTEM });
    const count = (await call(em, 'POST', '/v1/messages/count_tokens', { model: plain.model, system: LONG_SYSTEM, messages: plain.messages })).body.input_tokens;
    let level = left;
    while (level >= count) {
      const r = await call(em, 'POST', '/v1/messages', plain);
      assert.equal(r.status, 200);
      level = num(r.headers, 'input-tokens-remaining');
    }
    const refused = await call(em, 'POST', '/v1/messages', plain);
    assert.equal(refused.status, 429);
    assert.match(refused.body.error.message, /of 5,000 input tokens per minute/);
    const missingMs = Math.ceil(((count - level) * 60_000) / 5_000);
    assert.equal(refused.headers.get('retry-after'), String(Math.ceil(missingMs / 1000)));
    clock.advance(missingMs);
    assert.equal((await call(em, 'POST', '/v1/messages', plain)).status, 200, 'in exactly the time the tokens take to come back');

    const huge = await call(em, 'POST', '/v1/messages', params(Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(' ')));
    assert.equal(huge.status, 429);
    assert.match(huge.body.error.message, /of 5,000 input tokens per minute/);
    assert.equal(huge.headers.get('retry-after'), null, 'no wait makes it fit');
  });
});

test('output tokens (default, current docs): the actual output counts when produced, max_tokens does not', BOUND, async () => {
  await withEmulator({ tpm: 50_000 }, { ...EXACT, BATCHWISE_ANTHROPIC_OTPM: '1000' }, async (em, clock) => {
    // A cap above the whole output limit is no reason to refuse.
    const a = await call(em, 'POST', '/v1/messages', params('Tell me about output limits', { max_tokens: 4_000 }));
    assert.equal(a.status, 200);
    const out = a.body.usage.output_tokens;
    assert.equal(num(a.headers, 'output-tokens-limit'), 1_000);
    assert.equal(num(a.headers, 'output-tokens-remaining'), Math.max(0, 1_000 - out));
    // The total is the sum of input and output.
    assert.equal(num(a.headers, 'tokens-limit'), 51_000);
    assert.equal(num(a.headers, 'tokens-remaining'), num(a.headers, 'input-tokens-remaining') + num(a.headers, 'output-tokens-remaining'));
    // Spend the minute's output (the last answer may overdraw it: counted as produced), then a 429 for output.
    let last = a;
    for (let i = 0; i < 60 && num(last.headers, 'output-tokens-remaining') > 0; i++) {
      last = await call(em, 'POST', '/v1/messages', params(`Tell me about output limits, part ${i}`, { max_tokens: 4_000 }));
      assert.equal(last.status, 200);
    }
    assert.equal(num(last.headers, 'output-tokens-remaining'), 0, 'spent within the bound');
    const refused = await call(em, 'POST', '/v1/messages', params('One more', { max_tokens: 10 }));
    assert.equal(refused.status, 429);
    assert.match(refused.body.error.message, /of 1,000 output tokens per minute/);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1, `retry-after ${wait}`);
    clock.advance(wait * 1000);
    assert.equal((await call(em, 'POST', '/v1/messages', params('One more', { max_tokens: 10 }))).status, 200);
  });
});

test('output tokens, max_tokens switch (earlier docs): max_tokens reserved at the start, the unused part given back', BOUND, async () => {
  await withEmulator({}, { ...EXACT, BATCHWISE_ANTHROPIC_OTPM: '1000', BATCHWISE_ANTHROPIC_OUTPUT_COUNTING: 'max_tokens' }, async (em) => {
    const over = await call(em, 'POST', '/v1/messages', params('Tell me', { max_tokens: 4_000 }));
    assert.equal(over.status, 429, 'a cap above the whole limit never fits');
    assert.equal(over.headers.get('retry-after'), null);
    const a = await call(em, 'POST', '/v1/messages', params('Tell me', { max_tokens: 900 }));
    assert.equal(a.status, 200);
    const left = num(a.headers, 'output-tokens-remaining');
    assert.equal(left, 1_000 - a.body.usage.output_tokens, 'what was not produced came back');
    assert.equal(num(a.headers, 'tokens-limit'), 1_000, 'no input limit: the total is the output\'s');
    const refused = await call(em, 'POST', '/v1/messages', params('Tell me', { max_tokens: left + 1 }));
    assert.equal(refused.status, 429, 'the cap must fit when it starts');
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal((await call(em, 'POST', '/v1/messages', params('Tell me', { max_tokens: left }))).status, 200);
  });
});

test('perSecond: "60 requests per minute (RPM) might be enforced as 1 request per second"', BOUND, async () => {
  await withEmulator({ rpm: 120, perSecond: true }, {}, async (em, clock) => {
    assert.equal((await call(em, 'POST', '/v1/messages', params('a'))).status, 200);
    assert.equal((await call(em, 'POST', '/v1/messages', params('b'))).status, 200);
    const third = await call(em, 'POST', '/v1/messages', params('c'));
    assert.equal(third.status, 429, 'two a second at 120 a minute');
    assert.equal(third.headers.get('retry-after'), '1');
    assert.equal(num(third.headers, 'requests-remaining'), 118, 'the minute\'s bucket is far from empty');
    clock.advance(1_000);
    assert.equal((await call(em, 'POST', '/v1/messages', params('c'))).status, 200);
  });
});

test('limits are per model (a snapshot shares its model\'s); count_tokens and Message Batches are not limited by them', BOUND, async () => {
  await withEmulator({ rpm: 1, tpm: 1_000 }, {}, async (em) => {
    assert.equal((await call(em, 'POST', '/v1/messages', params('a', { model: 'claude-haiku-4-5' }))).status, 200);
    const snapshot = await call(em, 'POST', '/v1/messages', params('b', { model: 'claude-haiku-4-5-20251001' }));
    assert.equal(snapshot.status, 429);
    assert.equal((await call(em, 'POST', '/v1/messages', params('c', { model: 'claude-sonnet-4-6' }))).status, 200, 'another model, its own buckets');
    // "Token counting and message creation have separate and independent rate limits."
    for (let i = 0; i < 3; i++) {
      const counted = await call(em, 'POST', '/v1/messages/count_tokens', { model: 'claude-haiku-4-5', messages: [{ role: 'user', content: `count ${i}` }] });
      assert.equal(counted.status, 200);
      assert.equal(counted.headers.get(`${RL}requests-limit`), null);
    }
    // "The Message Batches API has its own set of rate limits which are shared across all models."
    const batch = await call(em, 'POST', '/v1/messages/batches', { requests: requests(3, { model: 'claude-haiku-4-5' }) });
    assert.equal(batch.status, 200);
    assert.equal(batch.headers.get(`${RL}requests-limit`), null);
  });
});
