import { test } from 'node:test';
import assert from 'node:assert/strict';
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

test('sync duration: the slowest of rpm, tpm and concurrency × latency', () => {
  const limits = { rpm: 600, tpm: 100_000, concurrency: 10, latencyMs: 1000 };
  // 1200 requests at 600/min → 2 min; 120k tokens at 100k/min → 1.2 min; 1200/10 × 1 s → 2 min.
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 120_000 }, limits), 121_000);
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 300_000 }, limits), 181_000, 'tokens bind');
  assert.equal(estimateSyncDurationMs({ requests: 1200, tokens: 1 }, { ...limits, rpm: null, tpm: null, concurrency: 4 }), 300_000, 'concurrency binds');
  assert.equal(estimateSyncDurationMs({ requests: 0, tokens: 0 }, limits), 0);
  assert.throws(() => estimateSyncDurationMs({ requests: 1, tokens: 1 }, { ...limits, concurrency: 0 }), RangeError);
});
