// The other providers' prices (data/providers.json), for comparisons only. Same entry shape as data/pricing.json and
// checked by the same parser; the two extra fields (`provider`, `tokenizer`) are checked here and set aside first,
// because the pricing-file parser refuses unknown fields (a typo in a user's file must not pass silently).
// Imported as JSON, like pricing.json, so esbuild inlines it into dist/.

import providersJson from '../../data/providers.json' with { type: 'json' };
import { PricingFileError } from './errors.ts';
import { completeCatalog } from './mergeCatalog.ts';
import { parsePricingFile } from './parsePricingFile.ts';
import { findCatalogKey, pricingOf } from './resolvePricing.ts';
import { PROVIDERS } from './types.ts';
import type { Catalog, ModelPricing, Provider, ProviderCatalog, ProviderEntry } from './types.ts';

const BUNDLED_NAME = 'data/providers.json (bundled)';
let bundled: ProviderCatalog | undefined;

/** What the estimate uses for a comparison model: its prices as one table per mode, and whose model it is. */
export interface ProviderPricing extends ModelPricing {
  provider: Provider;
  tokenizer: 'approximate';
}

/** The bundled catalog of other providers' models. Synchronous; a fresh copy each call. */
export function loadProviderCatalog(): ProviderCatalog {
  bundled ??= parseProviderCatalog(providersJson, BUNDLED_NAME);
  return structuredClone(bundled);
}

/** Checks a providers file: every PriceEntry field (as for the bundled OpenAI catalog) plus `provider` and
 *  `tokenizer` on every entry. Throws PricingFileError naming the file and the field. */
export function parseProviderCatalog(raw: unknown, file: string): ProviderCatalog {
  const extras = new Map<string, Pick<ProviderEntry, 'provider' | 'tokenizer'>>();
  let stripped: unknown = raw;
  if (isPlainObject(raw) && isPlainObject(raw.models)) {
    const models: Record<string, unknown> = {};
    for (const [model, value] of Object.entries(raw.models)) {
      if (!isPlainObject(value)) {
        models[model] = value; // the pricing parser names the problem
        continue;
      }
      const at = `models[${JSON.stringify(model)}]`;
      const { provider, tokenizer, ...entry } = value;
      if (!(PROVIDERS as readonly unknown[]).includes(provider)) {
        throw new PricingFileError(file, `${at}.provider`, `must be one of ${PROVIDERS.join(', ')}, got ${JSON.stringify(provider) ?? 'nothing'}`);
      }
      if (tokenizer !== 'approximate') {
        throw new PricingFileError(file, `${at}.tokenizer`, `must be "approximate" (no other provider's tokenizer runs offline), got ${JSON.stringify(tokenizer) ?? 'nothing'}`);
      }
      extras.set(model, { provider: provider as Provider, tokenizer });
      models[model] = entry;
    }
    stripped = { ...raw, models };
  }
  const catalog = completeCatalog(parsePricingFile(stripped, file), file);
  const models: Record<string, ProviderEntry> = {};
  for (const [model, entry] of Object.entries(catalog.models)) models[model] = { ...entry, ...extras.get(model)! };
  return { as_of: catalog.as_of, source: catalog.source, ...(catalog.notes ? { notes: catalog.notes } : {}), models };
}

/** The catalog key `model` names (exactly, or as a listed snapshot), or null. */
export function findProviderModel(catalog: ProviderCatalog, model: string): string | null {
  return findCatalogKey(catalog as Catalog, model);
}

/** Prices of a comparison model, or null when the catalog does not know it. */
export function providerPricing(catalog: ProviderCatalog, model: string): ProviderPricing | null {
  const key = findProviderModel(catalog, model);
  if (key === null) return null;
  const entry = catalog.models[key];
  return { ...pricingOf(key, entry), provider: entry.provider, tokenizer: entry.tokenizer };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
