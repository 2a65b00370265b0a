import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRequestTokens, countText, encodingNameForModel } from '../../src/tokens/index.ts';
import { dataUrl, png } from './imageFixtures.ts';

const CHAT = '/v1/chat/completions';

function chatTokens(model: string, messages: unknown[], extra: Record<string, unknown> = {}): number {
  return countRequestTokens(CHAT, { model, messages, ...extra }, encodingNameForModel(model)).input_tokens;
}

function o200k(text: string): number {
  return countText(text, 'o200k_base');
}

// Real API usage from /work/shared/seeds/000 (a batch run on gpt-3.5-turbo-0125).
test('seed: helpful assistant + "Hello world!" on gpt-3.5-turbo-0125 → 20 prompt tokens', () => {
  const messages = [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Hello world!' },
  ];
  assert.equal(chatTokens('gpt-3.5-turbo-0125', messages), 20);
});

test('seed: unhelpful assistant + "Hello world!" on gpt-3.5-turbo-0125 → 22 prompt tokens', () => {
  const messages = [
    { role: 'system', content: 'You are an unhelpful assistant.' },
    { role: 'user', content: 'Hello world!' },
  ];
  assert.equal(chatTokens('gpt-3.5-turbo-0125', messages), 22);
});

test('cookbook rule: 3 per message + encoded role and content + 3 reply priming', () => {
  const messages = [
    { role: 'system', content: 'Translate corporate jargon into plain English.' },
    { role: 'user', content: 'New synergies will help drive top-line growth.' },
  ];
  const expected = 3 + o200k('system') + o200k(messages[0].content) + 3 + o200k('user') + o200k(messages[1].content) + 3;
  assert.equal(chatTokens('gpt-4o', messages), expected);
});

test('a name costs its tokens plus 1 (and replaces the role on gpt-3.5-turbo-0301: -1)', () => {
  const plain = { role: 'system', content: 'New synergies will help drive top-line growth.' };
  const named = { ...plain, name: 'example_user' };
  assert.equal(chatTokens('gpt-4o', [named]) - chatTokens('gpt-4o', [plain]), o200k('example_user') + 1);
  const cl = (t: string) => countText(t, 'cl100k_base');
  assert.equal(chatTokens('gpt-3.5-turbo-0301', [named]), 4 + cl('system') + cl(plain.content) + cl('example_user') - 1 + 3);
});

test('no messages: only the reply priming; empty content: only the framing and the role', () => {
  assert.equal(chatTokens('gpt-4o', []), 3);
  assert.equal(chatTokens('gpt-4o', [{ role: 'user', content: '' }]), 3 + o200k('user') + 3);
});

test('assistant with null content and tool_calls: name + arguments + 3 per call; ids not counted', () => {
  const call = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });
  const assistant = {
    role: 'assistant',
    content: null,
    tool_calls: [call('call_abc123', 'get_weather', '{"city":"Paris"}'), call('call_def', 'get_time', '{}')],
  };
  const expected = 3 + o200k('assistant') + (3 + o200k('get_weather') + o200k('{"city":"Paris"}')) + (3 + o200k('get_time') + o200k('{}')) + 3;
  assert.equal(chatTokens('gpt-4o', [assistant]), expected);
  // A different call id does not change the count.
  const renamed = { ...assistant, tool_calls: [call('call_zzzzzzzzzzzzzzzz', 'get_weather', '{"city":"Paris"}'), call('x', 'get_time', '{}')] };
  assert.equal(chatTokens('gpt-4o', [renamed]), expected);
});

test('tool message: role and content counted, tool_call_id not', () => {
  const tool = { role: 'tool', tool_call_id: 'call_abc123', content: '{"temperature": 21}' };
  assert.equal(chatTokens('gpt-4o', [tool]), 3 + o200k('tool') + o200k(tool.content) + 3);
});

test('legacy assistant function_call counts like a tool call', () => {
  const message = { role: 'assistant', content: null, function_call: { name: 'lookup', arguments: '{"q":"x"}' } };
  assert.equal(chatTokens('gpt-4o', [message]), 3 + o200k('assistant') + 3 + o200k('lookup') + o200k('{"q":"x"}') + 3);
});

test('content parts: each text part encoded; audio and file parts add nothing knowable', () => {
  const parts = [
    { type: 'text', text: 'What is in this recording? ' },
    { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
    { type: 'file', file: { file_id: 'file-abc', filename: 'report.pdf' } },
    { type: 'text', text: 'Answer in Korean: 한국어로 답해 주세요.' },
  ];
  const expected = 3 + o200k('user') + o200k(parts[0].text as string) + o200k(parts[3].text as string) + 3;
  assert.equal(chatTokens('gpt-4o', [{ role: 'user', content: parts }]), expected);
});

test('image parts: data URL sized from its header, http URL at the maximum and reported', () => {
  const text = { type: 'text', text: 'Describe.' };
  const base = 3 + o200k('user') + o200k('Describe.') + 3;
  const withImage = (image_url: Record<string, unknown>) =>
    countRequestTokens(CHAT, { model: 'gpt-4o', messages: [{ role: 'user', content: [text, { type: 'image_url', image_url }] }] }, 'o200k_base');

  const sized = withImage({ url: dataUrl('image/png', png(1024, 1024)), detail: 'high' });
  assert.deepEqual(sized, { input_tokens: base + 765, images: 1, unknown_size_images: 0 });

  const remote = withImage({ url: 'https://example.com/cat.jpg' });
  assert.deepEqual(remote, { input_tokens: base + 85 + 8 * 170, images: 1, unknown_size_images: 1 });

  // Low detail costs the base whatever the size, so nothing is unknown.
  const low = withImage({ url: 'https://example.com/cat.jpg', detail: 'low' });
  assert.deepEqual(low, { input_tokens: base + 85, images: 1, unknown_size_images: 0 });
});

test('image rules follow body.model: gpt-4o-mini low detail costs 2833', () => {
  const messages = [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl('image/png', png(10, 10)), detail: 'low' } }] }];
  assert.equal(chatTokens('gpt-4o-mini', messages), 3 + o200k('user') + 2833 + 3);
});

test('json_schema response_format adds the schema as compact JSON', () => {
  const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };
  const messages = [{ role: 'user', content: 'Hi' }];
  const withFormat = chatTokens('gpt-4o', messages, { response_format: { type: 'json_schema', json_schema: { name: 'a', schema } } });
  assert.equal(withFormat - chatTokens('gpt-4o', messages), o200k(JSON.stringify(schema)));
  assert.equal(chatTokens('gpt-4o', messages, { response_format: { type: 'json_object' } }), chatTokens('gpt-4o', messages));
});

test('a shared long system prompt gives the same count every time (memoised path)', () => {
  const system = 'You label customer reviews as positive, negative or mixed. '.repeat(40);
  const counts = [1, 2, 3].map((i) => chatTokens('gpt-4o', [{ role: 'system', content: system }, { role: 'user', content: `review ${i}` }]));
  for (const [i, n] of counts.entries()) assert.equal(n, 3 + o200k('system') + o200k(system) + 3 + o200k('user') + o200k(`review ${i + 1}`) + 3);
});
