import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateOutputTokens, EXPECTED_VISIBLE, REASONING_BY_EFFORT } from '../../src/estimate/outputTokens.ts';

const plain = { max_output_tokens: 16_384, reasoning: false };
const reasoner = { max_output_tokens: 100_000, reasoning: true };

test('chat: max is the cap times n, low one token per choice', () => {
  const o = estimateOutputTokens('/v1/chat/completions', { model: 'm', messages: [], max_tokens: 1000, n: 3 }, plain);
  assert.deepEqual([o.low, o.max, o.n, o.unbounded], [3, 3000, 3, false]);
  assert.equal(o.expected, EXPECTED_VISIBLE * 3);
});

test('chat: max_completion_tokens wins over max_tokens', () => {
  const o = estimateOutputTokens('/v1/chat/completions', { max_tokens: 1000, max_completion_tokens: 50 }, plain);
  assert.equal(o.max, 50);
  assert.equal(o.expected, 50, 'expected never exceeds the cap');
});

test('no cap: the model limit, flagged unbounded', () => {
  const o = estimateOutputTokens('/v1/chat/completions', { messages: [] }, plain);
  assert.equal(o.max, 16_384);
  assert.equal(o.unbounded, true);
});

test('a cap above the model limit is clamped to it', () => {
  assert.equal(estimateOutputTokens('/v1/chat/completions', { max_tokens: 1_000_000 }, plain).max, 16_384);
});

test('responses use max_output_tokens and have no n', () => {
  const o = estimateOutputTokens('/v1/responses', { max_output_tokens: 300, n: 5 }, plain);
  assert.deepEqual([o.low, o.max], [1, 300]);
});

test('legacy completions default to 16 tokens and bill best_of', () => {
  assert.equal(estimateOutputTokens('/v1/completions', { prompt: 'x' }, plain).max, 16);
  const o = estimateOutputTokens('/v1/completions', { prompt: 'x', max_tokens: 10, n: 2, best_of: 4 }, plain);
  assert.equal(o.max, 40);
  assert.equal(o.unbounded, false);
});

test('embeddings and moderations output nothing', () => {
  for (const url of ['/v1/embeddings', '/v1/moderations'] as const) {
    const o = estimateOutputTokens(url, { input: 'x' }, plain);
    assert.deepEqual([o.low, o.expected, o.max], [0, 0, 0]);
  }
});

test('reasoning models: expected adds reasoning by effort, within the cap', () => {
  const medium = estimateOutputTokens('/v1/chat/completions', { max_completion_tokens: 50_000 }, reasoner);
  assert.equal(medium.expected, EXPECTED_VISIBLE + REASONING_BY_EFFORT.medium);
  const high = estimateOutputTokens('/v1/responses', { max_output_tokens: 50_000, reasoning: { effort: 'high' } }, reasoner);
  assert.equal(high.expected, EXPECTED_VISIBLE + REASONING_BY_EFFORT.high);
  const minimal = estimateOutputTokens('/v1/chat/completions', { reasoning_effort: 'minimal' }, reasoner);
  assert.equal(minimal.expected, EXPECTED_VISIBLE);
  const capped = estimateOutputTokens('/v1/chat/completions', { max_completion_tokens: 2000, reasoning_effort: 'high' }, reasoner);
  assert.equal(capped.expected, 2000);
});
