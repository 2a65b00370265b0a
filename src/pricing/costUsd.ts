// The one place token counts become dollars.

import type { ModePrice, TokenCounts } from './types.ts';

/**
 * USD for `tokens` at one mode's rates. `tokens.input` includes `cached_input` and `cache_write` (as the API's usage
 * does): every input token bills at exactly one of the uncached, cached or cache-write rates ("cache-write pricing is
 * not an additive fee"). Cached tokens bill at `cached_input`, or at `input` where the mode has no cache discount;
 * written tokens at `cache_write`, or at `input` where the model bills no writes. Reasoning tokens belong in
 * `output`. Not rounded: rounding is the report's business.
 */
export function costUsd(price: ModePrice, tokens: TokenCounts): number {
  const cached = tokens.cached_input ?? 0;
  const written = tokens.cache_write ?? 0;
  for (const [name, n] of [['input', tokens.input], ['cached_input', cached], ['cache_write', written], ['output', tokens.output]] as const) {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`costUsd: ${name} tokens must be a finite number >= 0, got ${n}`);
  }
  if (cached + written > tokens.input) {
    throw new RangeError(`costUsd: cached_input (${cached}) and cache_write (${written}) are part of input (${tokens.input}) and cannot exceed it`);
  }
  const cachedRate = price.cached_input ?? price.input;
  const writeRate = price.cache_write ?? price.input;
  return ((tokens.input - cached - written) * price.input + cached * cachedRate + written * writeRate + tokens.output * price.output) / 1e6;
}
