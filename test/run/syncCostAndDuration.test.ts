import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitMs } from '../../src/run/plan/runSyncDuration.ts';
import { estimateSyncDurationMs } from '../../src/run/sync/runSync.ts';
import { syncCostUsd, usageTokens } from '../../src/run/sync/runSyncCost.ts';
import type { ModelPricing } from '../../src/pricing/index.ts';

const pricing = {
  model: 'm',
  sync: { input: 2, cached_input: 0.5, output: 8 },
  batch: { input: 1, cached_input: null, output: 4 },
  flex: { input: 1, cached_input: 0.25, output: 4 },
  priority: null,
  long_context: null,
  regional_uplift: null,
} as unknown as ModelPricing;

test('usage of every endpoint shape becomes billed tokens, cached tokens included in input', () => {
  assert.deepEqual(usageTokens({ prompt_tokens: 100, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 40 } }), { input: 100, cached_input: 40, cache_write: 0, output: 20, reasoning: 0 });
  assert.deepEqual(usageTokens({ input_tokens: 50, output_tokens: 5, input_tokens_details: { cached_tokens: 10 } }), { input: 50, cached_input: 10, cache_write: 0, output: 5, reasoning: 0 });
  assert.deepEqual(usageTokens({ prompt_tokens: 7, total_tokens: 7 }), { input: 7, cached_input: 0, cache_write: 0, output: 0, reasoning: 0 });
  // GPT-5.6+ usage: cache writes and reasoning are read from the details, each within its total.
  assert.deepEqual(
    usageTokens({ input_tokens: 3000, output_tokens: 900, input_tokens_details: { cached_tokens: 1024, cache_write_tokens: 1200 }, output_tokens_details: { reasoning_tokens: 600 } }),
    { input: 3000, cached_input: 1024, cache_write: 1200, output: 900, reasoning: 600 },
  );
  assert.equal(usageTokens(null), null);
  assert.equal(usageTokens({ total_tokens: 3 }), null);
});

test('cost at the price of the tier that served the answer', () => {
  const usage = { prompt_tokens: 1_000_000, completion_tokens: 500_000, prompt_tokens_details: { cached_tokens: 200_000 } };
  // sync: 800k × $2 + 200k × $0.5 + 500k × $8 = 1.6 + 0.1 + 4
  assert.equal(syncCostUsd(pricing, 'sync', usage), 5.7);
  // flex: 800k × $1 + 200k × $0.25 + 500k × $4 = 0.8 + 0.05 + 2
  assert.equal(syncCostUsd(pricing, 'flex', usage), 2.85);
  assert.equal(syncCostUsd({ ...pricing, flex: null }, 'flex', usage), null);
  assert.equal(syncCostUsd(null, 'sync', usage), null);
});

test('sync duration, the bucket model: a minute’s worth goes within seconds (paced), the rest at limit/60 a second', () => {
  const limits = { rpm: 600, tpm: 100_000, concurrency: 256, latencyMs: 1000, burst: true };
  // 1200 requests at 600/min: the first 600 are in the full bucket, the other 600 refill in 60 s; + 1 s for the last answer.
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 120_000 }, limits), 61_000);
  // 300 requests fit the bucket: the pace (10, 20, 40 … a second) lets them out in log2(300/10 + 1) ≈ 4.95 s.
  assert.equal(estimateSyncDurationMs({ requests: 300, tokens: 1 }, limits), Math.ceil(Math.log2(31) * 1000) + 1000);
  // 300,000 tokens at 100,000/min: 100,000 at once, 200,000 in 120 s.
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 300_000 }, limits), 121_000, 'tokens bind');
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 1 }, { ...limits, rpm: null, tpm: null, concurrency: 4 }), 300_000, 'the in-flight ceiling binds');
  assert.equal(estimateSyncDurationMs({ requests: 0, tokens: 0 }, limits), 0);
  assert.throws(() => estimateSyncDurationMs({ requests: 1, tokens: 1 }, { ...limits, concurrency: 0 }), RangeError);
});

test('sync duration for planning deadlines (the default): no credit for the first minute, so it errs long by at most that', () => {
  const limits = { rpm: 600, tpm: 100_000, concurrency: 256, latencyMs: 1000 };
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 120_000 }, limits), 121_000);
  assert.equal(estimateSyncDurationMs({ requests: 300, tokens: 1 }, limits), 31_000);
  assert.equal(admitMs(600, 600, false) - admitMs(600, 600, true), 60_000 - Math.log2(61) * 1000, 'a minute of work: the difference is the minute, less the ramp');
  assert.equal(admitMs(6000, 600, false) - admitMs(6000, 600, true), 60_000, 'a long run: exactly the minute');
});
