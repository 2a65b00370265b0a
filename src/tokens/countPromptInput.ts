import { countText } from './countText.ts';
import type { EncodingName } from './types.ts';

/**
 * Embeddings `input` and completions `prompt`: a string, an array of strings, an array of token ids, or an
 * array of token-id arrays. Token arrays are already tokens: their length is the count. No framing overhead.
 */
export function countStringsOrTokenArrays(input: unknown, encoding: EncodingName): number {
  if (typeof input === 'string') return countText(input, encoding);
  if (!Array.isArray(input)) return 0;
  let total = 0;
  for (const element of input) {
    if (typeof element === 'string') total += countText(element, encoding);
    else if (typeof element === 'number') total += 1;
    else if (Array.isArray(element)) total += element.length;
  }
  return total;
}
