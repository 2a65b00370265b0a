// OpenAI request lines → Gemini GenerateContentRequests: each mapping, each problem, and every problem of a line
// reported at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geminiBatchLine, translateChatBody, translateLine } from '../../../src/run/providers/gemini/translateRequest.ts';
import { FOREIGN_THOUGHT_SIGNATURE } from '../../../src/run/providers/gemini/modelFamily.ts';

const PNG = 'iVBORw0KGgo=';

function ok(body: Record<string, unknown>) {
  const t = translateChatBody({ model: 'gemini-3.8-flash', ...body });
  assert.deepEqual(t.problems, [], JSON.stringify(t.problems));
  assert.ok(t.request);
  return t.request;
}

function problems(body: Record<string, unknown>, model = 'gemini-3.8-flash'): string[] {
  const t = translateChatBody({ model, ...body });
  assert.equal(t.request, null, 'a line with problems has no request');
  return t.problems.map((p) => p.message);
}

const user = (content: unknown) => ({ role: 'user', content });

test('system and developer messages become the systemInstruction; user / assistant become user / model turns', () => {
  const r = ok({
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      user('Hello'),
      { role: 'assistant', content: 'Bonjour' },
      user([{ type: 'text', text: 'Again' }]),
    ],
  });
  assert.deepEqual(r.systemInstruction, { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] });
  assert.deepEqual(r.contents, [
    { role: 'user', parts: [{ text: 'Hello' }] },
    { role: 'model', parts: [{ text: 'Bonjour' }] },
    { role: 'user', parts: [{ text: 'Again' }] },
  ]);
  assert.equal(r.generationConfig, undefined, 'nothing to configure');
});

test('adjacent turns of one role are merged into one content', () => {
  const r = ok({ messages: [user('a'), user('b')] });
  assert.deepEqual(r.contents, [{ role: 'user', parts: [{ text: 'a' }, { text: 'b' }] }]);
});

test('a system message after the first user turn is a problem', () => {
  const p = problems({ messages: [user('hi'), { role: 'system', content: 'late' }] });
  assert.equal(p.length, 1);
  assert.match(p[0], /messages\[1\]: a system message after the conversation started/);
});

test('images: data: URLs become inlineData; https URLs and other schemes are problems', () => {
  const r = ok({ messages: [user([{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}`, detail: 'low' } }])] });
  assert.deepEqual(r.contents[0].parts, [{ text: 'what is this' }, { inlineData: { mimeType: 'image/png', data: PNG } }]);
  const p = problems({ messages: [user([{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }, { type: 'image_url', image_url: { url: 'ftp://x' } }])] });
  assert.match(p[0], /messages\[0\]\.content\[0\]: an image by URL cannot be sent to Gemini \(fileData takes only File API URIs\)/);
  assert.match(p[1], /content\[1\]: image_url\.url must be a data: URL/);
});

test('input audio (wav, mp3) and data: URL files become inlineData; a file_id is a problem', () => {
  const r = ok({
    messages: [
      user([
        { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
        { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
      ]),
    ],
  });
  assert.deepEqual(r.contents[0].parts, [{ inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } }, { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } }]);
  const p = problems({ messages: [user([{ type: 'file', file: { file_id: 'file-abc' } }])] });
  assert.match(p[0], /an OpenAI file_id means nothing to Gemini/);
});

test('tools: functions become functionDeclarations with parametersJsonSchema; other tool types are problems', () => {
  const parameters = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const r = ok({
    messages: [user('weather?')],
    tools: [
      { type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters, strict: true } },
      { type: 'function', function: { name: 'now' } },
    ],
  });
  assert.deepEqual(r.tools, [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather of a city', parametersJsonSchema: parameters }, { name: 'now' }] }]);
  const p = problems({ messages: [user('x')], tools: [{ type: 'custom', custom: { name: 'x' } }] });
  assert.match(p[0], /tools\[0\]: only function tools can be sent to Gemini/);
});

test('tool_choice: auto / none / required → AUTO / NONE / ANY; named → ANY with allowedFunctionNames', () => {
  const tools = [{ type: 'function', function: { name: 'f' } }, { type: 'function', function: { name: 'g' } }];
  const mode = (tool_choice: unknown) => ok({ messages: [user('x')], tools, tool_choice }).toolConfig;
  assert.deepEqual(mode('auto'), { functionCallingConfig: { mode: 'AUTO' } });
  assert.deepEqual(mode('none'), { functionCallingConfig: { mode: 'NONE' } });
  assert.deepEqual(mode('required'), { functionCallingConfig: { mode: 'ANY' } });
  assert.deepEqual(mode({ type: 'function', function: { name: 'g' } }), { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['g'] } });
  assert.deepEqual(mode({ type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'f' } }] } }), {
    functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['f'] },
  });
  assert.match(problems({ messages: [user('x')], tools, tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } })[0], /mode "auto" has no Gemini equivalent/);
  assert.match(problems({ messages: [user('x')], tool_choice: 'required' })[0], /tool_choice is set but there are no function tools/);
  assert.match(problems({ messages: [user('x')], tools, parallel_tool_calls: false })[0], /parallel_tool_calls: false has no Gemini equivalent/);
  ok({ messages: [user('x')], tools, parallel_tool_calls: true });
});

test('assistant tool calls become functionCall parts (signed for Gemini 3+), tool results functionResponse parts named by the call', () => {
  const messages = [
    user('weather in Paris and Rome?'),
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '18C' },
    { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '12:00' }] },
  ];
  const r = ok({ messages });
  assert.deepEqual(r.contents[1], {
    role: 'model',
    parts: [
      { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: FOREIGN_THOUGHT_SIGNATURE },
      { functionCall: { name: 'get_time', args: {} } },
    ],
  });
  assert.deepEqual(r.contents[2], {
    role: 'user',
    parts: [{ functionResponse: { name: 'get_weather', response: { output: '18C' } } }, { functionResponse: { name: 'get_time', response: { output: '12:00' } } }],
  });
  // Gemini 2.5 has no thought signatures to check.
  const old = translateChatBody({ model: 'gemini-2.5-flash-lite', messages }).request!;
  assert.equal(old.contents[1].parts[0].thoughtSignature, undefined);
});

test('a tool result whose call is unknown, and arguments that are not a JSON object, are problems', () => {
  const p = problems({
    messages: [
      user('x'),
      { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{not json' } }, { id: 'c2', type: 'function', function: { name: 'g', arguments: '[1]' } }] },
      { role: 'tool', tool_call_id: 'nope', content: 'r' },
    ],
  });
  assert.equal(p.length, 3, p.join('\n'));
  assert.match(p[0], /tool_calls\[0\]\.function\.arguments is not JSON/);
  assert.match(p[1], /tool_calls\[1\]\.function\.arguments must be a JSON object/);
  assert.match(p[2], /messages\[2\]: tool_call_id "nope" matches no earlier assistant tool call/);
});

test('response_format: json_schema → application/json + responseJsonSchema; json_object → the mime type only', () => {
  const schema = { type: 'object', properties: { a: { type: 'integer' } } };
  assert.deepEqual(ok({ messages: [user('x')], response_format: { type: 'json_schema', json_schema: { name: 's', schema, strict: true } } }).generationConfig, {
    responseMimeType: 'application/json',
    responseJsonSchema: schema,
  });
  assert.deepEqual(ok({ messages: [user('x')], response_format: { type: 'json_object' } }).generationConfig, { responseMimeType: 'application/json' });
  assert.equal(ok({ messages: [user('x')], response_format: { type: 'text' } }).generationConfig, undefined);
});

test('cap, temperature, top_p, stop, seed and n=1 map to generationConfig', () => {
  assert.deepEqual(ok({ messages: [user('x')], max_completion_tokens: 300, temperature: 0.2, top_p: 0.9, stop: 'END', seed: 7, n: 1 }).generationConfig, {
    maxOutputTokens: 300,
    temperature: 0.2,
    topP: 0.9,
    stopSequences: ['END'],
    seed: 7,
  });
  assert.deepEqual(ok({ messages: [user('x')], max_tokens: 50, stop: ['a', 'b'] }).generationConfig, { maxOutputTokens: 50, stopSequences: ['a', 'b'] });
});

test('reasoning_effort: a thinking level on Gemini 3+, a documented budget on 2.5; what has no level is a problem', () => {
  const cfg = (model: string, reasoning_effort: string) => translateChatBody({ model, messages: [user('x')], reasoning_effort });
  assert.deepEqual(cfg('gemini-3.8-flash', 'minimal').request!.generationConfig, { thinkingConfig: { thinkingLevel: 'minimal' } });
  assert.deepEqual(cfg('gemini-4-argon', 'high').request!.generationConfig, { thinkingConfig: { thinkingLevel: 'high' } });
  assert.deepEqual(cfg('gemini-2.5-flash-lite', 'medium').request!.generationConfig, { thinkingConfig: { thinkingBudget: 8192 } });
  assert.deepEqual(cfg('gemini-2.5-flash-lite', 'none').request!.generationConfig, { thinkingConfig: { thinkingBudget: 0 } });
  assert.match(cfg('gemini-4-argon', 'minimal').problems[0].message, /reasoning_effort "minimal" has no thinking level on gemini-4-argon/);
  assert.match(cfg('gemini-3.8-flash', 'none').problems[0].message, /"none" has no thinking level/);
  assert.match(cfg('gemini-3.8-flash', 'xhigh').problems[0].message, /"xhigh" has no thinking level/);
  assert.match(cfg('gemini-2.5-flash-lite', 'minimal').problems[0].message, /has no thinking budget/);
});

test('each unsupported parameter is a problem; OpenAI bookkeeping and no-op values are not', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ logprobs: true }, /^logprobs: log probabilities/],
    [{ top_logprobs: 3 }, /^top_logprobs:/],
    [{ logit_bias: { '50256': -100 } }, /^logit_bias: Gemini has no logit bias/],
    [{ presence_penalty: 0.5 }, /^presence_penalty=0\.5: penalties are not sent/],
    [{ frequency_penalty: -1 }, /^frequency_penalty=-1:/],
    [{ audio: { voice: 'alloy', format: 'wav' } }, /^audio:/],
    [{ modalities: ['text', 'audio'] }, /^modalities:/],
    [{ prediction: { type: 'content', content: 'x' } }, /^prediction:/],
    [{ stream: true }, /stream: true cannot be sent/],
    [{ n: 2 }, /^n=2: several choices/],
    [{ service_tier: 'flex' }, /service_tier "flex": Gemini's own Flex and Priority tiers are not modelled/],
    [{ verbosity: 'low' }, /^verbosity:/],
    [{ foo: 1 }, /^foo: an unknown parameter/],
  ];
  for (const [extra, pattern] of cases) {
    const p = problems({ messages: [user('x')], ...extra });
    assert.equal(p.length, 1, `${JSON.stringify(extra)}: ${p.join(' | ')}`);
    assert.match(p[0], pattern);
  }
  ok({
    messages: [user('x')],
    user: 'u1', metadata: { a: 'b' }, store: false, stream: false, service_tier: 'auto', prompt_cache_key: 'k', safety_identifier: 's',
    logprobs: false, logit_bias: {}, modalities: ['text'], presence_penalty: 0, frequency_penalty: 0, audio: null,
  });
});

test('check() reports every problem of a line at once', () => {
  const p = problems({
    messages: [
      user([{ type: 'image_url', image_url: { url: 'https://x/y.png' } }]),
      { role: 'system', content: 'late' },
      { role: 'tool', tool_call_id: 'c9', content: 'r' },
    ],
    logprobs: true,
    n: 3,
    stream: true,
    reasoning_effort: 'none',
  });
  assert.equal(p.length, 7, p.join('\n'));
  for (const pattern of [/^logprobs/, /stream: true/, /image by URL/, /system message after/, /tool_call_id "c9"/, /^n=3/, /reasoning_effort "none"/]) {
    assert.ok(p.some((m) => pattern.test(m)), `missing ${pattern}`);
  }
});

test('urls: chat completions translate; embeddings and others are problems', () => {
  assert.deepEqual(translateLine({ url: '/v1/chat/completions', body: { model: 'gemini-3.8-flash', messages: [user('x')] } }).problems, []);
  assert.match(translateLine({ url: '/v1/embeddings', body: { model: 'text-embedding-004', input: 'x' } }).problems[0].message, /asyncBatchEmbedContent, is not translated/);
  assert.match(translateLine({ url: '/v1/responses', body: { model: 'gemini-3.8-flash', input: 'x' } }).problems[0].message, /only \/v1\/chat\/completions is translated/);
});

test('a missing model, empty messages and a models/ prefix', () => {
  assert.match(translateChatBody({ messages: [user('x')] }).problems[0].message, /model must be a Gemini model name/);
  assert.match(problems({ messages: [] })[0], /messages must be a non-empty array/);
  assert.equal(translateChatBody({ model: 'models/gemini-3.8-flash', messages: [user('x')] }).model, 'gemini-3.8-flash');
});

test('the batch file line is {"key": custom_id, "request": …}', () => {
  const request = ok({ messages: [user('x')] });
  assert.deepEqual(JSON.parse(geminiBatchLine('row-1', request)), { key: 'row-1', request: { contents: [{ role: 'user', parts: [{ text: 'x' }] }] } });
});

test('nothing dropped unseen: a text part without string text, and two caps that disagree, are problems', () => {
  assert.match(problems({ messages: [user([{ type: 'text', text: 42 }])] }).join('\n'), /text part needs its text as a string/);
  assert.match(problems({ messages: [user('hi')], max_tokens: 10, max_completion_tokens: 500 }).join('\n'), /disagree/);
  assert.equal(ok({ messages: [user('hi')], max_tokens: 10, max_completion_tokens: 10 }).generationConfig?.maxOutputTokens, 10);
});
