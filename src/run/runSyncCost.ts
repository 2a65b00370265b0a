// A sync or flex answer's usage, priced at the tier that served it.
import { costUsd } from '../pricing/index.ts';
import type { ModelPricing, TokenCounts } from '../pricing/index.ts';
import type { Usage } from '../results/types.ts';

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * The billed tokens in a response's usage, whichever endpoint's shape it has: chat and completions
 * (prompt_tokens / completion_tokens / prompt_tokens_details.cached_tokens), responses (input_tokens / output_tokens /
 * input_tokens_details.cached_tokens), embeddings (prompt_tokens only). Null when the usage says nothing billable.
 */
export function usageTokens(usage: Usage | null | undefined): TokenCounts | null {
  if (usage == null || typeof usage !== 'object') return null;
  const input = num(usage.prompt_tokens) ?? num(usage.input_tokens);
  if (input === null) return null;
  const output = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? 0;
  const cached = num(field(usage.prompt_tokens_details, 'cached_tokens')) ?? num(field(usage.input_tokens_details, 'cached_tokens')) ?? 0;
  return { input, cached_input: Math.min(cached, input), output };
}

/** USD for this usage at the `mode`'s price; null when there is no usage or the model has no such price. */
export function syncCostUsd(pricing: ModelPricing | null, mode: 'sync' | 'flex', usage: Usage | null): number | null {
  if (pricing === null) return null;
  const tokens = usageTokens(usage);
  if (tokens === null) return null;
  const price = mode === 'flex' ? pricing.flex : pricing.sync;
  return price === null ? null : costUsd(price, tokens);
}
