// The one place token counts become dollars.

import type { ModePrice, TokenCounts } from './types.ts';

/**
 * USD for `tokens` at one mode's price. `tokens.input` includes `tokens.cached_input` (as the API's usage does);
 * cached tokens bill at `cached_input`, or at `input` where the mode has no cache discount. Reasoning tokens
 * belong in `output`. Not rounded: rounding is the report's business.
 */
export function costUsd(price: ModePrice, tokens: TokenCounts): number {
  const cached = tokens.cached_input ?? 0;
  for (const [name, n] of [['input', tokens.input], ['cached_input', cached], ['output', tokens.output]] as const) {
    if (!Number.isFinite(n) || n < 0) throw new RangeError(`costUsd: ${name} tokens must be a finite number >= 0, got ${n}`);
  }
  if (cached > tokens.input) {
    throw new RangeError(`costUsd: cached_input (${cached}) is part of input (${tokens.input}) and cannot exceed it`);
  }
  const cachedRate = price.cached_input ?? price.input;
  return ((tokens.input - cached) * price.input + cached * cachedRate + tokens.output * price.output) / 1e6;
}
