import { encoderFor } from './encoders.ts';
import type { EncodingName } from './types.ts';

// BPE is quadratic in the length of one pre-tokenizer piece, and a piece only ends where the character class
// changes: 100,000 'a's take ~3 s and 400,000 take ~50 s in the tiktoken WASM encoder (measured). Natural
// text never has such runs, but a request file can (ASCII art, an unspaced CJK paragraph, pasted binary).
// Guard: a run of more than LONG_RUN same-class characters is encoded in LONG_RUN slices. That is exact for
// the text around the run; inside it each cut can differ from the API by about one token (a merge that would
// have crossed the cut), i.e. under 0.1% on such text. Text without long runs is counted exactly.
const LONG_RUN = 1000;
const LONG_RUNS = /[\p{L}\p{M}]{1001,}|[^\s\p{L}\p{N}]{1001,}|\s{1001,}/gu;

function encodedLength(text: string, encoding: EncodingName): number {
  // encode_ordinary: "<|endoftext|>" in user text is ordinary text to the API, never a special token.
  return encoderFor(encoding).encode_ordinary(text).length;
}

/** Exact token count of `text`, except inside pathological runs (see LONG_RUN above). */
export function encodeLength(text: string, encoding: EncodingName): number {
  if (text.length <= LONG_RUN) return encodedLength(text, encoding);
  let total = 0;
  for (const piece of splitLongRuns(text)) total += encodedLength(piece, encoding);
  return total;
}

/** `text` in consecutive pieces, every long run cut into LONG_RUN slices (never inside a surrogate pair). */
export function splitLongRuns(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  LONG_RUNS.lastIndex = 0;
  for (let m = LONG_RUNS.exec(text); m; m = LONG_RUNS.exec(text)) {
    if (m.index > from) pieces.push(text.slice(from, m.index));
    const end = m.index + m[0].length;
    for (let at = m.index; at < end; ) {
      let cut = Math.min(at + LONG_RUN, end);
      if (cut < end && isLowSurrogate(text.charCodeAt(cut))) cut += 1;
      pieces.push(text.slice(at, cut));
      at = cut;
    }
    from = end;
  }
  if (from < text.length) pieces.push(from === 0 ? text : text.slice(from));
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
