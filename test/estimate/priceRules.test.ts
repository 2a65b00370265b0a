// Today's price rules in the estimate, each on its own: long context per request, prompt-cache hits and writes,
// regional processing, priority, lifecycle and the long tail. Figures are worked out by hand from the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog, resolvePricing } from '../../src/pricing/index.ts';
import { RequestFileError } from '../../src/requests/types.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const NOW = new Date('2026-12-01T12:00:00Z');
const estimate = (lines: object[], extra: Record<string, unknown> = {}) => estimateFile(writeJsonl(lines), { catalog, now: NOW, detail: true, ...extra });
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('long context: only the request over 272K input tokens bills at 2× input and 1.5× output, in every mode', async () => {
  const long = 'hello '.repeat(280_000);
  const e = await estimate([
    chatLine('long', long, { max_completion_tokens: 1000 }, 'gpt-5.5'),
    chatLine('short', 'hello', { max_completion_tokens: 1000 }, 'gpt-5.5'),
  ]);
  const [a, b] = e.items!;
  assert.ok(a.input_tokens > 272_000, `${a.input_tokens}`);
  assert.equal(a.long_context, true);
  assert.equal(b.long_context, false);
  const p = resolvePricing(catalog, 'gpt-5.5');
  close(a.cost.sync.max, (a.input_tokens * p.sync.input * 2 + 1000 * p.sync.output * 1.5) / 1e6, 'long sync max');
  close(a.cost.batch.max, (a.input_tokens * p.batch.input * 2 + 1000 * p.batch.output * 1.5) / 1e6, 'long batch max');
  close(a.cost.priority!.max, (a.input_tokens * p.priority!.input * 2 + 1000 * p.priority!.output * 1.5) / 1e6, 'long priority max');
  close(b.cost.sync.max, (b.input_tokens * p.sync.input + 1000 * p.sync.output) / 1e6, 'short sync max');
  assert.equal(e.models[0].long_context_requests, 1);
  assert.ok(e.notes.some((n) => /over the long-context threshold/.test(n)));
  // A model without the tier bills the same long request at its one rate.
  const mini = await estimate([chatLine('long', long, { max_completion_tokens: 1000 }, 'gpt-5.4-mini')]);
  const m = resolvePricing(catalog, 'gpt-5.4-mini');
  assert.equal(mini.items![0].long_context, false);
  close(mini.items![0].cost.sync.max, (mini.items![0].input_tokens * m.sync.input + 1000 * m.sync.output) / 1e6, 'mini');
});

test('prompt caching: a 2,000-token shared system prompt is cached after the first request; max assumes no hits', async () => {
  const system = 'You grade answers strictly and explain why in one sentence. '.repeat(180);
  const lines = Array.from({ length: 20 }, (_, i) => ({
    custom_id: `r${i}`, method: 'POST', url: '/v1/chat/completions',
    body: { model: 'gpt-5.4-mini', messages: [{ role: 'system', content: system }, { role: 'user', content: `answer number ${i}` }], max_completion_tokens: 100 },
  }));
  const e = await estimate(lines);
  const m = e.models[0];
  assert.ok(m.cache, 'a cache estimate');
  assert.equal(m.cache.requests_with_shared_prefix, 19, 'every request after the first');
  const prefix = e.items![1].input_tokens - 3 - 8; // system message (+ its 3 framing tokens) without the user message
  assert.ok(prefix >= 1024, `${prefix}`);
  // Pre-5.6 models report cached tokens in 128-token steps; the expected figure takes 80% of the possible hits.
  const possible = Math.floor((e.items![1].input_tokens - 3 - (e.items![1].input_tokens - e.items![0].input_tokens)) / 128) * 128;
  assert.ok(possible > 0);
  assert.ok(m.cache.cached_input_tokens.sync > 0 && m.cache.cached_input_tokens.sync % 1 === 0);
  assert.equal(m.cache.cached_input_tokens.batch, m.cache.cached_input_tokens.sync, 'batch has a cached rate on gpt-5.4-mini');
  assert.ok(e.cost.sync.expected < e.cost_without_cache.sync.expected, 'caching lowers the expected sync cost');
  close(e.cost.sync.max, e.cost_without_cache.sync.max, 'max stays without cache hits');
  assert.equal(e.items![0].cached_input_tokens, 0, 'the first request cannot hit');
  // On gpt-4.1 batch has no cached rate: no cached batch tokens, yet sync and priority have them.
  const g41 = await estimate(lines.map((l) => ({ ...l, body: { ...l.body, model: 'gpt-4.1' } })));
  assert.equal(g41.models[0].cache!.cached_input_tokens.batch, 0);
  assert.ok(g41.models[0].cache!.cached_input_tokens.priority > 0);
});

test('cache writes on GPT-5.6 and later: the first request writes its prefix at 1.25× input, and the worst case writes on every request', async () => {
  const system = 'Classify the sentiment of the review as positive, negative or mixed. '.repeat(160);
  const lines = Array.from({ length: 10 }, (_, i) => ({
    custom_id: `r${i}`, method: 'POST', url: '/v1/responses',
    body: { model: 'gpt-5.6-terra', instructions: system, input: `review ${i}`, max_output_tokens: 50 },
  }));
  const e = await estimate(lines);
  const c = e.models[0].cache!;
  assert.ok(c.cache_write_tokens > 0);
  const p = resolvePricing(catalog, 'gpt-5.6-terra');
  assert.equal(p.sync.cache_write, 2.5);
  // Without hits every request writes: the no-cache expected is above the plain uncached price of the same tokens.
  const plain = e.items!.reduce((n, it) => n + (it.input_tokens * p.sync.input + it.output_tokens.expected * p.sync.output) / 1e6, 0);
  assert.ok(e.cost_without_cache.sync.expected > plain);
  assert.ok(e.cost.sync.expected < plain, 'with hits the file is cheaper than uncached');
});

test('regional processing: +10% on models released since 2026-03-05, nothing on older ones', async () => {
  const lines = [chatLine('a', 'hello there', { max_completion_tokens: 100 }, 'gpt-5.5'), chatLine('b', 'hello there', { max_tokens: 100 }, 'gpt-4o')];
  const plain = await estimate(lines);
  const region = await estimate(lines, { region: true });
  close(region.models[0].cost.sync.max, plain.models[0].cost.sync.max * 1.1, 'gpt-5.5 uplift');
  close(region.models[0].cost.batch.max, plain.models[0].cost.batch.max * 1.1, 'gpt-5.5 batch uplift');
  close(region.models[1].cost.sync.max, plain.models[1].cost.sync.max, 'gpt-4o has none');
  assert.equal(region.pricing.region, true);
});

test('priority is priced beside the other modes and null where the model has none; never recommended', async () => {
  const e = await estimate([chatLine('a', 'hi', { max_completion_tokens: 100 }, 'gpt-5.5'), chatLine('b', 'hi', { max_completion_tokens: 100 }, 'gpt-5-nano')]);
  const [g55, nano] = e.models;
  const p = resolvePricing(catalog, 'gpt-5.5').priority!;
  close(g55.cost.priority!.max, (e.items![0].input_tokens * p.input + 100 * p.output) / 1e6, 'gpt-5.5 priority');
  assert.equal(nano.cost.priority, null);
  close(e.cost.priority!.max, g55.cost.priority!.max + nano.cost.sync.max, 'the total runs nano at the standard tier');
  assert.notEqual(e.recommendation.mode, 'priority');
});

test('lifecycle: a shut-down model is priced with a warning naming the replacement; one shutting down soon too', async () => {
  const e = await estimate([chatLine('a', 'hi', { max_tokens: 10 }, 'o4-mini'), chatLine('b', 'hi', { max_completion_tokens: 10 }, 'gpt-5-mini')]);
  const dead = e.lifecycle.find((l) => l.model === 'o4-mini')!;
  assert.equal(dead.status, 'shut_down');
  assert.match(dead.message, /o4-mini was shut down on 2026-10-23; OpenAI recommends gpt-5\.6-terra instead/);
  const soon = e.lifecycle.find((l) => l.model === 'gpt-5-mini')!;
  assert.equal(soon.status, 'shutting_down');
  assert.equal(soon.days, 10);
  assert.ok(e.cost.sync.max > 0, 'still priced');
  // The same file a year earlier warns of nothing: the clock is injected, not read.
  const then = await estimateFile(writeJsonl([chatLine('a', 'hi', { max_completion_tokens: 10 }, 'gpt-5-mini')]), { catalog, now: new Date('2025-12-01') });
  assert.deepEqual(then.lifecycle, []);
});

test('the long tail: a model the catalog lacks is priced from @pydantic/genai-prices, labelled derived; --strict-pricing refuses it', async () => {
  const lines = [chatLine('a', 'hi', { max_tokens: 100 }, 'gpt-4.5-preview')];
  const e = await estimate(lines);
  assert.equal(e.models[0].price_origin, 'derived');
  assert.deepEqual(e.pricing.derived_models, ['gpt-4.5-preview']);
  assert.ok(e.notes.some((n) => /not in the catalog.*derived from @pydantic\/genai-prices, batch at 50%/.test(n)));
  close(e.models[0].cost.batch.max, e.models[0].cost.sync.max / 2, 'batch at 50%');
  assert.equal(e.models[0].cost.flex, null);
  await assert.rejects(
    estimateFile(writeJsonl(lines), { catalog: loadCatalog(undefined, { strict: true }), now: NOW }),
    (err: unknown) => err instanceof RequestFileError && /No price for model "gpt-4\.5-preview".*--strict-pricing/.test(err.message),
  );
  // A user's pricing entry always wins over the library (overrides.test.ts covers the file itself).
  const unknown = await estimate([chatLine('a', 'hi', { max_tokens: 100 }, 'gpt-nonexistent-9')]).catch((err: Error) => err);
  assert.ok(unknown instanceof RequestFileError);
});

test('images and video: priced per image and per second from the catalog; a line the catalog cannot price is a file:line error', async () => {
  const img = { custom_id: 'i1', method: 'POST', url: '/v1/images/generations', body: { model: 'gpt-image-2', prompt: 'a red fox', quality: 'medium', size: '1024x1024', n: 2 } };
  const e = await estimate([img]);
  const item = e.items![0];
  const p = resolvePricing(catalog, 'gpt-image-2');
  close(item.cost.sync.expected, 2 * 0.053 + (item.input_tokens * p.sync.input) / 1e6, 'two medium images and the prompt');
  close(item.cost.batch.expected, 2 * 0.0265 + (item.input_tokens * p.batch.input) / 1e6, 'batch');
  const tokenOnly = { ...img, body: { ...img.body, model: 'gpt-image-2.6-flare' } };
  await assert.rejects(estimate([img, tokenOnly]), (err: unknown) => err instanceof RequestFileError && /:2: .*no per-image or per-second price for gpt-image-2\.6-flare/.test(err.message));
});

test('cache figures never exceed the input, whatever history measured', async () => {
  const { PrefixTracker } = await import('../../src/estimate/cacheHits.ts');
  const t = new PrefixTracker();
  const prefixes = [{ hash: 'a', tokens: 1375 }];
  for (const measured of [null, { ratio: 0.92, write_ratio: 0.05 }, { ratio: 1, write_ratio: 1 }]) {
    for (let i = 0; i < 3; i++) {
      const c = t.next('gpt-6-luna', prefixes, 1378, { billsWrites: true }, measured);
      for (const [cached, written] of [[c.cached_low, c.write_low], [c.cached_expected, c.write_expected], [0, c.write_max]]) {
        assert.ok(cached + written <= 1378 + 1e-9, `${JSON.stringify(measured)}: ${cached} + ${written}`);
      }
    }
  }
});
