import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translateChatBody, translateLine } from '../../../src/run/providers/anthropic/translateRequest.ts';

const base = (extra: Record<string, unknown> = {}) => ({
  model: 'claude-sonnet-4-6',
  max_completion_tokens: 100,
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
});

function params(body: Record<string, unknown>) {
  const t = translateChatBody(body);
  assert.deepEqual(t.problems, []);
  assert.ok(t.params);
  return t.params;
}

function problems(body: Record<string, unknown>): string[] {
  const t = translateChatBody(body);
  assert.equal(t.params, null);
  return t.problems;
}

test('a plain request: model, the cap as max_tokens, the user turn', () => {
  assert.deepEqual(params(base()), { model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
  assert.equal(params({ ...base(), max_completion_tokens: undefined, max_tokens: 7 }).max_tokens, 7);
  assert.equal(params({ ...base(), max_tokens: 100 }).max_tokens, 100);
});

test('without a cap the line is refused and the message names the field to add', () => {
  const p = problems({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'Hi' }] });
  assert.equal(p.length, 1);
  assert.match(p[0], /max_completion_tokens/);
  assert.match(p[0], /requires max_tokens/);
  assert.match(problems(base({ max_tokens: 5 }))[0], /disagree/);
});

test('system and developer messages ahead of the conversation become the system prompt', () => {
  assert.equal(params(base({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] })).system, 'Be brief.');
  const two = params(base({
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: [{ type: 'text', text: 'Use French.' }] },
      { role: 'user', content: 'Hi' },
    ],
  }));
  assert.deepEqual(two.system, [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Use French.' }]);
  assert.deepEqual(two.messages, [{ role: 'user', content: 'Hi' }]);
});

test('a system message after the conversation began is a problem', () => {
  const p = problems(base({ messages: [{ role: 'user', content: 'Hi' }, { role: 'system', content: 'Late.' }, { role: 'user', content: 'Again' }] }));
  assert.equal(p.length, 1);
  assert.match(p[0], /messages\[1\]: a system message after the conversation has begun/);
});

test('assistant tool calls become tool_use blocks and tool answers tool_result blocks of one user turn', () => {
  const p = params(base({
    messages: [
      { role: 'user', content: 'Weather in Oslo and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
          { id: 'call_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '3 °C' },
      { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '18 °C' }] },
      { role: 'user', content: 'Thanks' },
    ],
  }));
  assert.deepEqual(p.messages, [
    { role: 'user', content: 'Weather in Oslo and Rome?' },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } },
        { type: 'tool_use', id: 'call_2', name: 'weather', input: { city: 'Rome' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_1', content: '3 °C' },
        { type: 'tool_result', tool_use_id: 'call_2', content: [{ type: 'text', text: '18 °C' }] },
      ],
    },
    { role: 'user', content: 'Thanks' },
  ]);
  const bad = problems(base({
    messages: [
      { role: 'user', content: 'x' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }] },
      { role: 'tool', tool_call_id: 'c', content: 'ok' },
    ],
  }));
  assert.match(bad.join('\n'), /arguments: must be a JSON object/);
});

test('images: data URLs become base64 sources, https URLs url sources, detail is dropped', () => {
  const p = params(base({
    messages: [{
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' } },
        { type: 'image_url', image_url: { url: 'data:image/jpg;base64,/9j/4AAQ' } },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.webp', detail: 'low' } },
      ],
    }],
  }));
  assert.deepEqual(p.messages[0].content, [
    { type: 'text', text: 'What is this?' },
    { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
    { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQ' } },
    { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp' } },
  ]);
  const bad = problems(base({
    messages: [{
      role: 'user',
      content: [
        { type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } },
        { type: 'image_url', image_url: { url: 'http://example.com/a.png' } },
        { type: 'input_audio', input_audio: { data: 'x', format: 'wav' } },
      ],
    }],
  }));
  assert.equal(bad.length, 3);
  assert.match(bad[0], /content\[0\].*image\/bmp/);
  assert.match(bad[1], /https:\/\//);
  assert.match(bad[2], /audio/);
});

test('a base64 PDF file part becomes a document block; a file_id is a problem', () => {
  const p = params(base({
    messages: [{ role: 'user', content: [{ type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } }] }],
  }));
  assert.deepEqual(p.messages[0].content, [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'a.pdf' }]);
  assert.match(problems(base({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-1' } }] }] }))[0], /file_id/);
});

test('tools and every tool_choice', () => {
  const tools = [{ type: 'function', function: { name: 'weather', description: 'Weather now', parameters: { type: 'object', properties: { city: { type: 'string' } } }, strict: true } }];
  const anthropicTool = { name: 'weather', description: 'Weather now', input_schema: { type: 'object', properties: { city: { type: 'string' } } }, strict: true };
  assert.deepEqual(params(base({ tools })).tools, [anthropicTool]);
  assert.deepEqual(params(base({ tools: [{ type: 'function', function: { name: 'now' } }] })).tools, [{ name: 'now', input_schema: { type: 'object', properties: {} } }]);
  assert.deepEqual(params(base({ tools, tool_choice: 'auto' })).tool_choice, { type: 'auto' });
  assert.deepEqual(params(base({ tools, tool_choice: 'none' })).tool_choice, { type: 'none' });
  assert.deepEqual(params(base({ tools, tool_choice: 'required' })).tool_choice, { type: 'any' });
  assert.deepEqual(params(base({ tools, tool_choice: { type: 'function', function: { name: 'weather' } } })).tool_choice, { type: 'tool', name: 'weather' });
  assert.deepEqual(params(base({ tools, parallel_tool_calls: false })).tool_choice, { type: 'auto', disable_parallel_tool_use: true });
  assert.deepEqual(params(base({ tools, tool_choice: 'required', parallel_tool_calls: false })).tool_choice, { type: 'any', disable_parallel_tool_use: true });
  assert.equal(params(base({ tools, parallel_tool_calls: true })).tool_choice, undefined);
  assert.match(problems(base({ tools: [{ type: 'custom', custom: { name: 'x' } }] }))[0], /only function tools/);
  assert.match(problems(base({ tools, tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } }))[0], /tool_choice/);
});

test('sampling: temperature and top_p within range, stop as stop_sequences', () => {
  const p = params(base({ temperature: 0.2, stop: ['END', '###'] }));
  assert.equal(p.temperature, 0.2);
  assert.equal(params(base({ top_p: 0.9 })).top_p, 0.9);
  assert.deepEqual(p.stop_sequences, ['END', '###']);
  // Claude 4.1–4.6 answer 400 to both at once.
  assert.match(problems(base({ temperature: 0.2, top_p: 0.9 })).join('\n'), /takes one or the other, not both/);
  assert.deepEqual(params(base({ stop: 'END' })).stop_sequences, ['END']);
  assert.match(problems(base({ temperature: 1.5 }))[0], /above Anthropic's range/);
  assert.match(problems(base({ stop: [' '] }))[0], /whitespace/);
});

test('models after Opus 4.6 take sampling parameters at their defaults only', () => {
  assert.equal(params(base({ model: 'claude-opus-5-5', temperature: 1 })).temperature, 1);
  const p = problems(base({ model: 'claude-opus-5-5', temperature: 0.2, top_p: 0.5 }));
  assert.equal(p.length, 2);
  assert.match(p[0], /claude-opus-5-5 takes only the default temperature/);
  assert.match(p[1], /top_p ≥ 0.99/);
});

test('response_format json_schema becomes output_config.format; json_object is a problem', () => {
  const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
  assert.deepEqual(params(base({ response_format: { type: 'json_schema', json_schema: { name: 'x', schema, strict: true } } })).output_config, {
    format: { type: 'json_schema', schema },
  });
  assert.equal(params(base({ response_format: { type: 'text' } })).output_config, undefined);
  assert.match(problems(base({ response_format: { type: 'json_object' } }))[0], /json_object has no Anthropic equivalent/);
});

test('reasoning_effort low..xhigh becomes adaptive thinking at that effort; none, minimal and models without it are problems', () => {
  const opus = params(base({ model: 'claude-opus-5-5', reasoning_effort: 'high' }));
  assert.deepEqual(opus.output_config, { effort: 'high' });
  assert.deepEqual(opus.thinking, { type: 'adaptive' });
  assert.deepEqual(params(base({ model: 'claude-sonnet-4-6', reasoning_effort: 'low' })).output_config, { effort: 'low' });
  assert.equal(params(base()).thinking, undefined, 'no effort, no thinking setting: the model\'s default');
  assert.match(problems(base({ reasoning_effort: 'minimal' }))[0], /"minimal" has no Anthropic equivalent/);
  assert.match(problems(base({ model: 'claude-haiku-4-5', reasoning_effort: 'low' }))[0], /claude-haiku-4-5 is not among/);
  assert.match(problems(base({ model: 'claude-opus-4-5', reasoning_effort: 'low' }))[0], /claude-opus-4-5 is not among/);
});

test('what thinking rules out is a problem when reasoning_effort turns it on', () => {
  const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }];
  const p = problems(base({ reasoning_effort: 'medium', temperature: 0.5, top_p: 0.9, tools, tool_choice: 'required' }));
  assert.equal(p.length, 4);
  assert.match(p[0], /^temperature:.*while thinking/);
  assert.match(p[1], /^top_p:.*0.95/);
  assert.match(p[2], /^tool_choice:.*forces no tool while thinking/);
  assert.match(p[3], /not both/);
  assert.deepEqual(params(base({ reasoning_effort: 'medium', temperature: 1, tools, tool_choice: 'auto' })).temperature, 1);
  assert.deepEqual(params(base({ reasoning_effort: 'medium', top_p: 0.97, tools, tool_choice: 'auto' })).top_p, 0.97);
});

test('user (or safety_identifier) becomes metadata.user_id; OpenAI metadata is a problem', () => {
  assert.deepEqual(params(base({ user: 'u-1' })).metadata, { user_id: 'u-1' });
  assert.deepEqual(params(base({ safety_identifier: 'h-2' })).metadata, { user_id: 'h-2' });
  assert.match(problems(base({ metadata: { team: 'a' } }))[0], /metadata/);
});

test('fields without an equivalent are problems, at their default values they are not', () => {
  assert.deepEqual(translateChatBody(base({ n: 1, logprobs: false, presence_penalty: 0, frequency_penalty: 0, stream: false, store: false, modalities: ['text'], service_tier: 'auto' })).problems, []);
  const p = problems(base({
    n: 2, logprobs: true, top_logprobs: 3, logit_bias: { '50256': -100 }, seed: 7, presence_penalty: 0.5, frequency_penalty: 0.5,
    audio: { voice: 'alloy', format: 'wav' }, modalities: ['text', 'audio'], prediction: { type: 'content', content: 'x' }, stream: true,
    prompt_cache_key: 'k', service_tier: 'flex', mystery: 1,
  }));
  for (const field of ['n', 'logprobs', 'top_logprobs', 'logit_bias', 'seed', 'presence_penalty', 'frequency_penalty', 'audio', 'modalities', 'prediction', 'stream', 'prompt_cache_key', 'mystery', 'service_tier']) {
    assert.ok(p.some((m) => m.startsWith(`${field}:`)), `no problem for ${field} in ${p.join(' | ')}`);
  }
  assert.equal(p.length, 14);
});

test('a conversation ending with an assistant message is a problem (Anthropic would continue it)', () => {
  assert.match(problems(base({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }] }))[0], /prefill/);
});

test('translateLine reports the url and the body together; an id outside Anthropic\'s pattern goes as a stand-in', () => {
  const t = translateLine({ custom_id: '', url: '/v1/embeddings', body: { model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'x' }], seed: 1 } });
  assert.equal(t.request, null);
  const messages = t.problems.map((p) => p.message);
  assert.equal(messages.length, 4);
  assert.match(messages[0], /url \/v1\/embeddings/);
  assert.match(messages[1], /custom_id "": must be a non-empty string/);
  assert.ok(messages.some((m) => m.startsWith('seed:')));
  assert.ok(messages.some((m) => /max_tokens/.test(m)));
  assert.match(translateLine({ custom_id: 'a', url: '/v1/responses', body: base() }).problems[0].message, /\/v1\/responses/);
  const ok = translateLine({ custom_id: 'row-1_a', url: '/v1/chat/completions', body: base() });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.request?.custom_id, 'row-1_a');
  for (const id of ['has spaces', 'task:3.a', 'x'.repeat(65)]) {
    const sent = translateLine({ custom_id: id, url: '/v1/chat/completions', body: base() }).request?.custom_id ?? '';
    assert.match(sent, /^bw-[A-Za-z0-9_-]{43}$/, id);
    assert.equal(sent, translateLine({ custom_id: id, url: '/v1/chat/completions', body: base() }).request?.custom_id, 'stable');
  }
});

test('model rules found before anything is sent: forced tools on Opus/Sonnet 5.5 and Fable 5.1+, thinking in a tool loop', () => {
  const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }];
  for (const model of ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-fable-5-2']) {
    assert.match(problems(base({ model, tools, tool_choice: 'required' })).join('\n'), /refuses forced tool use/, model);
    assert.match(problems(base({ model, tools, tool_choice: { type: 'function', function: { name: 'f' } } })).join('\n'), /refuses forced tool use/, model);
  }
  assert.equal(params(base({ model: 'claude-haiku-4-5', tools, tool_choice: 'required' })).tool_choice?.type, 'any');
  const loop = [
    { role: 'user', content: 'weather?' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
  ];
  const p = problems(base({ model: 'claude-sonnet-5-5', reasoning_effort: 'low', tools, messages: loop }));
  assert.ok(p.some((x) => /signed thinking block/.test(x)), p.join('\n'));
  assert.deepEqual(translateChatBody(base({ model: 'claude-sonnet-5-5', tools, messages: loop })).problems, []);
});
