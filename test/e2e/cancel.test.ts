// Cancel semantics: a batch a person cancels ends its unfinished requests as `cancelled`, whether the error file lists
// them (emulator `cancelledLines: 'error-file'`) or not (`'omitted'`, what OpenAI documents: only finished answers, in
// the output file). Nothing of it is sent again. Only batchwise's own safety net moves cancelled requests on to sync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { CancelledLines } from '../../src/emulator/index.ts';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { cancelRun, loadState } from '../../src/run/index.ts';
import type { RunState } from '../../src/run/index.ts';
import { cancelGraceMs, syncNeedMs } from '../../src/run/plan/syncNeed.ts';
import type { RunContext } from '../../src/run/runContext.ts';
import { tempDir } from '../helpers.ts';
import { allBatches, assertOnePerRequest, catalog, clientFor, emulator, requestFile, run } from './helpers.ts';

const COMPLETE_AFTER_MS = 10 * 60_000;

/** Bounded wait for a state.json that satisfies `ok`. */
async function stateWhere(outDir: string, ok: (s: RunState) => boolean, what: string): Promise<RunState> {
  for (const end = Date.now() + 15_000; Date.now() < end; await delay(20)) {
    const s = existsSync(join(outDir, 'state.json')) ? loadState(outDir) : null;
    if (s && ok(s)) return s;
  }
  assert.fail(`state.json never showed ${what}`);
}

for (const mode of ['omitted', 'error-file'] as CancelledLines[]) {
  test(`a person's cancel (cancelledLines: ${mode}): finished answers kept, the rest cancelled, nothing sent again`, async () => {
    const clock = { offset: 0 };
    const emu = await emulator({ completeAfterMs: COMPLETE_AFTER_MS, cancelledLines: mode, now: () => Date.now() + clock.offset });
    try {
      const client = clientFor(emu);
      const file = requestFile(20);
      const outDir = tempDir('batchwise-cancel-');
      const running = run(file, emu, { outDir });
      const st = await stateWhere(outDir, (s) => !!s.parts[0]?.batch_id, 'a batch');
      const id = st.parts[0].batch_id!;
      for (const end = Date.now() + 10_000; (await client.batches.retrieve(id)).status !== 'in_progress' && Date.now() < end; await delay(20));
      // Half its time has passed: about half of the answers are in.
      clock.offset += COMPLETE_AFTER_MS / 2;
      const r = await cancelRun(outDir, { client });
      assert.match(r.batches[0].status, /cancelling|cancelled/);
      const { summary, results, logs } = await running;
      assertOnePerRequest(results, 20, assert);
      const done = results.filter((x) => x.status === 'succeeded');
      const cancelled = results.filter((x) => x.status === 'cancelled');
      assert.ok(done.length > 0 && cancelled.length > 0, `${done.length} done, ${cancelled.length} cancelled`);
      assert.equal(done.length + cancelled.length, 20);
      for (const x of cancelled) {
        assert.equal(x.error?.code, 'batch_cancelled');
        assert.equal(x.batch_id, id);
      }
      assert.ok(results.every((x) => x.mode === 'batch'), 'a cancel is not undone by sending the rest synchronously');
      assert.equal(summary.cancelled, cancelled.length);
      assert.equal(summary.exit_code, 2);
      assert.deepEqual((await allBatches(emu)).map((b) => b.id), [id], 'no new batch, whatever the retries');
      const part = loadState(outDir)!.parts[0];
      assert.equal(part.cancelled_by, undefined);
      // The lines the error file does not list are written down by batchwise, and only those.
      if (mode === 'omitted') assert.ok(part.unfinished_path, logs.join('\n'));
      else assert.equal(part.unfinished_path ?? null, null);
    } finally {
      await emu.close();
    }
  });
}

test("a person's cancel stays cancelled when the safety net later cancels another batch, whose rest goes to sync", async () => {
  const emu = await emulator({ completeAfterMs: COMPLETE_AFTER_MS });
  try {
    const client = clientFor(emu);
    const file = requestFile(20);
    // The net fires when what sync needs for the unfinished requests is all that is left: about 4 s in.
    const est = await estimateFile(file, { catalog, detail: true });
    const tokens = est.items!.reduce((t, i) => t + i.input_tokens + i.max_output_tokens, 0);
    const need = syncNeedMs({ rpm: null, tpm: null, concurrency: 16, flexAvailable: false } as unknown as RunContext, 20, tokens);
    const budget = Math.ceil(need + 400 + 4_000);
    const budgetMs = budget + cancelGraceMs(budget);
    const outDir = tempDir('batchwise-cancelnet-');
    const running = run(file, emu, { outDir, mode: 'auto', latencyBudgetMs: budgetMs, partLimits: { maxLines: 10 } });
    const st = await stateWhere(outDir, (s) => s.parts.length === 2 && s.parts.every((p) => p.batch_id), 'two batches');
    const [a, b] = st.parts;
    assert.equal(a.key, 'r0-p0');
    await client.batches.cancel(a.batch_id!);
    // The person's cancel is settled before the net acts.
    await stateWhere(outDir, (s) => s.parts[0].done, 'the cancelled batch settled');
    assert.ok(!loadState(outDir)!.net_fired, 'the net had not fired yet');
    const { summary, results, logs } = await running;
    assertOnePerRequest(results, 20, assert);
    assert.ok(logs.some((l) => /^safety net: /.test(l)), logs.join('\n'));
    const first = results.slice(0, 10);
    const second = results.slice(10);
    assert.ok(first.every((x) => x.status === 'cancelled' && x.mode === 'batch' && x.batch_id === a.batch_id), JSON.stringify(first.map((x) => [x.status, x.mode])));
    assert.ok(second.every((x) => x.status === 'succeeded' && x.mode !== 'batch'), JSON.stringify(second.map((x) => [x.status, x.mode])));
    assert.equal(summary.exit_code, 2);
    const parts = loadState(outDir)!.parts;
    assert.equal(parts.find((p) => p.key === a.key)!.cancelled_by, undefined);
    assert.equal(parts.find((p) => p.key === b.key)!.cancelled_by, 'safety_net');
    assert.equal((await allBatches(emu)).length, 2, 'no batch sent again');
  } finally {
    await emu.close();
  }
});
