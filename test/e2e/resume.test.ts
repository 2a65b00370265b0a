// kill -9 at any point, then the same command again: no duplicate batch, no lost answer. The CLI runs as a child
// process (the emulator stays in this one), so the kill is a real SIGKILL with no chance to clean up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { loadState } from '../../src/run/index.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { KEY, allBatches, assertOnePerRequest, emulator, readResults, requestFile, run, waitFor } from './helpers.ts';

const ENTRY = join(ROOT, 'src/cli/main.ts');

function startCli(emu: RunningEmulator, args: string[]) {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: emu.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

test('kill -9 at several points of a batch run, then rerun: one batch, every answer, nothing lost', async () => {
  // The batch stays in progress long enough for every kill point to be reached (each waits for its event, bounded).
  const emu = await emulator({ completeAfterMs: 12_000 });
  try {
    const file = requestFile(12);
    const out = tempDir('batchwise-kill-');
    const args = ['run', file, '--mode', 'batch', '--out', out, '--poll-interval', '100ms,300ms'];
    const part = () => (existsSync(join(out, 'state.json')) ? loadState(out)?.parts[0] : undefined);
    // Killed once state.json exists, once the part is uploaded, once its batch is recorded, once it is seen running.
    const points: [string, () => boolean][] = [
      ['state.json', () => existsSync(join(out, 'state.json'))],
      ['the uploaded file id', () => Boolean(part()?.file_id)],
      ['the batch id', () => Boolean(part()?.batch_id)],
      ['the batch in progress', () => part()?.status === 'in_progress'],
    ];
    for (const [what, ready] of points) {
      const { child, done } = startCli(emu, args);
      await waitFor(what, ready);
      child.kill('SIGKILL');
      const r = await done;
      assert.equal(r.signal, 'SIGKILL', `ended by itself before the kill at ${what} (exit ${r.code}: ${r.stderr})`);
    }
    assert.ok(loadState(out)?.parts[0]?.batch_id, 'a batch was created before the last kill');
    const last = await startCli(emu, args).done;
    assert.equal(last.code, 0, last.stderr);
    assert.match(last.stderr, /resuming the run/);
    assert.match(last.stdout, /12 of 12 requests succeeded/);
    assertOnePerRequest(readResults(join(out, 'results.jsonl')), 12, assert);
    const batches = await allBatches(emu);
    assert.equal(batches.length, 1, `no duplicate batch: ${batches.map((b) => b.id).join(', ')}`);
    assert.ok(!last.stdout.includes(KEY) && !last.stderr.includes(KEY));
  } finally {
    await emu.close();
  }
});

test('a run that died after creating its batch but before recording it attaches to that batch', async () => {
  const emu = await emulator();
  try {
    const file = requestFile(6);
    await run(file, emu);
    // A fresh folder has no state.json: only the batch list and its metadata can tell the work was already sent.
    const again = await run(file, emu);
    assert.equal((await allBatches(emu)).length, 1);
    assert.ok(again.logs.some((l) => /attached to existing batch/.test(l)), again.logs.join('\n'));
    assert.equal(again.summary.exit_code, 0);
    assertOnePerRequest(again.results, 6, assert);
  } finally {
    await emu.close();
  }
});

test('kill -9 during a sync run, then rerun: journaled answers are kept and not sent again', async () => {
  const calls: string[] = [];
  const emu = await emulator({ rpm: 240, log: (l) => calls.push(l) });
  try {
    const file = requestFile(16);
    const out = tempDir('batchwise-killsync-');
    const args = ['run', file, '--mode', 'sync', '--out', out, '--concurrency', '2'];
    const first = startCli(emu, args);
    const journal = join(out, 'sync.jsonl');
    await waitFor('4 journaled answers', () => existsSync(journal) && readFileSync(journal, 'utf8').split('\n').filter(Boolean).length >= 4);
    first.child.kill('SIGKILL');
    await first.done;
    const journaled = readFileSync(journal, 'utf8').split('\n').filter(Boolean).length;
    const last = await startCli(emu, args).done;
    assert.equal(last.code, 0, last.stderr);
    const results = readResults(join(out, 'results.jsonl'));
    assertOnePerRequest(results, 16, assert);
    assert.ok(results.every((r) => r.status === 'succeeded' && r.mode === 'sync'));
    const answered = calls.filter((l) => /^POST \/v1\/chat\/completions 200/.test(l)).length;
    // At most the calls in flight at the kill (concurrency 2) were answered but never journaled.
    assert.ok(answered <= 16 + 2, `${answered} paid calls for 16 requests (${journaled} journaled before the kill)`);
    assert.ok(journaled >= 4);
  } finally {
    await emu.close();
  }
});

test('Ctrl-C during a batch run: one line saying what was kept, exit 130, and the same command continues', async () => {
  const emu = await emulator({ completeAfterMs: 4_000 });
  try {
    const file = requestFile(6);
    const out = tempDir('batchwise-sigint-');
    const args = ['run', file, '--mode', 'batch', '--out', out, '--poll-interval', '100ms,300ms'];
    const { child, done } = startCli(emu, args);
    await waitFor('the batch id', () => existsSync(join(out, 'state.json')) && Boolean(loadState(out)?.parts[0]?.batch_id));
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /batchwise: interrupted; every answer so far and the run's state are kept in .*: run the same command again/);
    assert.doesNotMatch(r.stderr, /TypeError|at .*\.ts:\d+/, 'no crash, no stack');
    const again = await startCli(emu, args).done;
    assert.equal(again.code, 0, again.stderr);
    assertOnePerRequest(readResults(join(out, 'results.jsonl')), 6, assert);
    assert.equal((await allBatches(emu)).length, 1, 'the interrupted batch was attached to, not created again');
  } finally {
    await emu.close();
  }
});
