// /v1/responses: `input` is a string or a list of items (messages with a role, or typed items such as tool outputs).
import { checkResponsesStructured } from './validateStructured.ts';
import { checkContentParts } from './validateContent.ts';
import { describe, isObject, oneOf, quote, type JsonObject } from './describe.ts';

const RESPONSES_ROLES = ['user', 'assistant', 'system', 'developer'] as const;
const responsesRoles: ReadonlySet<string> = new Set(RESPONSES_ROLES);

export function checkResponsesBody(body: JsonObject, problems: string[]): void {
  checkResponsesStructured(body, problems);
  const input = body.input;
  if (input === undefined) {
    // A stored prompt (body.prompt) may carry the whole conversation, so input is optional only then.
    if (body.prompt === undefined) problems.push('body.input is missing (a string or an array of input items)');
    return;
  }
  if (typeof input === 'string') return;
  if (!Array.isArray(input)) {
    problems.push(`body.input must be a string or an array of input items, got ${describe(input)}`);
    return;
  }
  for (let i = 0; i < input.length; i++) checkInputItem(input[i], `body.input[${i}]`, problems);
}

function checkInputItem(item: unknown, at: string, problems: string[]): void {
  if (!isObject(item)) {
    problems.push(`${at} must be an object (a message or a typed item), got ${describe(item)}`);
    return;
  }
  const isMessage = item.role !== undefined || item.type === 'message';
  if (!isMessage) {
    if (item.type === undefined) problems.push(`${at} has neither a role nor a type`);
    else if (typeof item.type !== 'string') problems.push(`${at}.type must be a string, got ${describe(item.type)}`);
    // Typed items (function_call_output, item_reference, reasoning…) are many and evolving: left to the API.
    return;
  }
  const role = item.role;
  if (role === undefined) problems.push(`${at}.role is missing`);
  else if (typeof role !== 'string') problems.push(`${at}.role must be a string, got ${describe(role)}`);
  else if (!responsesRoles.has(role)) problems.push(`${at}.role ${quote(role)} is not one of ${oneOf(RESPONSES_ROLES)}`);

  const content = item.content;
  if (content === undefined) problems.push(`${at}.content is missing`);
  else if (Array.isArray(content)) checkContentParts(content, `${at}.content`, problems);
  else if (typeof content !== 'string') {
    problems.push(`${at}.content must be a string or an array of content parts, got ${describe(content)}`);
  }
}
