import { encoderFor } from './encoders.ts';
import type { EncodingName } from './types.ts';

// BPE is quadratic in the length of one pre-tokenizer piece, and a piece only ends where the character class
// changes: 100,000 'a's take ~3 s and 400,000 take ~50 s in the tiktoken WASM encoder (measured). Natural
// text never has such runs, but a request file can (ASCII art, an unspaced CJK paragraph, pasted base64).
// Guard: a run of more than LONG_RUN same-class characters is encoded in LONG_RUN slices. That is exact for
// the text around the run; inside it each cut can differ from the API by about one token (a merge that would
// have crossed the cut), i.e. under 0.1% on such text. Text without long runs is counted exactly.
//
// The guard must cost nothing on ordinary text (it runs on every string of every line): a run of letters or
// symbols cannot contain a space or a newline, so text where no LONG_RUN stretch lacks both is cleared with a
// few native indexOf calls, and only suspicious text is classified character by character — linearly, with no
// regex quantifier that could overflow the stack on a run of millions of characters.
const LONG_RUN = 1000;
const SPACE_RUN = ' '.repeat(LONG_RUN + 1);
const NEWLINE_RUN = '\n'.repeat(LONG_RUN + 1);

function encodedLength(text: string, encoding: EncodingName): number {
  // encode_ordinary: "<|endoftext|>" in user text is ordinary text to the API, never a special token.
  return encoderFor(encoding).encode_ordinary(text).length;
}

/** Exact token count of `text`, except inside pathological runs (see LONG_RUN above). */
export function encodeLength(text: string, encoding: EncodingName): number {
  if (!mayHaveLongRun(text)) return encodedLength(text, encoding);
  let total = 0;
  for (const piece of splitLongRuns(text)) total += encodedLength(piece, encoding);
  return total;
}

/** False when `text` certainly has no run over LONG_RUN: every LONG_RUN stretch holds a space or a newline, and
 *  there is no run of spaces or newlines that long (tabs and mixed whitespace runs are not checked: rare, and
 *  whitespace pieces merge little). */
export function mayHaveLongRun(text: string): boolean {
  if (text.length <= LONG_RUN) return false;
  // Jump window by window: the last space or newline inside [from, from + LONG_RUN] is where the next window starts.
  for (let from = 0; text.length - from > LONG_RUN; ) {
    const last = Math.max(text.lastIndexOf(' ', from + LONG_RUN), text.lastIndexOf('\n', from + LONG_RUN));
    if (last < from) return true;
    from = last + 1;
  }
  return text.includes(SPACE_RUN) || text.includes(NEWLINE_RUN);
}

const IS_LETTER = /[\p{L}\p{M}]/u;
const IS_NUMBER = /\p{N}/u;
const IS_SPACE = /\s/u;
const CLASS_LETTER = 0;
const CLASS_SYMBOL = 1;
const CLASS_SPACE = 2;
const CLASS_NUMBER = 3; // numbers: tiktoken splits digits into groups of at most three, so they never form long pieces

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return CLASS_LETTER;
    if (c >= 0x30 && c <= 0x39) return CLASS_NUMBER;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return CLASS_SPACE;
    return CLASS_SYMBOL;
  }
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  if (IS_LETTER.test(ch)) return CLASS_LETTER;
  if (IS_NUMBER.test(ch)) return CLASS_NUMBER;
  if (IS_SPACE.test(ch)) return CLASS_SPACE;
  return CLASS_SYMBOL;
}

/** `text` in consecutive pieces: every run of one class longer than LONG_RUN is cut off from the text around it and
 *  into LONG_RUN slices (never inside a surrogate pair); the rest stays whole. One linear pass. */
export function splitLongRuns(text: string): string[] {
  const pieces: string[] = [];
  let pieceStart = 0; // start of the text not yet pushed
  let runStart = 0;
  let runClass = -1;
  let runWasCut = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const cls = classAt(text, i);
    if (cls !== runClass) {
      if (runWasCut) {
        pieces.push(text.slice(pieceStart, i)); // the cut run's last slice stands alone
        pieceStart = i;
      }
      runClass = cls;
      runStart = i;
      runWasCut = false;
    } else if (cls !== CLASS_NUMBER && i + width - runStart > LONG_RUN) {
      if (runStart > pieceStart) pieces.push(text.slice(pieceStart, runStart)); // the text before the run
      pieces.push(text.slice(runStart, i));
      pieceStart = i;
      runStart = i;
      runWasCut = true;
    }
    i += width;
  }
  if (pieceStart < text.length) pieces.push(pieceStart === 0 ? text : text.slice(pieceStart));
  return pieces;
}
