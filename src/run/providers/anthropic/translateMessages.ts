// OpenAI chat messages as Anthropic's `system` + `messages`. Anthropic takes one system prompt ahead of the
// conversation, tool calls as tool_use blocks of the assistant turn and tool answers as tool_result blocks of the next
// user turn; everything else that cannot be said that way is a problem of the line.
import { asTextBlocks, textContent, userContent } from './translateContent.ts';
import type { ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ContentBlockParam, MessageParam, TextBlockParam } from './wire.ts';

export interface TranslatedMessages {
  system: string | TextBlockParam[] | undefined;
  messages: MessageParam[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Message fields with no Anthropic counterpart, and why they cannot simply be left out. */
const UNSUPPORTED_FIELDS: Record<string, string> = {
  name: "a participant name; Anthropic's messages carry none",
  audio: 'a reference to an earlier audio answer; Anthropic has no audio',
  function_call: 'the deprecated function_call; use tool_calls',
};

function toolUse(call: unknown, where: string, problems: string[]): ContentBlockParam | null {
  if (!isObject(call) || call.type !== 'function' || !isObject(call.function)) {
    problems.push(`${where}: only function tool calls have an Anthropic equivalent (tool_use)`);
    return null;
  }
  const { name, arguments: args } = call.function;
  if (typeof call.id !== 'string' || typeof name !== 'string') {
    problems.push(`${where}: a tool call needs an id and a function name`);
    return null;
  }
  let input: unknown;
  try {
    input = typeof args === 'string' ? JSON.parse(args) : undefined;
  } catch {
    input = undefined;
  }
  // tool_use.input is the arguments as an object; OpenAI keeps them as a JSON string that need not be one.
  if (!isObject(input)) {
    problems.push(`${where}.function.arguments: must be a JSON object (Anthropic's tool_use takes the arguments as an object)`);
    return null;
  }
  return { type: 'tool_use', id: call.id, name, input };
}

function assistantMessage(m: Record<string, unknown>, where: string, problems: string[]): MessageParam {
  const calls = Array.isArray(m.tool_calls) ? m.tool_calls : [];
  if (m.tool_calls !== undefined && m.tool_calls !== null && !Array.isArray(m.tool_calls)) problems.push(`${where}.tool_calls: must be an array`);
  if (typeof m.refusal === 'string') problems.push(`${where}.refusal: an earlier refusal has no Anthropic equivalent in a request`);
  const hasContent = m.content !== undefined && m.content !== null;
  if (!hasContent && calls.length === 0) problems.push(`${where}: an assistant message needs content or tool_calls`);
  const text = hasContent ? textContent(m.content, `${where}.content`, problems, calls.length > 0) : '';
  if (calls.length === 0 && typeof text === 'string') return { role: 'assistant', content: text };
  const blocks: ContentBlockParam[] = [...asTextBlocks(text)];
  calls.forEach((c, i) => {
    const block = toolUse(c, `${where}.tool_calls[${i}]`, problems);
    if (block) blocks.push(block);
  });
  return { role: 'assistant', content: blocks };
}

function toolResult(m: Record<string, unknown>, where: string, problems: string[]): ToolResultBlockParam {
  if (typeof m.tool_call_id !== 'string' || m.tool_call_id === '') problems.push(`${where}: a tool message needs tool_call_id`);
  // An empty tool answer is allowed: tool_result.content is optional.
  const content = textContent(m.content ?? '', `${where}.content`, problems, true);
  return { type: 'tool_result', tool_use_id: String(m.tool_call_id ?? ''), ...(content === '' ? {} : { content }) };
}

export function translateMessages(raw: unknown, problems: string[]): TranslatedMessages {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('messages: must be a non-empty array');
    return { system: undefined, messages: [] };
  }
  const system: TextBlockParam[] = [];
  let systemText: string | null = null;
  let systemCount = 0;
  const messages: MessageParam[] = [];
  raw.forEach((m, i) => {
    const where = `messages[${i}]`;
    if (!isObject(m)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    for (const [field, why] of Object.entries(UNSUPPORTED_FIELDS)) {
      if (m[field] !== undefined && m[field] !== null) problems.push(`${where}.${field}: ${why}`);
    }
    const role = m.role;
    if (role === 'system' || role === 'developer') {
      if (messages.length > 0) {
        problems.push(`${where}: a ${role} message after the conversation has begun; Anthropic takes one system prompt, ahead of the messages`);
        return;
      }
      const content = textContent(m.content, `${where}.content`, problems);
      systemCount++;
      if (typeof content === 'string' && systemCount === 1) systemText = content;
      system.push(...asTextBlocks(content));
      return;
    }
    if (role === 'user') {
      messages.push({ role: 'user', content: userContent(m.content, `${where}.content`, problems) });
      return;
    }
    if (role === 'assistant') {
      messages.push(assistantMessage(m, where, problems));
      return;
    }
    if (role === 'tool') {
      // The answers to one assistant turn's parallel calls belong in one user turn, tool_result blocks first.
      const block = toolResult(m, where, problems);
      const last = messages.at(-1);
      if (last && last.role === 'user' && Array.isArray(last.content) && last.content.every((b) => b.type === 'tool_result')) {
        (last.content as ContentBlockParam[]).push(block);
      } else {
        messages.push({ role: 'user', content: [block] });
      }
      return;
    }
    if (role === 'function') {
      problems.push(`${where}: the deprecated function role; use tool messages`);
      return;
    }
    problems.push(`${where}: role ${JSON.stringify(role)} has no Anthropic equivalent`);
  });
  if (messages.length === 0) {
    problems.push('messages: Anthropic needs at least one user or assistant message besides the system prompt');
  } else if (messages.at(-1)!.role === 'assistant') {
    // Anthropic continues a final assistant turn (prefill) where OpenAI answers it with a new message.
    problems.push(`messages[${raw.length - 1}]: the conversation ends with an assistant message, which Anthropic continues (prefill) instead of answering`);
  }
  // One plain string stays a string; several messages or parts become text blocks in their order.
  const single = systemCount === 1 ? (systemText as string | null) : null;
  if (single !== null) return { system: single === '' ? undefined : single, messages };
  return { system: system.length > 0 ? system : undefined, messages };
}
