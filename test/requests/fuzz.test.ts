// Thousands of random mutations of valid request lines: the validator (and, for what it accepts, the token counter
// and pricing behind it) never crashes, and a file of them is refused with every problem as file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateLine } from '../../src/requests/index.ts';
import { RequestFileError } from '../../src/requests/types.ts';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { writeJsonl } from '../helpers.ts';
import { seededStream } from '../../src/emulator/random.ts';

/** The same mutations every run, so a failure reproduces. */
const rng = seededStream;

const VALID: object[] = [
  { custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-5.4-mini', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } }] }], max_completion_tokens: 50, tools: [{ type: 'function', function: { name: 'lookup', description: 'find', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }], tool_choice: 'auto', response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } } } },
  { custom_id: 'b', method: 'POST', url: '/v1/responses', body: { model: 'gpt-5.5', instructions: 'Answer in Korean.', input: [{ role: 'user', content: [{ type: 'input_text', text: '안녕' }] }], max_output_tokens: 100, text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' } } }, reasoning: { effort: 'low' } } },
  { custom_id: 'c', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: ['one', 'two'] } },
  { custom_id: 'd', method: 'POST', url: '/v1/completions', body: { model: 'gpt-3.5-turbo', prompt: 'Say hi', max_tokens: 5 } },
  { custom_id: 'e', method: 'POST', url: '/v1/moderations', body: { model: 'omni-moderation-latest', input: 'text' } },
  { custom_id: 'f', method: 'POST', url: '/v1/images/generations', body: { model: 'gpt-image-2', prompt: 'a fox', size: '1024x1024', quality: 'low', n: 1 } },
];

const ODD: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', ' ', '\n', 'x'.repeat(300), [], [null], {}, { type: 42 }, '\u0000', '💥', NaN];

function mutate(value: unknown, next: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((v) => (next() < 0.3 ? mutate(v, next, depth + 1) : v));
    if (next() < 0.15) copy.splice(Math.floor(next() * (copy.length + 1)), 0, ODD[Math.floor(next() * ODD.length)]);
    if (next() < 0.1) copy.pop();
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(copy)) {
      const r = next();
      if (r < 0.08) delete copy[key];
      else if (r < 0.2) copy[key] = ODD[Math.floor(next() * ODD.length)];
      else if (r < 0.5 && depth < 6) copy[key] = mutate(copy[key], next, depth + 1);
    }
    if (next() < 0.05) copy[['boby', 'n', 'stream', 'service_tier', 'max_tokens'][Math.floor(next() * 5)]] = ODD[Math.floor(next() * ODD.length)];
    return copy;
  }
  return next() < 0.3 ? ODD[Math.floor(next() * ODD.length)] : value;
}

function mutatedLine(next: () => number): string {
  const base = VALID[Math.floor(next() * VALID.length)];
  const text = JSON.stringify(mutate(base, next));
  const r = next();
  // Some lines are broken as text, not as JSON values.
  if (r < 0.05) return text.slice(0, Math.floor(next() * text.length));
  if (r < 0.08) return text.replace(/"/, '');
  return text;
}

test('5,000 mutated lines: the validator never throws; each line is either a request or a list of reasons', () => {
  const next = rng(20261201);
  let valid = 0;
  for (let i = 0; i < 5_000; i++) {
    const text = mutatedLine(next);
    const v = validateLine(text, i + 1);
    assert.ok(Array.isArray(v.problems) && Array.isArray(v.warnings));
    if (v.request) valid++;
    else assert.ok(v.problems.length > 0 && v.problems.every((p) => typeof p === 'string' && p.length > 0), text);
  }
  assert.ok(valid > 100 && valid < 4_900, `${valid} valid: the mutations should produce both`);
});

test('a file of mutated lines goes through the whole estimate: priced, or refused with every problem as file:line', async () => {
  const catalog = loadCatalog(undefined, { strict: true });
  for (let round = 0; round < 8; round++) {
    const next = rng(1000 + round);
    const lines = Array.from({ length: 250 }, () => mutatedLine(next));
    // Distinct ids, so the duplicate check does not hide what the mutations did.
    const unique = lines.map((l, i) => l.replace(/"custom_id":"([a-f])"/, `"custom_id":"$1-${i}"`));
    const file = writeJsonl(unique);
    try {
      const e = await estimateFile(file, { catalog, workers: 0 });
      assert.ok(e.requests > 0 && Number.isFinite(e.cost.sync.max));
    } catch (err) {
      assert.ok(err instanceof RequestFileError, `not a crash: ${(err as Error).stack}`);
      for (const p of err.problems) assert.ok(p.line >= 1 && p.line <= unique.length && p.reason.length > 0);
      assert.match(err.message.split('\n')[0], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').split('/').pop()}:\\d+: `));
    }
  }
});

test('structured fields and custom_ids: the shapes the API refuses are refused here, naming the field', () => {
  const line = (body: object, custom_id: unknown = 'a') => JSON.stringify({ custom_id, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'hi' }], ...body } });
  const reasons = (text: string) => validateLine(text, 1).problems.join(' | ');
  assert.match(reasons(line({ tools: 'nope' })), /body\.tools must be an array of tool definitions/);
  assert.match(reasons(line({ tools: [{ type: 'function', function: { name: 'has space' } }] })), /body\.tools\[0\]\.function\.name "has space" must be 1–64/);
  assert.match(reasons(line({ tool_choice: 'sometimes' })), /body\.tool_choice "sometimes" is not one of/);
  assert.match(reasons(line({ response_format: { type: 'xml' } })), /body\.response_format\.type must be one of/);
  assert.match(reasons(line({ response_format: { type: 'json_schema' } })), /body\.response_format\.json_schema must be an object/);
  assert.equal(reasons(line({ tools: [{ type: 'web_search' }], tool_choice: { type: 'function', function: { name: 'x' } } })), '', 'a built-in tool and a named choice pass');
  assert.match(reasons(line({}, 'a\nb')), /custom_id "a\\nb" has a control character/);
  assert.match(reasons(line({}, '   ')), /custom_id "   " is only whitespace/);
  assert.deepEqual(validateLine(line({}, ' a '), 1).warnings, ['custom_id " a " has leading or trailing spaces']);
  const responses = JSON.stringify({ custom_id: 'r', method: 'POST', url: '/v1/responses', body: { model: 'gpt-5.5', input: 'hi', text: { format: { type: 'json_schema', schema: {} } }, tools: [{ type: 'function' }] } });
  assert.match(reasons(responses), /body\.text\.format\.name must be 1–64/);
  assert.match(reasons(responses), /body\.tools\[0\]\.name must be a string/);
});
