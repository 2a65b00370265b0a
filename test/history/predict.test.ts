import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predict, predictCache, shapeOf } from '../../src/history/index.ts';
import { chatBody, observation } from './helpers.ts';

const CHAT = '/v1/chat/completions';
const shape = shapeOf(CHAT, chatBody('row'));
const otherPrompt = shapeOf(CHAT, chatBody('row', {}, 'You translate to French.'));

test('empty history: null', () => {
  assert.equal(predict([], shape), null);
  assert.equal(predictCache([], shape), null);
});

test('history of another model only: null', () => {
  assert.equal(predict([observation(shapeOf(CHAT, chatBody('row', { model: 'gpt-4o' })), 1, 50)], shape), null);
});

test('the exact shape wins over the same model with another prompt', () => {
  const p = predict([observation(otherPrompt, 3, 400, 1000), observation(shape, 1, 60, 10)], shape);
  assert.ok(p);
  assert.deepEqual([p.match, p.expected_per_request, p.sample, p.runs], ['shape', 60, 10, 1]);
});

test('unseen shape: the same model and endpoint, said to be a weaker match', () => {
  const p = predict([observation(otherPrompt, 1, 120, 50), observation(otherPrompt, 2, 120, 50)], shape);
  assert.ok(p);
  assert.equal(p.match, 'model');
  assert.equal(p.expected_per_request, 120);
  assert.equal(p.reason, 'expected output from 2 earlier runs of gpt-4o-mini with other prompts, 100 answers');
});

test('the model match prefers runs at the same reasoning effort', () => {
  const lowEffort = shapeOf(CHAT, chatBody('row', { reasoning_effort: 'low' }, 'p'));
  const highEffort = shapeOf(CHAT, chatBody('row', { reasoning_effort: 'high' }, 'p'));
  const wanted = shapeOf(CHAT, chatBody('row', { reasoning_effort: 'high' }));
  const p = predict([observation(lowEffort, 2, 100), observation(highEffort, 1, 450)], wanted);
  assert.equal(p?.expected_per_request, 450);
});

test('newer runs weigh more', () => {
  // Two runs of 100 answers: the newest counts 10/10, the older 9/10 → (9·100 + 10·200) / 19.
  const p = predict([observation(shape, 1, 100), observation(shape, 2, 200)], shape);
  assert.equal(p?.expected_per_request, 152.63);
  const reversed = predict([observation(shape, 2, 100), observation(shape, 1, 200)], shape);
  assert.equal(reversed?.expected_per_request, 147.37);
});

test('only the last N runs count', () => {
  const history = [observation(shape, 1, 1000), ...[2, 3, 4].map((d) => observation(shape, d, 50))];
  const p = predict(history, shape, { recentRuns: 3 });
  assert.deepEqual([p?.expected_per_request, p?.runs, p?.sample], [50, 3, 300]);
});

test('answers weigh by their count', () => {
  const p = predict([observation(shape, 1, 100, 900), observation(shape, 1, 200, 100, { mode: 'sync' })], shape);
  assert.equal(p?.expected_per_request, 110);
});

test('same prompt under a higher cap: cut at this cap, never above it', () => {
  const wide = shapeOf(CHAT, chatBody('row', { max_completion_tokens: 2000 }));
  const history = [observation(wide, 1, 0, 100, { output: { mean: 700, p10: 200, p50: 600, p90: 1500, max: 1900 } })];
  const p = predict(history, shape);
  assert.ok(p);
  assert.equal(p.match, 'shape');
  assert.equal(p.same_cap, false);
  assert.deepEqual([p.expected_per_request, p.low, p.p90], [500, 200, 500]);
  assert.match(p.reason, /at another cap \(2000\).*cut at the cap of 500/);
});

test('same prompt under a lower cap that cut answers: raised toward this cap', () => {
  const narrow = shapeOf(CHAT, chatBody('row', { max_completion_tokens: 100 }));
  // p90 at the old cap: 10–50% were cut; 30% are assumed to run to the new cap of 500.
  const history = [observation(narrow, 1, 0, 100, { output: { mean: 70, p10: 20, p50: 60, p90: 100, max: 100 } })];
  const p = predict(history, shape);
  assert.deepEqual([p?.expected_per_request, p?.low, p?.p90], [190, 20, 500]);
  // Under a lower cap that cut nothing, the answers ended on their own: taken as they are.
  const uncut = [observation(narrow, 1, 0, 100, { output: { mean: 30, p10: 10, p50: 25, p90: 60, max: 80 } })];
  assert.equal(predict(uncut, shape)?.expected_per_request, 30);
});

test('the model match is capped too', () => {
  const p = predict([observation(otherPrompt, 1, 0, 10, { cap: null, output: { mean: 3000, p10: 900, p50: 2500, p90: 6000, max: 9000 } })], shape);
  assert.equal(p?.expected_per_request, 500);
  assert.equal(p?.p90, 500);
});

test('predictCache: the cached share of input for the same prefix, at any cap', () => {
  const otherCap = shapeOf(CHAT, chatBody('row', { max_completion_tokens: 100 }));
  const history = [
    observation(shape, 2, 50, 100, { input_mean: 2000, cached_input_mean: 1500, cache_write_mean: 100 }),
    observation(otherCap, 2, 50, 100, { run_id: 'run-2b', input_mean: 2000, cached_input_mean: 1500, cache_write_mean: 100 }),
    observation(otherPrompt, 3, 50, 100, { input_mean: 2000, cached_input_mean: 0 }),
  ];
  const c = predictCache(history, shape);
  assert.deepEqual(c, {
    ratio: 0.75,
    write_ratio: 0.05,
    sample: 200,
    runs: 2,
    reason: '75% of input read from the cache in 2 earlier runs of this prompt, 200 answers',
  });
  assert.equal(predictCache([observation(otherPrompt, 1, 10)], shape), null, 'another prompt says nothing about this cache');
});
