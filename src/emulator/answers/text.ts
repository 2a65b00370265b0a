// The words an emulated model answers with: a short sentence fixed by the request, cut to the token budget.
import { hashBytes } from '../random.ts';
import { textTokens } from '../tokens.ts';

const WORDS = [
  'the', 'batch', 'request', 'answer', 'is', 'ready', 'and', 'a', 'model', 'wrote', 'this', 'short', 'reply',
  'for', 'you', 'with', 'care', 'every', 'token', 'counts', 'here', 'emulated', 'output', 'arrives', 'later',
  'than', 'sync', 'but', 'costs', 'half', 'as', 'much', 'in', 'one', 'line', 'per', 'custom', 'id', 'today',
  'results', 'come', 'back', 'out', 'of', 'order', 'so', 'key', 'them', 'by', 'name', 'hello', 'world',
  'window', 'closes', 'after', 'day', 'quiet', 'server', 'keeps', 'its', 'promise', 'again',
];

/** Parameters that change how much of the answer is returned or billed, never what the model says: a request with
 *  a smaller budget gets a prefix of the same answer. */
const NOT_IN_KEY = new Set(['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'service_tier', 'stream', 'user', 'metadata', 'store']);

/** The part of a request body that decides the answer's words. */
export function answerKey(body: Record<string, unknown>): string {
  return JSON.stringify(body, (k, v) => (k !== '' && NOT_IN_KEY.has(k) ? undefined : v));
}

/** A sentence of 5 to 28 words chosen by (seed, key, index): the same request always gets the same answer. */
export function answerText(seed: number, key: string, index: number): string {
  const bytes = hashBytes(seed, ['answer', key, index]);
  const count = 5 + (bytes[0] % 24);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[bytes[1 + i] % WORDS.length]);
  const first = words[0];
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

export interface BudgetedText {
  text: string;
  tokens: number;
  /** True when the budget cut the answer: finish_reason "length" / status "incomplete". */
  truncated: boolean;
}

/** Cuts `text` to at most `maxTokens` tokens (dropping whole words from the end, then the final period). */
export function fitToBudget(text: string, maxTokens: number | null, model: string): BudgetedText {
  let tokens = textTokens(text, model);
  if (maxTokens === null || tokens <= maxTokens) return { text, tokens, truncated: false };
  let words = text.slice(0, -1).split(' ');
  let cut = words.join(' ');
  tokens = textTokens(cut, model);
  while (tokens > maxTokens && words.length > 1) {
    words = words.slice(0, -1);
    cut = words.join(' ');
    tokens = textTokens(cut, model);
  }
  return { text: cut, tokens, truncated: true };
}
