// Output tokens cannot be counted before the model answers, so the estimate gives a range per request:
//
//   max       the most the API can bill: the request's cap × choices. The cap is max_completion_tokens / max_tokens
//             (chat), max_output_tokens (responses) or max_tokens (completions, where the API's default is 16), clamped
//             to the model's output limit. With no cap the model's limit is used and the request is flagged unbounded.
//   low       one token per choice: the least a completed answer bills.
//   expected  a stated heuristic until run history can calibrate it (see EXPECTED_VISIBLE and REASONING_BY_EFFORT).
//
// Reasoning models (o-series, gpt-5) bill their hidden reasoning as output tokens, and reasoning counts against the same
// cap, so `max` already covers it; `expected` adds a reasoning allowance by effort, never beyond the cap.
// Embeddings and moderations produce no output tokens, images and video are priced per unit: all three are 0.
import type { Endpoint } from '../requests/types.ts';
import type { Range } from './types.ts';

/** Expected visible answer per choice, in tokens: a round figure (about 190 English words), never above the cap. */
export const EXPECTED_VISIBLE = 256;

/** Expected hidden reasoning per choice by `reasoning_effort` / `reasoning.effort`. OpenAI advises reserving about
 *  25,000 tokens for reasoning and output when starting out; these are deliberately below that worst case. */
export const REASONING_BY_EFFORT: Record<string, number> = {
  none: 0,
  minimal: 0,
  low: 1_000,
  medium: 4_000,
  high: 16_000,
  xhigh: 32_000,
};
const DEFAULT_EFFORT = 'medium';

const MEDIA_URLS: ReadonlySet<string> = new Set(['/v1/images/generations', '/v1/images/edits', '/v1/videos']);

/** The API's own default cap for legacy completions. */
const COMPLETIONS_DEFAULT_MAX_TOKENS = 16;

/** When the catalog does not know a model's output limit, assume a large one (and say so: it is flagged unbounded). */
const FALLBACK_MODEL_LIMIT = 128_000;

export interface ModelOutputInfo {
  max_output_tokens: number | null;
  reasoning: boolean;
}

export interface OutputEstimate extends Range {
  /** Cap per choice actually applied. */
  cap: number;
  n: number;
  unbounded: boolean;
  /** The cap the request asked for when it is above the model's output limit (the API refuses it); else null. */
  over_limit: number | null;
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

function reasoningEffort(url: Endpoint, body: Record<string, unknown>): string {
  if (url === '/v1/responses') {
    const r = body.reasoning as { effort?: unknown } | undefined;
    return typeof r?.effort === 'string' ? r.effort : DEFAULT_EFFORT;
  }
  return typeof body.reasoning_effort === 'string' ? body.reasoning_effort : DEFAULT_EFFORT;
}

export function estimateOutputTokens(url: Endpoint, body: Record<string, unknown>, model: ModelOutputInfo): OutputEstimate {
  // Images and video bill per image or second (the catalog's media prices), not per output token.
  if (url === '/v1/embeddings' || url === '/v1/moderations' || MEDIA_URLS.has(url)) {
    return { low: 0, expected: 0, max: 0, cap: 0, n: 1, unbounded: false, over_limit: null };
  }
  let requested: number | undefined;
  let choices = 1;
  if (url === '/v1/chat/completions') {
    // max_completion_tokens replaced max_tokens (and is the only one reasoning models accept); it wins when both are set.
    requested = positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens);
    choices = positiveInt(body.n) ?? 1;
  } else if (url === '/v1/responses') {
    requested = positiveInt(body.max_output_tokens);
  } else {
    requested = positiveInt(body.max_tokens) ?? COMPLETIONS_DEFAULT_MAX_TOKENS;
    // best_of generates server-side candidates that are all billed.
    choices = Math.max(positiveInt(body.n) ?? 1, positiveInt(body.best_of) ?? 1);
  }
  const limit = model.max_output_tokens ?? FALLBACK_MODEL_LIMIT;
  const cap = Math.min(requested ?? limit, limit);
  const reasoning = model.reasoning ? (REASONING_BY_EFFORT[reasoningEffort(url, body)] ?? REASONING_BY_EFFORT[DEFAULT_EFFORT]) : 0;
  const expectedPerChoice = Math.min(cap, EXPECTED_VISIBLE + reasoning);
  return {
    low: choices,
    expected: expectedPerChoice * choices,
    max: cap * choices,
    cap,
    n: choices,
    unbounded: requested === undefined,
    over_limit: requested !== undefined && model.max_output_tokens !== null && requested > model.max_output_tokens ? requested : null,
  };
}
