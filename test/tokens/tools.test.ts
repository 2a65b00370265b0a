import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFunctionDefinitions, countToolChoice, renderFunctionNamespace } from '../../src/tokens/countTools.ts';
import { countRequestTokens, countText } from '../../src/tokens/index.ts';

const o200k = (t: string) => countText(t, 'o200k_base');
const cl100k = (t: string) => countText(t, 'cl100k_base');

// API-measured prompt token counts for gpt-4o, as listed in shared/reference/tokens.md §1f (hmarr's measured cases;
// the reference gives each case in words and its count — the requests below are written from those words).
const hello = [{ role: 'user', content: 'hello' }];
const foo = { name: 'foo', parameters: { type: 'object', properties: {} } };
const bingBong = (properties: Record<string, unknown>) => ({ name: 'bing_bong', description: 'Do a bing bong', parameters: { type: 'object', properties } });
const measured: Array<Record<string, unknown> & { tokens: number }> = [
  { messages: hello, tokens: 8 },
  { messages: [{ role: 'user', content: 'hello world' }], tokens: 9 },
  { messages: [{ role: 'system', content: 'hello' }], tokens: 8 },
  { messages: [{ role: 'system', content: 'hello:' }], tokens: 9 },
  {
    messages: [
      { role: 'system', content: "# Important: you're the best robot" },
      { role: 'user', content: 'hello robot' },
      { role: 'assistant', content: 'hello world' },
    ],
    tokens: 26,
  },
  { messages: hello, functions: [foo], tokens: 31 },
  { messages: hello, functions: [foo], function_call: 'none', tokens: 32 },
  { messages: hello, functions: [foo], function_call: 'auto', tokens: 31 },
  { messages: hello, functions: [foo], function_call: { name: 'foo' }, tokens: 36 },
  { messages: hello, functions: [{ ...foo, description: 'Do a foo' }], tokens: 35 },
  { messages: hello, functions: [bingBong({ foo: { type: 'string' } })], tokens: 45 },
  { messages: hello, functions: [bingBong({ foo: { type: 'string' }, bar: { type: 'number', description: 'A number' } })], tokens: 52 },
  {
    messages: hello,
    functions: [bingBong({ foo: { type: 'object', properties: { bar: { type: 'string', enum: ['a', 'b', 'c'] }, baz: { type: 'boolean' } } } })],
    tokens: 64,
  },
];

test('the measured requests (plain, functions, nested parameters, function_call) count exactly on gpt-4o', () => {
  for (const [i, { tokens, ...body }] of measured.entries()) {
    const counted = countRequestTokens('/v1/chat/completions', { model: 'gpt-4o', ...body }, 'o200k_base').input_tokens;
    assert.equal(counted, tokens, `case ${i}: ${JSON.stringify(body).slice(0, 120)}`);
  }
});

test('the same requests as tools: [{type:function}] with tool_choice count the same as legacy functions', () => {
  for (const { tokens, functions, function_call, ...rest } of measured) {
    if (!functions) continue;
    const choice = typeof function_call === 'object' ? { type: 'function', function: function_call } : function_call;
    const tools = (functions as unknown[]).map((fn) => ({ type: 'function', function: fn }));
    const counted = countRequestTokens('/v1/chat/completions', { model: 'gpt-4o', ...rest, tools, tool_choice: choice }, 'o200k_base');
    assert.equal(counted.input_tokens, tokens);
  }
});

// The cookbook's example (num_tokens_for_tools) and its algorithm written out with its constants:
// func_init, "name:description", prop_init, per property prop_key + "key:type:description", enum_init + per
// item (enum_item + item), func_end. On this example the cookbook verified its count against the API.
const weather = {
  name: 'get_current_weather',
  description: 'Get the current weather in a given location',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
      unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['location'],
  },
};
const cookbookMessages = [
  { role: 'system', content: 'You are a helpful assistant that can answer to questions about the weather.' },
  { role: 'user', content: "What's the weather like in San Francisco?" },
];
function cookbookCount(funcInit: number, enc: (t: string) => number): number {
  const messages = cookbookMessages.reduce((n, m) => n + 3 + enc(m.role) + enc(m.content), 3);
  const fn = funcInit + enc('get_current_weather:Get the current weather in a given location') +
    3 + (3 + enc('location:string:The city and state, e.g. San Francisco, CA')) +
    (3 - 3 + (3 + enc('celsius')) + (3 + enc('fahrenheit')) + enc('unit:string:The unit of temperature to return'));
  return messages + fn + 12;
}

test('the cookbook example counts what the cookbook constants give: gpt-4o/4o-mini (func_init 7) and gpt-3.5 (10)', () => {
  const body = { messages: cookbookMessages, tools: [{ type: 'function', function: weather }] };
  for (const model of ['gpt-4o', 'gpt-4o-mini']) {
    assert.equal(countRequestTokens('/v1/chat/completions', { model, ...body }, 'o200k_base').input_tokens, cookbookCount(7, o200k));
  }
  assert.equal(countRequestTokens('/v1/chat/completions', { model: 'gpt-3.5-turbo', ...body }, 'cl100k_base').input_tokens, cookbookCount(10, cl100k));
});

test('namespace rendering: top-level descriptions as comments, ? for optional, enums as unions, nested objects and arrays', () => {
  assert.equal(
    renderFunctionNamespace([weather, { name: 'ping' }]),
    [
      'namespace functions {',
      '',
      '// Get the current weather in a given location',
      'type get_current_weather = (_: {',
      '// The city and state, e.g. San Francisco, CA',
      'location: string,',
      '// The unit of temperature to return',
      'unit?: "celsius" | "fahrenheit",',
      '}) => any;',
      '',
      'type ping = () => any;',
      '',
      '} // namespace functions',
    ].join('\n'),
  );
  const nested = {
    name: 'order',
    parameters: {
      type: 'object',
      required: ['items'],
      properties: {
        items: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer', description: 'How many' } } } },
        note: { type: ['string', 'null'] },
        level: { type: 'integer', enum: [1, 2] },
        extra: { anyOf: [{ type: 'string' }] },
      },
    },
  };
  assert.equal(
    renderFunctionNamespace([nested]),
    'namespace functions {\n\ntype order = (_: {\nitems: {\n  qty?: number,\n}[],\nnote?: string | null,\nlevel?: 1 | 2,\nextra?: any,\n}) => any;\n\n} // namespace functions',
  );
});

test('definitions: rendering + 9; with a system message 4 less and the system text ends in a newline', () => {
  const fns = [weather];
  const rendered = o200k(renderFunctionNamespace(fns));
  assert.equal(countFunctionDefinitions(fns, null, 'o200k_base'), rendered + 9);
  assert.equal(countFunctionDefinitions(fns, 'Hello', 'o200k_base'), rendered + 9 - 4 + o200k('Hello\n') - o200k('Hello'));
  assert.equal(countFunctionDefinitions(fns, 'Hello\n', 'o200k_base'), rendered + 9 - 4);
  assert.equal(countFunctionDefinitions([], 'Hello', 'o200k_base'), 0);
});

test('responses: instructions act as the system message for the namespace', () => {
  const tool = { type: 'function', ...weather };
  const body = { model: 'gpt-4o', instructions: 'Be brief', input: 'Weather in Oslo?' };
  const without = countRequestTokens('/v1/responses', body, 'o200k_base').input_tokens;
  const withTool = countRequestTokens('/v1/responses', { ...body, tools: [tool] }, 'o200k_base').input_tokens;
  assert.equal(withTool - without, countFunctionDefinitions([weather], 'Be brief', 'o200k_base'));
});

test('tool_choice: none +1, named +4 + name, auto and required +0', () => {
  assert.equal(countToolChoice('none', 'o200k_base'), 1);
  assert.equal(countToolChoice('auto', 'o200k_base'), 0);
  assert.equal(countToolChoice('required', 'o200k_base'), 0);
  assert.equal(countToolChoice({ type: 'function', function: { name: 'get_current_weather' } }, 'o200k_base'), 4 + o200k('get_current_weather'));
  assert.equal(countToolChoice({ type: 'function', name: 'get_current_weather' }, 'o200k_base'), 4 + o200k('get_current_weather'));
  assert.equal(countToolChoice(undefined, 'o200k_base'), 0);
});

test('non-function tools (custom, web_search) add nothing; tool_choice counts only when functions exist', () => {
  const messages = [{ role: 'user', content: 'hi' }];
  const plain = countRequestTokens('/v1/chat/completions', { model: 'gpt-4o', messages }, 'o200k_base').input_tokens;
  const other = countRequestTokens('/v1/chat/completions', {
    model: 'gpt-4o', messages, tools: [{ type: 'custom', custom: { name: 'x' } }], tool_choice: 'none',
  }, 'o200k_base').input_tokens;
  assert.equal(other, plain);
});

test('a schema nested thousands of levels deep is counted, not a stack overflow', () => {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < 5000; i++) schema = { type: 'object', properties: { x: schema } };
  let arrays: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < 5000; i++) arrays = { type: 'array', items: arrays };
  const body = {
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'hi' }],
    tools: [{ type: 'function', function: { name: 'deep', parameters: schema } }, { type: 'function', function: { name: 'arr', parameters: { type: 'object', properties: { a: arrays } } } }],
  };
  assert.ok(countRequestTokens('/v1/chat/completions', body, 'o200k_base').input_tokens > 0);
});
