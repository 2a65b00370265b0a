import { countText } from './countText.ts';
import { TOKENS_PER_CALL } from './messageFormat.ts';
import type { EncodingName } from './types.ts';
import { asString, isRecord } from './util.ts';

/** A function (or custom tool) call the assistant made earlier in the conversation: name + arguments + framing. */
export function countCall(call: unknown, encoding: EncodingName): number {
  if (!isRecord(call)) return 0;
  const name = asString(call.name) ?? '';
  const args = asString(call.arguments) ?? asString(call.input) ?? '';
  return TOKENS_PER_CALL + countText(name, encoding) + countText(args, encoding);
}
