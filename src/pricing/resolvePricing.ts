// Model name → price. Exact names and listed snapshots only: a dated snapshot or a fine-tune can bill differently
// from its family (gpt-4o-2024-05-13 was $5/$15 while gpt-4o is $2.50/$10), so anything unlisted is an error.

import { quote } from '../shared/text.ts';
import { PricingError } from './errors.ts';
import { derivedEntry } from './longTail.ts';
import { bundledProviderPrices, modelOwner, PROVIDER_LABELS, servesModelsOf } from './modelOwner.ts';
import type { ModelOwner } from './modelOwner.ts';
import type { Catalog, CatalogProvider, ModelPricing, PriceEntry } from './types.ts';

const snapshotIndexes = new WeakMap<Record<string, PriceEntry>, Map<string, string>>();

/** The catalog key `model` bills as, or null. */
export function findCatalogKey(catalog: Catalog, model: string): string | null {
  if (Object.hasOwn(catalog.models, model)) return model;
  return snapshotIndex(catalog).get(model) ?? null;
}

const derivedCache = new WeakMap<Catalog, Map<string, ModelPricing | null>>();

/** Prices for a request's `model`: the catalog's (a user file's entries included); else, unless the catalog is strict,
 *  standard prices from the long-tail library with batch at 50%, labelled "derived". Throws PricingError (saying how to
 *  add a price) when there is none. */
export function resolvePricing(catalog: Catalog, model: string): ModelPricing {
  const key = findCatalogKey(catalog, model);
  if (key !== null) return pricingOf(key, catalog.models[key]);
  // Another provider's model is a question of --provider, not of a price (a user's file that prices it wins above:
  // an OpenAI-compatible proxy may well serve claude-* behind OPENAI_BASE_URL).
  const provider = catalog.provider ?? 'openai';
  const owner = modelOwner(model);
  if (owner !== null && !servesModelsOf(provider, owner)) throw new PricingError(model, wrongProviderMessage(model, owner, provider));
  // Anthropic's and Gemini's catalogs have no long tail: the library's prices of a model batchwise does not list
  // (often a retired one) would be priced without its lifecycle.
  if (provider === 'anthropic' || provider === 'gemini') throw new PricingError(model, unlistedProviderModelMessage(catalog, model, provider));
  // A near miss of a catalog name (case, spaces, an unlisted dated snapshot of a family we price) is a question for
  // the user, not a price from elsewhere: gpt-4o-2024-05-13 cost twice gpt-4o.
  const family = longestFamilyPrefix(catalog, model);
  const datedSnapshot = family !== null && /^-(\d{4}|\d{4}-\d{2}-\d{2})$/.test(model.slice(family.length));
  const nearMiss = findCatalogKey(catalog, model.trim().toLowerCase()) !== null || datedSnapshot;
  const derived = catalog.strict || nearMiss ? null : derivedPricing(catalog, model);
  if (derived === null) throw new PricingError(model, unpricedMessage(catalog, model));
  return derived;
}

function derivedPricing(catalog: Catalog, model: string): ModelPricing | null {
  // A fine-tune bills at its own rates: the library's price of its base model would be a guess.
  if (model.startsWith('ft:')) return null;
  let cache = derivedCache.get(catalog);
  if (cache === undefined) derivedCache.set(catalog, (cache = new Map()));
  if (!cache.has(model)) {
    const entry = derivedEntry(model);
    cache.set(model, entry === null ? null : pricingOf(model, entry));
  }
  return cache.get(model)!;
}

/** An entry as the stages use it: one price table per mode. */
export function pricingOf(key: string, e: PriceEntry): ModelPricing {
  return {
    model: key,
    // cache_write only where writes are billed (absent reads as "none", and keeps older shapes comparable).
    sync: { input: e.input, cached_input: e.cached_input, ...(e.cache_write !== null ? { cache_write: e.cache_write } : {}), output: e.output },
    batch: { input: e.batch_input, cached_input: e.batch_cached_input, ...(e.batch_cache_write !== null ? { cache_write: e.batch_cache_write } : {}), output: e.batch_output },
    flex: e.flex === null ? null : { ...e.flex },
    priority: e.priority === null ? null : { ...e.priority },
    long_context: e.long_context === null ? null : { ...e.long_context },
    regional_uplift: e.regional_uplift,
    media: e.media === null ? null : structuredClone(e.media),
    ...(e.encoding !== undefined ? { encoding: e.encoding } : {}),
    max_output_tokens: e.max_output_tokens,
    context_window: e.context_window,
    reasoning: e.reasoning,
    endpoints: [...e.endpoints],
    shutdown: e.shutdown,
    replacement: e.replacement,
    as_of: e.as_of,
    source: e.source,
    origin: e.origin ?? 'catalog',
    ...(e.note !== undefined ? { note: e.note } : {}),
  };
}

function snapshotIndex(catalog: Catalog): Map<string, string> {
  let index = snapshotIndexes.get(catalog.models);
  if (index === undefined) {
    index = new Map();
    for (const [key, entry] of Object.entries(catalog.models)) for (const s of entry.snapshots) index.set(s, key);
    snapshotIndexes.set(catalog.models, index);
  }
  return index;
}

function unpricedMessage(catalog: Catalog, model: string): string {
  let hint = '';
  let example = { input: 1.25, output: 10 };
  let exampleNote = ' (example figures: use the model\'s real prices)';

  const exact = findCatalogKey(catalog, model.trim().toLowerCase());
  const family = longestFamilyPrefix(catalog, model);
  if (model.startsWith('ft:')) {
    const base = model.split(':')[1] ?? '';
    hint = ` It is a fine-tuned model${base ? ` of ${quote(base)}` : ''}: fine-tunes bill at their own rates, not their base model's, so batchwise does not guess.`;
  } else if (exact !== null) {
    hint = ` Did you mean "${exact}"? Model names are matched exactly.`;
  } else if (family !== null) {
    const f = catalog.models[family];
    hint = ` "${family}" is priced, but ${quote(model)} is not listed as billing at its price (dated snapshots can differ: gpt-4o-2024-05-13 cost twice gpt-4o).`;
    example = { input: f.input, output: f.output };
    exampleNote = ` (${family}'s prices: use them only if ${quote(model)} really bills the same)`;
  }

  return [
    `No price for model ${quote(model)} in the pricing catalog (prices as of ${catalog.as_of}${catalog.overrides ? `, with ${catalog.overrides}` : ''})` +
      `${catalog.strict ? ' and strict pricing (CLI --strict-pricing, action strict-pricing) allows no derived price' : ' nor in @pydantic/genai-prices'}.${hint}`,
    `Add it with a pricing file (CLI: --pricing FILE; action: pricing-file), in USD per 1M tokens${exampleNote}:`,
    `  {"models": {${JSON.stringify(model)}: ${JSON.stringify(example).replaceAll(':', ': ').replaceAll(',', ', ')}}}`,
    `Batch then defaults to 50% of these prices; flex stays unavailable unless you add "flex": {"input": …, "output": …}.`,
  ].join('\n');
}

/** "claude-haiku-4-5 is an Anthropic model: use --provider anthropic" (and that a price is missing too, if it is). */
function wrongProviderMessage(model: string, owner: ModelOwner, provider: CatalogProvider): string {
  const flag = owner === 'openai' ? '--provider openai (or azure)' : `--provider ${owner}`;
  const where = provider === 'openai' ? '' : `, and this run's provider is ${PROVIDER_LABELS[provider]}`;
  const unpriced =
    owner !== 'openai' && !bundledProviderPrices(model)
      ? `; data/providers.json has no price for it either: add one with a pricing file (CLI: --pricing FILE; action: pricing-file)`
      : '';
  const label = PROVIDER_LABELS[owner];
  // Through the OpenAI API such a name only answers behind an OpenAI-compatible proxy, which a pricing file can price.
  const proxy = provider === 'openai' && owner !== 'openai' && unpriced === '' ? ' (or, if an OpenAI-compatible endpoint serves it, give its price with --pricing FILE)' : '';
  return `${quote(model)} is ${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} model${where}: use ${flag}${unpriced}${proxy}`;
}

/** A name of this provider's family that data/providers.json does not list (nor a user's file). */
function unlistedProviderModelMessage(catalog: Catalog, model: string, provider: 'anthropic' | 'gemini'): string {
  const label = PROVIDER_LABELS[provider];
  const exact = findCatalogKey(catalog, model.trim().toLowerCase());
  const hint = exact !== null ? ` Did you mean "${exact}"? Model names are matched exactly.` : '';
  const listed = Object.entries(catalog.models).map(([name, e]) => (e.shutdown !== null ? `${name} (shut down ${e.shutdown})` : name));
  return [
    `No price for model ${quote(model)} among ${label}'s models in data/providers.json (prices as of ${catalog.as_of}` +
      `${catalog.overrides ? `, with ${catalog.overrides}` : ''}).${hint} Known: ${listed.join(', ')}.`,
    `Add it with a pricing file (CLI: --pricing FILE; action: pricing-file), in USD per 1M tokens (example figures: use the model's real prices):`,
    `  {"models": {${JSON.stringify(model)}: {"input": 1, "output": 5}}}`,
    `Batch then defaults to 50% of these prices, with no cache discount unless you add "cached_input" and "batch_cached_input".`,
  ].join('\n');
}

/** The longest catalog key that `model` extends with "-…" (gpt-4o-2099-01-01 → gpt-4o), or null. */
function longestFamilyPrefix(catalog: Catalog, model: string): string | null {
  let best: string | null = null;
  for (const key of Object.keys(catalog.models)) {
    if (model.startsWith(`${key}-`) && (best === null || key.length > best.length)) best = key;
  }
  return best;
}
