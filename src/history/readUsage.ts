// The token counts history keeps, from either usage shape, read by pricing's reader (one reader of usage). History
// needs the reasoning and cache-write split as well; an older pricing reader that does not report them is backed up
// here with the same rules, so this stage does not depend on the pricing stage's release order.
import { usageTokens } from '../pricing/usageCost.ts';

export interface UsageCounts {
  input: number;
  cached_input: number;
  cache_write: number;
  /** Visible and reasoning tokens together: completion_tokens / output_tokens already include reasoning. */
  output: number;
  reasoning: number;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

export function readUsage(usage: Record<string, unknown> | null | undefined): UsageCounts | null {
  const billed = usageTokens(usage) as (Partial<UsageCounts> & { input: number; output: number }) | null;
  if (billed === null || usage == null) return null;
  const input = billed.input;
  const output = billed.output;
  const cached = Math.min(billed.cached_input ?? 0, input);
  const inDetails = usage.prompt_tokens_details ?? usage.input_tokens_details;
  const outDetails = usage.completion_tokens_details ?? usage.output_tokens_details;
  const written = num(billed.cache_write) ?? num(field(inDetails, 'cache_write_tokens')) ?? 0;
  const reasoning = num(billed.reasoning) ?? num(field(outDetails, 'reasoning_tokens')) ?? 0;
  return {
    input,
    cached_input: cached,
    // Every input token bills at exactly one rate, so writes never exceed what was not read from the cache.
    cache_write: Math.min(written, input - cached),
    output,
    reasoning: Math.min(reasoning, output),
  };
}
