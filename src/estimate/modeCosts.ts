// Dollars per mode for one request and sums of them. Each request is priced on its own so that the rules that depend
// on the request (the long-context tier, its cache hits, its output cap) apply to it and to nothing else.
import { costUsd, mediaCostUsd, ratesFor, upliftOf } from '../pricing/index.ts';
import type { ModelPricing, PriceContext } from '../pricing/index.ts';
import type { LineCache } from './cacheHits.ts';
import { MODES } from './types.ts';
import type { Mode, ModeCosts, Range } from './types.ts';

/** What one request is priced on. */
export interface LineQuantities {
  input: number;
  /** Input for the worst case where it can be above `input` (an approximate count that history calibrated downwards
   *  keeps the uncalibrated figure for max); default `input`. */
  input_max?: number;
  output: Range;
  cache: LineCache;
  /** Image or video units at their per-unit price (token prices then cover the prompt text only). */
  media: { key: string; units: number } | null;
}

/** The cost of one request in every mode the model has; `withCache` false prices it as if the cache never hit. */
export function lineCosts(pricing: ModelPricing, q: LineQuantities, ctx: PriceContext, withCache = true): ModeCosts {
  const inputMax = Math.max(q.input, q.input_max ?? q.input);
  const cost = (mode: Mode): Range | null => {
    const rates = ratesFor(pricing, mode, q.input, ctx);
    // The worst case's own input decides its long-context tier.
    const maxRates = inputMax === q.input ? rates : ratesFor(pricing, mode, inputMax, ctx);
    if (rates === null || maxRates === null) return null;
    const c = withCache ? q.cache : NO_CACHE_HITS(q.cache);
    // Cached tokens bill at the mode's cached rate; a mode without one bills them at its input rate (costUsd does).
    const units = media(pricing, mode, q.media, ctx);
    if (units === undefined) return null;
    return {
      low: costUsd(rates, { input: q.input, cached_input: c.cached_low, cache_write: c.write_low, output: q.output.low }) + units,
      expected: costUsd(rates, { input: q.input, cached_input: c.cached_expected, cache_write: c.write_expected, output: q.output.expected }) + units,
      max: costUsd(maxRates, { input: inputMax, cached_input: 0, cache_write: Math.min(c.write_max, inputMax), output: q.output.max }) + units,
    };
  };
  return { sync: cost('sync')!, batch: cost('batch')!, flex: cost('flex'), priority: cost('priority') };
}

/** Per-unit media cost in `mode`; 0 for token-only models; undefined where the mode has no media price. */
function media(pricing: ModelPricing, mode: Mode, m: LineQuantities['media'], ctx: PriceContext): number | undefined {
  if (m === null || pricing.media === null) return 0;
  // Images and video have standard and batch prices only.
  if (mode !== 'sync' && mode !== 'batch') return undefined;
  return mediaCostUsd(pricing.media, mode, m.key, m.units) * upliftOf(pricing, ctx);
}

const NO_CACHE_HITS = (c: LineCache): LineCache => ({
  ...c,
  cached_low: 0,
  cached_expected: 0,
  // Without hits every request that can write its prefix does.
  write_low: c.write_max,
  write_expected: c.write_max,
});

export function addRanges(a: Range, b: Range): Range {
  return { low: a.low + b.low, expected: a.expected + b.expected, max: a.max + b.max };
}

export function subtractRanges(a: Range, b: Range): Range {
  return { low: a.low - b.low, expected: a.expected - b.expected, max: a.max - b.max };
}

export const ZERO_RANGE: Readonly<Range> = Object.freeze({ low: 0, expected: 0, max: 0 });

export function zeroCosts(): ModeCosts {
  return { sync: { ...ZERO_RANGE }, batch: { ...ZERO_RANGE }, flex: null, priority: null };
}

/**
 * Sum costs. A mode missing on a part is what running the whole set in that mode would cost: flex (or priority) for
 * the requests that have it and sync for the rest (runs split per model); null only when no part has the mode.
 */
export function totalCosts(parts: ModeCosts[]): ModeCosts {
  const total: Record<Mode, Range> = { sync: { ...ZERO_RANGE }, batch: { ...ZERO_RANGE }, flex: { ...ZERO_RANGE }, priority: { ...ZERO_RANGE } };
  for (const p of parts) for (const m of MODES) total[m] = addRanges(total[m], p[m] ?? p.sync);
  return {
    sync: total.sync,
    batch: total.batch,
    flex: parts.some((p) => p.flex) ? total.flex : null,
    priority: parts.some((p) => p.priority) ? total.priority : null,
  };
}

/** Adds one request's costs into a running per-model sum (same model: a mode is present on all or none). */
export function addCosts(sum: ModeCosts, c: ModeCosts): ModeCosts {
  return {
    sync: addRanges(sum.sync, c.sync),
    batch: addRanges(sum.batch, c.batch),
    flex: c.flex ? addRanges(sum.flex ?? { ...ZERO_RANGE }, c.flex) : sum.flex,
    priority: c.priority ? addRanges(sum.priority ?? { ...ZERO_RANGE }, c.priority) : sum.priority,
  };
}
