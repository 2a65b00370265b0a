// OpenAI function tools, tool_choice and parallel_tool_calls as Anthropic's tools and tool_choice.
import type { Tool, ToolChoice } from './wire.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function tool(t: unknown, where: string, problems: string[]): Tool | null {
  if (!isObject(t) || t.type !== 'function' || !isObject(t.function)) {
    problems.push(`${where}: only function tools have an Anthropic equivalent (got ${JSON.stringify(isObject(t) ? t.type : t)})`);
    return null;
  }
  const f = t.function;
  if (typeof f.name !== 'string' || f.name === '') {
    problems.push(`${where}.function.name: required`);
    return null;
  }
  // A function without parameters takes no arguments: an empty object schema says the same to Anthropic.
  const parameters = f.parameters ?? { type: 'object', properties: {} };
  if (!isObject(parameters) || parameters.type !== 'object') {
    problems.push(`${where}.function.parameters: Anthropic's input_schema must be a JSON schema of type "object"`);
    return null;
  }
  return {
    name: f.name,
    ...(typeof f.description === 'string' ? { description: f.description } : {}),
    input_schema: parameters as Tool['input_schema'],
    ...(typeof f.strict === 'boolean' ? { strict: f.strict } : {}),
  };
}

export function translateTools(raw: unknown, problems: string[]): Tool[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) {
    problems.push('tools: must be an array');
    return undefined;
  }
  const tools: Tool[] = [];
  raw.forEach((t, i) => {
    const translated = tool(t, `tools[${i}]`, problems);
    if (translated) tools.push(translated);
  });
  return tools.length > 0 ? tools : undefined;
}

/** OpenAI's tool_choice: auto → auto, none → none, required → any, a named function → tool. `parallel_tool_calls:
 *  false` is Anthropic's `disable_parallel_tool_use: true` on the choice (auto when the request named none). */
export function translateToolChoice(raw: unknown, parallel: unknown, hasTools: boolean, problems: string[]): ToolChoice | undefined {
  if (parallel !== undefined && parallel !== null && typeof parallel !== 'boolean') problems.push('parallel_tool_calls: must be a boolean');
  const serial = parallel === false && hasTools;
  let choice: ToolChoice | undefined;
  if (raw === undefined || raw === null) choice = undefined;
  else if (raw === 'auto') choice = { type: 'auto' };
  else if (raw === 'none') choice = { type: 'none' };
  else if (raw === 'required') choice = { type: 'any' };
  else if (isObject(raw) && raw.type === 'function' && isObject(raw.function) && typeof raw.function.name === 'string') {
    choice = { type: 'tool', name: raw.function.name };
  } else {
    problems.push(`tool_choice: ${JSON.stringify(raw)} has no Anthropic equivalent (auto, none, required or one named function do)`);
    return undefined;
  }
  // "none" without tools says what no tools says already.
  if (choice?.type === 'none' && !hasTools) return undefined;
  if (choice !== undefined && !hasTools) {
    problems.push('tool_choice: set without any tools');
    return undefined;
  }
  if (!serial || choice?.type === 'none') return choice;
  return { ...(choice ?? { type: 'auto' }), disable_parallel_tool_use: true } as ToolChoice;
}
