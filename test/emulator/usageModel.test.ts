// The emulator's usage model: answer lengths that vary around a per-shape mean, reasoning tokens, prompt caching
// (cached and written tokens), the Batch object's usage, and the echoed service tier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatEmulation } from '../../src/emulator/answers/chat.ts';
import { completionsEmulation } from '../../src/emulator/answers/completions.ts';
import { responsesEmulation } from '../../src/emulator/answers/responses.ts';
import { WORDS } from '../../src/emulator/answers/text.ts';
import type { AnswerContext } from '../../src/emulator/answers/index.ts';
import { ModelCatalog } from '../../src/emulator/modelTraits.ts';
import { PromptCache } from '../../src/emulator/promptCache.ts';
import { findCatalogKey, loadCatalog, type Catalog } from '../../src/pricing/index.ts';
import { countText } from '../../src/tokens/index.ts';
import { createBatch, fastEmulator, jsonl, pollBatch, readLines } from './helpers.ts';

const BOUND = { timeout: 30_000 };

/** A catalog of the fields the emulator reads, so these tests do not depend on the bundled one's current state. */
function entry(fields: { reasoning: boolean; cached_input: number | null; batch_cached_input: number | null; cache_write: number | null }) {
  return { input: 1, output: 4, batch_input: 0.5, batch_output: 2, flex: null, snapshots: [], endpoints: [], ...fields };
}
const TEST_CATALOG = {
  as_of: '2026-10-01',
  source: 'test',
  models: {
    // A reasoning model that caches in batch too (the gpt-5 family's rows).
    'gpt-5-mini': entry({ reasoning: true, cached_input: 0.025, batch_cached_input: 0.0125, cache_write: null }),
    // A model whose Batch row shows "-" for cached input (gpt-4o-mini's).
    'gpt-4o-mini': entry({ reasoning: false, cached_input: 0.075, batch_cached_input: null, cache_write: null }),
    // A model without prompt caching at all (gpt-3.5-turbo's "-").
    'gpt-3.5-turbo': entry({ reasoning: false, cached_input: null, batch_cached_input: null, cache_write: null }),
    // GPT-5.6 and later bill cache writes.
    'gpt-5.6-luna': entry({ reasoning: true, cached_input: 0.02, batch_cached_input: 0.01, cache_write: 0.25 }),
  },
} as unknown as Catalog;
const models = new ModelCatalog(TEST_CATALOG);

function ctx(seed: number, extra: Partial<AnswerContext> = {}): AnswerContext {
  return { seed, now: 0, models, ...extra };
}

/** A system prompt of about `tokens` tokens, different for each `tag`. */
function systemPrompt(tag: string, tokens: number): string {
  const sentence = `Rule ${tag}: answer the question about the data carefully and cite the row. `;
  return sentence.repeat(Math.ceil(tokens / countText(sentence, 'o200k_base')));
}

function chatBody(system: string, user: string, extra: Record<string, unknown> = {}) {
  return { model: 'gpt-4o-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: user }], ...extra };
}

function completionTokens(body: Record<string, unknown>, seed: number, c: AnswerContext = ctx(seed)): number {
  return (chatEmulation.answer(body, c).body.usage as { completion_tokens: number }).completion_tokens;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

test('every answer word is one token in both encodings, so lengths are hit exactly', () => {
  for (const w of WORDS) {
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    for (const piece of [` ${w}`, cap, ` ${cap}`]) {
      assert.equal(countText(piece, 'o200k_base'), 1, piece);
      assert.equal(countText(piece, 'cl100k_base'), 1, piece);
    }
  }
});

test('lengths are deterministic for a seed and vary from request to request', BOUND, () => {
  const system = 'You summarise customer reviews in one paragraph.';
  const lengths = Array.from({ length: 100 }, (_, i) => completionTokens(chatBody(system, `Review ${i}: fine product`), 7));
  const again = Array.from({ length: 100 }, (_, i) => completionTokens(chatBody(system, `Review ${i}: fine product`), 7));
  assert.deepEqual(again, lengths, 'same seed, same requests: same lengths');
  const otherSeed = Array.from({ length: 100 }, (_, i) => completionTokens(chatBody(system, `Review ${i}: fine product`), 8));
  assert.notDeepEqual(otherSeed, lengths, 'another seed: other lengths');

  assert.ok(new Set(lengths).size > 40, `lengths vary: ${new Set(lengths).size} distinct of 100`);
  const m = mean(lengths);
  const cv = Math.sqrt(mean(lengths.map((x) => (x - m) ** 2))) / m;
  assert.ok(cv > 0.2 && cv < 0.45, `coefficient of variation ~0.3, got ${cv.toFixed(3)}`);
  // The answer text really is that long.
  const a = chatEmulation.answer(chatBody(system, 'Review 1: fine product'), ctx(7)).body as any;
  assert.equal(countText(a.choices[0].message.content, 'o200k_base'), a.usage.completion_tokens);
});

test('two files of one shape (model + system prompt, other user rows) have means within a few %; other shapes differ', BOUND, () => {
  const system = systemPrompt('summaries', 60);
  for (const seed of [1, 2, 3]) {
    const first = Array.from({ length: 200 }, (_, i) => completionTokens(chatBody(system, `Row ${i} of file one`), seed));
    const second = Array.from({ length: 200 }, (_, i) => completionTokens(chatBody(system, `Entry ${i * 7}, file two`), seed));
    const ratio = mean(second) / mean(first);
    assert.ok(Math.abs(ratio - 1) < 0.08, `seed ${seed}: means ${mean(first).toFixed(1)} and ${mean(second).toFixed(1)}`);
    // A 50-row pilot predicts the full file within ~10%.
    const pilot = mean(second.slice(0, 50)) / mean(first);
    assert.ok(Math.abs(pilot - 1) < 0.15, `seed ${seed}: 50-row mean off by ${((pilot - 1) * 100).toFixed(1)}%`);
  }
  const shapeMean = (sys: string, model = 'gpt-4o-mini') =>
    mean(Array.from({ length: 100 }, (_, i) => completionTokens({ ...chatBody(sys, `Row ${i}`), model }, 1)));
  const a = shapeMean('You write one-line titles.');
  const b = shapeMean('You write detailed reports.');
  assert.ok(Math.abs(a / b - 1) > 0.1, `different system prompts, different means: ${a.toFixed(1)} vs ${b.toFixed(1)}`);
  const sameShapeOtherModel = shapeMean('You write one-line titles.', 'gpt-4.1');
  assert.notEqual(sameShapeOtherModel.toFixed(1), a.toFixed(1), 'the model scales the mean');
});

test('caps: max_completion_tokens, max_tokens, max_output_tokens and n are never exceeded', BOUND, () => {
  let cut = 0;
  for (let i = 0; i < 60; i++) {
    for (const model of ['gpt-4o-mini', 'gpt-5-mini']) {
      const cap = 5 + i * 3;
      const chat = chatEmulation.answer({ ...chatBody('Be brief.', `Q${i}`), model, max_completion_tokens: cap, n: 3 }, ctx(4)).body as any;
      assert.ok(chat.usage.completion_tokens <= cap * 3);
      for (const c of chat.choices) {
        assert.ok(countText(c.message.content, 'o200k_base') <= cap);
        if (c.finish_reason === 'length') cut++;
      }
      const legacy = chatEmulation.answer({ ...chatBody('Be brief.', `Q${i}`), model, max_tokens: cap }, ctx(4)).body as any;
      assert.ok(legacy.usage.completion_tokens <= cap);
      assert.ok(legacy.usage.completion_tokens_details.reasoning_tokens <= cap);
      const r = responsesEmulation.answer({ model, input: `Q${i}`, max_output_tokens: 16 + i * 3 }, ctx(4)).body as any;
      assert.ok(r.usage.output_tokens <= 16 + i * 3);
      assert.equal(r.status === 'incomplete', r.incomplete_details?.reason === 'max_output_tokens');
    }
  }
  assert.ok(cut > 0, 'small caps cut some answers (finish_reason length)');
  const legacy = completionsEmulation.answer({ model: 'gpt-3.5-turbo-instruct', prompt: ['a', 'b'], n: 2 }, ctx(4)).body as any;
  assert.ok(legacy.usage.completion_tokens <= 16 * 4, 'legacy completions: max_tokens defaults to 16 per choice');
});

test('reasoning models report reasoning tokens, scaled by effort, inside completion tokens and the cap', BOUND, () => {
  const body = (i: number, extra: Record<string, unknown> = {}) => ({ ...chatBody('You solve puzzles.', `Puzzle ${i}`), model: 'gpt-5-mini', ...extra });
  const reasoningAt = (effort: string | undefined) =>
    Array.from({ length: 60 }, (_, i) => {
      const u = (chatEmulation.answer(body(i, effort ? { reasoning_effort: effort } : {}), ctx(2)).body as any).usage;
      assert.ok(u.completion_tokens > u.completion_tokens_details.reasoning_tokens, 'visible tokens come on top');
      return u.completion_tokens_details.reasoning_tokens as number;
    });
  assert.deepEqual(reasoningAt('none'), Array(60).fill(0));
  assert.deepEqual(reasoningAt('minimal'), Array(60).fill(0));
  const low = mean(reasoningAt('low'));
  const medium = mean(reasoningAt(undefined));
  const high = mean(reasoningAt('high'));
  assert.ok(low > 0 && low < medium && medium < high, `low ${low}, medium (default) ${medium}, high ${high}`);
  // The visible answer does not depend on the effort; only the budget left for it does.
  const plain = (chatEmulation.answer(body(1, { reasoning_effort: 'minimal' }), ctx(2)).body as any).choices[0].message.content;
  const thought = (chatEmulation.answer(body(1, { reasoning_effort: 'high' }), ctx(2)).body as any).choices[0].message.content;
  assert.equal(thought, plain);

  // A budget smaller than the reasoning: all of it reasoning, no visible text, finish_reason length.
  const starved = chatEmulation.answer(body(3, { reasoning_effort: 'high', max_completion_tokens: 20 }), ctx(2)).body as any;
  assert.deepEqual(
    [starved.choices[0].message.content, starved.choices[0].finish_reason, starved.usage.completion_tokens, starved.usage.completion_tokens_details.reasoning_tokens],
    ['', 'length', 20, 20],
  );

  // Responses: output_tokens_details, a reasoning item before the message, the effort echoed.
  const r = responsesEmulation.answer({ model: 'gpt-5-mini', input: 'Puzzle 1', reasoning: { effort: 'low' } }, ctx(2)).body as any;
  assert.ok(r.usage.output_tokens_details.reasoning_tokens > 0);
  assert.ok(r.usage.output_tokens > r.usage.output_tokens_details.reasoning_tokens);
  assert.deepEqual(r.output.map((o: any) => o.type), ['reasoning', 'message']);
  assert.equal(r.reasoning.effort, 'low');
  const cutR = responsesEmulation.answer({ model: 'gpt-5-mini', input: 'Puzzle 1', reasoning: { effort: 'high' }, max_output_tokens: 16 }, ctx(2)).body as any;
  assert.deepEqual([cutR.status, cutR.output.map((o: any) => o.type), cutR.usage.output_tokens], ['incomplete', ['reasoning'], 16]);

  // A model that does not reason (or one the catalog does not know) reports none, whatever the request asks.
  for (const model of ['gpt-4o-mini', 'my-own-model']) {
    const u = (chatEmulation.answer({ ...body(1, { reasoning_effort: 'high' }), model }, ctx(2)).body as any).usage;
    assert.equal(u.completion_tokens_details.reasoning_tokens, 0, model);
  }
  assert.throws(() => chatEmulation.check(body(1, { reasoning_effort: 'extreme' })), /Invalid value: 'extreme'/);
});

test('the bundled catalog decides which models reason', BOUND, (t) => {
  let catalog: Catalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    t.skip(`the bundled catalog does not load right now: ${String(err).slice(0, 120)}`);
    return;
  }
  const key = findCatalogKey(catalog, 'gpt-5-mini');
  if (key === null || catalog.models[key].reasoning !== true) {
    t.skip('the bundled catalog has no reasoning gpt-5-mini');
    return;
  }
  const u = (chatEmulation.answer({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] }, { seed: 1, now: 0 }).body as any).usage;
  assert.ok(u.completion_tokens_details.reasoning_tokens > 0);
});

test('prompt caching: the second request sharing a 2,000-token system prompt reports cached tokens in 128-token steps', BOUND, async () => {
  const { emulator, client } = await fastEmulator({ seed: 3, catalog: TEST_CATALOG });
  try {
    const system = systemPrompt('cache', 2000);
    const ask = (user: string, model = 'gpt-4o-mini') =>
      client.chat.completions.create({ model, messages: [{ role: 'system', content: system }, { role: 'user', content: user }] });
    const first = await ask('First question?');
    assert.equal(first.usage!.prompt_tokens_details!.cached_tokens, 0, 'nothing seen before');
    const second = await ask('A second, different question?');
    const cached = second.usage!.prompt_tokens_details!.cached_tokens!;
    assert.ok(cached >= 1024 && cached % 128 === 0, `cached ${cached}`);
    assert.ok(cached <= second.usage!.prompt_tokens && cached > second.usage!.prompt_tokens - 256, `${cached} of ${second.usage!.prompt_tokens}`);
    assert.equal((second.usage!.prompt_tokens_details as any).cache_write_tokens, undefined, 'only GPT-5.6+ report cache writes');

    // The same prefix on another model is not cached; a model without caching never reports any.
    assert.equal((await ask('Third?', 'gpt-5-mini')).usage!.prompt_tokens_details!.cached_tokens, 0);
    await ask('Warm', 'gpt-3.5-turbo');
    assert.equal((await ask('Again', 'gpt-3.5-turbo')).usage!.prompt_tokens_details!.cached_tokens, 0);
    // A short prompt is never cached, however often it is sent.
    const short = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Short prompt' }] };
    await client.chat.completions.create(short);
    assert.equal((await client.chat.completions.create(short)).usage!.prompt_tokens_details!.cached_tokens, 0);

    // Responses: instructions are the shared prefix.
    const r1 = await client.responses.create({ model: 'gpt-4o-mini', instructions: system, input: 'One' });
    const r2 = await client.responses.create({ model: 'gpt-4o-mini', instructions: system, input: 'Two' });
    assert.equal(r1.usage!.input_tokens_details.cached_tokens, 0);
    assert.ok(r2.usage!.input_tokens_details.cached_tokens >= 1024 && r2.usage!.input_tokens_details.cached_tokens % 128 === 0);
  } finally {
    await emulator.close();
  }
});

test('cache writes: a GPT-5.6 model reports cache_write_tokens the first time, cached_tokens after', BOUND, () => {
  const cache = new PromptCache();
  const system = systemPrompt('write', 2000);
  const body = (user: string) => ({ model: 'gpt-5.6-luna', messages: [{ role: 'system', content: system }, { role: 'user', content: user }] });
  const first = (chatEmulation.answer(body('One'), ctx(1, { cache })).body as any).usage;
  assert.equal(first.prompt_tokens_details.cached_tokens, 0);
  const written = first.prompt_tokens_details.cache_write_tokens;
  assert.ok(written >= 1024 && written % 128 === 0 && written <= first.prompt_tokens, `written ${written}`);
  const second = (chatEmulation.answer(body('Two'), ctx(1, { cache })).body as any).usage;
  assert.ok(second.prompt_tokens_details.cached_tokens >= 1024);
  // Only the part after the shared prefix is new; cached + written never exceed the prompt.
  assert.ok(second.prompt_tokens_details.cache_write_tokens < 256);
  assert.ok(second.prompt_tokens_details.cached_tokens + second.prompt_tokens_details.cache_write_tokens <= second.prompt_tokens);
  const r = (responsesEmulation.answer({ model: 'gpt-5.6-luna', instructions: system, input: 'Three' }, ctx(1, { cache })).body as any).usage;
  assert.equal(typeof r.input_tokens_details.cache_write_tokens, 'number');
});

test('cache writes with the bundled catalog, when it lists a GPT-5.6 model with a cache-write price', BOUND, (t) => {
  let catalog: Catalog;
  try {
    catalog = loadCatalog();
  } catch (err) {
    t.skip(`the bundled catalog does not load right now: ${String(err).slice(0, 120)}`);
    return;
  }
  const model = Object.keys(catalog.models).find(
    (k) => k.startsWith('gpt-5.6') && (catalog.models[k] as unknown as { cache_write?: number | null }).cache_write != null,
  );
  if (!model) {
    t.skip('no gpt-5.6 entry with cache_write in the bundled catalog yet');
    return;
  }
  const cache = new PromptCache();
  const body = { model, messages: [{ role: 'system', content: systemPrompt('bundled', 1500) }, { role: 'user', content: 'Hi' }] };
  const u = (chatEmulation.answer(body, { seed: 1, now: 0, cache }).body as any).usage;
  assert.ok(u.prompt_tokens_details.cache_write_tokens >= 1024);
});

test('the prompt cache is a bounded LRU, and entries expire after their TTL', () => {
  let now = 0;
  const cache = new PromptCache(20, () => now);
  const prompt = (tag: string, blocks: number) => Array.from({ length: blocks }, (_, k) => `${tag}-${k}`);
  assert.equal(cache.use(prompt('a', 10), 1000), 0);
  assert.equal(cache.use(prompt('a', 12), 1000), 10, 'the longest prefix seen before');
  assert.equal(cache.use(prompt('a', 5), 1000), 0, 'under 1,024 tokens nothing is cached');
  assert.equal(cache.size, 5, 'only prefixes of 8 blocks (1,024 tokens) and more are kept');
  for (let i = 0; i < 10; i++) cache.use(prompt(`b${i}`, 10), 1000);
  assert.ok(cache.size <= 20);
  assert.equal(cache.use(prompt('a', 12), 1000), 0, 'the least recently used prefixes were evicted');
  now = 500;
  assert.equal(cache.use(prompt('b9', 10), 1000), 10);
  now = 2000;
  assert.equal(cache.use(prompt('b9', 10), 1000), 0, 'expired');
});

test('batch: usage is the sum of its lines (reasoning and cached tokens included), and model is the lines\' model', BOUND, async () => {
  const { emulator, client } = await fastEmulator({ seed: 6, catalog: TEST_CATALOG });
  try {
    const system = systemPrompt('batch', 1500);
    const lines = (model: string) =>
      Array.from({ length: 40 }, (_, i) => ({
        custom_id: `r${i}`,
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model, messages: [{ role: 'system', content: system }, { role: 'user', content: `Row ${i}` }], max_completion_tokens: 2000 },
      }));
    for (const [model, cachesInBatch] of [['gpt-5-mini', true], ['gpt-4o-mini', false]] as const) {
      const created = await createBatch(client, jsonl(lines(model)));
      const { batch } = await pollBatch(client, created.id, undefined, 20_000);
      assert.equal(batch.status, 'completed');
      assert.equal(batch.model, model);
      const out = await readLines(client, batch.output_file_id);
      assert.equal(out.length, 40);
      const usages = out.map((l) => l.response!.body.usage);
      const sum = (f: (u: any) => number) => usages.reduce((s, u) => s + f(u), 0);
      const input = sum((u) => u.prompt_tokens);
      const output = sum((u) => u.completion_tokens);
      assert.deepEqual(batch.usage, {
        input_tokens: input,
        input_tokens_details: { cached_tokens: sum((u) => u.prompt_tokens_details.cached_tokens) },
        output_tokens: output,
        output_tokens_details: { reasoning_tokens: sum((u) => u.completion_tokens_details.reasoning_tokens) },
        total_tokens: input + output,
      });
      const cached = batch.usage!.input_tokens_details.cached_tokens;
      if (cachesInBatch) {
        // Every line after the first reads the shared system prompt from the cache.
        assert.ok(cached >= 39 * 1024, `${model}: cached ${cached}`);
        assert.ok(batch.usage!.output_tokens_details.reasoning_tokens > 0);
      } else {
        assert.equal(cached, 0, `${model}: no cached-input price in the Batch table, so no batch cache hits`);
        assert.equal(batch.usage!.output_tokens_details.reasoning_tokens, 0);
      }
    }
  } finally {
    await emulator.close();
  }
});

test('service_tier is echoed: priority and fast answer priority, flex answers flex, anything else default', BOUND, async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const tiers: [string | undefined, string][] = [['priority', 'priority'], ['fast', 'priority'], ['flex', 'flex'], ['auto', 'default'], ['default', 'default'], [undefined, 'default']];
    for (const [sent, echoed] of tiers) {
      const extra = sent === undefined ? {} : { service_tier: sent as never };
      assert.equal((await client.chat.completions.create({ model: 'gpt-5-mini', messages, ...extra })).service_tier, echoed, `chat ${sent}`);
      assert.equal((await client.responses.create({ model: 'gpt-5-mini', input: 'hi', ...extra })).service_tier, echoed, `responses ${sent}`);
    }
  } finally {
    await emulator.close();
  }
});
