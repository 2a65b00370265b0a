// The pricing stage: a dated price catalog (data/pricing.json), model-name resolution and the price rules.

export type { Catalog, CatalogProvider, Encoding, LongContextRule, MediaPrice, ModelPricing, ModePrice, PriceEntry, PriceMode, PriceOrigin, Provider, ProviderCatalog, ProviderEntry, TokenCounts, UserPricingFile } from './types.ts';
export { CATALOG_PROVIDERS, ENCODINGS, PRICE_MODES, PROVIDERS } from './types.ts';
export { openaiCatalogOf, providerCatalog, providerPricingNotes } from './providerCatalog.ts';
export { modelOwner, PROVIDER_LABELS, servesModelsOf } from './modelOwner.ts';
export type { ModelOwner } from './modelOwner.ts';
export { findProviderModel, loadProviderCatalog, parseProviderCatalog, providerPricing } from './providers.ts';
export type { ProviderPricing } from './providers.ts';
export { PricingError, PricingFileError } from './errors.ts';
export { loadCatalog } from './loadCatalog.ts';
export { findCatalogKey, pricingOf, resolvePricing } from './resolvePricing.ts';
export { costUsd } from './costUsd.ts';
export { isLongContext, modePriceOf, ratesFor, upliftOf } from './rates.ts';
export type { PriceContext } from './rates.ts';
export { BATCH_DISCOUNT } from './mergeCatalog.ts';
export { parsePricingFile } from './parsePricingFile.ts';
export type { PricingFile } from './parsePricingFile.ts';
export { usageCostUsd, usageTokens } from './usageCost.ts';
export type { UsageTokens } from './usageCost.ts';
export { lifecycleOf, LIFECYCLE_WARNING_DAYS } from './lifecycle.ts';
export type { Lifecycle } from './lifecycle.ts';
export { mediaCostUsd, mediaUnits } from './mediaCost.ts';
export type { MediaUnits } from './mediaCost.ts';
export { catalogAgeDays, STALE_CATALOG_DAYS } from './catalogAge.ts';
