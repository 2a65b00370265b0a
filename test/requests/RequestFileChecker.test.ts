import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestFileChecker, BATCH_LIMITS, validateLine } from '../../src/requests/index.ts';
import type { BatchRequest, Endpoint } from '../../src/requests/index.ts';

const request = (custom_id: string, model = 'gpt-4o-mini', url: Endpoint = '/v1/chat/completions', body: Record<string, unknown> = {}): BatchRequest => ({
  custom_id,
  method: 'POST',
  url,
  body: { model, ...body },
});
const small = { maxLines: 3, maxBytes: 1000, maxEmbeddingInputs: 5 };

test('a duplicate custom_id names the line it first appeared on, every time it repeats', () => {
  const checker = new RequestFileChecker();
  assert.deepEqual(checker.add(1, request('a'), 10), []);
  assert.deepEqual(checker.add(2, request('b'), 10), []);
  assert.deepEqual(checker.add(5, request('a'), 10), ['duplicate custom_id "a" (first on line 1)']);
  assert.deepEqual(checker.add(9, request('a'), 10), ['duplicate custom_id "a" (first on line 1)']);
  assert.deepEqual(checker.add(10, request('A'), 10), [], 'custom_ids are case-sensitive');
});

test('a file that fits one batch has no split notes', () => {
  const checker = new RequestFileChecker(small);
  for (let i = 1; i <= small.maxLines; i++) checker.add(i, request(`r${i}`), small.maxBytes / small.maxLines);
  assert.deepEqual(checker.splitNotes(), []);
});

test('too many lines, too many bytes, several models, several urls are each noted', () => {
  const checker = new RequestFileChecker(small);
  checker.add(1, request('1', 'gpt-4o'), 400);
  checker.add(2, request('2', 'gpt-4o'), 400);
  checker.add(3, request('3', 'gpt-4o-mini'), 400);
  checker.add(4, request('4', 'text-embedding-3-small', '/v1/embeddings', { input: 'x' }), 10);
  const notes = checker.splitNotes();
  assert.deepEqual(notes.map((n) => n.kind), ['lines', 'bytes', 'models', 'urls']);
  assert.match(notes[0].message, /^4 requests: a batch holds at most 3/);
  assert.match(notes[2].message, /^3 models \(gpt-4o ×2, gpt-4o-mini ×1, text-embedding-3-small ×1\)/);
  assert.match(notes[3].message, /^2 endpoints \(\/v1\/chat\/completions ×3, \/v1\/embeddings ×1\)/);
});

test('duplicates do not count toward the split notes', () => {
  const checker = new RequestFileChecker(small);
  for (let i = 1; i <= 10; i++) checker.add(i, request('same'), 1);
  assert.deepEqual(checker.splitNotes(), []);
});

test('embedding inputs are counted per input, not per request', () => {
  const checker = new RequestFileChecker(small);
  checker.add(1, request('1', 'e', '/v1/embeddings', { input: ['a', 'b', 'c'] }), 1);
  checker.add(2, request('2', 'e', '/v1/embeddings', { input: [1, 2, 3, 4] }), 1); // one tokenized input
  checker.add(3, request('3', 'e', '/v1/embeddings', { input: 'd' }), 1);
  assert.deepEqual(checker.splitNotes(), []);
  checker.add(4, request('4', 'e', '/v1/embeddings', { input: [[1], [2]] }), 1);
  const notes = checker.splitNotes();
  assert.deepEqual(notes.map((n) => n.kind), ['lines', 'embedding_inputs']);
  assert.match(notes[1].message, /^7 embedding inputs/);
});

test('the default limits are the Batch API ones: 50,000 lines and 200 MB', () => {
  assert.equal(BATCH_LIMITS.maxLines, 50_000);
  assert.equal(BATCH_LIMITS.maxBytes, 200 * 1024 * 1024);
  const checker = new RequestFileChecker();
  for (let i = 1; i <= 50_001; i++) checker.add(i, request(`r${i}`), 4200);
  const notes = checker.splitNotes();
  assert.deepEqual(notes.map((n) => n.kind), ['lines', 'bytes']);
  assert.match(notes[0].message, /^50,001 requests: a batch holds at most 50,000/);
  assert.match(notes[1].message, /^200\.3 MB of requests: a batch input file is at most 200 MB/);
});

test('the two-model example from seed 003 is valid but needs one batch per model', () => {
  // Verbatim from a tutorial (shared/seeds/003): the same file uses gpt-3.5-turbo-0125 and gpt-4o.
  const lines = [
    '{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-3.5-turbo-0125", "messages": [{"role": "system", "content": "You are a helpful assistant."},{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}',
    '{"custom_id": "request-2", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o", "messages": [{"role": "system", "content": "You are an unhelpful assistant."},{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}',
  ];
  const checker = new RequestFileChecker();
  lines.forEach((text, i) => {
    const { request, problems } = validateLine(text, i + 1);
    assert.deepEqual(problems, []);
    assert.deepEqual(checker.add(i + 1, request!, Buffer.byteLength(text) + 1), []);
  });
  const notes = checker.splitNotes();
  assert.deepEqual(notes.map((n) => n.kind), ['models']);
  assert.match(notes[0].message, /^2 models \(gpt-3\.5-turbo-0125 ×1, gpt-4o ×1\): a batch uses one model/);
});
