import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateLine, ENDPOINTS, MAX_PROBLEMS_PER_LINE } from '../../src/requests/index.ts';

type Json = Record<string, unknown>;

const chatLine = (body: Json = {}, envelope: Json = {}): Json => ({
  custom_id: 'request-1',
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello world!' }], ...body },
  ...envelope,
});
const lineFor = (url: string, body: Json): Json => ({ custom_id: 'r', method: 'POST', url, body: { model: 'm', ...body } });

function problemsOf(line: Json | string): string[] {
  const text = typeof line === 'string' ? line : JSON.stringify(line);
  const result = validateLine(text, 1);
  assert.equal(result.request === null, result.problems.length > 0, 'request is null exactly when there are problems');
  return result.problems;
}

/** Exactly one problem, matching `pattern`: the check fires, and nothing else misfires around it. */
function assertOneProblem(line: Json | string, pattern: RegExp): void {
  const problems = problemsOf(line);
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems)}`);
  assert.match(problems[0], pattern);
}

test('valid lines of every endpoint pass and come back as the request', () => {
  // The two lines of seed 000 (a real Batch API example), verbatim.
  const seed = [
    '{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-3.5-turbo-0125", "messages": [{"role": "system", "content": "You are a helpful assistant."},{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}',
    '{"custom_id": "request-2", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-3.5-turbo-0125", "messages": [{"role": "system", "content": "You are an unhelpful assistant."},{"role": "user", "content": "Hello world!"}],"max_tokens": 1000}}',
  ];
  for (const text of seed) {
    const { request, problems, warnings } = validateLine(text, 1);
    assert.deepEqual(problems, []);
    assert.deepEqual(warnings, []);
    assert.deepEqual(request, JSON.parse(text));
  }
  const valid: Json[] = [
    chatLine({
      messages: [
        { role: 'developer', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'what is this?' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'ok' },
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] },
      ],
      max_completion_tokens: 5,
      n: 2,
      max_tokens: null,
      stream: false,
    }),
    lineFor('/v1/responses', { input: 'hi', max_output_tokens: 16 }),
    lineFor('/v1/responses', {
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'x' }, { type: 'input_image', image_url: 'https://e.com/i.jpg' }] },
        { type: 'function_call_output', call_id: 'c', output: '1' },
        { type: 'message', role: 'assistant', content: 'earlier answer' },
      ],
    }),
    lineFor('/v1/responses', { prompt: { id: 'pmpt_1' } }),
    lineFor('/v1/embeddings', { input: 'text' }),
    lineFor('/v1/embeddings', { input: ['a', 'b'] }),
    lineFor('/v1/embeddings', { input: [1, 2, 3] }),
    lineFor('/v1/embeddings', { input: [[1, 2], [3]] }),
    lineFor('/v1/completions', { prompt: '' }),
    lineFor('/v1/completions', { prompt: ['a', 'b'] }),
    lineFor('/v1/moderations', { input: 'text' }),
    lineFor('/v1/moderations', { input: [{ type: 'text', text: 't' }, { type: 'image_url', image_url: { url: 'https://e.com/x.png' } }] }),
  ];
  for (const line of valid) {
    const { request, problems } = validateLine(JSON.stringify(line), 7);
    assert.deepEqual(problems, [], JSON.stringify(line));
    assert.deepEqual(request, line);
  }
});

test('not JSON: says where parsing stopped', () => {
  const text = '{"custom_id": "a", "method": "POST",, }';
  const column = text.indexOf(',,') + 2; // 1-based column of the second comma, where a property name was due
  assertOneProblem(text, new RegExp(`^not valid JSON: .* at column ${column}$`));
  assertOneProblem('{"custom_id": "a"', /^not valid JSON: /);
});

test('not an object: array, string, number, null each named', () => {
  assertOneProblem('[1,2]', /must be a JSON object .* got an array$/);
  assertOneProblem('"text"', /got a string \("text"\)$/);
  assertOneProblem('42', /got a number \(42\)$/);
  assertOneProblem('null', /got null$/);
});

test('custom_id missing, empty, or not a string', () => {
  assertOneProblem(chatLine({}, { custom_id: undefined }), /^custom_id is missing$/);
  assertOneProblem(chatLine({}, { custom_id: '' }), /^custom_id is empty$/);
  assertOneProblem(chatLine({}, { custom_id: 17 }), /^custom_id must be a string, got a number \(17\)$/);
  // Python's json.dumps of a template left at `"custom_id": None` (shared/seeds/001).
  assertOneProblem(chatLine({}, { custom_id: null }), /^custom_id must be a string, got null$/);
});

test('a custom_id over 64 characters only warns', () => {
  const { request, warnings } = validateLine(JSON.stringify(chatLine({}, { custom_id: 'x'.repeat(65) })), 1);
  assert.notEqual(request, null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /65 characters/);
  assert.deepEqual(validateLine(JSON.stringify(chatLine({}, { custom_id: 'x'.repeat(64) })), 1).warnings, []);
});

test('method missing or not POST', () => {
  assertOneProblem(chatLine({}, { method: undefined }), /^method is missing/);
  assertOneProblem(chatLine({}, { method: 'GET' }), /^method must be "POST", got a string \("GET"\)$/);
});

test('url missing, or not one of the endpoints (listed, with a hint for a missing /v1)', () => {
  assertOneProblem(chatLine({}, { url: undefined }), /^url is missing \(one of .*\/v1\/moderations, .*\/v1\/videos\)$/);
  // Variations are DALL·E 2 only (shut down) and not a Batch endpoint.
  const [problem] = problemsOf(chatLine({}, { url: '/v1/images/variations' }));
  for (const endpoint of ENDPOINTS) assert.ok(problem.includes(endpoint), `${endpoint} listed`);
  assertOneProblem(chatLine({}, { url: '/chat/completions' }), /did you mean "\/v1\/chat\/completions"\?/);
  assertOneProblem(chatLine({}, { url: 3 }), /^url must be a string/);
});

test('body missing or not an object', () => {
  assertOneProblem({ custom_id: 'a', method: 'POST', url: '/v1/embeddings' }, /^body is missing$/);
  assertOneProblem({ custom_id: 'a', method: 'POST', url: '/v1/embeddings', body: [] }, /^body must be an object, got an array$/);
});

test('body.model missing, empty, or not a string', () => {
  assertOneProblem(chatLine({ model: undefined }), /^body\.model is missing$/);
  assertOneProblem(chatLine({ model: '  ' }), /^body\.model is empty$/);
  assertOneProblem(chatLine({ model: 4 }), /^body\.model must be a string, got a number \(4\)$/);
});

test('chat messages missing, not an array, or empty', () => {
  assertOneProblem(chatLine({ messages: undefined }), /^body\.messages is missing/);
  assertOneProblem(chatLine({ messages: { role: 'user' } }), /^body\.messages must be an array, got an object$/);
  assertOneProblem(chatLine({ messages: [] }), /^body\.messages is empty/);
});

test('a message not an object, without role, role not a string, unknown role', () => {
  assertOneProblem(chatLine({ messages: ['hi'] }), /^body\.messages\[0\] must be an object .* got a string/);
  assertOneProblem(chatLine({ messages: [{ content: 'x' }] }), /^body\.messages\[0\]\.role is missing$/);
  assertOneProblem(chatLine({ messages: [{ role: 1, content: 'x' }] }), /^body\.messages\[0\]\.role must be a string/);
  assertOneProblem(chatLine({ messages: [{ role: 'robot', content: 'x' }] }), /"robot" is not one of system, developer, user, assistant, tool or function$/);
});

test('message content of the wrong type, or null where only tool calls allow it', () => {
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: 5 }] }), /content must be a string or an array of content parts, got a number/);
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: null }] }), /content is null \(only an assistant message with tool_calls/);
  assertOneProblem(chatLine({ messages: [{ role: 'user' }] }), /content is missing/);
  assertOneProblem(chatLine({ messages: [{ role: 'assistant', content: null }] }), /assistant message without tool_calls/);
});

test('content parts: not an object, without type, text part without text', () => {
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: ['hi'] }] }), /content\[0\] must be an object with a "type"/);
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }), /^body\.messages\[0\]\.content\[0\]\.type is missing$/);
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: [{ type: 'text' }] }] }), /content\[0\]\.text must be a string, got undefined/);
});

test('image URLs must be http(s) or a base64 data:image URL', () => {
  const chatImage = (url: unknown) => chatLine({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] });
  assertOneProblem(chatImage('ftp://example.com/a.png'), /image_url\.url must be an http\(s\) URL or a data:image\/…;base64, URL, got "ftp:/);
  assertOneProblem(chatImage('data:text/plain;base64,aGVsbG8='), /must be an http\(s\) URL or a data:image/);
  assertOneProblem(chatImage('data:image/png;base64,'), /data URL without valid base64 image data/);
  assertOneProblem(chatImage('data:image/png;base64,not*base64!'), /data URL without valid base64 image data/);
  assertOneProblem(chatImage(undefined), /image_url\.url is missing/);
  assertOneProblem(chatLine({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: 'https://e.com/a.png' }] }] }), /image_url must be an object \{"url": …\}, got a string/);
  const responsesImage = (part: Json) => lineFor('/v1/responses', { input: [{ role: 'user', content: [{ type: 'input_image', ...part }] }] });
  assertOneProblem(responsesImage({ image_url: 'file:///etc/passwd' }), /input\[0\]\.content\[0\]\.image_url must be an http\(s\) URL/);
  assertOneProblem(responsesImage({}), /needs image_url or file_id/);
  assert.deepEqual(problemsOf(responsesImage({ file_id: 'file-1' })), []);
});

test('responses input missing or of the wrong type; items need a role or a type', () => {
  assertOneProblem(lineFor('/v1/responses', {}), /^body\.input is missing/);
  assertOneProblem(lineFor('/v1/responses', { input: 3 }), /^body\.input must be a string or an array of input items, got a number/);
  assertOneProblem(lineFor('/v1/responses', { input: [{ content: 'x' }] }), /input\[0\] has neither a role nor a type/);
  assertOneProblem(lineFor('/v1/responses', { input: [{ role: 'tool', content: 'x' }] }), /"tool" is not one of user, assistant, system or developer/);
  assertOneProblem(lineFor('/v1/responses', { input: [{ role: 'user', content: 1 }] }), /input\[0\]\.content must be a string or an array/);
});

test('embeddings input: missing, wrong type, empty strings, mixed arrays, bad token ids, too many', () => {
  const emb = (input: unknown) => lineFor('/v1/embeddings', { input });
  assertOneProblem(emb(undefined), /^body\.input is missing/);
  assertOneProblem(emb({ text: 'x' }), /^body\.input must be a string, an array of strings, an array of token ids, or an array of token arrays, got an object/);
  assertOneProblem(emb(''), /^body\.input is an empty string \(the API rejects empty input\)$/);
  assertOneProblem(emb(['a', '']), /^body\.input\[1\] is an empty string/);
  assertOneProblem(emb([]), /^body\.input is an empty array$/);
  assertOneProblem(emb(['a', 1]), /^body\.input\[1\] must be a string like the other items, got a number/);
  assertOneProblem(emb([1, -2, 3.5]), /^body\.input\[1\] must be a token id/);
  assertOneProblem(emb([[1], []]), /^body\.input\[1\] is an empty token array$/);
  assertOneProblem(emb([true]), /^body\.input\[0\] must be a string, a token id or a token array, got a boolean/);
  assertOneProblem(emb(Array.from({ length: 2049 }, () => 'x')), /has 2049 items; an embeddings request takes at most 2048/);
});

test('moderations input: missing or wrong type', () => {
  assertOneProblem(lineFor('/v1/moderations', {}), /^body\.input is missing/);
  assertOneProblem(lineFor('/v1/moderations', { input: 7 }), /^body\.input must be a string/);
  assertOneProblem(lineFor('/v1/moderations', { input: ['ok', 1] }), /^body\.input must be a string, an array of strings, or an array of \{type, …\} parts$/);
  assertOneProblem(lineFor('/v1/moderations', { input: [{ text: 't' }] }), /^body\.input\[0\]\.type is missing$/);
});

test('completions prompt missing or wrong type', () => {
  assertOneProblem(lineFor('/v1/completions', {}), /^body\.prompt is missing/);
  assertOneProblem(lineFor('/v1/completions', { prompt: { text: 'x' } }), /^body\.prompt must be a string, .* got an object$/);
});

test('max_tokens, max_completion_tokens, max_output_tokens, n must be positive integers', () => {
  for (const field of ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'n']) {
    assertOneProblem(chatLine({ [field]: 0 }), new RegExp(`^body\\.${field} must be a positive integer, got a number \\(0\\)$`));
    assertOneProblem(chatLine({ [field]: 1.5 }), new RegExp(`^body\\.${field} must be a positive integer`));
    assertOneProblem(chatLine({ [field]: '100' }), new RegExp(`^body\\.${field} must be a positive integer, got a string`));
  }
});

test('stream: true is refused', () => {
  assertOneProblem(chatLine({ stream: true }), /^body\.stream is true, but the Batch API rejects streaming requests$/);
});

test('unknown top-level keys are allowed with a warning', () => {
  const { request, problems, warnings } = validateLine(JSON.stringify(chatLine({}, { boby: {} })), 1);
  assert.notEqual(request, null);
  assert.deepEqual(problems, []);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /unknown top-level key "boby"/);
});

test('every problem of a line is reported, and a flood is capped', () => {
  const problems = problemsOf({ custom_id: 1, method: 'GET', url: '/v1/x', body: { model: '', stream: true } });
  assert.equal(problems.length, 5, JSON.stringify(problems));
  assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['custom_id', 'method', 'url', 'body.model', 'body.stream']);

  const many = problemsOf(chatLine({ messages: Array.from({ length: 100 }, () => ({ role: 'robot', content: 'x' })) }));
  assert.equal(many.length, MAX_PROBLEMS_PER_LINE + 1);
  assert.match(many[MAX_PROBLEMS_PER_LINE], /and 80 more problems on this line/);
});

test('a multi-megabyte line is fine', () => {
  const big = chatLine({ messages: [{ role: 'user', content: 'word '.repeat(1_000_000) }] });
  assert.deepEqual(problemsOf(big), []);
});

test('n above the API cap of 128 choices', () => {
  assertOneProblem(chatLine({ n: 129 }), /body\.n is 129, but the API allows at most 128/);
  assert.deepEqual(problemsOf(chatLine({ n: 128 })), []);
});
