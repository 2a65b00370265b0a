// Dollars from what the endpoint reported: chat and embeddings say prompt_tokens/completion_tokens, responses and
// the batch object say input_tokens/output_tokens; cached tokens are part of the input either way.
import { costUsd } from '../pricing/index.ts';
import type { ModePrice, TokenCounts } from '../pricing/index.ts';
import type { Usage } from './types.ts';

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

export function usageTokens(usage: Usage): TokenCounts {
  const input = num(usage.prompt_tokens ?? usage.input_tokens);
  const details = (usage.prompt_tokens_details ?? usage.input_tokens_details) as Record<string, unknown> | undefined;
  const cached = Math.min(input, num(details?.cached_tokens));
  const output = num(usage.completion_tokens ?? usage.output_tokens);
  return { input, cached_input: cached, output };
}

export function usageCostUsd(usage: Usage | null, price: ModePrice | null): number | null {
  if (!usage || !price) return null;
  return costUsd(price, usageTokens(usage));
}
