// A sync or flex answer's usage, priced at the tier that served it.
import { usageCostUsd } from '../pricing/index.ts';
import type { ModelPricing } from '../pricing/index.ts';
import type { Usage } from '../results/types.ts';

export { usageTokens } from '../pricing/index.ts';

/** USD for this usage at the `mode`'s price; null when there is no usage or the model has no such price. */
export function syncCostUsd(pricing: ModelPricing | null, mode: 'sync' | 'flex', usage: Usage | null): number | null {
  if (pricing === null) return null;
  return usageCostUsd(usage, mode === 'flex' ? pricing.flex : pricing.sync);
}
