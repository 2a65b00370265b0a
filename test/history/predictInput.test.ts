// Input calibration for approximate tokenizers: a run keeps what the estimate approximated beside what the provider
// billed, and the next estimate of the model multiplies its approximation by their ratio.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, observeResults, predictInputRatio, readHistory, shapeOf } from '../../src/history/index.ts';
import { parseHistoryLine } from '../../src/history/parseHistoryLine.ts';
import { chatBody, chatUsage, observation } from './helpers.ts';

const RUN = { run_at: '2026-11-02T02:00:00.000Z', run_id: 'r1', file: 'nightly.jsonl' };
const claude = shapeOf('/v1/chat/completions', chatBody('row', { model: 'claude-haiku-4-5' }));
const dir = mkdtempSync(join(tmpdir(), 'batchwise-history-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a run records the approximation beside the billed input, only when every answer of the group has one', () => {
  const requests = [100, 120, 140].map((approx, i) => ({ shape: claude, mode: 'batch' as const, usage: chatUsage(10, approx + 10 * i), approx_input: approx }));
  const [o] = observeResults(requests, RUN);
  assert.equal(o.input_mean, 130);
  assert.equal(o.approx_input_mean, 120);
  // An OpenAI model's count is exact: nothing to record.
  const [exact] = observeResults([{ shape: claude, mode: 'batch', usage: chatUsage(10, 100) }], RUN);
  assert.equal(exact.approx_input_mean, undefined);
  const [mixed] = observeResults([...requests, { shape: claude, mode: 'batch', usage: chatUsage(10, 100) }], RUN);
  assert.equal(mixed.approx_input_mean, undefined, 'two means over different answers would mislead');
});

test('the field survives the file: written, read back, and checked like every other count', async () => {
  const path = join(dir, 'history.jsonl');
  const [o] = observeResults([{ shape: claude, mode: 'sync', usage: chatUsage(10, 1_300), approx_input: 1_200 }], RUN);
  await appendHistory(path, [o]);
  const read = await readHistory(path);
  assert.equal(read.observations[0].approx_input_mean, 1_200);
  assert.equal(parseHistoryLine(JSON.stringify({ ...o, approx_input_mean: -1 })), null, 'a negative mean is a corrupt line');
  const without = parseHistoryLine(JSON.stringify({ ...o, approx_input_mean: undefined }));
  assert.ok(without !== null && without !== 'newer');
  assert.equal(without.approx_input_mean, undefined);
});

test('the ratio is billed over approximated for the model, newer runs weighing more; null without evidence', () => {
  assert.equal(predictInputRatio([], 'claude-haiku-4-5'), null);
  assert.equal(predictInputRatio([observation(claude, 1, 10)], 'claude-haiku-4-5'), null, 'no approximation recorded');
  const one = predictInputRatio([observation(claude, 1, 10, 50, { input_mean: 900, approx_input_mean: 1_000 })], 'claude-haiku-4-5')!;
  assert.deepEqual([one.ratio, one.sample, one.runs], [0.9, 50, 1]);
  assert.match(one.reason, /billed input was 0\.9× the approximation in 1 earlier run of claude-haiku-4-5, 50 answers/);
  // Two runs of equal size: the newer (ratio 1.1) weighs 10/10, the older (0.9) 9/10.
  const two = predictInputRatio(
    [
      observation(claude, 1, 10, 100, { input_mean: 900, approx_input_mean: 1_000 }),
      observation(claude, 2, 10, 100, { input_mean: 1_100, approx_input_mean: 1_000 }),
    ],
    'claude-haiku-4-5',
  )!;
  assert.equal(two.ratio, Math.round(((0.9 * 900 + 1 * 1_100) / (0.9 * 1_000 + 1 * 1_000)) * 10_000) / 10_000);
  assert.equal(two.sample, 200);
  // Another model's runs say nothing about this one's tokenizer.
  assert.equal(predictInputRatio([observation(claude, 1, 10, 50, { input_mean: 900, approx_input_mean: 1_000 })], 'claude-sonnet-5-5'), null);
});
