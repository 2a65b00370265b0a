// Dollars per mode for a token range. Cached input is not assumed: whether a prompt prefix hits the cache is only known
// after the call, so the estimate prices every input token at the uncached rate (an upper bound for input).
import { costUsd } from '../pricing/index.ts';
import type { ModelPricing, ModePrice } from '../pricing/index.ts';
import type { ModeCosts, Range } from './types.ts';

function rangeCost(price: ModePrice, input: number, output: Range): Range {
  return {
    low: costUsd(price, { input, output: output.low }),
    expected: costUsd(price, { input, output: output.expected }),
    max: costUsd(price, { input, output: output.max }),
  };
}

export function modeCosts(pricing: ModelPricing, inputTokens: number, output: Range): ModeCosts {
  return {
    sync: rangeCost(pricing.sync, inputTokens, output),
    batch: rangeCost(pricing.batch, inputTokens, output),
    flex: pricing.flex ? rangeCost(pricing.flex, inputTokens, output) : null,
  };
}

export function addRanges(a: Range, b: Range): Range {
  return { low: a.low + b.low, expected: a.expected + b.expected, max: a.max + b.max };
}

export function subtractRanges(a: Range, b: Range): Range {
  return { low: a.low - b.low, expected: a.expected - b.expected, max: a.max - b.max };
}

export const ZERO_RANGE: Readonly<Range> = Object.freeze({ low: 0, expected: 0, max: 0 });

/** Sum per-model costs into a file total. The flex total is what flex mode would cost: flex for the models that have
 *  it and sync for the rest (runs split per model); null only when no model has flex. */
export function totalCosts(parts: ModeCosts[]): ModeCosts {
  let sync = { ...ZERO_RANGE };
  let batch = { ...ZERO_RANGE };
  let flex = { ...ZERO_RANGE };
  for (const p of parts) {
    sync = addRanges(sync, p.sync);
    batch = addRanges(batch, p.batch);
    flex = addRanges(flex, p.flex ?? p.sync);
  }
  return { sync, batch, flex: parts.some((p) => p.flex) ? flex : null };
}
