import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBatchLine } from '../../../src/results/index.ts';
import { usageTokens } from '../../../src/pricing/index.ts';
import { forgetSecrets, registerSecret } from '../../../src/shared/secrets.ts';
import { batchFromAnthropic } from '../../../src/run/providers/anthropic/translateBatch.ts';
import { openAIBatchLine } from '../../../src/run/providers/anthropic/translateBatchResult.ts';
import { chatCompletionFromMessage, finishReason } from '../../../src/run/providers/anthropic/translateResult.ts';
import type { Message, MessageBatch } from '../../../src/run/providers/anthropic/wire.ts';

function message(extra: Partial<Message> = {}): Message {
  return {
    id: 'msg_01abc',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-6',
    content: [
      { type: 'thinking', thinking: '', signature: 's' },
      { type: 'text', text: 'Hello ', citations: null },
      { type: 'text', text: 'world.', citations: null },
    ],
    stop_reason: 'end_turn',
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: 10,
      cache_read_input_tokens: 2000,
      cache_creation_input_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 300, ephemeral_1h_input_tokens: 0 },
      output_tokens: 50,
      output_tokens_details: { thinking_tokens: 20 },
      server_tool_use: null,
      service_tier: 'batch',
      inference_geo: null,
      speed: null,
    },
    ...extra,
  } as Message;
}

test('a Message becomes a chat.completion: text blocks joined, usage in OpenAI\'s shape, the Message under provider_response', () => {
  const m = message();
  const body = chatCompletionFromMessage(m, 1_800_000_000) as any;
  assert.equal(body.id, 'msg_01abc');
  assert.equal(body.object, 'chat.completion');
  assert.equal(body.created, 1_800_000_000);
  assert.equal(body.model, 'claude-sonnet-4-6');
  assert.deepEqual(body.choices, [{ index: 0, message: { role: 'assistant', content: 'Hello world.', refusal: null }, logprobs: null, finish_reason: 'stop' }]);
  assert.deepEqual(body.usage, {
    prompt_tokens: 2310,
    completion_tokens: 50,
    total_tokens: 2360,
    prompt_tokens_details: { cached_tokens: 2000, cache_write_tokens: 300 },
    completion_tokens_details: { reasoning_tokens: 20 },
  });
  assert.equal(body.provider_response, m);
  // The ledger reads it as it reads OpenAI's usage.
  assert.deepEqual(usageTokens(body.usage), { input: 2310, cached_input: 2000, cache_write: 300, output: 50, reasoning: 20 });
});

test('tool_use blocks become tool_calls with JSON arguments; content is null when there is no text', () => {
  const m = message({
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' }, caller: { type: 'direct' } }] as Message['content'],
    stop_reason: 'tool_use',
  });
  const choice = (chatCompletionFromMessage(m, 0) as any).choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.equal(choice.message.content, null);
  assert.deepEqual(choice.message.tool_calls, [{ id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }]);
});

test('stop_reason → finish_reason', () => {
  assert.equal(finishReason('end_turn'), 'stop');
  assert.equal(finishReason('stop_sequence'), 'stop');
  assert.equal(finishReason('max_tokens'), 'length');
  assert.equal(finishReason('tool_use'), 'tool_calls');
  assert.equal(finishReason('refusal'), 'content_filter');
  assert.equal(finishReason('model_context_window_exceeded'), 'length');
});

test('batch result lines: succeeded to the output file, errored / canceled / expired to the error file, read back by classifyBatchLine', () => {
  const ok = openAIBatchLine({ custom_id: 'a', result: { type: 'succeeded', message: message() } }, 1);
  assert.equal(ok.file, 'output');
  const okRead = classifyBatchLine(JSON.stringify(ok.line));
  assert.equal(okRead.status, 'succeeded');
  assert.equal(okRead.custom_id, 'a');
  assert.equal((okRead.usage as { prompt_tokens: number }).prompt_tokens, 2310);

  const statusOf: Record<string, number> = {
    invalid_request_error: 400, authentication_error: 401, permission_error: 403, not_found_error: 404,
    request_too_large: 413, rate_limit_error: 429, api_error: 500, overloaded_error: 529,
  };
  for (const [type, status] of Object.entries(statusOf)) {
    const line = openAIBatchLine({ custom_id: 'b', result: { type: 'errored', error: { type: 'error', error: { type, message: `m ${type}` }, request_id: 'req_1' } } } as never, 1);
    assert.equal(line.file, 'errors');
    assert.equal((line.line.response as { status_code: number }).status_code, status, type);
    assert.deepEqual((line.line.response as any).body.error, { code: type, message: `m ${type}`, type });
    const read = classifyBatchLine(JSON.stringify(line.line));
    assert.equal(read.status, 'failed');
    assert.deepEqual(read.error, { code: type, message: `m ${type}` });
    assert.equal(read.retryable, status === 429 || status >= 500, type);
  }

  const canceled = openAIBatchLine({ custom_id: 'c', result: { type: 'canceled' } }, 1);
  assert.equal(canceled.file, 'errors');
  assert.equal(classifyBatchLine(JSON.stringify(canceled.line)).status, 'cancelled');
  const expired = openAIBatchLine({ custom_id: 'd', result: { type: 'expired' } }, 1);
  assert.equal(expired.file, 'errors');
  const expiredRead = classifyBatchLine(JSON.stringify(expired.line));
  assert.equal(expiredRead.status, 'expired');
  assert.equal(expiredRead.retryable, true);
});

test('an errored result\'s message is scrubbed of the key', () => {
  const key = 'anthropic-secret-key-987654321';
  registerSecret(key);
  try {
    const line = openAIBatchLine({ custom_id: 'e', result: { type: 'errored', error: { type: 'error', error: { type: 'authentication_error', message: `bad key ${key}` }, request_id: null } } } as never, 1);
    assert.ok(!JSON.stringify(line.line).includes(key));
  } finally {
    forgetSecrets();
  }
});

function anthropicBatch(extra: Partial<MessageBatch> = {}): MessageBatch {
  return {
    id: 'msgbatch_1',
    type: 'message_batch',
    processing_status: 'in_progress',
    request_counts: { processing: 5, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    created_at: '2026-12-01T10:00:00Z',
    expires_at: '2026-12-02T10:00:00Z',
    ended_at: null,
    archived_at: null,
    cancel_initiated_at: null,
    results_url: null,
    ...extra,
  };
}

test('MessageBatch → Batch: statuses, counts, times in seconds, result handles only once ended, metadata null', () => {
  const running = batchFromAnthropic(anthropicBatch());
  assert.equal(running.status, 'in_progress');
  assert.deepEqual(running.request_counts, { total: 5, completed: 0, failed: 0 });
  assert.equal(running.created_at, Date.parse('2026-12-01T10:00:00Z') / 1000);
  assert.equal(running.expires_at, Date.parse('2026-12-02T10:00:00Z') / 1000);
  assert.equal(running.metadata, null);
  assert.equal(running.output_file_id, undefined);

  assert.equal(batchFromAnthropic(anthropicBatch({ processing_status: 'canceling', cancel_initiated_at: '2026-12-01T11:00:00Z' })).status, 'cancelling');

  const ended = { processing_status: 'ended' as const, ended_at: '2026-12-01T12:00:00Z', results_url: 'https://x/results' };
  const done = batchFromAnthropic(anthropicBatch({ ...ended, request_counts: { processing: 0, succeeded: 4, errored: 1, canceled: 0, expired: 0 } }));
  assert.equal(done.status, 'completed');
  assert.deepEqual(done.request_counts, { total: 5, completed: 4, failed: 1 });
  assert.equal(done.completed_at, Date.parse('2026-12-01T12:00:00Z') / 1000);
  assert.equal(done.output_file_id, 'anthropic-results:msgbatch_1');
  assert.equal(done.error_file_id, 'anthropic-errors:msgbatch_1');

  const clean = batchFromAnthropic(anthropicBatch({ ...ended, request_counts: { processing: 0, succeeded: 5, errored: 0, canceled: 0, expired: 0 } }));
  assert.equal(clean.error_file_id, undefined, 'no error file when every request succeeded');

  const cancelled = batchFromAnthropic(anthropicBatch({ ...ended, cancel_initiated_at: '2026-12-01T11:00:00Z', request_counts: { processing: 0, succeeded: 2, errored: 0, canceled: 3, expired: 0 } }));
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.cancelled_at, Date.parse('2026-12-01T12:00:00Z') / 1000);
  assert.deepEqual(cancelled.request_counts, { total: 5, completed: 2, failed: 3 });

  const expired = batchFromAnthropic(anthropicBatch({ ...ended, request_counts: { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 4 } }));
  assert.equal(expired.status, 'expired');
  assert.equal(expired.expired_at, Date.parse('2026-12-01T12:00:00Z') / 1000);
  assert.equal(expired.error_file_id, 'anthropic-errors:msgbatch_1');
});
