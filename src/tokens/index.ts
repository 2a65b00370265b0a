// The tokens stage: exact input token counts of OpenAI request bodies, offline.
export type { EncodingName, TokenCount } from './types.ts';
export { UnknownModelError } from './UnknownModelError.ts';
export { encodingIsAssumed, encodingNameForModel } from './encodingForModel.ts';
export { CACHE_MIN_TOKENS, cachePrefixes } from './cachePrefixes.ts';
export type { CachePrefix } from './cachePrefixes.ts';
export { countText } from './countText.ts';
export { countRequestTokens } from './countRequestTokens.ts';
export { countImagePromptTokens } from './countImagePromptTokens.ts';
