import { countText } from './countText.ts';
import type { EncodingName, TokenCount } from './types.ts';
import { asString } from './util.ts';

/**
 * The text input tokens of an image request (/v1/images/generations or /v1/images/edits): the prompt's tokens, with
 * no framing (the API reports them as usage.input_tokens_details.text_tokens, billed at the model's text-input rate).
 * An edit's input images and mask bill as image input tokens at a separate rate and are not counted here.
 */
export function countImagePromptTokens(body: Record<string, unknown>, encoding: EncodingName): number {
  return countText(asString(body.prompt) ?? '', encoding);
}

export function countImageTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  count.input_tokens += countImagePromptTokens(body, encoding);
}

/** /v1/videos: a video job bills per second of output; its prompt is not billed as tokens. */
export function countVideoTokens(): void {}
