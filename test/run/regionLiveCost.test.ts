// --region: the live "cost so far" of the sync runner is the ledger's figure, uplift included (it used to show the
// price without the +10%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emulator, requestFile, run } from '../e2e/helpers.ts';
import type { SyncProgress } from '../../src/run/sync/syncProgress.ts';

test('the live cost of a sync run with --region equals the ledger\'s actual, +10% included', async () => {
  const emu = await emulator();
  try {
    const file = requestFile(6, 'gpt-6.1-sol');
    const seen: { region: SyncProgress[]; plain: SyncProgress[] } = { region: [], plain: [] };
    const regional = await run(file, emu, { mode: 'sync', region: true, onSyncProgress: (p) => seen.region.push(p) });
    const plain = await run(file, emu, { mode: 'sync', onSyncProgress: (p) => seen.plain.push(p) });
    const last = (xs: SyncProgress[]) => xs.at(-1)!.costUsd;
    assert.ok(regional.summary.actual_cost_usd > 0);
    assert.ok(Math.abs(last(seen.region) - regional.summary.actual_cost_usd) < 1e-9, `${last(seen.region)} vs ${regional.summary.actual_cost_usd}`);
    assert.ok(Math.abs(last(seen.plain) - plain.summary.actual_cost_usd) < 1e-9);
    // Same seed, same answers: the regional run costs 10% more, live and in the ledger.
    assert.ok(Math.abs(last(seen.region) / last(seen.plain) - 1.1) < 1e-6, `${last(seen.region)} / ${last(seen.plain)}`);
  } finally {
    await emu.close();
  }
});
