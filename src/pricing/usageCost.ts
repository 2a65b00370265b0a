// Dollars from what an endpoint reported, whichever usage shape it has: chat, completions and embeddings say
// prompt_tokens / completion_tokens / prompt_tokens_details.{cached_tokens, cache_write_tokens}; responses and the batch
// object say input_tokens / output_tokens / input_tokens_details.{cached_tokens, cache_write_tokens}. Cached and written
// tokens are part of the input either way.
import { costUsd } from './costUsd.ts';
import { ratesFor } from './rates.ts';
import type { PriceContext } from './rates.ts';
import type { ModelPricing, PriceMode, TokenCounts } from './types.ts';

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

export interface UsageTokens extends TokenCounts {
  cached_input: number;
  cache_write: number;
  /** Reasoning tokens, already included in `output`. */
  reasoning: number;
}

/** The billed tokens in a usage object; null when it says nothing billable (no input count). */
export function usageTokens(usage: Record<string, unknown> | null | undefined): UsageTokens | null {
  if (usage == null || typeof usage !== 'object') return null;
  const input = num(usage.prompt_tokens) ?? num(usage.input_tokens);
  if (input === null) return null;
  const output = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? 0;
  const details = usage.prompt_tokens_details ?? usage.input_tokens_details;
  const cached = Math.min(num(field(details, 'cached_tokens')) ?? 0, input);
  const written = Math.min(num(field(details, 'cache_write_tokens')) ?? 0, input - cached);
  const outDetails = usage.completion_tokens_details ?? usage.output_tokens_details;
  const reasoning = Math.min(num(field(outDetails, 'reasoning_tokens')) ?? 0, output);
  return { input, cached_input: cached, cache_write: written, output, reasoning };
}

/** USD for this usage of `pricing`'s model served in `mode` (long-context tier and region applied); null when there is
 *  no usage or the model has no such mode. */
export function usageCostUsd(
  usage: Record<string, unknown> | null | undefined,
  pricing: ModelPricing | null,
  mode: PriceMode,
  ctx: PriceContext = {},
): number | null {
  const tokens = usageTokens(usage);
  if (tokens === null || pricing === null) return null;
  const rates = ratesFor(pricing, mode, tokens.input, ctx);
  return rates === null ? null : costUsd(rates, tokens);
}
