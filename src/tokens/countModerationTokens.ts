import { addImage } from './countImage.ts';
import { countText } from './countText.ts';
import type { EncodingName, TokenCount } from './types.ts';
import { asArray, asString, isRecord } from './util.ts';

/**
 * Adds the input tokens of a /v1/moderations body: a string, strings, or text / image_url parts. Moderation
 * is free, so this only feeds rate-limit and queue planning; images follow the image rule of the model
 * (omni-moderation gets the default, gpt-4o's).
 */
export function countModerationTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  const model = asString(body.model) ?? '';
  if (typeof body.input === 'string') {
    count.input_tokens += countText(body.input, encoding);
    return;
  }
  for (const element of asArray(body.input)) {
    if (typeof element === 'string') count.input_tokens += countText(element, encoding);
    else if (isRecord(element) && element.type === 'text') count.input_tokens += countText(asString(element.text) ?? '', encoding);
    else if (isRecord(element) && element.type === 'image_url') {
      const image = isRecord(element.image_url) ? element.image_url : { url: element.image_url };
      addImage(count, model, asString(image.url), image.detail);
    }
  }
}
