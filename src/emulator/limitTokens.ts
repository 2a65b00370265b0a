// What one request counts against the tokens-per-minute limit. OpenAI's rate-limit guide: "Your rate limit is
// calculated as the maximum of max_tokens and the estimated number of tokens based on the character count of your
// request." Read literally that is `max` (the default); many implementers read it as input tokens plus max_tokens
// (`sum`, also what openai-cookbook's parallel processor counts). The emulator can do either: the client must cope.
import type { Endpoint } from '../requests/types.ts';
import type { EndpointEmulation } from './answers/index.ts';
import { promptTokens } from './tokens.ts';
import type { TokenCounting } from './types.ts';

/** The fields that carry a request's prompt (chat, responses, completions, embeddings, moderations). */
const PROMPT_FIELDS = ['messages', 'input', 'prompt', 'instructions', 'tools'] as const;
/** A token-array prompt: each number is one token, counted as the 4 characters the estimate divides by. */
const CHARS_PER_TOKEN = 4;

/** Characters of the prompt's text: every string under the prompt fields, data: URLs (inline images, files) left
 *  out because their base64 is not text the estimate would read (ours). */
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

export function limitTokens(endpoint: Endpoint, body: Record<string, unknown>, emulation: EndpointEmulation, counting: TokenCounting): number {
  const reserved = emulation.reservedOutputTokens(body);
  if (counting === 'sum') return promptTokens(endpoint, body) + reserved;
  return Math.max(reserved, Math.ceil(promptCharacters(body) / CHARS_PER_TOKEN));
}
