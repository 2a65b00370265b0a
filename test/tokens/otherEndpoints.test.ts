import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRequestTokens, countText } from '../../src/tokens/index.ts';
import { dataUrl, gif } from './imageFixtures.ts';

const cl = (t: string) => countText(t, 'cl100k_base');

test('embeddings: string, string[], token array, token arrays; no overhead', () => {
  const embed = (input: unknown) => countRequestTokens('/v1/embeddings', { model: 'text-embedding-3-small', input }, 'cl100k_base').input_tokens;
  assert.equal(embed('The food was delicious and the waiter...'), cl('The food was delicious and the waiter...'));
  assert.equal(embed(['first text', 'second, longer text here']), cl('first text') + cl('second, longer text here'));
  assert.equal(embed([1820, 3691, 574]), 3);
  assert.equal(embed([[1820, 3691], [574, 18406, 323]]), 5);
  assert.equal(embed(''), 0);
  assert.equal(embed([]), 0);
});

test('completions: prompt string / strings / token arrays, plus suffix; no overhead', () => {
  const complete = (body: Record<string, unknown>) => countRequestTokens('/v1/completions', { model: 'gpt-3.5-turbo-instruct', ...body }, 'cl100k_base').input_tokens;
  assert.equal(complete({ prompt: 'Say this is a test' }), cl('Say this is a test'));
  assert.equal(complete({ prompt: ['one', 'two three'] }), cl('one') + cl('two three'));
  assert.equal(complete({ prompt: [[1, 2, 3], [4]] }), 4);
  assert.equal(complete({ prompt: 'def add(a, b):', suffix: '    return result' }), cl('def add(a, b):') + cl('    return result'));
});

test('moderations: string, strings, text and image_url parts', () => {
  const moderate = (input: unknown) =>
    countRequestTokens('/v1/moderations', { model: 'omni-moderation-latest', input }, 'o200k_base');
  const o = (t: string) => countText(t, 'o200k_base');
  assert.equal(moderate('I want to hug everyone').input_tokens, o('I want to hug everyone'));
  assert.equal(moderate(['a b', 'c d e']).input_tokens, o('a b') + o('c d e'));
  const parts = moderate([
    { type: 'text', text: 'Is this fine?' },
    { type: 'image_url', image_url: { url: dataUrl('image/gif', gif(600, 300)) } },
  ]);
  assert.deepEqual(parts, { input_tokens: o('Is this fine?') + 85 + 2 * 170, images: 1, unknown_size_images: 0 });
});

test('malformed bodies count what is there and never throw', () => {
  const count = (url: '/v1/chat/completions' | '/v1/responses' | '/v1/embeddings', body: Record<string, unknown>) =>
    countRequestTokens(url, body, 'o200k_base').input_tokens;
  assert.equal(count('/v1/chat/completions', { model: 'gpt-4o', messages: 'nope' }), 3);
  assert.equal(count('/v1/chat/completions', { model: 'gpt-4o', messages: [null, 7, { role: 'user', content: [null, { type: 'text' }] }] }), 3 + countText('user', 'o200k_base') + 3);
  assert.equal(count('/v1/responses', { input: 42 }), 3);
  assert.equal(count('/v1/embeddings', { input: { text: 'x' } }), 0);
});
