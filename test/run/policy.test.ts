// The auto policy's choices from the estimate, the budget and the rate limits; the cost ceiling's arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { decide, decideWithin, fitMaxCost, MaxCostError, worstCase } from '../../src/run/index.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const base = { mode: 'auto' as const, minSavingsUsd: 0, rpm: null, tpm: null, concurrency: 16 };

async function est(model: string, n = 200, maxTokens = 2000) {
  const lines = Array.from({ length: n }, (_, i) => chatLine(`r${i}`, 'Write a long essay about rivers. '.repeat(40), { max_tokens: maxTokens }, model));
  return estimateFile(writeJsonl(lines), { catalog });
}

test('a saving at or below --min-savings runs sync now', async () => {
  const e = await est('gpt-4.1-mini', 2, 5);
  const d = decide(e, { ...base, latencyBudgetMs: 86_400_000, minSavingsUsd: 0.01 });
  assert.equal(d.mode, 'sync');
  assert.match(d.reason, /save only/);
});

test('a 24h budget: plain batch, no safety net', async () => {
  const d = decide(await est('gpt-4.1-mini'), { ...base, latencyBudgetMs: 86_400_000 });
  assert.deepEqual([d.mode, d.safety_net], ['batch', false]);
});

test('a shorter budget with room for sync to finish everything: batch with a sync safety net', async () => {
  const d = decide(await est('gpt-4.1-mini'), { ...base, latencyBudgetMs: 3_600_000 });
  assert.deepEqual([d.mode, d.safety_net], ['batch', true]);
  assert.match(d.reason, /run with sync/);
});

test('no room for the safety net: flex when the model has it, else sync', async () => {
  // 200 requests at 10 rpm need 20 minutes sync; 40 with flex.
  const limits = { ...base, rpm: 10, latencyBudgetMs: 45 * 60_000 };
  const flex = decide(await est('gpt-5-mini'), limits);
  assert.equal(flex.mode, 'flex');
  const noFlex = decide(await est('gpt-4.1-mini'), { ...limits, latencyBudgetMs: 15 * 60_000 });
  assert.equal(noFlex.mode, 'sync');
  assert.match(noFlex.reason, /no room for a batch/);
});

test('max-cost looks at the worst case of the plan: a safety net or sync retries can move everything to sync', async () => {
  const e = await est('gpt-4.1-mini');
  const net = { mode: 'batch' as const, reason: '', safety_net: true };
  const plain = { ...net, safety_net: false };
  const strict = { syncRetries: false, flexFallback: false };
  assert.equal(worstCase(e, net).max, e.cost.sync.max);
  assert.equal(worstCase(e, plain).max, e.cost.sync.max, 'sync retries of leftovers may bill at sync');
  assert.equal(worstCase(e, plain, strict).max, e.cost.batch.max);
  // A ceiling that only the batch price fits: the run keeps its retries in batches instead of refusing.
  assert.deepEqual(fitMaxCost(e, plain, e.cost.batch.max), strict);
  assert.deepEqual(fitMaxCost(e, plain, e.cost.sync.max), { syncRetries: true, flexFallback: true });
  assert.throws(() => fitMaxCost(e, net, e.cost.batch.max), (err: unknown) => {
    assert.ok(err instanceof MaxCostError);
    assert.ok(Math.abs(err.worstCaseUsd - err.maxCostUsd - (e.cost.sync.max - e.cost.batch.max)) < 1e-9);
    return true;
  });
});

test('flex: the worst case is sync while flex may fall back to the standard tier', async () => {
  const e = await est('gpt-5-mini');
  const flex = { mode: 'flex' as const, reason: '', safety_net: false };
  assert.equal(worstCase(e, flex).max, e.cost.sync.max);
  assert.equal(worstCase(e, flex, { syncRetries: false, flexFallback: false }).max, e.cost.flex!.max);
  assert.deepEqual(fitMaxCost(e, flex, e.cost.flex!.max), { syncRetries: false, flexFallback: false });
  assert.throws(() => fitMaxCost(e, flex, e.cost.flex!.max / 2), MaxCostError);
});

test('unknown rate limits: the deadline arithmetic assumes Tier-1 limits and says so', async () => {
  const e = await est('gpt-4.1-mini'); // 200 requests of ~2,400 tokens reserved: ~16 minutes at 30,000 tokens a minute
  const unknown = decide(e, { ...base, latencyBudgetMs: 20 * 60_000 });
  assert.equal(unknown.mode, 'sync', unknown.reason);
  assert.match(unknown.reason, /assuming 500 requests and 30,000 tokens a minute/);
  const known = decide(e, { ...base, latencyBudgetMs: 20 * 60_000, rpm: 10_000, tpm: 10_000_000 });
  assert.deepEqual([known.mode, known.safety_net], ['batch', true]);
  assert.doesNotMatch(known.reason, /assuming/);
});

test('auto under --max-cost: when sync (picked for a small saving) does not fit but batch does, batch is taken and the reason says why', async () => {
  const e = await est('gpt-4.1-mini', 4, 400);
  const policy = { ...base, latencyBudgetMs: 86_400_000, minSavingsUsd: 1 };
  assert.equal(decide(e, policy).mode, 'sync');
  const between = (e.cost.sync.max + e.cost.batch.max) / 2;
  const d = decideWithin(e, policy, between);
  assert.equal(d.mode, 'batch');
  assert.match(d.reason, /the cheapest plan within the cost ceiling of \$[\d.]+: auto would have picked sync/);
  assert.doesNotThrow(() => fitMaxCost(e, d, between));
  // A named mode is never swapped, and a ceiling nothing fits leaves auto's pick for fitMaxCost to refuse.
  assert.equal(decideWithin(e, { ...policy, mode: 'sync' }, between).mode, 'sync');
  assert.equal(decideWithin(e, policy, e.cost.batch.max / 10).mode, 'sync');
  assert.equal(decideWithin(e, policy, undefined).mode, 'sync');
});
