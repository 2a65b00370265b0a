// Other providers' tokens, offline: the stated approximation, and when their prompt caches can serve a prefix
// (Claude only where the request marks cache_control; Gemini's implicit cache from its per-model minimum).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  approximateTokens, approximationMethod, cacheMarks, cachePrefixes, countRequestTokens, promptCacheRules, tokenRatioFor,
} from '../../src/tokens/index.ts';

const longText = 'Every answer must cite the clause it rests on. '.repeat(500);
const system = (extra: Record<string, unknown> = {}) => ({ role: 'system', content: [{ type: 'text', text: longText, ...extra }] });
const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ model: 'claude-haiku-4-5', messages, ...extra });
const count = (body: Record<string, unknown>) => countRequestTokens('/v1/chat/completions', body, 'o200k_base').input_tokens;

test('the approximation is the o200k_base count × the factor, rounded up, and says how it is made', () => {
  const legacy = tokenRatioFor('anthropic', 'claude-haiku-4-5');
  const current = tokenRatioFor('anthropic', 'claude-sonnet-5-5');
  const gemini = tokenRatioFor('gemini', 'gemini-3.8-flash');
  assert.deepEqual([legacy.ratio, current.ratio, gemini.ratio], [1.2, 1.56, 1.1]);
  assert.equal(approximateTokens(1000, legacy), 1200);
  assert.equal(approximateTokens(101, gemini), 112);
  assert.equal(approximationMethod(legacy), 'the o200k_base count × 1.2 for the Claude tokenizer before 4.7');
  assert.equal(approximationMethod(current), 'the o200k_base count × 1.56 for the Claude 4.7+ tokenizer');
  assert.equal(approximationMethod(tokenRatioFor('azure', 'gpt-4o')), 'the o200k_base count');
});

test('cache rules: OpenAI automatic from 1,024; Gemini implicit from 4,096 (2.5: 2,048); Claude only when marked', () => {
  assert.deepEqual([promptCacheRules('openai', 'gpt-4o').minTokens, promptCacheRules('openai', 'gpt-4o').trigger], [1024, 'automatic']);
  for (const m of ['gemini-3.8-flash', 'gemini-4-argon', 'gemini-3.1-pro-preview', 'gemini-3.5-flash-lite']) {
    assert.deepEqual([promptCacheRules('gemini', m).minTokens, promptCacheRules('gemini', m).trigger], [4096, 'automatic'], m);
  }
  assert.equal(promptCacheRules('gemini', 'gemini-2.5-flash-lite').minTokens, 2048);
  assert.equal(promptCacheRules('anthropic', 'claude-haiku-4-5-20251001').minTokens, 4096, 'the date suffix is ignored');
  assert.equal(promptCacheRules('anthropic', 'claude-sonnet-4-6').minTokens, 2048, 'the observed (costlier) minimum');
  const unknown = promptCacheRules('anthropic', 'claude-sonnet-5-5');
  assert.deepEqual([unknown.minTokens, unknown.trigger], [4096, 'marked']);
  assert.match(unknown.basis, /assumption/);
});

test('cacheMarks finds cache_control on the request, tools, messages and content parts, and the 1-hour TTL', () => {
  assert.deepEqual(cacheMarks(chat([{ role: 'user', content: 'hi' }])), { marked: false, automatic: false, oneHour: false });
  assert.deepEqual(cacheMarks(chat([system({ cache_control: { type: 'ephemeral' } })])), { marked: true, automatic: false, oneHour: false });
  assert.deepEqual(cacheMarks(chat([system({ cache_control: { type: 'ephemeral', ttl: '1h' } })])), { marked: true, automatic: false, oneHour: true });
  assert.deepEqual(cacheMarks(chat([{ role: 'user', content: 'hi' }], { cache_control: { type: 'ephemeral' } })), { marked: true, automatic: true, oneHour: false });
  const tools = [{ type: 'function', function: { name: 'f', parameters: {} }, cache_control: { type: 'ephemeral' } }];
  assert.equal(cacheMarks(chat([{ role: 'user', content: 'hi' }], { tools })).marked, true);
});

test('breakpoints only: a prefix is cut where a message (or its last part) is marked, never elsewhere', () => {
  const user = { role: 'user', content: 'question one' };
  const unmarked = chat([system(), user]);
  const marked = chat([system({ cache_control: { type: 'ephemeral' } }), user]);
  assert.ok(cachePrefixes('/v1/chat/completions', unmarked, 'o200k_base', count(unmarked)).length > 0, 'OpenAI-style cuts see the system prompt');
  assert.deepEqual(cachePrefixes('/v1/chat/completions', unmarked, 'o200k_base', count(unmarked), { breakpointsOnly: true }), []);
  const cuts = cachePrefixes('/v1/chat/completions', marked, 'o200k_base', count(marked), { breakpointsOnly: true });
  assert.equal(cuts.length, 1, 'the system message only');
  assert.ok(cuts[0].tokens < count(marked) && cuts[0].tokens > 5000);
  // A mark on an earlier part of a message cuts before that message: fewer cached tokens, never more.
  const early = chat([{ role: 'system', content: [{ type: 'text', text: longText, cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'tail' }] }, user]);
  assert.deepEqual(cachePrefixes('/v1/chat/completions', early, 'o200k_base', count(early), { breakpointsOnly: true }), []);
  // The same marked prefix hashes alike across requests with other rows.
  const other = chat([system({ cache_control: { type: 'ephemeral' } }), { role: 'user', content: 'another question' }]);
  assert.equal(cachePrefixes('/v1/chat/completions', other, 'o200k_base', count(other), { breakpointsOnly: true })[0].hash, cuts[0].hash);
});

test('a minimum above the shared prefix finds nothing', () => {
  const body = chat([system(), { role: 'user', content: 'q' }], { model: 'gemini-3.8-flash' });
  const n = count(body);
  assert.ok(cachePrefixes('/v1/chat/completions', body, 'o200k_base', n, { minTokens: 1024 }).length > 0);
  assert.deepEqual(cachePrefixes('/v1/chat/completions', body, 'o200k_base', n, { minTokens: n + 1 }), []);
});
