import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observeResults, shapeOf } from '../../src/history/index.ts';
import { chatBody, chatUsage } from './helpers.ts';

const RUN = { run_at: '2026-11-02T02:00:00.000Z', run_id: 'r1', file: 'evals/nightly.jsonl' };
const shape = shapeOf('/v1/chat/completions', chatBody('row'));

test('one observation per shape and mode, with the output spread and input means', () => {
  const requests = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110].map((out, i) => ({
    shape,
    mode: 'batch' as const,
    status: 'succeeded',
    usage: chatUsage(out, 200, i % 2 === 0 ? 100 : 0, 5),
  }));
  const [o, ...rest] = observeResults(requests, RUN);
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { ...o, output: undefined },
    {
      v: 1,
      run_at: RUN.run_at,
      run_id: 'r1',
      file: 'nightly.jsonl',
      model: 'gpt-4o-mini',
      url: '/v1/chat/completions',
      shape: shape.id,
      prefix_hash: shape.prefix_hash,
      cap: 500,
      effort: null,
      mode: 'batch',
      n: 11,
      output: undefined,
      reasoning_mean: 5,
      input_mean: 200,
      cached_input_mean: 54.55,
      cache_write_mean: 0,
      latency_ms_p50: null,
    },
  );
  assert.deepEqual(o.output, { mean: 60, p10: 20, p50: 60, p90: 100, max: 110 });
});

test('only succeeded answers with usage count', () => {
  const obs = observeResults(
    [
      { shape, mode: 'sync', status: 'succeeded', usage: chatUsage(40), latency_ms: 900 },
      { shape, mode: 'sync', usage: chatUsage(60), latency_ms: 1100 },
      { shape, mode: 'sync', status: 'failed', usage: chatUsage(9999) },
      { shape, mode: 'sync', status: 'expired', usage: null },
      { shape, mode: 'sync', status: 'succeeded', usage: null },
    ],
    RUN,
  );
  assert.equal(obs.length, 1);
  assert.equal(obs[0].n, 2);
  assert.equal(obs[0].output.mean, 50);
  assert.equal(obs[0].latency_ms_p50, 1000);
});

test('responses usage, reasoning and cache writes; modes are kept apart', () => {
  const responsesShape = shapeOf('/v1/responses', { model: 'gpt-5.6-sol', instructions: 'x', input: 'y', reasoning: { effort: 'high' } });
  const usage = {
    input_tokens: 2000,
    input_tokens_details: { cached_tokens: 1024, cache_write_tokens: 500 },
    output_tokens: 900,
    output_tokens_details: { reasoning_tokens: 700 },
  };
  const obs = observeResults(
    [
      { shape: responsesShape, mode: 'flex', usage },
      { shape: responsesShape, mode: 'batch', usage },
    ],
    { run_at: RUN.run_at, file: 'a.jsonl' },
  );
  assert.deepEqual(obs.map((o) => o.mode), ['flex', 'batch']);
  assert.equal('run_id' in obs[0], false);
  assert.deepEqual(
    [obs[0].input_mean, obs[0].cached_input_mean, obs[0].cache_write_mean, obs[0].output.mean, obs[0].reasoning_mean, obs[0].effort],
    [2000, 1024, 500, 900, 700, 'high'],
  );
});

test('nothing succeeded: no observations', () => {
  assert.deepEqual(observeResults([{ shape, mode: 'batch', status: 'failed', usage: null }], RUN), []);
});
