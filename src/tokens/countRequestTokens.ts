import type { Endpoint } from '../requests/types.ts';
import { countChatTokens } from './countChatTokens.ts';
import { countCompletionTokens } from './countCompletionTokens.ts';
import { countEmbeddingTokens } from './countEmbeddingTokens.ts';
import { countImageTokens, countVideoTokens } from './countImagePromptTokens.ts';
import { countModerationTokens } from './countModerationTokens.ts';
import { countResponsesTokens } from './countResponsesTokens.ts';
import type { EncodingName, TokenCount } from './types.ts';

const COUNTERS: Record<Endpoint, (body: Record<string, unknown>, encoding: EncodingName, count: TokenCount) => void> = {
  '/v1/chat/completions': countChatTokens,
  '/v1/responses': countResponsesTokens,
  '/v1/embeddings': countEmbeddingTokens,
  '/v1/completions': countCompletionTokens,
  '/v1/moderations': countModerationTokens,
  '/v1/images/generations': countImageTokens,
  '/v1/images/edits': countImageTokens,
  '/v1/videos': countVideoTokens,
};

/** Input tokens of one request body sent to `url`. `body.model` picks image rules; `encoding` comes from encodingNameForModel. */
export function countRequestTokens(url: Endpoint, body: Record<string, unknown>, encoding: EncodingName): TokenCount {
  const count: TokenCount = { input_tokens: 0, images: 0, unknown_size_images: 0 };
  COUNTERS[url](body, encoding, count);
  return count;
}
