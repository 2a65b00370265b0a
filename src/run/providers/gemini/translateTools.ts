// OpenAI `tools` / `tool_choice` / `parallel_tool_calls` → Gemini `tools[].functionDeclarations` and
// `toolConfig.functionCallingConfig`. Function parameters go as `parametersJsonSchema` (full JSON Schema) rather than
// `parameters` (Google's OpenAPI subset, which refuses much of what OpenAI request files contain).
import type { LineProblem } from '../types.ts';
import type { GeminiFunctionDeclaration, GeminiTool, GeminiToolConfig } from './wire.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface TranslatedTools {
  tools: GeminiTool[] | null;
  toolConfig: GeminiToolConfig | null;
}

function declarations(tools: unknown, problems: LineProblem[]): GeminiFunctionDeclaration[] {
  if (!Array.isArray(tools)) {
    problems.push({ message: 'tools must be an array' });
    return [];
  }
  const out: GeminiFunctionDeclaration[] = [];
  tools.forEach((tool, i) => {
    const fn = isObject(tool) && tool.type === 'function' && isObject(tool.function) ? tool.function : null;
    if (!fn || typeof fn.name !== 'string') {
      const type = isObject(tool) ? tool.type : undefined;
      problems.push({ message: `tools[${i}]: only function tools can be sent to Gemini (got ${JSON.stringify(type)})` });
      return;
    }
    const d: GeminiFunctionDeclaration = { name: fn.name };
    if (typeof fn.description === 'string') d.description = fn.description;
    if (fn.parameters !== undefined) {
      if (!isObject(fn.parameters)) problems.push({ message: `tools[${i}].function.parameters must be a JSON Schema object` });
      else d.parametersJsonSchema = fn.parameters;
    }
    // `strict` has no Gemini switch: the schema is sent, adherence is the model's (see README, differences).
    out.push(d);
  });
  return out;
}

/** The names a named or allowed-tools choice restricts the model to, or null when it is not one of those. */
function namedChoice(choice: Record<string, unknown>, problems: LineProblem[]): { mode: 'ANY' | 'AUTO'; names: string[] } | null {
  if (choice.type === 'function' && isObject(choice.function) && typeof choice.function.name === 'string') {
    return { mode: 'ANY', names: [choice.function.name] };
  }
  if (choice.type === 'allowed_tools' && isObject(choice.allowed_tools)) {
    const a = choice.allowed_tools;
    const names: string[] = [];
    for (const t of Array.isArray(a.tools) ? a.tools : []) {
      if (isObject(t) && t.type === 'function' && isObject(t.function) && typeof t.function.name === 'string') names.push(t.function.name);
      else problems.push({ message: 'tool_choice.allowed_tools: only function tools can be named for Gemini' });
    }
    if (a.mode === 'required') return { mode: 'ANY', names };
    // Gemini honours allowedFunctionNames only with mode ANY: "auto among these" has no equivalent.
    problems.push({ message: 'tool_choice.allowed_tools with mode "auto" has no Gemini equivalent (allowedFunctionNames applies only when a call is required)' });
    return null;
  }
  return null;
}

export function translateTools(body: Record<string, unknown>, problems: LineProblem[]): TranslatedTools {
  const hasTools = body.tools !== undefined && body.tools !== null;
  const decls = hasTools ? declarations(body.tools, problems) : [];
  const tools = decls.length > 0 ? [{ functionDeclarations: decls }] : null;

  if (body.parallel_tool_calls === false) {
    problems.push({ message: 'parallel_tool_calls: false has no Gemini equivalent (Gemini may call several functions in one turn)' });
  }

  const choice = body.tool_choice;
  if (choice === undefined || choice === null) return { tools, toolConfig: null };
  if (!tools) {
    problems.push({ message: 'tool_choice is set but there are no function tools to choose from' });
    return { tools, toolConfig: null };
  }
  if (choice === 'auto') return { tools, toolConfig: { functionCallingConfig: { mode: 'AUTO' } } };
  if (choice === 'none') return { tools, toolConfig: { functionCallingConfig: { mode: 'NONE' } } };
  if (choice === 'required') return { tools, toolConfig: { functionCallingConfig: { mode: 'ANY' } } };
  if (isObject(choice)) {
    const named = namedChoice(choice, problems);
    if (named) return { tools, toolConfig: { functionCallingConfig: { mode: named.mode, allowedFunctionNames: named.names } } };
    if (choice.type !== 'allowed_tools') problems.push({ message: `tool_choice ${JSON.stringify(choice)} has no Gemini equivalent` });
    return { tools, toolConfig: null };
  }
  problems.push({ message: `tool_choice ${JSON.stringify(choice)} has no Gemini equivalent` });
  return { tools, toolConfig: null };
}
