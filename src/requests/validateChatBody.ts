// /v1/chat/completions: the messages array, message by message.
import { checkContentParts } from './validateContent.ts';
import { checkChatStructured } from './validateStructured.ts';
import { describe, isObject, oneOf, quote, type JsonObject } from './describe.ts';

export const CHAT_ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;
const chatRoles: ReadonlySet<string> = new Set(CHAT_ROLES);

export function checkChatBody(body: JsonObject, problems: string[]): void {
  checkChatStructured(body, problems);
  const messages = body.messages;
  if (messages === undefined) {
    problems.push('body.messages is missing (a chat request needs at least one message)');
    return;
  }
  if (!Array.isArray(messages)) {
    problems.push(`body.messages must be an array, got ${describe(messages)}`);
    return;
  }
  if (messages.length === 0) {
    problems.push('body.messages is empty (a chat request needs at least one message)');
    return;
  }
  for (let i = 0; i < messages.length; i++) checkChatMessage(messages[i], `body.messages[${i}]`, problems);
}

function checkChatMessage(message: unknown, at: string, problems: string[]): void {
  if (!isObject(message)) {
    problems.push(`${at} must be an object with a role and content, got ${describe(message)}`);
    return;
  }
  const role = message.role;
  if (role === undefined) {
    problems.push(`${at}.role is missing`);
  } else if (typeof role !== 'string') {
    problems.push(`${at}.role must be a string, got ${describe(role)}`);
  } else if (!chatRoles.has(role)) {
    problems.push(`${at}.role ${quote(role)} is not one of ${oneOf(CHAT_ROLES)}`);
  }
  checkChatContent(message, role, at, problems);
}

function checkChatContent(message: JsonObject, role: unknown, at: string, problems: string[]): void {
  const content = message.content;
  // An assistant turn that only calls tools has no text: the API takes content null or absent there.
  const callsTools = role === 'assistant' && (message.tool_calls !== undefined || message.function_call !== undefined);
  if (content === undefined || content === null) {
    const what = content === null ? 'null' : 'missing';
    if (role !== 'assistant') {
      problems.push(`${at}.content is ${what} (only an assistant message with tool_calls may omit it)`);
    } else if (!callsTools && message.refusal === undefined && message.audio === undefined) {
      problems.push(`${at}.content is ${what} in an assistant message without tool_calls`);
    }
    return;
  }
  if (typeof content === 'string') return;
  if (Array.isArray(content)) {
    checkContentParts(content, `${at}.content`, problems);
    return;
  }
  problems.push(`${at}.content must be a string or an array of content parts, got ${describe(content)}`);
}
