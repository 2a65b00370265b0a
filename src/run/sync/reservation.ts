// What one request counts against a model's tokens-per-minute limit: the number the runner reserves before it sends.
//
// OpenAI's rate-limit guide: "Your rate limit is calculated as the maximum of max_tokens and the estimated number of
// tokens based on the character count of your request." Read literally that is `max`: max(max_tokens, ceil(chars/4)),
// with chars the request's prompt text (4 characters a token is OpenAI's own rule of thumb). Many clients — the
// openai-cookbook parallel processor among them — reserve input tokens + max_tokens (`sum`), which is never smaller
// and, for a prompt as long as its answer cap, twice as much: half the token limit left unused. The runner starts
// with `max` and moves a model to `sum` when the API's x-ratelimit-remaining-tokens show it counts more (see
// modelLimiter.ts), so a server that reads the guide the other way costs a few corrections, not a stream of 429s.
import type { RunItem } from '../types.ts';

export type TokenRule = 'max' | 'sum';

/** A request's reservation under both rules, worked out once when it is read. */
export interface TokenCost {
  max: number;
  sum: number;
}

const CHARS_PER_TOKEN = 4;
/** The fields that carry what the model reads: messages and prompts, instructions, tools and output schemas. */
const PROMPT_FIELDS = ['messages', 'input', 'prompt', 'instructions', 'tools', 'functions', 'response_format', 'text'] as const;

/** Characters of the request's prompt: every string under the prompt fields (a token array counts 4 characters a
 *  token). Inline data (data: URLs, base64 images and files) is left out: it is not text a character estimate reads,
 *  and counting it would make a vision request look larger than the whole limit. */
export function promptCharacters(body: Record<string, unknown>): number {
  let chars = 0;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.startsWith('data:')) chars += value.length;
    } else if (typeof value === 'number') {
      chars += CHARS_PER_TOKEN;
    } else if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) walk(v);
    }
  };
  for (const field of PROMPT_FIELDS) walk(body[field]);
  return chars;
}

/** The one rule for what a request reserves. `max_output_tokens` is the estimate's cap for the whole request (cap × n). */
export function reservedTokens(item: Pick<RunItem, 'body' | 'input_tokens' | 'max_output_tokens'>, rule: TokenRule): number {
  if (rule === 'sum') return item.input_tokens + item.max_output_tokens;
  return Math.max(item.max_output_tokens, Math.ceil(promptCharacters(item.body) / CHARS_PER_TOKEN));
}

export function tokenCost(item: Pick<RunItem, 'body' | 'input_tokens' | 'max_output_tokens'>): TokenCost {
  return { max: reservedTokens(item, 'max'), sum: reservedTokens(item, 'sum') };
}
