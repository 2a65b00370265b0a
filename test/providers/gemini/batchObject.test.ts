// Gemini batch Operations as OpenAI Batch objects, the display-name identity, file handles, and Google's error bodies
// as the openai SDK's error classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { sameWork } from '../../../src/run/batch/batchApi.ts';
import { toOpenAIBatch } from '../../../src/run/providers/gemini/batchObject.ts';
import { decodeDisplayName, DISPLAY_NAME_MAX, encodeDisplayName } from '../../../src/run/providers/gemini/displayName.ts';
import { geminiApiError } from '../../../src/run/providers/gemini/errors.ts';
import { makeHandle, readHandle } from '../../../src/run/providers/gemini/handles.ts';
import { forgetSecrets, registerSecret } from '../../../src/shared/secrets.ts';

const IDENTITY = { batchwise_input_sha256: 'f'.repeat(64), batchwise_part_sha256: '0123456789abcdef'.repeat(4), batchwise_round: '12' };

function op(state: string, extra: Record<string, unknown> = {}, done?: boolean) {
  return {
    name: 'batches/abc123',
    metadata: {
      '@type': 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch',
      model: 'models/gemini-3.8-flash',
      displayName: encodeDisplayName(IDENTITY),
      inputConfig: { fileName: 'files/in1' },
      createTime: '2026-12-01T10:00:00.123456789Z',
      updateTime: '2026-12-01T10:05:00Z',
      batchStats: { requestCount: '10', successfulRequestCount: '7', failedRequestCount: '2', pendingRequestCount: '1' },
      state,
      ...extra,
    },
    ...(done ? { done } : {}),
  };
}

test('states map to OpenAI statuses, with either prefix', () => {
  for (const prefix of ['BATCH_STATE_', 'JOB_STATE_']) {
    for (const [state, status] of [
      ['PENDING', 'validating'],
      ['RUNNING', 'in_progress'],
      ['SUCCEEDED', 'completed'],
      ['FAILED', 'failed'],
      ['CANCELLED', 'cancelled'],
      ['EXPIRED', 'expired'],
    ]) {
      assert.equal(toOpenAIBatch(op(prefix + state)).status, status, prefix + state);
    }
  }
  assert.equal(toOpenAIBatch(op('BATCH_STATE_UNSPECIFIED', {}, true)).status, 'completed', 'an unknown state on a done Operation');
});

test('the Batch object: id, counts from int64 strings, times, model, identity metadata and the expiry at 48 h', () => {
  const b = toOpenAIBatch(op('BATCH_STATE_RUNNING'));
  assert.equal(b.id, 'batches/abc123');
  assert.equal(b.object, 'batch');
  assert.equal(b.endpoint, '/v1/chat/completions');
  assert.deepEqual(b.request_counts, { total: 10, completed: 7, failed: 2 });
  assert.equal(b.created_at, Math.floor(Date.parse('2026-12-01T10:00:00Z') / 1000));
  assert.equal(b.expires_at, b.created_at + 48 * 3600);
  assert.equal(b.in_progress_at, Math.floor(Date.parse('2026-12-01T10:05:00Z') / 1000));
  assert.equal(b.model, 'gemini-3.8-flash');
  assert.equal(b.input_file_id, 'files/in1#gemini-3.8-flash');
  assert.deepEqual(b.metadata, IDENTITY);
  assert.ok(sameWork(b, { ...IDENTITY, batchwise_part: '1/1' }), 'a run can attach to it');
  assert.equal(b.output_file_id, undefined, 'no output while running');
  // Zero counts are left out of proto3 JSON.
  assert.deepEqual(toOpenAIBatch(op('BATCH_STATE_PENDING', { batchStats: { requestCount: '3', pendingRequestCount: '3' } })).request_counts, { total: 3, completed: 0, failed: 0 });
});

test('an ended job names its responses file as the output; a failed one carries the Operation error', () => {
  const done = toOpenAIBatch(op('BATCH_STATE_SUCCEEDED', { output: { responsesFile: 'files/batch-abc123' }, endTime: '2026-12-01T11:00:00Z' }, true));
  assert.equal(done.output_file_id, 'files/batch-abc123#gemini-3.8-flash');
  assert.equal(done.error_file_id, undefined, 'errors are lines of the same file');
  assert.equal(done.completed_at, Math.floor(Date.parse('2026-12-01T11:00:00Z') / 1000));
  const fromResponse = toOpenAIBatch({ ...op('BATCH_STATE_CANCELLED', {}, true), response: { responsesFile: 'files/batch-x' } });
  assert.equal(fromResponse.output_file_id, 'files/batch-x#gemini-3.8-flash');
  const failed = toOpenAIBatch({ ...op('BATCH_STATE_FAILED', {}, true), error: { code: 3, message: 'Invalid input file' } });
  assert.deepEqual(failed.errors, { object: 'list', data: [{ code: 'INVALID_ARGUMENT', message: 'Invalid input file', line: null, param: null }] });
});

test('display names carry the identity within 128 characters, and only names batchwise wrote decode', () => {
  const name = encodeDisplayName({ ...IDENTITY, batchwise_round: '999999', batchwise_part: '1/1', github_run_id: '123' });
  assert.ok(name.length <= DISPLAY_NAME_MAX, `${name.length} characters`);
  assert.deepEqual(decodeDisplayName(name), { ...IDENTITY, batchwise_round: '999999' });
  assert.equal(encodeDisplayName({ batchwise_round: '1' }), 'batchwise', 'no identity to encode');
  for (const other of ['my batch', 'batchwise', 'batchwise.v1.x.y.r1', undefined]) assert.equal(decodeDisplayName(other), null);
});

test('handles keep the file and the model', () => {
  const h = makeHandle({ file: 'files/batch-abc', model: 'gemini-3.8-flash' });
  assert.deepEqual(readHandle(h), { file: 'files/batch-abc', model: 'gemini-3.8-flash' });
  assert.throws(() => readHandle('file-abc'), /not a Gemini file handle/);
});

test("Google's error bodies become the SDK's classes; the status name is the code", () => {
  const body = (code: number, status: string, message: string, details?: unknown[]) => JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });
  const e429 = geminiApiError(429, body(429, 'RESOURCE_EXHAUSTED', 'quota', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' }]), new Headers());
  assert.ok(e429 instanceof OpenAI.RateLimitError);
  assert.equal(e429.code, 'RESOURCE_EXHAUSTED');
  assert.equal(e429.headers?.get('retry-after'), '37', 'RetryInfo becomes retry-after');
  assert.ok(geminiApiError(500, body(500, 'INTERNAL', 'x'), new Headers()) instanceof OpenAI.InternalServerError);
  assert.ok(geminiApiError(503, body(503, 'UNAVAILABLE', 'x'), new Headers()) instanceof OpenAI.InternalServerError);
  assert.ok(geminiApiError(404, body(404, 'NOT_FOUND', 'x'), new Headers()) instanceof OpenAI.NotFoundError);
  assert.ok(geminiApiError(401, body(401, 'UNAUTHENTICATED', 'x'), new Headers()) instanceof OpenAI.AuthenticationError);
  assert.ok(geminiApiError(403, body(403, 'PERMISSION_DENIED', 'x'), new Headers()) instanceof OpenAI.PermissionDeniedError);
  const html = geminiApiError(502, '<html>Bad Gateway</html>', new Headers());
  assert.ok(html instanceof OpenAI.InternalServerError);
  assert.equal(html.code, 'INTERNAL');
});

test('an invalid key (400 API_KEY_INVALID) is an AuthenticationError, and the key it echoes never shows', () => {
  const key = 'AIzaSyD-not-a-real-key-0123456789';
  registerSecret(key);
  try {
    const text = JSON.stringify({
      error: {
        code: 400,
        message: `API key not valid. Please pass a valid API key. (${key})`,
        status: 'INVALID_ARGUMENT',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
          { '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: `Invalid API key: ${key}` },
        ],
      },
    });
    const e = geminiApiError(400, text, new Headers());
    assert.ok(e instanceof OpenAI.AuthenticationError);
    assert.equal(e.status, 401);
    assert.equal(e.code, 'API_KEY_INVALID');
    assert.ok(!e.message.includes(key));
    assert.ok(!JSON.stringify(e.error).includes(key));
  } finally {
    forgetSecrets();
  }
});
