// A sync, flex or priority answer's usage, priced at the tier that served it (the ledger prices it again from the same
// function when the results are merged; this figure feeds the live cost and the action's running max-cost total).
import { usageCostUsd } from '../../pricing/index.ts';
import type { ModelPricing, PriceContext } from '../../pricing/index.ts';
import type { Usage } from '../../results/types.ts';

export { usageTokens } from '../../pricing/index.ts';

/** USD for this usage at the `mode`'s price; null when there is no usage or the model has no such price. */
export function syncCostUsd(pricing: ModelPricing | null, mode: 'sync' | 'flex' | 'priority', usage: Usage | null, ctx: PriceContext = {}): number | null {
  return usageCostUsd(usage, pricing, mode, ctx);
}
