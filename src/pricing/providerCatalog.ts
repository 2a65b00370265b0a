// The catalog a run prices with, by `--provider`. OpenAI and Azure bill OpenAI's list prices (data/pricing.json);
// Anthropic and Gemini bill their own (their entries of data/providers.json). The result is an ordinary Catalog, so
// resolvePricing, the estimate and the ledger (usageCostUsd) work on it unchanged; its `provider` tells the estimate to
// count input tokens approximately and resolvePricing to send other providers' models to their own --provider.
import { loadCatalog, userModelsForOpenAi } from './loadCatalog.ts';
import { loadProviderCatalog } from './providers.ts';
import { applyOverrides } from './mergeCatalog.ts';
import { modelOwner } from './modelOwner.ts';
import type { Catalog, CatalogProvider, PriceEntry, UserPricingFile } from './types.ts';

/** The pricing pages the providers.json entries were checked against (its `source` lists them with Azure's). */
const PRICING_PAGES: Readonly<Record<'anthropic' | 'gemini', string>> = {
  anthropic: 'https://platform.claude.com/docs/en/about-claude/pricing',
  gemini: 'https://ai.google.dev/gemini-api/docs/pricing',
};

/** What every estimate through this provider should say about its prices (the estimate's notes repeat them). */
export function providerPricingNotes(provider: CatalogProvider): string[] {
  switch (provider) {
    case 'openai':
      return [];
    case 'azure':
      return [
        "Azure OpenAI is priced at OpenAI's list prices (data/pricing.json): Azure bills each deployment's own meter, whose " +
          'Global Standard price usually equals the list price and whose Global Batch price is 50% of it (Azure batch how-to), ' +
          'but that is not guaranteed (Data Zone deployments cost more): check the Azure Retail Prices API for your deployment',
      ];
    case 'anthropic':
      return [
        "Anthropic's prices (data/providers.json, checked against platform.claude.com): a batch bills 50% of every rate, cache " +
          'reads and 5-minute cache writes (1.25x input) included; flex and priority are not modelled',
      ];
    case 'gemini':
      return [
        "Gemini's prices (data/providers.json, checked against ai.google.dev): a batch bills 50% of input and output, while " +
          "implicit-cache hits in a batch bill at the standard cached rate (no further 50%); Gemini's Flex and Priority tiers " +
          'are not modelled',
      ];
  }
}

/**
 * The catalog a run through `provider` prices with. `base` is the OpenAI catalog as loadCatalog made it (a user's
 * pricing file and --strict-pricing included): openai gets it back unchanged, azure the same prices labelled Azure's,
 * anthropic and gemini that provider's entries of data/providers.json with the same user file laid over them (a model
 * it names wins, field by field, as over OpenAI's entries; a name that is another provider's model stays out).
 */
export function providerCatalog(provider: CatalogProvider, base: Catalog): Catalog {
  if (provider === 'openai') return base;
  if (provider === 'azure') return { ...base, provider, notes: [...(base.notes ?? []), ...providerPricingNotes(provider)] };

  const bundled = loadProviderCatalog();
  const models: Record<string, PriceEntry> = {};
  let asOf = '';
  for (const [name, entry] of Object.entries(bundled.models)) {
    if (entry.provider !== provider) continue;
    // A plain PriceEntry: provider and tokenizer are this catalog's, not the entry's.
    const { provider: _provider, tokenizer: _tokenizer, ...price } = entry;
    models[name] = price;
    if (price.as_of > asOf) asOf = price.as_of;
  }
  const own: Catalog = {
    as_of: asOf || bundled.as_of,
    source: PRICING_PAGES[provider],
    notes: providerPricingNotes(provider),
    ...(base.strict ? { strict: true } : {}),
    provider,
    models,
  };
  const user = base.user_file;
  if (user === undefined) return own;
  const theirs = usersModelsFor(provider, user);
  if (Object.keys(theirs).length === 0) return { ...own, user_file: user };
  return { ...applyOverrides(own, { as_of: user.as_of, source: user.source, models: theirs }, user.file, user.as_of), user_file: user };
}

/** The user's entries that may price this provider's requests: theirs, or names that are nobody's in particular. */
function usersModelsFor(provider: CatalogProvider, user: UserPricingFile): UserPricingFile['models'] {
  const out: UserPricingFile['models'] = {};
  for (const [name, entry] of Object.entries(user.models)) {
    const owner = modelOwner(name);
    if (owner === null || owner === provider) out[name] = entry;
  }
  return out;
}

/** The OpenAI catalog behind `catalog`: itself for OpenAI and Azure; for Anthropic's or Gemini's, the bundled OpenAI
 *  catalog with the same user file over it (what `--compare azure/<model>` prices with whatever the run's provider). */
export function openaiCatalogOf(catalog: Catalog): Catalog {
  if (catalog.provider !== 'anthropic' && catalog.provider !== 'gemini') return catalog;
  const bundled: Catalog = { ...loadCatalog(), ...(catalog.strict ? { strict: true } : {}) };
  const user = catalog.user_file;
  if (user === undefined) return bundled;
  return { ...applyOverrides(bundled, { as_of: user.as_of, source: user.source, models: userModelsForOpenAi(user.models) }, user.file, user.as_of), user_file: user };
}
