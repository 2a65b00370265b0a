// The emulator counts tokens with batchwise's own counter, so a run's usage and its estimate agree by construction.
import type { Endpoint } from '../requests/types.ts';
import type { EncodingName } from '../tokens/index.ts';
import { countRequestTokens, countText, encodingNameForModel } from '../tokens/index.ts';

/** The model's encoding, or o200k_base for a model the counter does not know: the emulator is a test server and
 *  answers any model name (the real API would answer 404 model_not_found). */
export function encodingFor(model: string): EncodingName {
  try {
    return encodingNameForModel(model);
  } catch {
    return 'o200k_base';
  }
}

export function promptTokens(endpoint: Endpoint, body: Record<string, unknown>): number {
  const model = typeof body.model === 'string' ? body.model : '';
  return countRequestTokens(endpoint, body, encodingFor(model)).input_tokens;
}

export function textTokens(text: string, model: string): number {
  return countText(text, encodingFor(model));
}
