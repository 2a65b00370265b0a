// The price rules of today, applied to one request: which mode's table, the long-context tier its input falls in, and
// the regional-processing uplift. Every dollar figure, estimated or actual, goes through `ratesFor` so that the two
// can never disagree about which rate a request bills at.
import type { ModelPricing, ModePrice, PriceMode } from './types.ts';

export interface PriceContext {
  /** Requests go to a regional processing (data residency) endpoint: +10% on the models that charge it. */
  region?: boolean;
}

/** The mode's price table of a model, or null where the model has no such mode (flex, priority). */
export function modePriceOf(pricing: ModelPricing, mode: PriceMode): ModePrice | null {
  return pricing[mode];
}

/** True when a request with this many input tokens bills at the long-context tier ("more than 272K input tokens":
 *  the whole request, input and output, at the tier's rates). */
export function isLongContext(pricing: ModelPricing, inputTokens: number): boolean {
  return pricing.long_context !== null && inputTokens > pricing.long_context.above_input_tokens;
}

/** The regional-processing multiplier for this model (1 when off or not charged). */
export function upliftOf(pricing: Pick<ModelPricing, 'regional_uplift'>, ctx: PriceContext = {}): number {
  return ctx.region && pricing.regional_uplift !== null ? pricing.regional_uplift : 1;
}

/** The rates one request bills at in `mode`, or null where the model has no such mode. */
export function ratesFor(pricing: ModelPricing, mode: PriceMode, inputTokens: number, ctx: PriceContext = {}): ModePrice | null {
  const base = modePriceOf(pricing, mode);
  if (base === null) return null;
  const long = isLongContext(pricing, inputTokens) ? pricing.long_context : null;
  const uplift = upliftOf(pricing, ctx);
  const inRate = (long?.input ?? 1) * uplift;
  const outRate = (long?.output ?? 1) * uplift;
  if (inRate === 1 && outRate === 1) return base;
  return {
    input: base.input * inRate,
    cached_input: base.cached_input === null ? null : base.cached_input * inRate,
    cache_write: base.cache_write == null ? null : base.cache_write * inRate,
    output: base.output * outRate,
  };
}
