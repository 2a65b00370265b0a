// Cost you can trust, end to end on the emulator: history calibrates the next estimate, shared prompts show their
// cache hits, a pilot calibrates the rest of its own file, and every rendered "saved" is report.json's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { readHistory } from '../../src/history/index.ts';
import { runHeadline } from '../../src/report/summary.ts';
import { describeSummary } from '../../src/cli/runOutput.ts';
import { formatUsd } from '../../src/shared/money.ts';
import { UsageError } from '../../src/shared/usageError.ts';
import { tempDir, writeJsonl } from '../helpers.ts';
import { allBatches, catalog, emulator, run } from './helpers.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const SYSTEM = 'You are a careful reviewer. Read the customer review and say what the customer liked and disliked.';

function shapedFile(rows: number, offset: number, model = 'gpt-5.4-mini', system = SYSTEM): string {
  return writeJsonl(Array.from({ length: rows }, (_, i) => ({
    custom_id: `req-${i + 1}`, method: 'POST', url: '/v1/chat/completions',
    body: { model, reasoning_effort: 'low', max_completion_tokens: 4000, messages: [{ role: 'system', content: system }, { role: 'user', content: `Review ${offset + i}: the parcel came late but the ${offset + i}th lamp works.` }] },
  })));
}

function outputOf(results: { usage: Record<string, unknown> | null }[]): number {
  return results.reduce((n, r) => n + Number((r.usage as { completion_tokens?: number } | null)?.completion_tokens ?? 0), 0);
}

/** Every "saved" a person reads of one run: report.md, the CLI's last lines, the job summary's headline. */
function assertSavedEverywhere(summary: Awaited<ReturnType<typeof run>>['summary']) {
  const report = JSON.parse(readFileSync(summary.report_json_path, 'utf8'));
  const md = readFileSync(summary.report_md_path, 'utf8');
  assert.equal(report.saved_usd, summary.ledger.total.saved_usd);
  assert.equal(report.actual_usd, summary.actual_cost_usd);
  const saved = formatUsd(report.saved_usd);
  for (const [where, text] of [['report.md', md], ['cli', describeSummary(summary)], ['summary', runHeadline([summary])]] as const) {
    if (report.saved_usd > 0) assert.ok(text.includes(saved), `${where} shows ${saved}: ${text.slice(0, 400)}`);
    assert.ok(text.includes(formatUsd(report.actual_usd)), `${where} shows the actual ${formatUsd(report.actual_usd)}`);
  }
  return { report, md };
}

test('after one run, the estimate of another file of the same shape expects its output within ±15%', async () => {
  const emu = await emulator({ seed: 7 });
  const dir = tempDir('batchwise-history-');
  const historyPath = join(dir, 'history.jsonl');
  try {
    const first = await run(shapedFile(80, 0), emu, { mode: 'sync', historyPath, now: NOW });
    assert.equal(first.summary.exit_code, 0, first.logs.join('\n'));
    const history = await readHistory(historyPath);
    assert.equal(history.observations.length, 1, 'one shape, one mode');
    assert.equal(history.observations[0].n, 80);

    const second = shapedFile(80, 1000);
    const without = await estimateFile(second, { catalog, now: NOW });
    const withHistory = await estimateFile(second, { catalog, now: NOW, history: history.observations });
    assert.equal(without.output_tokens.source, 'heuristic');
    assert.equal(withHistory.output_tokens.source, 'history');
    assert.equal(withHistory.output_tokens.sample, 80);
    assert.ok(withHistory.notes.some((n) => /expected output from 1 earlier run, 80 answers/.test(n)), withHistory.notes.join('\n'));

    const actual = await run(second, emu, { mode: 'sync', historyPath, now: NOW });
    const used = outputOf(actual.results);
    const expected = withHistory.output_tokens.expected;
    const error = (expected - used) / used;
    assert.ok(Math.abs(error) <= 0.15, `expected ${expected} output tokens, used ${used} (${Math.round(error * 100)}%)`);
    // The heuristic was far off for this shape: the calibration is what brought it in.
    assert.ok(Math.abs((without.output_tokens.expected - used) / used) > Math.abs(error));
    // The run's own report says how far off its estimate was, like with like.
    const report = JSON.parse(readFileSync(actual.summary.report_json_path, 'utf8'));
    assert.ok(Math.abs(report.estimate_error.output) <= 0.15, JSON.stringify(report.estimate_error));
    assert.equal((await readHistory(historyPath)).observations.length, 2, 'the second run appended its own');
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 2,000-token shared system prompt: the estimate shows cached input, and the run is billed for the hits it got', async () => {
  const emu = await emulator({ seed: 3 });
  try {
    const system = 'Answer in the voice of a patient teacher who explains every step and checks the reader understood. '.repeat(110);
    const file = shapedFile(12, 0, 'gpt-5.4-mini', system);
    const e = await estimateFile(file, { catalog, now: NOW });
    const m = e.models[0];
    assert.ok(m.cache && m.cache.cached_input_tokens.sync > 0, 'cached input expected');
    assert.ok(e.cost.sync.expected < e.cost_without_cache.sync.expected);
    assert.ok(e.cost.sync.expected < e.cost.sync.max);
    const { summary } = await run(file, emu, { mode: 'sync', now: NOW });
    assert.ok(summary.ledger.total.cached_input_tokens > 0, 'the emulator reported cache hits and the ledger priced them');
    // 11 requests can hit; the estimate expected 80% of the possible hits.
    const ratio = summary.ledger.total.cached_input_tokens / m.cache.cached_input_tokens.sync;
    assert.ok(ratio > 0.8 && ratio < 1.6, `${ratio}`);
    assertSavedEverywhere(summary);
  } finally {
    await emu.close();
  }
});

test('a batch whose safety net moved every request to sync claims no batch saving anywhere', async () => {
  const emu = await emulator({ completeAfterMs: 120_000, seed: 5 });
  try {
    const file = shapedFile(16, 0, 'gpt-4.1-mini');
    const { summary, results, logs } = await run(file, emu, { mode: 'batch', latencyBudgetMs: 4_000, now: NOW });
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    assert.ok(results.every((r) => r.mode === 'sync'), 'all by sync');
    assert.equal(summary.ledger.moved_to_sync, 16);
    assert.equal(summary.ledger.total.saved_usd, 0);
    const { md } = assertSavedEverywhere(summary);
    for (const text of [md, describeSummary(summary), runHeadline([summary])]) assert.doesNotMatch(text, /saved \$0\.0*[1-9]/, text);
    assert.match(runHeadline([summary]), /nothing saved \(16 ran synchronously after the batch\)/);
  } finally {
    await emu.close();
  }
});

test('a batch run: the saving is the ledger\'s, the same in report.md, the CLI and the job summary', async () => {
  const emu = await emulator({ seed: 11 });
  try {
    const { summary } = await run(shapedFile(10, 0, 'gpt-4.1-mini'), emu, { mode: 'batch', now: NOW });
    const { report } = assertSavedEverywhere(summary);
    assert.ok(report.saved_usd > 0);
    assert.ok(Math.abs(report.saved_usd - report.actual_usd) < 1e-9, 'batch at half price saves what it cost');
  } finally {
    await emu.close();
  }
});

test('--pilot: N requests answered synchronously first calibrate the rest, are kept, and are never sent again', async () => {
  const emu = await emulator({ seed: 13 });
  try {
    const file = shapedFile(40, 0, 'gpt-4.1-mini');
    const { summary, results, outDir } = await run(file, emu, { mode: 'batch', pilot: 8, now: NOW });
    assert.equal(summary.exit_code, 0);
    assert.equal(results.length, 40);
    assert.equal(results.filter((r) => r.mode === 'sync').length, 8);
    const batches = await allBatches(emu);
    assert.equal(batches.length, 1);
    assert.equal(batches[0].request_counts?.total, 32, 'the pilot lines are not in the batch');
    assert.equal(summary.estimate.output_tokens.source, 'pilot');
    assert.equal(summary.ledger.pilot_requests, 8);
    assert.equal(summary.ledger.moved_to_sync, 0, 'a pilot is not a fallback');
    const state = JSON.parse(readFileSync(join(outDir, 'state.json'), 'utf8'));
    assert.equal(state.pilot.lines.length, 8);
    assert.equal(state.pilot.done, true);
    // The pilot is paid for: under a ceiling below its worst case plus the cheapest plan, nothing is sent.
    const emu2 = await emulator();
    try {
      await assert.rejects(run(file, emu2, { mode: 'batch', pilot: 8, maxCostUsd: 0.0001, now: NOW }), /pilot \(sync\) and the cheapest plan/);
      assert.equal((await allBatches(emu2)).length, 0);
    } finally {
      await emu2.close();
    }
  } finally {
    await emu.close();
  }
});

test('run refuses a shut-down model before anything is sent, naming the replacement', async () => {
  const emu = await emulator();
  try {
    const file = shapedFile(3, 0, 'o4-mini');
    const out = tempDir('batchwise-dead-');
    await assert.rejects(run(file, emu, { outDir: out, now: NOW }), (err: unknown) => err instanceof UsageError && /o4-mini was shut down on 2026-10-23; OpenAI recommends gpt-5\.6-terra/.test(err.message));
    assert.equal((await allBatches(emu)).length, 0);
    assert.equal(existsSync(join(out, 'state.json')), false);
    rmSync(out, { recursive: true, force: true });
  } finally {
    await emu.close();
  }
});
