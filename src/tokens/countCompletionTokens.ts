import { countStringsOrTokenArrays } from './countPromptInput.ts';
import { countText } from './countText.ts';
import type { EncodingName, TokenCount } from './types.ts';
import { asString } from './util.ts';

/** Adds the input tokens of a legacy /v1/completions body: every prompt, plus the suffix the model also reads. */
export function countCompletionTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  count.input_tokens += countStringsOrTokenArrays(body.prompt, encoding);
  count.input_tokens += countText(asString(body.suffix) ?? '', encoding);
}
