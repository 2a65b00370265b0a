import { countCall } from './countCall.ts';
import { addImage } from './countImage.ts';
import { countJsonSchemaFormat } from './countStructuredOutput.ts';
import { countText } from './countText.ts';
import { countFunctionDefinitions, countToolChoice, functionDefinitions } from './countTools.ts';
import { REPLY_PRIMING, SYSTEM_ROLES, TOKENS_PER_MESSAGE } from './messageFormat.ts';
import type { EncodingName, TokenCount } from './types.ts';
import { asArray, asString, contentText, isRecord } from './util.ts';

/**
 * Adds the input tokens of a /v1/responses body to `count`. No published rule exists (the exact number comes
 * from POST /v1/responses/input_tokens, which needs the network); the API renders the same chat format, so
 * the chat constants apply: `instructions` is a developer message, a string `input` a user message, each
 * item a message (3 + role + content), a function_call an assistant message holding that call, a
 * function_call_output a tool message. Not countable offline, so not counted: input_file and input_audio
 * parts, encrypted reasoning, item_reference / previous_response_id / prompt (stored server-side), the hidden
 * prompts of built-in tools (web_search, file_search…).
 */
export function countResponsesTokens(body: Record<string, unknown>, encoding: EncodingName, count: TokenCount): void {
  const model = asString(body.model) ?? '';
  const instructions = asString(body.instructions);
  if (instructions !== undefined) addMessage(count, 'developer', instructions, model, encoding);
  if (typeof body.input === 'string') addMessage(count, 'user', body.input, model, encoding);
  for (const item of asArray(body.input)) if (isRecord(item)) addItem(count, item, model, encoding);
  count.input_tokens += REPLY_PRIMING;

  const definitions = functionDefinitions(body.tools);
  if (definitions.length > 0) {
    count.input_tokens += countFunctionDefinitions(definitions, systemText(instructions, body.input), encoding);
    count.input_tokens += countToolChoice(body.tool_choice, encoding);
  }
  if (isRecord(body.text)) count.input_tokens += countJsonSchemaFormat(body.text.format, encoding);
}

// The namespace of function definitions joins the instructions, or else the first system/developer item.
function systemText(instructions: string | undefined, input: unknown): string | null {
  if (instructions !== undefined) return instructions;
  for (const item of asArray(input)) {
    if (!isRecord(item) || (item.type ?? 'message') !== 'message' || !SYSTEM_ROLES.has(item.role as string)) continue;
    return contentText(item.content);
  }
  return null;
}

function addItem(count: TokenCount, item: Record<string, unknown>, model: string, encoding: EncodingName): void {
  switch (item.type ?? 'message') {
    case 'message':
      addMessage(count, asString(item.role) ?? 'user', item.content, model, encoding);
      return;
    case 'function_call':
    case 'custom_tool_call':
      count.input_tokens += TOKENS_PER_MESSAGE + countText('assistant', encoding) + countCall(item, encoding);
      return;
    case 'function_call_output':
    case 'custom_tool_call_output':
      addMessage(count, 'tool', item.output, model, encoding);
      return;
    case 'reasoning':
      // Only the readable summary can be counted; encrypted_content is opaque.
      for (const part of asArray(item.summary)) {
        if (isRecord(part)) count.input_tokens += countText(asString(part.text) ?? '', encoding);
      }
      return;
  }
}

function addMessage(count: TokenCount, role: string, content: unknown, model: string, encoding: EncodingName): void {
  count.input_tokens += TOKENS_PER_MESSAGE + countText(role, encoding);
  if (typeof content === 'string') {
    count.input_tokens += countText(content, encoding);
    return;
  }
  for (const part of asArray(content)) {
    if (!isRecord(part)) continue;
    if (part.type === 'input_text' || part.type === 'output_text') {
      count.input_tokens += countText(asString(part.text) ?? '', encoding);
    } else if (part.type === 'refusal') {
      count.input_tokens += countText(asString(part.refusal) ?? '', encoding);
    } else if (part.type === 'input_image') {
      addImage(count, model, asString(part.image_url), part.detail);
    }
  }
}
