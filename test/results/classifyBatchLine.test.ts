import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBatchLine } from '../../src/results/index.ts';

const line = (o: object) => JSON.stringify(o);

test('a 2xx response with error null succeeded, with its usage', () => {
  const o = classifyBatchLine(line({ id: 'r', custom_id: 'a', response: { status_code: 200, body: { usage: { prompt_tokens: 3 } } }, error: null }));
  assert.equal(o.status, 'succeeded');
  assert.deepEqual(o.usage, { prompt_tokens: 3 });
  assert.equal(o.error, null);
});

test('a non-2xx response is a failure even with error null; 429 and 5xx can be retried, 400 cannot', () => {
  const body = (code: string) => ({ error: { message: `m ${code}`, type: 'x', param: null, code } });
  const r429 = classifyBatchLine(line({ custom_id: 'a', response: { status_code: 429, body: body('rate_limit_exceeded') }, error: null }));
  assert.equal(r429.status, 'failed');
  assert.equal(r429.retryable, true);
  assert.deepEqual(r429.error, { code: 'rate_limit_exceeded', message: 'm rate_limit_exceeded' });
  const r500 = classifyBatchLine(line({ custom_id: 'a', response: { status_code: 500, body: { error: { message: 'boom', type: 'server_error', code: null } } }, error: null }));
  assert.equal(r500.retryable, true);
  assert.equal(r500.error?.code, 'server_error');
  const r400 = classifyBatchLine(line({ custom_id: 'a', response: { status_code: 400, body: body('context_length_exceeded') }, error: null }));
  assert.equal(r400.retryable, false);
  const bare = classifyBatchLine(line({ custom_id: 'a', response: { status_code: 503, body: null }, error: null }));
  assert.deepEqual(bare.error, { code: 'http_503', message: 'the endpoint answered HTTP 503' });
});

test('unfinished lines: expired is retryable, cancelled is not (a person decided), batchwise_retryable wins', () => {
  const exp = classifyBatchLine(line({ custom_id: 'a', response: null, error: { code: 'batch_expired', message: 'x' } }));
  assert.equal(exp.status, 'expired');
  assert.equal(exp.retryable, true);
  const can = classifyBatchLine(line({ custom_id: 'a', response: null, error: { code: 'batch_cancelled', message: 'x' } }));
  assert.equal(can.status, 'cancelled');
  assert.equal(can.retryable, false);
  const ours = classifyBatchLine(line({ custom_id: 'a', response: null, error: { code: 'batch_failed', message: 'x' }, batchwise_retryable: true }));
  assert.equal(ours.status, 'failed');
  assert.equal(ours.retryable, true);
});
