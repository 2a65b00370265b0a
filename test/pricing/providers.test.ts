// data/providers.json: other providers' prices for `estimate --compare`, checked by the pricing file parser and kept
// apart from OpenAI's catalog. Figures are those of the research of 2026-12-01 (/tmp/research/providers-catalog.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { findProviderModel, loadCatalog, loadProviderCatalog, parseProviderCatalog, PricingFileError, providerPricing } from '../../src/pricing/index.ts';

const providers = loadProviderCatalog();
const raw = JSON.parse(readFileSync(new URL('../../data/providers.json', import.meta.url), 'utf8'));

test('every entry is complete, dated the day it was checked, sourced from the provider and flagged approximate', () => {
  assert.equal(providers.as_of, '2026-12-01');
  assert.ok(Object.keys(providers.models).length >= 15);
  for (const [model, e] of Object.entries(providers.models)) {
    assert.ok(['anthropic', 'gemini'].includes(e.provider), model);
    assert.equal(e.tokenizer, 'approximate', model);
    assert.equal(e.as_of, '2026-12-01', model);
    assert.match(e.source, e.provider === 'anthropic' ? /^https:\/\/platform\.claude\.com\// : /^https:\/\/ai\.google\.dev\//, model);
    assert.match(e.note ?? '', /2026/, `${model}: the note names its capture`);
    assert.equal(e.flex, null, `${model}: only standard and batch are compared`);
    assert.equal(e.priority, null, model);
    assert.equal(e.encoding, undefined, `${model}: no OpenAI encoding`);
    assert.ok(e.max_output_tokens! > 0 && e.context_window! > 0, model);
  }
  // Azure has no per-model list: the rule is a catalog note (Global Batch = 50% of the deployment's Global Standard).
  assert.ok(!Object.values(providers.models).some((e) => e.provider === 'azure'));
  assert.ok(providers.notes!.some((n) => /Azure/.test(n) && /50% less cost than global standard/.test(n) && /OpenAI's list price/.test(n)));
});

test('prices match the research figures (USD per 1M tokens)', () => {
  const p = (m: string) => providers.models[m];
  // Anthropic: batch is 50% of every usage, cache reads and writes included.
  assert.deepEqual(
    [p('claude-haiku-4-5').input, p('claude-haiku-4-5').output, p('claude-haiku-4-5').batch_input, p('claude-haiku-4-5').batch_output],
    [1, 5, 0.5, 2.5],
  );
  assert.deepEqual([p('claude-haiku-4-5').cached_input, p('claude-haiku-4-5').cache_write, p('claude-haiku-4-5').batch_cached_input], [0.1, 1.25, 0.05]);
  assert.deepEqual([p('claude-sonnet-5-5').input, p('claude-sonnet-5-5').output, p('claude-sonnet-5-5').cached_input], [2, 10, 0.1]);
  assert.deepEqual([p('claude-opus-5-5').input, p('claude-opus-5-5').output, p('claude-opus-5-5').batch_output], [4, 20, 10]);
  assert.deepEqual([p('claude-sonnet-4-6').batch_input, p('claude-sonnet-4-6').batch_output, p('claude-sonnet-4-6').max_output_tokens], [1.5, 7.5, 64000]);
  // Haiku 5.5: prompts over 100,000 tokens bill every token at 5x.
  assert.deepEqual([p('claude-haiku-5-5').input, p('claude-haiku-5-5').output], [0.1, 0.5]);
  assert.deepEqual(p('claude-haiku-5-5').long_context, { above_input_tokens: 100000, input: 5, output: 5 });
  // Gemini: batch 50% of input and output, cache hits at the standard cached price, no write premium.
  const flash = p('gemini-3.8-flash');
  assert.deepEqual([flash.input, flash.output, flash.batch_input, flash.batch_output], [0.75, 3.75, 0.375, 1.875]);
  assert.deepEqual([flash.cached_input, flash.batch_cached_input, flash.cache_write, flash.batch_cache_write], [0.075, 0.075, null, null]);
  assert.deepEqual([p('gemini-4-carbon').input, p('gemini-4-carbon').output, p('gemini-4-carbon').cached_input], [4, 20, 0.2]);
  assert.deepEqual([p('gemini-3.5-flash-lite').input, p('gemini-3.5-flash-lite').output], [0.3, 2.5]);
  assert.deepEqual(p('gemini-3.1-pro-preview').long_context, { above_input_tokens: 200000, input: 2, output: 1.5 });
});

test('models shut down today carry their shutdown date and replacement', () => {
  assert.deepEqual([providers.models['gemini-2.5-flash'].shutdown, providers.models['gemini-2.5-flash'].replacement], ['2026-12-01', 'gemini-3.5-flash-lite']);
  assert.deepEqual([providers.models['gemini-2.5-pro'].shutdown, providers.models['gemini-2.5-pro'].replacement], ['2026-12-01', 'gemini-3.8-flash']);
  assert.equal(providers.models['gemini-2.5-flash-lite'].shutdown, null);
});

test('a listed snapshot resolves to its entry; the OpenAI catalog knows none of these models', () => {
  assert.equal(findProviderModel(providers, 'claude-haiku-4-5-20251001'), 'claude-haiku-4-5');
  const pricing = providerPricing(providers, 'claude-haiku-4-5-20251001')!;
  assert.deepEqual([pricing.provider, pricing.sync.input, pricing.batch.output, pricing.sync.cache_write], ['anthropic', 1, 2.5, 1.25]);
  assert.equal(providerPricing(providers, 'gpt-5.4-mini'), null);
  const openai = loadCatalog();
  for (const model of Object.keys(providers.models)) assert.ok(!Object.hasOwn(openai.models, model), `${model} stays out of data/pricing.json`);
});

test('the same parser checks every field; provider and tokenizer are checked too', () => {
  const withEntry = (change: (e: Record<string, unknown>) => void) => {
    const copy = structuredClone(raw);
    change(copy.models['claude-haiku-4-5']);
    return () => parseProviderCatalog(copy, 'providers.json');
  };
  const fails = (fn: () => unknown, field: string, reason: RegExp) =>
    assert.throws(fn, (err: unknown) => err instanceof PricingFileError && err.field === `models["claude-haiku-4-5"].${field}` && reason.test(err.message));
  fails(withEntry((e) => delete e.provider), 'provider', /must be one of anthropic, gemini, azure/);
  fails(withEntry((e) => (e.provider = 'openai')), 'provider', /must be one of/);
  fails(withEntry((e) => (e.tokenizer = 'exact')), 'tokenizer', /must be "approximate"/);
  fails(withEntry((e) => delete e.batch_output), 'batch_output', /is required/);
  fails(withEntry((e) => (e.output = -1)), 'output', /must be a number >= 0/);
  fails(withEntry((e) => (e.typo = 1)), 'typo', /unknown field/);
  // A copy is handed out each time: a caller cannot change the bundled prices.
  loadProviderCatalog().models['claude-haiku-4-5'].input = 99;
  assert.equal(loadProviderCatalog().models['claude-haiku-4-5'].input, 1);
});

test('bundled with esbuild, the providers catalog travels inside the bundle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'batchwise-providers-bundle-'));
  try {
    const outfile = join(dir, 'pricing.mjs');
    await build({
      entryPoints: [new URL('../../src/pricing/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      outfile,
      logLevel: 'silent',
    });
    assert.doesNotMatch(readFileSync(outfile, 'utf8'), /providers\.json['"]/, 'no runtime reference to the JSON file');
    const bundled = (await import(pathToFileURL(outfile).href)) as typeof import('../../src/pricing/index.ts');
    assert.equal(Object.keys(bundled.loadProviderCatalog().models).length, Object.keys(raw.models).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
