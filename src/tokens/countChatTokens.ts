import { countCall } from './countCall.ts';
import { addImage } from './countImage.ts';
import { countJsonSchemaFormat } from './countStructuredOutput.ts';
import { countText } from './countText.ts';
import { countFunctionDefinitions, countToolChoice, functionDefinitions } from './countTools.ts';
import { FUNCTION_ROLE_DISCOUNT, messageConstants, REPLY_PRIMING, SYSTEM_ROLES } from './messageFormat.ts';
import type { EncodingName, TokenCount } from './types.ts';
import { asArray, asString, contentText, isRecord } from './util.ts';

// Keys of a message that are API bookkeeping rather than text the model reads.
const NOT_RENDERED = new Set(['tool_call_id']);

/** Adds the input tokens of a /v1/chat/completions body to `count`. */
export function countChatTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  const model = asString(body.model) ?? '';
  const { perMessage, perName } = messageConstants(model);
  for (const message of asArray(body.messages)) {
    if (!isRecord(message)) continue;
    count.input_tokens += perMessage;
    if (message.role === 'function') count.input_tokens -= FUNCTION_ROLE_DISCOUNT;
    for (const [key, value] of Object.entries(message)) {
      if (key === 'content') addContent(count, value, model, encoding);
      else if (key === 'tool_calls') count.input_tokens += countToolCalls(value, encoding);
      else if (key === 'function_call') count.input_tokens += countCall(value, encoding);
      else if (typeof value === 'string' && !NOT_RENDERED.has(key)) {
        // Every other string (role, name, refusal…) is encoded, as in the cookbook.
        count.input_tokens += countText(value, encoding);
        if (key === 'name') count.input_tokens += perName;
      }
    }
  }
  count.input_tokens += REPLY_PRIMING;

  const legacy = body.functions !== undefined;
  const definitions = functionDefinitions(legacy ? body.functions : body.tools);
  if (definitions.length > 0) {
    count.input_tokens += countFunctionDefinitions(definitions, firstSystemText(body.messages), encoding);
    count.input_tokens += countToolChoice(legacy ? body.function_call : body.tool_choice, encoding);
  }
  count.input_tokens += countJsonSchemaFormat(body.response_format, encoding);
}

function firstSystemText(messages: unknown): string | null {
  for (const message of asArray(messages)) {
    if (isRecord(message) && SYSTEM_ROLES.has(message.role as string)) return contentText(message.content);
  }
  return null;
}

/**
 * Content is a string or an array of parts. input_audio and file parts are not counted: audio tokens depend on
 * the audio's duration and a PDF's on its pages rendered as images, neither knowable from the request alone.
 */
function addContent(count: TokenCount, content: unknown, model: string, encoding: EncodingName): void {
  if (typeof content === 'string') {
    count.input_tokens += countText(content, encoding);
    return;
  }
  for (const part of asArray(content)) {
    if (!isRecord(part)) continue;
    if (part.type === 'text') count.input_tokens += countText(asString(part.text) ?? '', encoding);
    else if (part.type === 'refusal') count.input_tokens += countText(asString(part.refusal) ?? '', encoding);
    else if (part.type === 'image_url') {
      const image = isRecord(part.image_url) ? part.image_url : { url: part.image_url };
      addImage(count, model, asString(image.url), image.detail);
    }
  }
}

function countToolCalls(calls: unknown, encoding: EncodingName): number {
  let total = 0;
  for (const call of asArray(calls)) {
    if (!isRecord(call)) continue;
    // {type:'function', function:{name, arguments}} or {type:'custom', custom:{name, input}}
    total += countCall(isRecord(call.function) ? call.function : call.custom, encoding);
  }
  return total;
}
