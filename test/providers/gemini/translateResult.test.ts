// Gemini answers → OpenAI shapes: chat.completion bodies, usage, finish reasons, blocked prompts, and the lines of a
// batch's responses file as OpenAI batch output lines (read back by batchwise's own classifier).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBatchLine } from '../../../src/results/classifyBatchLine.ts';
import { usageTokens } from '../../../src/pricing/usageCost.ts';
import { chatUsage, finishReason, toChatCompletion, toOpenAIOutputLine } from '../../../src/run/providers/gemini/translateResult.ts';
import { forgetSecrets, registerSecret } from '../../../src/shared/secrets.ts';

const usageMetadata = { promptTokenCount: 1200, cachedContentTokenCount: 1024, candidatesTokenCount: 80, thoughtsTokenCount: 300, totalTokenCount: 1580 };

test('usage in OpenAI chat terms: cached inside prompt_tokens, thinking inside completion_tokens', () => {
  const u = chatUsage(usageMetadata);
  assert.deepEqual(u, {
    prompt_tokens: 1200,
    completion_tokens: 380,
    total_tokens: 1580,
    prompt_tokens_details: { cached_tokens: 1024 },
    completion_tokens_details: { reasoning_tokens: 300 },
  });
  // The ledger reads it as it reads OpenAI's usage.
  assert.deepEqual(usageTokens(u as unknown as Record<string, unknown>), { input: 1200, cached_input: 1024, cache_write: 0, output: 380, reasoning: 300 });
  assert.deepEqual(chatUsage({ promptTokenCount: 10, toolUsePromptTokenCount: 5 }).prompt_tokens, 15, 'tool-use prompts bill as input');
  assert.deepEqual(chatUsage(undefined).total_tokens, 0);
});

test('finish reasons: STOP → stop, MAX_TOKENS → length, safety family → content_filter, a function call → tool_calls', () => {
  assert.equal(finishReason('STOP', false), 'stop');
  assert.equal(finishReason('MAX_TOKENS', false), 'length');
  for (const r of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII']) assert.equal(finishReason(r, false), 'content_filter');
  assert.equal(finishReason('STOP', true), 'tool_calls');
});

test('a response becomes a chat.completion: text parts joined, thoughts left out, function calls as tool_calls, the Gemini body kept', () => {
  const resp = {
    candidates: [
      {
        content: {
          role: 'model' as const,
          parts: [{ text: 'thinking…', thought: true }, { text: 'Hello ' }, { text: 'world' }, { functionCall: { name: 'lookup', args: { q: 'x' } } }],
        },
        finishReason: 'STOP',
        index: 0,
      },
    ],
    usageMetadata,
    modelVersion: 'gemini-3.8-flash-001',
    responseId: 'resp123',
  };
  const a = toChatCompletion(resp, 'gemini-3.8-flash', 'key-1', 1_800_000_000);
  assert.ok(a.ok);
  const body = a.body as any;
  assert.equal(body.object, 'chat.completion');
  assert.equal(body.id, 'chatcmpl-resp123');
  assert.equal(body.created, 1_800_000_000);
  assert.equal(body.model, 'gemini-3.8-flash-001', 'modelVersion names the model that answered');
  assert.equal(body.choices[0].message.content, 'Hello world');
  assert.equal(body.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(body.choices[0].message.tool_calls.map((t: any) => [t.type, t.function.name, JSON.parse(t.function.arguments)]), [['function', 'lookup', { q: 'x' }]]);
  assert.match(body.choices[0].message.tool_calls[0].id, /^call_[0-9a-f]{24}$/);
  assert.equal(body.usage.completion_tokens, 380);
  assert.deepEqual(body.provider_response, resp);
  // Ids are stable for the same answer.
  const again = toChatCompletion(resp, 'gemini-3.8-flash', 'key-1', 1) as any;
  assert.equal(again.body.choices[0].message.tool_calls[0].id, body.choices[0].message.tool_calls[0].id);
});

test('a candidate with only a function call has content null; one cut while thinking has content ""', () => {
  const calls = toChatCompletion({ candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'f', id: 'fc-1' } }] }, finishReason: 'STOP' }] }, 'm', 'k', 0) as any;
  assert.equal(calls.body.choices[0].message.content, null);
  assert.equal(calls.body.choices[0].message.tool_calls[0].id, 'fc-1', "Gemini's own id is kept");
  assert.equal(calls.body.choices[0].message.tool_calls[0].function.arguments, '{}');
  const cut = toChatCompletion({ candidates: [{ content: { role: 'model' }, finishReason: 'MAX_TOKENS' }], usageMetadata: { promptTokenCount: 3, thoughtsTokenCount: 40 } }, 'm', 'k', 0) as any;
  assert.equal(cut.body.choices[0].message.content, '');
  assert.equal(cut.body.choices[0].finish_reason, 'length');
  assert.equal(cut.body.usage.completion_tokens, 40);
  assert.equal(cut.body.model, 'm', 'without modelVersion, the model asked for');
});

test('a blocked prompt (promptFeedback.blockReason, no candidates) is a failed request: 400 prompt_blocked', () => {
  const resp = { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 9 } };
  const a = toChatCompletion(resp, 'm', 'k', 0);
  assert.ok(!a.ok);
  assert.equal(a.failure.status, 400);
  assert.equal(a.failure.body.error.code, 'prompt_blocked');
  assert.match(a.failure.body.error.message, /SAFETY/);
  assert.deepEqual(a.failure.body.provider_response, resp);
  const line = classifyBatchLine(toOpenAIOutputLine({ key: 'b1', response: resp }, 'm', 0)!);
  assert.equal(line.status, 'failed');
  assert.equal(line.retryable, false);
  assert.equal(line.error?.code, 'prompt_blocked');
});

test('responses-file lines → OpenAI batch output lines, read back by the classifier', () => {
  const okLine = JSON.parse(toOpenAIOutputLine({ key: 'r1', response: { candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP' }], usageMetadata, responseId: 'x9' } }, 'gemini-3.8-flash', 5)!);
  assert.equal(okLine.custom_id, 'r1');
  assert.match(okLine.id, /^batch_req_[0-9a-f]{32}$/);
  assert.equal(okLine.response.status_code, 200);
  assert.equal(okLine.response.request_id, 'x9');
  assert.equal(okLine.error, null);
  const c = classifyBatchLine(JSON.stringify(okLine));
  assert.equal(c.status, 'succeeded');
  assert.equal(c.usage?.prompt_tokens, 1200);

  // A Status with the gRPC code (as the proto has it) or with its name: the HTTP status follows the name.
  for (const [error, status, code, retryable] of [
    [{ code: 8, message: 'Resource has been exhausted (e.g. check quota).', status: 'RESOURCE_EXHAUSTED' }, 429, 'RESOURCE_EXHAUSTED', true],
    [{ code: 13, message: 'internal' }, 500, 'INTERNAL', true],
    [{ code: 3, message: 'bad request' }, 400, 'INVALID_ARGUMENT', false],
    [{ code: 503, message: 'overloaded' }, 503, 'UNAVAILABLE', true],
  ] as const) {
    const line = JSON.parse(toOpenAIOutputLine({ key: 'e', error }, 'm', 0)!);
    assert.equal(line.response.status_code, status, JSON.stringify(error));
    assert.equal(line.response.body.error.code, code);
    assert.equal(line.error, null, 'a refused request is a response with a 4xx/5xx status, as OpenAI writes it');
    const k = classifyBatchLine(JSON.stringify(line));
    assert.equal(k.status, 'failed');
    assert.equal(k.retryable, retryable);
  }
  assert.equal(toOpenAIOutputLine({ response: {} } as never, 'm', 0), null, 'a line without a key names no request');
});

test('an error message that carries the key is scrubbed', () => {
  registerSecret('AIzaSECRETKEY0123456789');
  try {
    const line = toOpenAIOutputLine({ key: 'e', error: { code: 3, message: 'Invalid API key: AIzaSECRETKEY0123456789' } }, 'm', 0)!;
    assert.ok(!line.includes('AIzaSECRETKEY0123456789'));
    assert.match(line, /\[redacted\]/);
  } finally {
    forgetSecrets();
  }
});
