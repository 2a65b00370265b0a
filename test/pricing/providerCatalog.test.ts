// providerCatalog: the catalog a run prices with, by --provider. Anthropic's and Gemini's are their entries of
// data/providers.json as an ordinary Catalog (resolvePricing, usageCostUsd and lifecycleOf work on them unchanged),
// with a user's pricing file laid over them; another provider's model is an error that names the flag to use.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  lifecycleOf, loadCatalog, loadProviderCatalog, modelOwner, openaiCatalogOf, PricingError, providerCatalog, resolvePricing, usageCostUsd,
} from '../../src/pricing/index.ts';

const base = loadCatalog();
const providers = loadProviderCatalog();
const dir = mkdtempSync(join(tmpdir(), 'batchwise-provider-catalog-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pricingFile(content: unknown): string {
  const path = join(dir, `pricing-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

function rejects(catalog: ReturnType<typeof loadCatalog>, model: string, message: RegExp): void {
  assert.throws(() => resolvePricing(catalog, model), (err: unknown) => {
    assert.ok(err instanceof PricingError, String(err));
    assert.equal(err.model, model);
    assert.match(err.message, message);
    return true;
  });
}

test('openai gets its catalog back unchanged; azure the same prices, labelled Azure, with the Azure note', () => {
  assert.equal(providerCatalog('openai', base), base);
  const azure = providerCatalog('azure', base);
  assert.equal(azure.provider, 'azure');
  assert.equal(azure.models, base.models, 'the very same entries: Azure Global Batch bills OpenAI list prices');
  assert.deepEqual(resolvePricing(azure, 'gpt-4o-mini'), resolvePricing(base, 'gpt-4o-mini'));
  assert.ok(azure.notes!.some((n) => /Azure/.test(n) && /Global Batch price is 50%/.test(n) && /Retail Prices API/.test(n)));
});

test("anthropic and gemini: exactly that provider's entries of data/providers.json, at their prices", () => {
  for (const provider of ['anthropic', 'gemini'] as const) {
    const c = providerCatalog(provider, base);
    assert.equal(c.provider, provider);
    const expected = Object.entries(providers.models).filter(([, e]) => e.provider === provider).map(([k]) => k);
    assert.deepEqual(Object.keys(c.models).sort(), expected.sort());
    assert.match(c.source, provider === 'anthropic' ? /platform\.claude\.com/ : /ai\.google\.dev/);
    assert.equal(c.as_of, '2026-12-01');
    for (const [name, e] of Object.entries(c.models)) {
      assert.equal((e as unknown as Record<string, unknown>).provider, undefined, `${name}: a plain PriceEntry`);
      assert.equal(e.input, providers.models[name].input);
      assert.equal(e.batch_cached_input, providers.models[name].batch_cached_input);
    }
  }
  const claude = providerCatalog('anthropic', base);
  const haiku = resolvePricing(claude, 'claude-haiku-4-5-20251001');
  assert.equal(haiku.model, 'claude-haiku-4-5', 'a listed snapshot resolves to its entry');
  // Anthropic: a batch halves every rate, cache reads and 5-minute writes included.
  assert.deepEqual(haiku.sync, { input: 1, cached_input: 0.1, cache_write: 1.25, output: 5 });
  assert.deepEqual(haiku.batch, { input: 0.5, cached_input: 0.05, cache_write: 0.625, output: 2.5 });
  // Gemini: a batch's cache hits bill at the standard cached rate, and there is no write premium.
  const flash = resolvePricing(providerCatalog('gemini', base), 'gemini-3.8-flash');
  assert.deepEqual(flash.sync, { input: 0.75, cached_input: 0.075, output: 3.75 });
  assert.deepEqual(flash.batch, { input: 0.375, cached_input: 0.075, output: 1.875 });
});

test('the ledger prices provider usage through the same catalog: cache reads, writes and the batch discount', () => {
  const haiku = resolvePricing(providerCatalog('anthropic', base), 'claude-haiku-4-5');
  // What the Anthropic adapter reports in OpenAI's shape: prompt_tokens = input + cache read + cache creation.
  const usage = { prompt_tokens: 10_000, prompt_tokens_details: { cached_tokens: 6_000, cache_write_tokens: 3_000 }, completion_tokens: 500 };
  const batch = (1_000 * 0.5 + 6_000 * 0.05 + 3_000 * 0.625 + 500 * 2.5) / 1e6;
  assert.ok(Math.abs(usageCostUsd(usage, haiku, 'batch')! - batch) < 1e-12);
  assert.ok(Math.abs(usageCostUsd(usage, haiku, 'sync')! - batch * 2) < 1e-12);
  assert.equal(usageCostUsd(usage, haiku, 'flex'), null, 'no flex modelled');
  // Haiku 5.5 bills every token of a prompt above 100,000 (cache included) at 5x.
  const h55 = resolvePricing(providerCatalog('anthropic', base), 'claude-haiku-5-5');
  const long = { prompt_tokens: 120_000, prompt_tokens_details: { cached_tokens: 100_000 }, completion_tokens: 1_000 };
  assert.ok(Math.abs(usageCostUsd(long, h55, 'sync')! - (20_000 * 0.5 + 100_000 * 0.05 + 1_000 * 2.5) / 1e6) < 1e-12);
});

test('another provider\'s model names the --provider to use, under every provider', () => {
  rejects(base, 'claude-haiku-4-5', /^"claude-haiku-4-5" is an Anthropic model: use --provider anthropic \(or, if an OpenAI-compatible endpoint serves it, give its price with --pricing FILE\)$/);
  rejects(base, 'gemini-3.8-flash', /^"gemini-3.8-flash" is a Gemini model: use --provider gemini \(or/);
  rejects(base, 'claude-3-opus-20240229', /is an Anthropic model: use --provider anthropic; data\/providers\.json has no price for it either/);
  const claude = providerCatalog('anthropic', base);
  rejects(claude, 'gpt-4o-mini', /is an OpenAI model, and this run's provider is Anthropic: use --provider openai \(or azure\)/);
  rejects(claude, 'gemini-3.8-flash', /is a Gemini model, and this run's provider is Anthropic: use --provider gemini/);
  rejects(providerCatalog('gemini', base), 'claude-sonnet-5-5', /Anthropic model, and this run's provider is Gemini: use --provider anthropic/);
  rejects(providerCatalog('azure', base), 'claude-sonnet-5-5', /Anthropic model, and this run's provider is Azure OpenAI/);
  // A name of the provider's family it does not list: no long-tail price, the known models and how to add one.
  rejects(claude, 'claude-opus-9', /No price for model "claude-opus-9" among Anthropic's models in data\/providers\.json[\s\S]*claude-haiku-4-5[\s\S]*--pricing FILE/);
  rejects(providerCatalog('gemini', base), 'Gemini-3.8-Flash', /Did you mean "gemini-3\.8-flash"\?/);
  // Names that follow no provider's rules keep the OpenAI catalog's own message.
  assert.equal(modelOwner('my-local-llama'), null);
  rejects(base, 'my-local-llama', /No price for model "my-local-llama" in the pricing catalog/);
});

test("a user's pricing file wins for the models it names, field by field, in the provider's catalog too", () => {
  const path = pricingFile({
    source: 'https://example.com/contract',
    as_of: '2026-11-20',
    models: {
      'claude-haiku-4-5': { input: 0.9, batch_input: 0.45 },
      'claude-opus-6': { input: 6, output: 30 },
      'gpt-4o': { input: 2 },
      'gemini-3.8-flash': { output: 3 },
      'house-model': { input: 1, output: 2 },
    },
  });
  const user = loadCatalog(path);
  assert.equal(user.user_file!.file, path);
  const claude = providerCatalog('anthropic', user);
  const haiku = resolvePricing(claude, 'claude-haiku-4-5');
  assert.deepEqual(haiku.sync, { input: 0.9, cached_input: 0.1, cache_write: 1.25, output: 5 }, 'only the fields it names change');
  assert.equal(haiku.batch.input, 0.45);
  assert.equal(haiku.origin, 'user');
  assert.equal(haiku.source, 'https://example.com/contract');
  assert.equal(claude.overrides, path);
  // A new model of the family, and a name that is nobody's in particular, are the user's to price.
  assert.deepEqual(resolvePricing(claude, 'claude-opus-6').batch, { input: 3, cached_input: null, output: 15 });
  assert.equal(resolvePricing(claude, 'house-model').sync.input, 1);
  // Another provider's names stay out: gpt-4o is OpenAI's, gemini-3.8-flash Gemini's.
  rejects(claude, 'gpt-4o', /OpenAI model/);
  rejects(claude, 'gemini-3.8-flash', /Gemini model/);
  assert.equal(resolvePricing(providerCatalog('gemini', user), 'gemini-3.8-flash').sync.output, 3);
  // With the default provider a complete user entry for a Claude model prices it (an OpenAI-compatible proxy may
  // serve it); a partial one is an override of Anthropic's entry, so the OpenAI catalog leaves it out.
  assert.equal(resolvePricing(user, 'claude-opus-6').sync.input, 6);
  rejects(user, 'claude-haiku-4-5', /is an Anthropic model: use --provider anthropic/);
  // --compare azure/<model> under another provider still prices at OpenAI's catalog with the same file.
  const openai = openaiCatalogOf(claude);
  assert.equal(resolvePricing(openai, 'gpt-4o').sync.input, 2);
  assert.equal(openaiCatalogOf(user), user);
});

test('--strict-pricing carries over to the provider catalogs', () => {
  assert.equal(providerCatalog('anthropic', loadCatalog(undefined, { strict: true })).strict, true);
  assert.equal(providerCatalog('gemini', base).strict, undefined);
});

test('gemini-2.5-pro and gemini-2.5-flash are shut down on 2026-12-01, with the replacement Google names', () => {
  const gemini = providerCatalog('gemini', base);
  const today = new Date('2026-12-01T09:00:00Z');
  const pro = lifecycleOf('gemini-2.5-pro', resolvePricing(gemini, 'gemini-2.5-pro'), today, 'gemini');
  assert.equal(pro?.status, 'shut_down');
  assert.equal(pro?.message, 'gemini-2.5-pro was shut down on 2026-12-01; Google recommends gemini-3.8-flash instead');
  const flash = lifecycleOf('gemini-2.5-flash', resolvePricing(gemini, 'gemini-2.5-flash'), today, 'gemini');
  assert.deepEqual([flash?.status, flash?.replacement], ['shut_down', 'gemini-3.5-flash-lite']);
  // The day before, still a warning; Flash-Lite is not deprecated.
  assert.equal(lifecycleOf('gemini-2.5-pro', resolvePricing(gemini, 'gemini-2.5-pro'), new Date('2026-11-30T09:00:00Z'), 'gemini')?.status, 'shutting_down');
  assert.equal(lifecycleOf('gemini-2.5-flash-lite', resolvePricing(gemini, 'gemini-2.5-flash-lite'), today, 'gemini'), null);
  // Azure's catalog carries OpenAI's dates, and says whose they are.
  const azure = lifecycleOf('gpt-x', { shutdown: '2026-11-01', replacement: 'gpt-y' }, today, 'azure');
  assert.match(azure!.message, /OpenAI's date: Azure retires its deployments on its own schedule\); OpenAI recommends gpt-y/);
});
