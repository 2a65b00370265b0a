// The long tail: a price for a model our catalog does not list, from the data bundled in @pydantic/genai-prices.
// Only its Standard rates (input, cached input, cache writes, output) and long-context tiers are used; batch is the
// Batch guide's "50% cost discount", and flex and priority stay unknown (null) because the library has neither.
// Offline by construction: calcPrice reads the data shipped inside the package, and the library only fetches when a
// caller sets up updatePrices, which batchwise never does, so an estimate never depends on a network.

import { calcPrice } from '@pydantic/genai-prices';
import { BATCH_DISCOUNT } from './mergeCatalog.ts';
import type { LongContextRule, PriceEntry } from './types.ts';

export const LONG_TAIL_LIBRARY = '@pydantic/genai-prices';
/** The installed version, named in every derived entry's note. Kept in step with its package.json by a test. */
export const LONG_TAIL_VERSION = '0.1.8';
/** Where the library says its figures come from, used as the entry's source. */
const LIBRARY_URL = 'https://github.com/pydantic/genai-prices';

/** OpenAI's long-context tier starts "above 272K input tokens"; the library writes that start as 271999 or 272000. */
const LONG_CONTEXT_TOKENS = 272_000;

type LibraryPrice = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

/**
 * A complete catalog entry for `model` from the library's data as of `today` (ISO date; it picks the library's price
 * in force that day), with `origin: 'derived'`; null when the library does not know the model for `provider`.
 */
export function derivedEntry(model: string, provider = 'openai', today: string = new Date().toISOString().slice(0, 10)): PriceEntry | null {
  // calcPrice is the library's lookup: its model matching (snapshots, aliases) and its dated prices, without usage.
  const found = calcPrice({ input_tokens: 0, output_tokens: 0 }, model, { providerId: provider, timestamp: new Date(`${today}T12:00:00Z`) });
  if (found === null) return null;
  const prices = found.model_price as Record<string, LibraryPrice>;
  const input = base(prices.input_mtok);
  const output = base(prices.output_mtok);
  // A model the library prices some other way (per image, per second, per call) is not a token model for us.
  if (input === null || output === null) return null;

  const cached = base(prices.cache_read_mtok);
  const cacheWrite = base(prices.cache_write_mtok);
  const notes: string[] = [];
  const long_context = longContextRule(prices, notes);

  const matched = found.model.id === model ? '' : ` (its entry "${found.model.id}")`;
  notes.unshift(
    `Not in the batchwise catalog: standard${cached === null ? '' : ' and cached'} prices from ${LONG_TAIL_LIBRARY} ${LONG_TAIL_VERSION}${matched}, not checked against OpenAI's page.`,
    `Batch is 50% of standard (the Batch guide's "50% cost discount"), with no batch cache discount assumed; flex and priority are unknown.`,
    `The library's data carries no date: as_of is the day it was looked up.`,
  );
  return {
    input,
    cached_input: cached,
    cache_write: cacheWrite,
    output,
    batch_input: input * BATCH_DISCOUNT,
    batch_cached_input: null,
    // Cache writes cost more than input, so leaving them out would understate a batch: Batch's write rate is half of
    // Standard's on OpenAI's page (gpt-6-astra: $12.50 and $6.25).
    batch_cache_write: cacheWrite === null ? null : cacheWrite * BATCH_DISCOUNT,
    batch_output: output * BATCH_DISCOUNT,
    flex: null,
    priority: null,
    long_context,
    regional_uplift: null,
    media: null,
    max_output_tokens: null,
    context_window: found.model.context_window ?? null,
    reasoning: false,
    endpoints: [],
    snapshots: [],
    released: null,
    shutdown: null,
    replacement: null,
    as_of: today,
    source: LIBRARY_URL,
    note: notes.join(' '),
    origin: 'derived',
  };
}

/** The library's tier at 272K as our long-context rule (one input and one output multiplier); null without one. */
function longContextRule(prices: Record<string, LibraryPrice>, notes: string[]): LongContextRule | null {
  const input = prices.input_mtok;
  if (typeof input !== 'object' || input.tiers.length === 0) return null;
  const tier = input.tiers[0];
  if (input.tiers.length > 1 || Math.abs(tier.start - LONG_CONTEXT_TOKENS) > 1) {
    notes.push(`The library's input tiers (${input.tiers.map((t) => `from ${t.start}`).join(', ')} tokens) are not OpenAI's 272K tier: no long-context rule.`);
    return null;
  }
  const output = prices.output_mtok;
  const outputTier = typeof output === 'object' ? output.tiers.find((t) => t.start === tier.start) : undefined;
  const outputBase = base(output)!;
  return {
    // The library selects a tier when the count is greater than start, as our rule does: the same number.
    above_input_tokens: tier.start,
    input: ratio(tier.price, input.base),
    output: outputTier === undefined ? 1 : ratio(outputTier.price, outputBase),
  };
}

function base(p: LibraryPrice): number | null {
  if (typeof p === 'number') return p;
  if (typeof p === 'object' && typeof p.base === 'number') return p.base;
  return null;
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 10_000) / 10_000;
}
