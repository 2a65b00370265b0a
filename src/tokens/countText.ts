import { encodeLength } from './encodeLength.ts';
import type { EncodingName } from './types.ts';

// The memo is the main lever on real files: one long system prompt repeated on 50,000 lines is encoded once.
// Each line's copy is a fresh string (JSON.parse), and hashing a fresh 4 KB string to look it up in a Map
// costs as much as half the encoding of a short user message (measured ~9 µs). So a long text is looked up
// by a short key (length, head, middle, tail) and confirmed with ===, which compares memory directly.
// One entry per key: two different texts that share a key just take turns (each still counted correctly).
// Memory is bounded by the characters held (8M chars, ~16 MB per thread: peak RSS counts every worker); past the bound the memo starts over (simpler than LRU, and a
// file that overflows it is mostly unique text, where a memo does not help anyway). Module state, so one
// memo per worker thread.
const MAX_MEMO_CHARS = 8 * 1024 * 1024;
const SHORT = 96;
const SAMPLE = 32;

interface Entry {
  text: string;
  tokens: number;
}

const memos: Record<EncodingName, Map<string, Entry>> = { o200k_base: new Map(), cl100k_base: new Map() };
let memoChars = 0;

function memoKey(text: string): string {
  if (text.length <= SHORT) return text;
  const middle = (text.length - SAMPLE) >> 1;
  return `${text.length}|${text.slice(0, SAMPLE)}|${text.slice(middle, middle + SAMPLE)}|${text.slice(-SAMPLE)}`;
}

/** Token count of one string. Memoised: repeated strings (a long system prompt shared by 50,000 lines) are encoded once; memory bounded. */
export function countText(text: string, encoding: EncodingName): number {
  if (text.length === 0) return 0;
  const memo = memos[encoding];
  const key = memoKey(text);
  const known = memo.get(key);
  if (known !== undefined && known.text === text) return known.tokens;
  const tokens = encodeLength(text, encoding);
  const held = text.length + (key === text ? 0 : key.length);
  if (memoChars + held > MAX_MEMO_CHARS) {
    memos.o200k_base.clear();
    memos.cl100k_base.clear();
    memoChars = 0;
  }
  if (held <= MAX_MEMO_CHARS) {
    memo.set(key, { text, tokens });
    memoChars += held;
  }
  return tokens;
}
