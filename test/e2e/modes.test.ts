// --mode sync and --mode flex end to end, and auto choosing sync when the saving is negligible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatLine, writeJsonl } from '../helpers.ts';
import { allBatches, assertOnePerRequest, catalog, emulator, requestFile, run } from './helpers.ts';
import { resolvePricing } from '../../src/pricing/index.ts';
import { roundUsd, usageCostUsd } from '../../src/results/index.ts';

test('--mode sync: every request through the sync runner, priced at sync, no batch', async () => {
  const emu = await emulator();
  try {
    const { summary, results } = await run(requestFile(10), emu, { mode: 'sync' });
    assertOnePerRequest(results, 10, assert);
    assert.equal(summary.exit_code, 0);
    const pricing = resolvePricing(catalog, 'gpt-4.1-mini');
    for (const r of results) {
      assert.deepEqual([r.status, r.mode, r.batch_id], ['succeeded', 'sync', null]);
      assert.equal(r.cost_usd, roundUsd(usageCostUsd(r.usage, pricing, 'sync')!));
    }
    assert.equal((await allBatches(emu)).length, 0);
  } finally {
    await emu.close();
  }
});

test('--mode flex on a model with flex: service_tier flex, flex prices', async () => {
  const emu = await emulator();
  try {
    const file = writeJsonl(Array.from({ length: 6 }, (_, i) => chatLine(`req-${i + 1}`, `n ${i}`, { max_completion_tokens: 20 }, 'gpt-5-mini')));
    const { summary, results } = await run(file, emu, { mode: 'flex' });
    assertOnePerRequest(results, 6, assert);
    assert.equal(summary.exit_code, 0);
    const pricing = resolvePricing(catalog, 'gpt-5-mini');
    for (const r of results) {
      assert.equal(r.mode, 'flex');
      assert.equal(r.cost_usd, roundUsd(usageCostUsd(r.usage, pricing, 'flex')!));
    }
  } finally {
    await emu.close();
  }
});

test('auto with a negligible saving: sync, and the reason says so', async () => {
  const emu = await emulator();
  try {
    const { summary, results } = await run(requestFile(3), emu, { mode: 'auto', minSavingsUsd: 0.01 });
    assert.equal(summary.decision.mode, 'sync');
    assert.match(summary.decision.reason, /save only/);
    assert.ok(results.every((r) => r.mode === 'sync' && r.status === 'succeeded'));
  } finally {
    await emu.close();
  }
});

test('--mode priority: service_tier priority where the model has it, priced at the Fast table; others at standard', async () => {
  const emu = await emulator();
  try {
    const file = writeJsonl([
      chatLine('req-1', 'one', { max_completion_tokens: 20 }, 'gpt-5.5'),
      chatLine('req-2', 'two', { max_completion_tokens: 20 }, 'gpt-5.5'),
    ]);
    const { summary, results } = await run(file, emu, { mode: 'priority' });
    assert.equal(summary.exit_code, 0);
    assert.equal(summary.decision.mode, 'priority');
    const pricing = resolvePricing(catalog, 'gpt-5.5');
    for (const r of results) {
      assert.equal(r.mode, 'priority');
      assert.equal((r.response as { service_tier?: string }).service_tier, 'priority');
      assert.equal(r.cost_usd, roundUsd(usageCostUsd(r.usage, pricing, 'priority')!));
    }
    // Dearer than sync, and the ledger says so rather than claiming a saving.
    assert.ok(summary.ledger.total.saved_usd < 0);
    // A model without priority cannot be run in priority mode: said before anything is sent.
    await assert.rejects(run(writeJsonl([chatLine('req-1', 'x', { max_completion_tokens: 5 }, 'gpt-5-nano')]), emu, { mode: 'priority' }), /no priority processing \(Fast mode\) for gpt-5-nano/);
  } finally {
    await emu.close();
  }
});
