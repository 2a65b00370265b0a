import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prefixHash, shapeOf } from '../../src/history/index.ts';
import { chatBody } from './helpers.ts';

const CHAT = '/v1/chat/completions';

test('two files with the same system prompt and other user rows share a shape', () => {
  const a = shapeOf(CHAT, chatBody('Is the sky green? Answer: no.'));
  const b = shapeOf(CHAT, chatBody('What is 2+2? Answer: 5.'));
  assert.deepEqual(a, b);
  assert.match(a.id, /^[0-9a-f]{16}$/);
  assert.match(a.prefix_hash, /^[0-9a-f]{16}$/);
  assert.deepEqual([a.model, a.url, a.cap, a.effort], ['gpt-4o-mini', CHAT, 500, null]);
});

test('key order inside the prompt does not matter', () => {
  const tools = [{ type: 'function', function: { name: 'grade', parameters: { type: 'object', properties: {} } } }];
  const reordered = [{ function: { parameters: { properties: {}, type: 'object' }, name: 'grade' }, type: 'function' }];
  assert.equal(shapeOf(CHAT, chatBody('x', { tools })).id, shapeOf(CHAT, chatBody('y', { tools: reordered })).id);
});

test('another system prompt, model, cap or effort is another shape', () => {
  const base = shapeOf(CHAT, chatBody('row'));
  const others = [
    shapeOf(CHAT, chatBody('row', {}, 'You summarise.')),
    shapeOf(CHAT, chatBody('row', { model: 'gpt-4o' })),
    shapeOf(CHAT, chatBody('row', { max_completion_tokens: 200 })),
    shapeOf(CHAT, chatBody('row', { reasoning_effort: 'low' })),
    shapeOf(CHAT, chatBody('row', { response_format: { type: 'json_object' } })),
  ];
  for (const other of others) assert.notEqual(other.id, base.id);
  assert.notEqual(others[0].prefix_hash, base.prefix_hash, 'the prompt is the prefix');
  assert.equal(others[1].prefix_hash, base.prefix_hash, 'the model is not part of the prefix');
  assert.equal(others[2].prefix_hash, base.prefix_hash, 'nor the cap');
});

test('chat: the cap is max_completion_tokens, else max_tokens; none is null', () => {
  assert.equal(shapeOf(CHAT, { model: 'm', messages: [], max_tokens: 300 }).cap, 300);
  assert.equal(shapeOf(CHAT, { model: 'm', messages: [], max_tokens: 300, max_completion_tokens: 40 }).cap, 40);
  assert.equal(shapeOf(CHAT, { model: 'm', messages: [] }).cap, null);
});

test('chat: only the leading system/developer messages are the prefix', () => {
  const fewShot = (answer: string) => ({
    model: 'm',
    messages: [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: 'example' },
      { role: 'system', content: answer },
    ],
  });
  assert.equal(prefixHash(CHAT, fewShot('a')), prefixHash(CHAT, fewShot('b')));
});

test('responses: instructions, leading system input items, tools and text.format make the prefix', () => {
  const body = (row: string, extra: Record<string, unknown> = {}) => ({
    model: 'gpt-5-mini',
    instructions: 'Grade it.',
    input: [
      { role: 'developer', content: [{ type: 'input_text', text: 'Scores 1-5.' }] },
      { role: 'user', content: row },
    ],
    max_output_tokens: 800,
    reasoning: { effort: 'low' },
    ...extra,
  });
  const a = shapeOf('/v1/responses', body('one'));
  assert.deepEqual(a, shapeOf('/v1/responses', body('two')));
  assert.deepEqual([a.cap, a.effort], [800, 'low']);
  assert.equal(shapeOf('/v1/responses', { ...body('x'), input: 'just a string' }).prefix_hash, prefixHash('/v1/responses', { instructions: 'Grade it.' }));
  assert.notEqual(shapeOf('/v1/responses', body('one', { instructions: 'Other.' })).prefix_hash, a.prefix_hash);
  assert.notEqual(shapeOf('/v1/responses', body('one', { text: { format: { type: 'json_object' } } })).prefix_hash, a.prefix_hash);
  assert.notEqual(shapeOf('/v1/responses', body('one', { tools: [{ type: 'web_search' }] })).prefix_hash, a.prefix_hash);
});

test('embeddings: the input is the row, so every request of a model shares a shape', () => {
  const a = shapeOf('/v1/embeddings', { model: 'text-embedding-3-small', input: 'a' });
  assert.deepEqual(a, shapeOf('/v1/embeddings', { model: 'text-embedding-3-small', input: ['b', 'c'] }));
});
