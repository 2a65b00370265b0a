// The tokens stage: exact input token counts of OpenAI request bodies, offline; stated approximations for other providers.
export type { EncodingName, TokenCount } from './types.ts';
export { UnknownModelError } from './UnknownModelError.ts';
export { encodingIsAssumed, encodingNameForModel } from './encodingForModel.ts';
export { CACHE_MIN_TOKENS, cachePrefixes } from './cachePrefixes.ts';
export type { CachePrefix, PrefixOptions } from './cachePrefixes.ts';
export { cacheMarks, promptCacheRules } from './promptCacheRules.ts';
export type { CacheMarks, CacheProvider, PromptCacheRules } from './promptCacheRules.ts';
export { approximateTokens, approximationMethod, tokenRatioFor, TOKEN_RATIOS } from './approximate.ts';
export type { TokenRatio } from './approximate.ts';
export { countText } from './countText.ts';
export { countRequestTokens } from './countRequestTokens.ts';
export { countImagePromptTokens } from './countImagePromptTokens.ts';
