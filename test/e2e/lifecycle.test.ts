// Every terminal state of a batch, end to end: expired, cancelled, refused by the queue, failed validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFile } from 'openai';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { cancelRun, loadState } from '../../src/run/index.ts';
import { settlePart } from '../../src/run/batch/settlePart.ts';
import type { RunContext } from '../../src/run/runContext.ts';
import type { PartState } from '../../src/run/state/state.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { allBatches, assertOnePerRequest, catalog, clientFor, emulator, requestFile, run, waitFor } from './helpers.ts';

test('expired: what finished is kept, the rest is reported expired (no retries) or finished synchronously (retries)', async () => {
  const emu = await emulator({ completeAfterMs: 1500, expireAfterMs: 500 });
  try {
    const file = requestFile(20);
    const kept = await run(file, emu, { retries: 0 });
    assertOnePerRequest(kept.results, 20, assert);
    const expired = kept.results.filter((r) => r.status === 'expired');
    const done = kept.results.filter((r) => r.status === 'succeeded');
    assert.ok(expired.length > 0 && done.length > 0, `${done.length} done, ${expired.length} expired`);
    assert.equal(done.length + expired.length, 20);
    for (const r of expired) assert.equal(r.error?.code, 'batch_expired');
    assert.equal(kept.summary.exit_code, 2);

    const retried = await run(file, emu, { retries: 1 });
    assertOnePerRequest(retried.results, 20, assert);
    assert.equal(retried.summary.exit_code, 0);
    assert.ok(retried.results.some((r) => r.mode === 'batch') && retried.results.some((r) => r.mode === 'sync'));
  } finally {
    await emu.close();
  }
});

test('cancelled by a person (batchwise cancel DIR): finished answers kept, the rest cancelled, nothing resent', async () => {
  const emu = await emulator({ completeAfterMs: 2500 });
  try {
    const file = requestFile(20);
    const outDir = tempDir('batchwise-cancel-');
    const running = run(file, emu, { outDir });
    // Cancel once the batch exists and has made some progress.
    const batchId = () => (existsSync(join(outDir, 'state.json')) ? loadState(outDir)?.parts[0]?.batch_id : null) ?? null;
    await waitFor('the batch id in state.json', () => batchId() !== null);
    await waitFor('some answers in the batch', async () => ((await clientFor(emu).batches.retrieve(batchId()!)).request_counts?.completed ?? 0) > 0);
    const r = await cancelRun(outDir, { client: clientFor(emu) });
    assert.equal(r.batches.length, 1);
    assert.match(r.batches[0].status, /cancelling|cancelled/);
    const { summary, results } = await running;
    assertOnePerRequest(results, 20, assert);
    const cancelled = results.filter((x) => x.status === 'cancelled');
    assert.ok(cancelled.length > 0, 'some were cancelled');
    assert.ok(results.every((x) => x.mode === 'batch'), 'a cancel is not undone by sending the rest synchronously');
    assert.equal(summary.cancelled, cancelled.length);
    assert.equal(summary.exit_code, 2);
    assert.equal((await allBatches(emu)).length, 1, 'no new batch');
  } finally {
    await emu.close();
  }
});

test('token_limit_exceeded: refused parts are split and sent again as the queue frees; everything succeeds', async () => {
  const file = requestFile(16);
  const est = await estimateFile(file, { catalog });
  // Room for one part of 4 requests at a time, not two, and not the 8-request parts either.
  const emu = await emulator({ queueLimit: Math.floor((est.input_tokens / 16) * 5), completeAfterMs: 300 });
  try {
    const { summary, results, outDir, logs } = await run(file, emu, { partLimits: { maxLines: 8 } });
    assertOnePerRequest(results, 16, assert);
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    const state = loadState(outDir)!;
    assert.ok(state.parts.some((p) => p.split), 'a part was split');
    assert.ok(logs.some((l) => /token_limit_exceeded/.test(l)));
    const batches = await allBatches(emu);
    assert.ok(batches.some((b) => b.status === 'failed' && b.errors?.data?.[0]?.code === 'token_limit_exceeded'));
    // Each request succeeded in exactly one batch.
    const ran = batches.filter((b) => b.status === 'completed').reduce((n, b) => n + b.request_counts!.completed, 0);
    assert.equal(ran, 16);
  } finally {
    await emu.close();
  }
});

test('a batch that fails validation: errors.data line numbers are mapped back to the input file', async () => {
  const emu = await emulator();
  try {
    const client = clientFor(emu);
    const outDir = tempDir('batchwise-failed-');
    // A part holding input lines 5, 9 and 12, whose last two share a custom_id: the API refuses part lines 3.
    const body = [chatLine('a', 'x'), chatLine('b', 'y'), chatLine('b', 'z')].map((l) => JSON.stringify(l)).join('\n') + '\n';
    const partPath = join(outDir, 'part.jsonl');
    writeFileSync(partPath, body);
    const f = await client.files.create({ file: await toFile(Buffer.from(body), 'part.jsonl'), purpose: 'batch' });
    let batch = await client.batches.create({ input_file_id: f.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await waitFor('the batch to fail validation', async () => (batch = await client.batches.retrieve(batch.id)).status === 'failed');
    const items = new Map([5, 9, 12].map((line, i) => [line, { line, custom_id: ['a', 'b', 'b'][i] } as never]));
    const logs: string[] = [];
    const ctx = { client, outDir, displayName: 'requests.jsonl', items, log: (l: string) => logs.push(l), save() {} } as unknown as RunContext;
    const ps = { key: 'r0-p0', done: false, output_path: null, error_path: null } as unknown as PartState;
    await settlePart(ctx, [5, 9, 12], ps, batch);
    assert.ok(ps.done);
    assert.deepEqual(ps.errors!.map((e) => e.line), [12]);
    assert.ok(logs.some((l) => l.includes('requests.jsonl:12: ')), logs.join('\n'));
    const lines = readFileSync(ps.error_path!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 3);
    assert.match(lines[2].error.message, /^requests\.jsonl:12: .*duplicate/);
    assert.equal(lines[2].batchwise_retryable, false);
    assert.equal(lines[0].error.code, 'batch_failed');
    assert.equal(lines[0].batchwise_retryable, true, 'lines the API did not object to can go again without the bad one');
  } finally {
    await emu.close();
  }
});

test('--max-cost at the batch price: expired leftovers are retried in batches, never synchronously, and the bill stays under it', async () => {
  const emu = await emulator({ completeAfterMs: 1500, expireAfterMs: 400 });
  try {
    const file = requestFile(30);
    const est = await estimateFile(file, { catalog });
    const maxCost = est.cost.batch.max * 1.05;
    const { summary, results, logs } = await run(file, emu, { retries: 1, maxCostUsd: maxCost });
    assertOnePerRequest(results, 30, assert);
    assert.ok(logs.some((l) => /--max-cost: retries stay in batches/.test(l)), logs.join('\n'));
    assert.ok(results.every((r) => r.mode === 'batch'), 'nothing went to sync');
    assert.ok(summary.actual_cost_usd <= maxCost, `${summary.actual_cost_usd} > ${maxCost}`);
    assert.ok(results.some((r) => r.status === 'expired'), 'some expired for good: the ceiling won over the retry');
  } finally {
    await emu.close();
  }
});
