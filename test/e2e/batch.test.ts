// Batch mode end to end against the emulator: the happy path, partial failures, non-2xx lines, several parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadState } from '../../src/run/index.ts';
import { KEY, allBatches, assertOnePerRequest, emulator, requestFile, run } from './helpers.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('happy path: one batch, every request succeeds, results in input order with cost, CSV, reports', async () => {
  const emu = await emulator();
  try {
    const file = requestFile(12);
    const submitted: string[][] = [];
    const { summary, results, outDir, logs } = await run(file, emu, { githubRunId: '4242', onBatchesSubmitted: (ids) => submitted.push(ids) });
    assert.deepEqual(submitted, [summary.batch_ids], 'the action hears of each batch id as soon as it exists');
    assert.equal(summary.exit_code, 0);
    assert.equal(summary.succeeded, 12);
    assert.equal(summary.batch_ids.length, 1);
    assertOnePerRequest(results, 12, assert);
    for (const r of results) {
      assert.equal(r.status, 'succeeded');
      assert.equal(r.mode, 'batch');
      assert.equal(r.batch_id, summary.batch_ids[0]);
      assert.equal(r.error, null);
      assert.ok((r.response as { choices: unknown[] }).choices.length > 0);
      assert.ok(r.cost_usd! > 0);
    }
    // Actual cost is the sum of the lines, and batch-priced: half of what the same usage costs at sync prices.
    const sum = results.reduce((s, r) => s + r.cost_usd!, 0);
    assert.ok(Math.abs(summary.actual_cost_usd - sum) < 1e-12);
    assert.ok(summary.actual_cost_usd < summary.estimate.cost.sync.max);

    const [batch] = await allBatches(emu);
    assert.equal(batch.metadata?.batchwise_part, '1/1');
    assert.equal(batch.metadata?.github_run_id, '4242');
    assert.match(batch.metadata?.batchwise_input_sha256 ?? '', /^[0-9a-f]{64}$/);

    const csv = parse(readFileSync(summary.results_csv_path), { columns: true }) as Record<string, string>[];
    assert.equal(csv.length, 12);
    assert.equal(csv[0].custom_id, 'req-1');
    assert.equal(csv[0].answer, (results[0].response as any).choices[0].message.content);
    const report = JSON.parse(readFileSync(summary.report_json_path, 'utf8'));
    assert.equal(report.decision.mode, 'batch');
    assert.equal(report.estimate.requests, 12);
    assert.equal(report.estimate.items, undefined, 'the report does not repeat every request');
    assert.deepEqual(report.batch_ids, summary.batch_ids);
    const md = readFileSync(summary.report_md_path, 'utf8');
    assert.match(md, /Decision:\*\* batch/);
    assert.match(md, new RegExp(`\\| \`${summary.batch_ids[0]}\` \\| r0-p0 \\| 0 \\| .+ \\| 12 \\| completed \\| \\d+s \\|`));
    assert.equal(report.by_mode_and_model[0].mode, 'batch');
    assert.equal(report.by_mode_and_model[0].requests, 12);
    assert.ok(Math.abs(report.by_mode_and_model[0].actual_usd - summary.actual_cost_usd) < 1e-9);
    assert.ok(report.by_mode_and_model[0].estimated_usd > 0);
    // The ledger's figures: a batch of a model at half price saves what it cost, and report.json says so once.
    assert.equal(report.actual_usd, summary.ledger.total.actual_usd);
    assert.ok(Math.abs(report.saved_usd - report.actual_usd) < 1e-9, `${report.saved_usd} vs ${report.actual_usd}`);
    assert.ok(Math.abs(report.at_sync_prices_usd - 2 * report.actual_usd) < 1e-9);
    for (const k of ['input', 'output', 'cost']) assert.equal(typeof report.estimate_error[k], 'number', k);
    assert.ok(logs.some((l) => /batches: \d+\/12 done/.test(l)), 'a progress line with request counts');

    // The key is in no file written and no log line.
    for (const f of filesUnder(outDir)) assert.ok(!readFileSync(f, 'utf8').includes(KEY), `${f} holds the API key`);
    assert.ok(!logs.join('\n').includes(KEY));
  } finally {
    await emu.close();
  }
});

test('several parts (per model and size), partial failures retried, non-2xx lines with error null count as failures', async () => {
  const emu = await emulator({ failRate: 0.35, seed: 7 });
  try {
    const file = requestFile(30);
    // No retries: every failure stays visible as the error file reported it.
    const { summary, results, outDir } = await run(file, emu, { retries: 0, partLimits: { maxLines: 8 } });
    assertOnePerRequest(results, 30, assert);
    assert.equal(summary.batch_ids.length, 4, '30 lines at 8 per part');
    const failed = results.filter((r) => r.status === 'failed');
    assert.ok(failed.length > 0 && failed.length < 30, `some failed (${failed.length})`);
    assert.equal(summary.exit_code, 2);
    assert.equal(summary.failed, failed.length);
    // The error file's lines have `error: null` and a non-2xx status_code: the record carries the endpoint's error.
    const errorFiles = readdirSync(join(outDir, 'batches')).filter((n) => n.endsWith('_error.jsonl'));
    const raw = errorFiles.flatMap((n) => readFileSync(join(outDir, 'batches', n), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
    assert.ok(raw.length > 0 && raw.every((l) => l.error === null && l.response.status_code >= 400));
    for (const r of failed) {
      assert.ok(r.error && r.error.code && r.error.message, 'failed lines say why');
      assert.equal(r.cost_usd, null);
    }
    const state = loadState(outDir)!;
    assert.deepEqual(state.parts.map((p) => p.lines), [8, 8, 8, 6]);
  } finally {
    await emu.close();
  }
});

test('retryable failures are sent again: as a new batch round, then synchronously when few are left', async () => {
  const emu = await emulator({ failRate: 0.3, seed: 11 });
  try {
    const file = requestFile(40);
    const { summary, results, logs } = await run(file, emu, { retries: 4, syncRetryThreshold: 5 });
    assertOnePerRequest(results, 40, assert);
    assert.ok(results.some((r) => r.mode === 'sync' && r.status === 'succeeded'), 'the last few went synchronously');
    assert.ok(logs.some((l) => /quicker synchronously/.test(l)), logs.join('\n'));
    // Only 400 context_length_exceeded lines (not retryable) may remain failed.
    for (const r of results.filter((x) => x.status !== 'succeeded')) assert.equal(r.error?.code, 'context_length_exceeded');
    assert.ok(logs.some((l) => /round 1: sending \d+ requests again/.test(l)), logs.join('\n'));
    assert.ok(summary.batch_ids.length >= 2);
    const rounds = new Set((await allBatches(emu)).map((b) => b.metadata?.batchwise_round));
    assert.ok(rounds.has('0') && rounds.has('1'));
  } finally {
    await emu.close();
  }
});
