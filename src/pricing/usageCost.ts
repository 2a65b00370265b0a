// Dollars from what an endpoint reported, whichever usage shape it has: chat, completions and embeddings say
// prompt_tokens / completion_tokens / prompt_tokens_details.cached_tokens; responses and the batch object say
// input_tokens / output_tokens / input_tokens_details.cached_tokens. Cached tokens are part of the input either way.
import { costUsd } from './costUsd.ts';
import type { ModePrice, TokenCounts } from './types.ts';

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The billed tokens in a usage object; null when it says nothing billable (no input count). */
export function usageTokens(usage: Record<string, unknown> | null | undefined): TokenCounts | null {
  if (usage == null || typeof usage !== 'object') return null;
  const input = num(usage.prompt_tokens) ?? num(usage.input_tokens);
  if (input === null) return null;
  const output = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? 0;
  const cached = num(field(usage.prompt_tokens_details, 'cached_tokens')) ?? num(field(usage.input_tokens_details, 'cached_tokens')) ?? 0;
  return { input, cached_input: Math.min(cached, input), output };
}

/** USD for this usage at `price`; null when there is no usage or no such price. */
export function usageCostUsd(usage: Record<string, unknown> | null | undefined, price: ModePrice | null): number | null {
  const tokens = usageTokens(usage);
  return tokens === null || price === null ? null : costUsd(price, tokens);
}
