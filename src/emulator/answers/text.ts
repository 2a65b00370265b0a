// The words an emulated model answers with: a stream of sentences fixed by the request, as many tokens long as the
// length model (length.ts) asks, cut to the token budget.
import { createHash } from 'node:crypto';
import { hashUnit, seededStream } from '../random.ts';
import { encodingFor } from '../tokens.ts';
import { encoderFor } from '../../tokens/encoders.ts';

/** Every word is one token in o200k_base and cl100k_base, written " word", "Word" and " Word" (a test checks it), and
 *  "." is one token after any of them: an answer of N pieces is N tokens, so a length is hit exactly. */
export const WORDS = [
  'the', 'batch', 'request', 'answer', 'is', 'ready', 'and', 'a', 'model', 'made', 'this', 'short', 'reply', 'for',
  'you', 'with', 'care', 'every', 'token', 'counts', 'here', 'test', 'output', 'later', 'than', 'sync', 'but', 'half',
  'as', 'much', 'in', 'one', 'line', 'per', 'custom', 'id', 'today', 'results', 'back', 'out', 'of', 'order', 'so',
  'key', 'them', 'by', 'name', 'hello', 'world', 'window', 'after', 'day', 'quiet', 'server', 'its', 'promise',
  'again', 'we', 'can', 'see', 'that', 'it', 'will', 'be', 'more', 'time', 'work', 'data', 'file', 'run', 'plan',
  'price', 'cost', 'save', 'good', 'fast', 'slow', 'part', 'list', 'each', 'note', 'then', 'next', 'first', 'last',
  'read', 'write', 'send', 'keep', 'check', 'find', 'show', 'give', 'take', 'start', 'stop', 'open', 'close', 'yes',
  'also', 'just', 'now', 'only', 'well', 'very', 'long', 'small', 'big', 'new', 'old', 'right', 'left', 'top', 'end',
  'point', 'case', 'way', 'use', 'help', 'need', 'want', 'like', 'know', 'think', 'look', 'make', 'come', 'go', 'get',
  'set', 'put', 'call', 'ask', 'tell', 'say', 'feel', 'try', 'leave', 'move', 'turn', 'play', 'live', 'hold', 'bring',
  'provide', 'sit', 'stand', 'pay', 'meet', 'include', 'continue', 'learn', 'change', 'lead', 'watch', 'follow',
  'create', 'speak', 'allow', 'add', 'grow', 'offer', 'remember', 'love', 'consider', 'buy', 'wait', 'serve',
  'expect', 'build', 'stay', 'reach',
];

/** Top-level parameters that change how much of the answer is returned or billed, or how long the model thinks,
 *  never what it says: a request with a smaller budget gets a prefix of the same answer, and any reasoning effort
 *  the same visible answer. */
const NOT_IN_KEY = new Set([
  'max_tokens', 'max_completion_tokens', 'max_output_tokens', 'service_tier', 'stream', 'user', 'metadata', 'store',
  'prompt_cache_key', 'prompt_cache_retention', 'safety_identifier', 'reasoning_effort', 'reasoning',
]);

/** A digest of the part of a request body that decides the answer's words and length (short, so that the several
 *  draws made from it do not each hash a long prompt again). */
export function answerKey(body: Record<string, unknown>): string {
  const decisive = JSON.stringify(Object.fromEntries(Object.entries(body).filter(([k]) => !NOT_IN_KEY.has(k))));
  return createHash('sha256').update(decisive).digest('base64');
}

export interface BudgetedText {
  text: string;
  tokens: number;
  /** True when the budget cut the answer: finish_reason "length" / status "incomplete". */
  truncated: boolean;
}

/** The answer's pieces (a word or "."), as many as asked: sentences of 4 to 18 words, fixed by (seed, key, index). */
function pieces(seed: number, key: string, index: number, count: number): string[] {
  const next = seededStream(Math.floor(hashUnit(seed, 'answer', key, index) * 0x1_0000_0000));
  const out: string[] = [];
  let left = 0;
  let sentenceStart = true;
  while (out.length < count) {
    if (left === 0 && !sentenceStart) {
      out.push('.');
      sentenceStart = true;
      continue;
    }
    if (sentenceStart) left = 4 + Math.floor(next() * 15);
    const word = WORDS[Math.floor(next() * WORDS.length)];
    const first = out.length === 0;
    const shown = sentenceStart ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    out.push(first ? shown : ` ${shown}`);
    sentenceStart = false;
    left--;
  }
  return out;
}

function encodedLength(text: string, model: string): number {
  // Not countText: its memo is for repeated prompts, and a stream of unique answers would only flush it.
  return text.length === 0 ? 0 : encoderFor(encodingFor(model)).encode_ordinary(text).length;
}

/**
 * An answer that is `length` tokens long when finished, cut to `budget` tokens (null: no cut). A finished answer
 * ends with a period; a cut one is the same answer's first `budget` tokens, so a smaller budget returns a prefix.
 */
export function composeAnswer(seed: number, key: string, index: number, length: number, budget: number | null, model: string): BudgetedText {
  const truncated = budget !== null && length > budget;
  const count = truncated ? budget : length;
  const p = pieces(seed, key, index, count);
  if (!truncated && count >= 2 && p[count - 2] !== '.') p[count - 1] = '.';
  let text = p.join('');
  let tokens = encodedLength(text, model);
  // The word list makes pieces and tokens agree; should a tokenizer merge two pieces, the count above is still the
  // real one, and a cut answer never exceeds its budget.
  while (budget !== null && tokens > budget && p.length > 0) {
    p.pop();
    text = p.join('');
    tokens = encodedLength(text, model);
  }
  return { text, tokens, truncated };
}
