import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { backoffMs, classifyFailure, redactSecrets } from '../../src/run/sync/syncClientErrors.ts';

function apiError(status: number, error: Record<string, unknown> | undefined, headers: Record<string, string> = {}) {
  return APIError.generate(status, error === undefined ? undefined : { error }, undefined, new Headers(headers));
}

test('4xx other than 408/409/429 are final, with the body’s code or http_<status>', () => {
  const bad = classifyFailure(apiError(400, { message: "Missing required parameter: 'messages'.", code: 'missing_required_parameter', type: 'invalid_request_error' }));
  assert.deepEqual([bad?.kind, bad?.code, bad?.message], ['final', 'missing_required_parameter', "Missing required parameter: 'messages'."]);
  assert.deepEqual([classifyFailure(apiError(404, { message: 'no such model', code: null }))?.code, classifyFailure(apiError(422, undefined))?.kind], ['http_404', 'final']);
});

test('408, 409, 5xx, timeouts and dropped connections are retried', () => {
  for (const status of [408, 409, 500, 502, 503]) assert.equal(classifyFailure(apiError(status, { message: 'x' }))?.kind, 'retry', String(status));
  assert.deepEqual([classifyFailure(new APIConnectionTimeoutError())?.kind, classifyFailure(new APIConnectionTimeoutError())?.code], ['retry', 'timeout']);
  const dropped = classifyFailure(new APIConnectionError({ cause: new Error('socket hang up') }));
  assert.deepEqual([dropped?.kind, dropped?.code], ['retry', 'connection_error']);
  assert.match(dropped?.message ?? '', /socket hang up/);
});

test('429: rate limit → retry after what the server says; flex capacity → retry; quota and key → stop everything', () => {
  const rl = classifyFailure(apiError(429, { message: 'Rate limit reached for gpt-4o-mini …', code: 'rate_limit_exceeded', type: 'requests' }, { 'retry-after': '2' }));
  assert.deepEqual([rl?.kind, rl?.rateLimited, rl?.retryAfterMs], ['retry', true, 2000]);
  const flex = classifyFailure(apiError(429, { message: 'Resource unavailable', code: 'resource_unavailable' }));
  assert.deepEqual([flex?.kind, flex?.flexUnavailable, flex?.rateLimited], ['retry', true, false]);
  assert.equal(classifyFailure(apiError(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }))?.kind, 'fatal');
  assert.equal(classifyFailure(apiError(401, { message: 'Incorrect API key provided' }))?.kind, 'fatal');
  const large = classifyFailure(apiError(429, { message: 'Request too large for gpt-4o on tokens per min (TPM): Limit 100, Requested 500.', code: 'rate_limit_exceeded' }));
  assert.deepEqual([large?.kind, large?.code], ['final', 'request_too_large']);
});

test('our own abort is told apart; a non-SDK error is not classified (it is a bug to rethrow)', () => {
  assert.equal(classifyFailure(new APIUserAbortError())?.kind, 'aborted');
  assert.equal(classifyFailure(new TypeError('x is undefined')), null);
});

test('the API key never survives into a message', () => {
  const key = 'sk-proj-abcdefghijklmnop1234';
  const f = classifyFailure(apiError(401, { message: `Incorrect API key provided: ${key}. And masked: sk-proj-****1234.` }), key);
  assert.ok(!f?.message.includes(key));
  assert.ok(!f?.message.includes('****1234'));
  assert.equal(redactSecrets('key my-secret-key here', 'my-secret-key'), 'key [redacted] here');
});

test('backoff doubles from 0.5 s with jitter in the upper half, capped at 30 s', () => {
  assert.equal(backoffMs(1, () => 0), 250);
  assert.equal(backoffMs(1, () => 1), 500);
  assert.equal(backoffMs(3, () => 1), 2000);
  assert.equal(backoffMs(20, () => 1), 30_000);
});
