import { countStringsOrTokenArrays } from './countPromptInput.ts';
import type { EncodingName, TokenCount } from './types.ts';

/** Adds the input tokens of a /v1/embeddings body: the input's tokens, nothing else (usage.prompt_tokens). */
export function countEmbeddingTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  count.input_tokens += countStringsOrTokenArrays(body.input, encoding);
}
