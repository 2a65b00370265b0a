// Dead ends get exits: a remembered batch the server does not know is explained, and --fresh starts over without
// paying twice for what was already answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RunStateError } from '../../src/run/index.ts';
import { tempDir } from '../helpers.ts';
import { allBatches, assertOnePerRequest, emulator, requestFile, run } from './helpers.ts';

test('a batch in state.json the server does not know: the likely cause and --fresh, which keeps the answers', async () => {
  const first = await emulator();
  const out = tempDir('batchwise-deadend-');
  const file = requestFile(8);
  try {
    // A run that finishes, then a second part of the story: its batch forgotten by a new server.
    const done = await run(file, first, { outDir: out, mode: 'batch' });
    assert.equal(done.summary.exit_code, 0);
  } finally {
    await first.close();
  }
  const second = await emulator();
  try {
    // state.json says finished; drop finished_at and the part's done flag so the rerun polls the remembered batch.
    const { loadState, saveState } = await import('../../src/run/state/state.ts');
    const st = loadState(out)!;
    st.finished_at = null;
    for (const p of st.parts) {
      p.done = false;
      p.output_path = null;
      p.error_path = null;
    }
    saveState(out, st);
    await assert.rejects(run(file, second, { outDir: out, mode: 'batch' }), (err: unknown) =>
      err instanceof RunStateError && /is not known to the API: the key is likely of another project.*--fresh/s.test(err.message));
    const fresh = await run(file, second, { outDir: out, mode: 'batch', fresh: true });
    assert.equal(fresh.summary.exit_code, 0, fresh.logs.join('\n'));
    assertOnePerRequest(fresh.results, 8, assert);
    assert.ok(readdirSync(out).some((f) => /^state\.replaced-.*\.json$/.test(f)), 'the old state is set aside, not deleted');
    assert.ok(fresh.logs.some((l) => /--fresh: .* 0 answered request/.test(l)) || fresh.logs.some((l) => /--fresh:/.test(l)));
    assert.equal((await allBatches(second)).length, 1, 'one new batch for what had no answer');
  } finally {
    await second.close();
  }
});

test('--fresh after a run that had answers: nothing answered is sent again', async () => {
  const emu = await emulator();
  const out = tempDir('batchwise-fresh-');
  const file = requestFile(6);
  try {
    const done = await run(file, emu, { outDir: out, mode: 'batch' });
    assert.equal(done.summary.exit_code, 0);
    const again = await run(file, emu, { outDir: out, mode: 'batch', fresh: true });
    assert.equal(again.summary.exit_code, 0);
    assertOnePerRequest(again.results, 6, assert);
    assert.ok(again.logs.some((l) => /6 answered request\(s\) are carried over/.test(l)), again.logs.join('\n'));
    assert.equal((await allBatches(emu)).length, 1, 'no new batch: every request already had its answer');
    assert.ok(again.results.every((r) => r.status === 'succeeded' && r.mode === 'batch' && r.cost_usd! > 0), 'carried answers keep their batch price');
  } finally {
    await emu.close();
  }
});

test('the server unreachable: exit 1 "could not run" in batch and sync mode alike', async () => {
  const { cli } = await import('../helpers.ts');
  const file = requestFile(3);
  // A port nothing listens on (the emulator was started and closed to find one).
  const emu = await emulator();
  const url = emu.url;
  await emu.close();
  for (const mode of ['batch', 'sync']) {
    const out = tempDir('batchwise-down-');
    const r = cli(['run', file, '--mode', mode, '--out', out, '--retries', '0'], { OPENAI_API_KEY: 'sk-test-down', OPENAI_BASE_URL: url });
    assert.equal(r.code, 1, `${mode}: ${r.stdout}\n${r.stderr}`);
    if (mode === 'batch') assert.match(r.stderr, /could not reach the API .*nothing was sent/);
    else assert.match(r.stdout, /0 of 3 requests succeeded/);
  }
});

test('--fresh never carries another input\'s answers: the input check comes first', async () => {
  const emu = await emulator();
  const out = tempDir('batchwise-fresh-other-');
  try {
    assert.equal((await run(requestFile(4), emu, { outDir: out, mode: 'batch' })).summary.exit_code, 0);
    // Same custom_ids (req-1…), another file: refused, with or without --fresh.
    const other = requestFile(4, 'gpt-5.4-mini');
    await assert.rejects(run(other, emu, { outDir: out, mode: 'batch', fresh: true }), /holds the run of another input/);
  } finally {
    await emu.close();
  }
});
