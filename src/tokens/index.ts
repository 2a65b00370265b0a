// The tokens stage: exact input token counts of OpenAI request bodies, offline.
export type { EncodingName, TokenCount } from './types.ts';
export { UnknownModelError } from './UnknownModelError.ts';
export { encodingNameForModel } from './encodingForModel.ts';
export { countText } from './countText.ts';
export { countRequestTokens } from './countRequestTokens.ts';
