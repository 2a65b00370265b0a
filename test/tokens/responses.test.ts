import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRequestTokens, countText } from '../../src/tokens/index.ts';
import { countFunctionDefinitions } from '../../src/tokens/countTools.ts';
import { dataUrl, jpeg } from './imageFixtures.ts';

const o200k = (t: string) => countText(t, 'o200k_base');
const responses = (body: Record<string, unknown>) => countRequestTokens('/v1/responses', { model: 'gpt-4.1', ...body }, 'o200k_base');

test('string input is one user message; instructions one developer message; chat constants', () => {
  assert.equal(responses({ input: 'Tell me a joke.' }).input_tokens, 3 + o200k('user') + o200k('Tell me a joke.') + 3);
  assert.equal(
    responses({ instructions: 'Talk like a pirate.', input: 'Tell me a joke.' }).input_tokens,
    3 + o200k('developer') + o200k('Talk like a pirate.') + 3 + o200k('user') + o200k('Tell me a joke.') + 3,
  );
});

test('a string input counts the same as the equivalent one-message chat request', () => {
  const text = '오늘 날씨 어때요? What is the weather today?';
  const chat = countRequestTokens('/v1/chat/completions', { model: 'gpt-4.1', messages: [{ role: 'user', content: text }] }, 'o200k_base');
  assert.equal(responses({ input: text }).input_tokens, chat.input_tokens);
});

test('item array: messages with string or input_text/output_text parts, with or without type', () => {
  const input = [
    { role: 'user', content: 'Hi there' },
    { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello! How can I help?' }] },
    { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Summarise ' }, { type: 'input_text', text: 'this file.' }, { type: 'input_file', file_id: 'file-1' }] },
  ];
  const expected =
    3 + o200k('user') + o200k('Hi there') +
    3 + o200k('assistant') + o200k('Hello! How can I help?') +
    3 + o200k('user') + o200k('Summarise ') + o200k('this file.') + 3;
  assert.equal(responses({ input }).input_tokens, expected);
});

test('function_call is an assistant message with the call; function_call_output a tool message; call ids not counted', () => {
  const input = [
    { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Seoul"}' },
    { type: 'function_call_output', call_id: 'call_1', output: '{"temp":3}' },
  ];
  const expected = 3 + o200k('assistant') + 3 + o200k('get_weather') + o200k('{"city":"Seoul"}') + 3 + o200k('tool') + o200k('{"temp":3}') + 3;
  assert.equal(responses({ input }).input_tokens, expected);
});

test('reasoning items: the summary text counts, encrypted content does not', () => {
  const input = [{ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Checked the units.' }], encrypted_content: 'gAAAAB' + 'x'.repeat(500) }];
  assert.equal(responses({ input }).input_tokens, o200k('Checked the units.') + 3);
});

test('input_image: image_url string sized from a data URL; file_id images at the maximum and reported', () => {
  const sized = responses({ input: [{ role: 'user', content: [{ type: 'input_image', image_url: dataUrl('image/jpeg', jpeg(2048, 4096)), detail: 'high' }] }] });
  assert.deepEqual(sized, { input_tokens: 3 + o200k('user') + 1105 + 3, images: 1, unknown_size_images: 0 });
  const byFile = responses({ input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file-img', detail: 'auto' }] }] });
  assert.deepEqual(byFile, { input_tokens: 3 + o200k('user') + 85 + 8 * 170 + 3, images: 1, unknown_size_images: 1 });
});

test('patch model in responses: gpt-4.1-mini 1800×2400 image is 1452 patches × 1.62', () => {
  const body = { model: 'gpt-4.1-mini', input: [{ role: 'user', content: [{ type: 'input_image', image_url: dataUrl('image/jpeg', jpeg(1800, 2400)) }] }] };
  assert.equal(countRequestTokens('/v1/responses', body, 'o200k_base').input_tokens, 3 + o200k('user') + Math.round(1452 * 1.62) + 3);
});

test('flat function tools, tool_choice and a json_schema text format; built-in tools not counted', () => {
  const tool = { type: 'function', name: 'get_weather', description: 'Weather for a city.', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
  const schema = { type: 'object', properties: { summary: { type: 'string' } } };
  const base = responses({ input: 'Weather in Seoul?' }).input_tokens;
  const full = responses({
    input: 'Weather in Seoul?',
    tools: [tool, { type: 'web_search' }],
    tool_choice: { type: 'function', name: 'get_weather' },
    text: { format: { type: 'json_schema', name: 'out', schema } },
  }).input_tokens;
  const definitions = countFunctionDefinitions([{ name: tool.name, description: tool.description, parameters: tool.parameters }], null, 'o200k_base');
  assert.equal(full, base + definitions + 4 + o200k('get_weather') + o200k(JSON.stringify(schema)));
});
