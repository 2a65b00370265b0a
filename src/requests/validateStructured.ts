// The structured fields of chat and responses bodies — tools, tool_choice, functions, response_format, text.format —
// checked by shape. Only what the API refuses is an error ("tools": "nope" is a 400 there), so a tool type we do not
// know (a new built-in tool) passes as long as it is an object with a type.
import { describe, isObject, oneOf, quote, type JsonObject } from './describe.ts';

/** OpenAI's function-name rule: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_CHOICE_WORDS = ['none', 'auto', 'required'] as const;
const FORMAT_TYPES = ['text', 'json_object', 'json_schema'] as const;

export function checkChatStructured(body: JsonObject, problems: string[]): void {
  checkToolList(body.tools, 'body.tools', 'chat', problems);
  checkToolChoice(body.tool_choice, 'body.tool_choice', problems);
  if (body.functions !== undefined) {
    if (!Array.isArray(body.functions)) problems.push(`body.functions must be an array of function definitions, got ${describe(body.functions)}`);
    else body.functions.forEach((f, i) => checkFunction(f, `body.functions[${i}]`, problems));
  }
  if (body.response_format !== undefined && body.response_format !== null) checkFormat(body.response_format, 'body.response_format', 'chat', problems);
}

export function checkResponsesStructured(body: JsonObject, problems: string[]): void {
  checkToolList(body.tools, 'body.tools', 'responses', problems);
  checkToolChoice(body.tool_choice, 'body.tool_choice', problems);
  if (body.text !== undefined && body.text !== null) {
    if (!isObject(body.text)) problems.push(`body.text must be an object like {"format": {...}}, got ${describe(body.text)}`);
    else if (body.text.format !== undefined) checkFormat(body.text.format, 'body.text.format', 'responses', problems);
  }
}

function checkToolList(tools: unknown, at: string, api: 'chat' | 'responses', problems: string[]): void {
  if (tools === undefined || tools === null) return;
  if (!Array.isArray(tools)) {
    problems.push(`${at} must be an array of tool definitions, got ${describe(tools)}`);
    return;
  }
  tools.forEach((tool, i) => {
    const here = `${at}[${i}]`;
    if (!isObject(tool)) return void problems.push(`${here} must be an object with a "type", got ${describe(tool)}`);
    if (typeof tool.type !== 'string' || tool.type === '') return void problems.push(`${here}.type must be a string such as "function", got ${describe(tool.type)}`);
    if (tool.type !== 'function') return;
    // Chat nests the definition under "function"; the Responses API puts its fields on the tool itself.
    if (api === 'chat') {
      if (!isObject(tool.function)) return void problems.push(`${here}.function must be an object {"name", "parameters"}, got ${describe(tool.function)}`);
      checkFunction(tool.function, `${here}.function`, problems);
    } else {
      checkFunction(tool, here, problems);
    }
  });
}

function checkFunction(f: unknown, at: string, problems: string[]): void {
  if (!isObject(f)) return void problems.push(`${at} must be an object {"name", "parameters"}, got ${describe(f)}`);
  if (typeof f.name !== 'string') problems.push(`${at}.name must be a string, got ${describe(f.name)}`);
  else if (!FUNCTION_NAME.test(f.name)) problems.push(`${at}.name ${quote(f.name)} must be 1–64 letters, digits, underscores or dashes`);
  if (f.description !== undefined && typeof f.description !== 'string') problems.push(`${at}.description must be a string, got ${describe(f.description)}`);
  if (f.parameters !== undefined && f.parameters !== null && !isObject(f.parameters)) problems.push(`${at}.parameters must be a JSON Schema object, got ${describe(f.parameters)}`);
  if (f.strict !== undefined && f.strict !== null && typeof f.strict !== 'boolean') problems.push(`${at}.strict must be true or false, got ${describe(f.strict)}`);
}

function checkToolChoice(choice: unknown, at: string, problems: string[]): void {
  if (choice === undefined || choice === null) return;
  if (typeof choice === 'string') {
    if (!(TOOL_CHOICE_WORDS as readonly string[]).includes(choice)) problems.push(`${at} ${quote(choice)} is not one of ${oneOf(TOOL_CHOICE_WORDS)} (or an object naming a tool)`);
    return;
  }
  if (!isObject(choice) || typeof choice.type !== 'string') problems.push(`${at} must be ${oneOf(TOOL_CHOICE_WORDS)} or an object with a "type", got ${describe(choice)}`);
}

function checkFormat(format: unknown, at: string, api: 'chat' | 'responses', problems: string[]): void {
  if (!isObject(format)) return void problems.push(`${at} must be an object like {"type": "json_schema", …}, got ${describe(format)}`);
  if (typeof format.type !== 'string' || !(FORMAT_TYPES as readonly string[]).includes(format.type)) {
    return void problems.push(`${at}.type must be one of ${oneOf(FORMAT_TYPES)}, got ${describe(format.type)}`);
  }
  if (format.type !== 'json_schema') return;
  // Chat nests the schema under "json_schema"; the Responses API's text.format carries name and schema itself.
  const spec = api === 'chat' ? format.json_schema : format;
  const where = api === 'chat' ? `${at}.json_schema` : at;
  if (!isObject(spec)) return void problems.push(`${where} must be an object {"name", "schema"}, got ${describe(spec)}`);
  if (typeof spec.name !== 'string' || !FUNCTION_NAME.test(spec.name)) problems.push(`${where}.name must be 1–64 letters, digits, underscores or dashes, got ${describe(spec.name)}`);
  if (spec.schema !== undefined && !isObject(spec.schema)) problems.push(`${where}.schema must be a JSON Schema object, got ${describe(spec.schema)}`);
}
