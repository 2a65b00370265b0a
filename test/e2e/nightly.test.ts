// Beyond one job: a request set three times what one job can finish, run by the same command on three "nights" with
// --queue-limit and --until. Each job stops waiting at --until (exit 3), leaving its batch running and its state in
// --out; the next collects what finished, sends what is left and attaches to what runs. The emulator's clock is the
// test's: a batch finishes only when the test says so (one queue load per job), so nothing here depends on timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type OpenAI from 'openai';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { loadState } from '../../src/run/index.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { KEY, allBatches, assertOnePerRequest, catalog, clientFor, emulator, readResults, requestFile, run } from './helpers.ts';

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
/** Long enough that no batch finishes by itself while a test runs: only `finish` moves the clock past it. */
const COMPLETE_AFTER_MS = 10 * 60_000;

/** The emulator's clock: real time plus whatever the test moved it on by. */
function testClock() {
  const clock = { offset: 0, now: () => Date.now() + clock.offset };
  return clock;
}

/** Lets one batch finish: once it runs, the clock jumps past its completion time (once: the jump happens before
 *  the runner can create the next batch, which only follows this one's end). Bounded: 20 s of real time. */
async function finish(client: OpenAI, id: string, clock: { offset: number }): Promise<void> {
  let jumped = false;
  for (const end = Date.now() + 20_000; Date.now() < end; await delay(10)) {
    const b = await client.batches.retrieve(id);
    if (b.status === 'completed') return;
    assert.ok(!TERMINAL.has(b.status), `${id} ended ${b.status}`);
    if (b.status === 'in_progress' && !jumped) {
      clock.offset += COMPLETE_AFTER_MS + 1_000;
      jumped = true;
    }
  }
  assert.fail(`${id} did not complete`);
}

/** Tokens per 5 requests as the planner counts them, and a queue limit that holds 5 of them in one part, not 6. */
async function limitForParts(file: string, perPart: number): Promise<number> {
  const est = await estimateFile(file, { catalog, detail: true });
  const t = est.items!.map((i) => i.input_tokens);
  const sums = (k: number) => t.slice(0, t.length - k + 1).map((_, i) => t.slice(i, i + k).reduce((a, b) => a + b, 0));
  const limit = Math.ceil(Math.max(...sums(perPart)) / 0.95) + 1;
  assert.ok(Math.floor(limit * 0.95) < Math.min(...sums(perPart + 1)), 'a part holds exactly 5 requests');
  return limit;
}

test('three nightly runs with --queue-limit and --until finish a set three times too big for one job: no duplicate batch, nothing lost', async () => {
  const clock = testClock();
  const file = requestFile(15);
  const limit = await limitForParts(file, 5);
  const emu = await emulator({ queueLimit: limit, completeAfterMs: COMPLETE_AFTER_MS, now: clock.now });
  try {
    const client = clientFor(emu);
    const outDir = tempDir('batchwise-nightly-');
    const exits: number[] = [];
    for (let night = 1; night <= 3; night++) {
      // The batch the last job left running is this job's load; the first job's is the first it creates.
      let load!: (id: string) => void;
      const loaded = new Promise<string>((r) => (load = r));
      const left = (await allBatches(emu)).filter((b) => !TERMINAL.has(b.status));
      assert.ok(left.length <= 1, 'the queue holds one part at a time');
      if (left[0]) load(left[0].id);
      const logs: string[] = [];
      const job = run(file, emu, {
        outDir, untilMs: 3_000, queueLimitTokens: limit,
        log: (l) => {
          logs.push(l);
          const m = /batch (batch_\w+) created/.exec(l);
          if (m) load(m[1]);
        },
      });
      const id = await Promise.race([loaded, job.then(() => null)]);
      if (id) await finish(client, id, clock);
      const { summary, results } = await job;
      exits.push(summary.exit_code);
      assertOnePerRequest(results, 15, assert);
      assert.equal(summary.succeeded, night * 5, logs.join('\n'));
      if (night > 1) assert.ok(logs.some((l) => /^resuming the run/.test(l)), logs.join('\n'));
      if (night < 3) {
        assert.equal(summary.in_progress?.reason, 'until');
        assert.equal(summary.in_progress?.batches_running, 1);
        assert.equal(summary.in_progress?.requests_left, 15 - night * 5);
        assert.ok(results.filter((r) => r.status !== 'succeeded').every((r) => r.status === 'skipped'));
        assert.ok(logs.some((l) => /run the same command again/.test(l)), logs.join('\n'));
        assert.equal(loadState(outDir)!.finished_at, null, 'not finished: the next run continues');
      }
    }
    assert.deepEqual(exits, [3, 3, 0]);
    const batches = await allBatches(emu);
    assert.equal(batches.length, 3, `one batch per part, none refused or duplicated: ${batches.map((b) => `${b.id} ${b.status}`).join(', ')}`);
    assert.ok(batches.every((b) => b.status === 'completed' && b.request_counts?.total === 5 && b.request_counts.completed === 5));
    assert.equal(new Set(batches.map((b) => b.metadata?.batchwise_part_sha256)).size, 3);
    const results = readResults(join(outDir, 'results.jsonl'));
    assert.ok(results.every((r) => r.status === 'succeeded' && r.mode === 'batch'));
    assert.deepEqual([...new Set(results.map((r) => r.batch_id))].sort(), batches.map((b) => b.id).sort());
    const state = loadState(outDir)!;
    assert.equal(state.parts.length, 3);
    assert.ok(state.parts.every((p) => (p.refused_batch_ids ?? []).length === 0 && p.done));
    assert.ok(state.finished_at);
  } finally {
    await emu.close();
  }
});

function cli(emu: RunningEmulator, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: emu.url }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

test('batchwise run --until: exit 3 with how to continue; the same command collects the batch and exits 0', async () => {
  const clock = testClock();
  const emu = await emulator({ completeAfterMs: COMPLETE_AFTER_MS, now: clock.now });
  try {
    const file = requestFile(6);
    const out = tempDir('batchwise-until-');
    const args = ['run', file, '--mode', 'batch', '--out', out, '--until', '1s', '--queue-limit', '2M', '--max-batches', '10', '--poll-interval', '100ms,200ms'];
    const first = await cli(emu, args);
    assert.equal(first.code, 3, first.stderr);
    assert.match(first.stdout, /in progress: --until reached: 1 batch still running.*6 requests have no outcome yet/);
    assert.ok(first.stdout.includes(`continue with the same command (same --out):\n  batchwise run ${file} --mode batch --out ${out} --until 1s`), first.stdout);
    assert.ok(!first.stdout.includes(KEY) && !first.stderr.includes(KEY));
    const [batch] = await allBatches(emu);
    assert.notEqual(batch.status, 'completed');
    await finish(clientFor(emu), batch.id, clock);
    const second = await cli(emu, args);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /resuming the run/);
    assert.match(second.stdout, /6 of 6 requests succeeded/);
    assert.equal((await allBatches(emu)).length, 1, 'the same batch');
  } finally {
    await emu.close();
  }
});
