// The pricing stage: a dated price catalog (data/pricing.json) and model-name resolution.

export type { Catalog, Encoding, ModelPricing, ModePrice, PriceEntry, TokenCounts } from './types.ts';
export { ENCODINGS } from './types.ts';
export { PricingError, PricingFileError } from './errors.ts';
export { loadCatalog } from './loadCatalog.ts';
export { findCatalogKey, resolvePricing } from './resolvePricing.ts';
export { costUsd } from './costUsd.ts';
export { BATCH_DISCOUNT } from './mergeCatalog.ts';
export { parsePricingFile } from './parsePricingFile.ts';
export type { PricingFile } from './parsePricingFile.ts';
export { usageCostUsd, usageTokens } from './usageCost.ts';
