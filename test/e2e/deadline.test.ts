// The auto policy against the clock: batch first, and when only the time sync (or flex) needs for the unfinished
// requests is left, the batch is cancelled, what finished is kept and the rest runs synchronously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MaxCostError } from '../../src/run/index.ts';
import { chatLine, writeJsonl } from '../helpers.ts';
import { allBatches, assertOnePerRequest, clientFor, emulator, requestFile, run } from './helpers.ts';

test('safety net: a slow batch is cancelled before the deadline, finished answers kept, the rest sent sync', async () => {
  const emu = await emulator({ completeAfterMs: 15_000 });
  try {
    const file = requestFile(24);
    const budget = 9_000;
    const started = Date.now();
    const { summary, results, logs } = await run(file, emu, { mode: 'auto', latencyBudgetMs: budget });
    const took = Date.now() - started;
    assert.equal(summary.decision.mode, 'batch');
    assert.match(summary.decision.reason, /cancelled and run with sync/);
    assertOnePerRequest(results, 24, assert);
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    const byBatch = results.filter((r) => r.mode === 'batch').length;
    const bySync = results.filter((r) => r.mode === 'sync').length;
    assert.ok(byBatch > 0 && bySync > 0, `${byBatch} by batch, ${bySync} by sync`);
    assert.ok(took < budget, `finished in ${took} ms, within the ${budget} ms budget`);
    assert.ok(logs.some((l) => /^safety net: \d+ requests unfinished/.test(l)), logs.join('\n'));
    assert.equal((await allBatches(emu))[0].status, 'cancelled');
    // The expected cost is never above sync: batch-priced answers plus sync-priced ones.
    assert.ok(summary.actual_cost_usd <= summary.estimate.cost.sync.max);
    const report = JSON.parse(readFileSync(summary.report_json_path, 'utf8'));
    assert.equal(report.decision.safety_net, true);
    assert.equal(report.sync_phase.mode, 'sync');
  } finally {
    await emu.close();
  }
});

test('max-cost: a plan whose worst case is above the ceiling is refused before anything is sent, saying by how much', async () => {
  const emu = await emulator();
  try {
    const file = requestFile(10);
    await assert.rejects(run(file, emu, { maxCostUsd: 0.00001 }), (err: unknown) => {
      assert.ok(err instanceof MaxCostError);
      assert.ok(err.worstCaseUsd > err.maxCostUsd);
      assert.match(err.message, /worst case of the batch plan is \$[\d.]+, \$[\d.]+ above --max-cost \$0\.00001/);
      return true;
    });
    assert.equal((await allBatches(emu)).length, 0);
    const files = [];
    for await (const f of clientFor(emu).files.list()) files.push(f);
    assert.equal(files.length, 0, 'nothing uploaded');
    // The same ceiling above the worst case runs.
    const ok = await run(file, emu, { maxCostUsd: 1 });
    assert.equal(ok.summary.exit_code, 0);
  } finally {
    await emu.close();
  }
});

test('safety net with a flex model: the unfinished rest runs with flex, priced at flex', async () => {
  const emu = await emulator({ completeAfterMs: 20_000 });
  try {
    const lines = Array.from({ length: 24 }, (_, i) => chatLine(`req-${i + 1}`, `Number ${i + 1}?`, { max_completion_tokens: 20 }, 'gpt-5-mini'));
    const file = writeJsonl(lines);
    const { summary, results, logs } = await run(file, emu, { mode: 'auto', latencyBudgetMs: 14_000 });
    assert.equal(summary.decision.mode, 'batch');
    assert.match(summary.decision.reason, /run with flex/);
    assertOnePerRequest(results, 24, assert);
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    const flex = results.filter((r) => r.mode === 'flex');
    assert.ok(flex.length > 0, logs.join('\n'));
    for (const r of flex) assert.equal((r.response as { service_tier?: string }).service_tier, 'flex');
  } finally {
    await emu.close();
  }
});

test('a rerun after the deadline passed counts its budget from now: the batch is waited for, not cancelled at once', async () => {
  const emu = await emulator({ completeAfterMs: 2500 });
  try {
    const file = requestFile(10);
    const outDir = (await import('../helpers.ts')).tempDir('batchwise-late-');
    const controller = new AbortController();
    const first = run(file, emu, { mode: 'batch', outDir, latencyBudgetMs: 60_000, signal: controller.signal });
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { loadState, saveState } = await import('../../src/run/state/state.ts');
    while (!(existsSync(join(outDir, 'state.json')) && loadState(outDir)?.parts[0]?.batch_id)) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await first.catch(() => {});
    // The job that started it ran out of time: its deadline is behind us.
    const state = loadState(outDir)!;
    state.deadline_ms = Date.now() - 1000;
    saveState(outDir, state);
    const { results, logs } = await run(file, emu, { mode: 'batch', outDir });
    assertOnePerRequest(results, 10, assert);
    assert.ok(results.every((r) => r.status === 'succeeded' && r.mode === 'batch'), logs.join('\n'));
    assert.ok(!logs.some((l) => /^safety net: /.test(l)), logs.join('\n'));
    assert.equal((await allBatches(emu)).length, 1, 'the same batch, attached');
  } finally {
    await emu.close();
  }
});
