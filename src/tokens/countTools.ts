import { countText } from './countText.ts';
import type { EncodingName, FunctionDefinition } from './types.ts';
import { asArray, asString, isRecord } from './util.ts';

// Function definitions reach the model as a TypeScript namespace appended to the system message (hmarr's
// reverse engineering, carried on by gpt-tokenizer; tokens.md §1f). Counting that rendering is more exact
// than the cookbook's num_tokens_for_tools constants (tokens.md §1d): both give the cookbook's own verified
// example the same count (gpt-4o 101, gpt-3.5-turbo 105 with the cookbook's messages), and on the API-measured
// cases listed in tokens.md §1f the rendering is exact every time, where the cookbook constants drift on nested
// objects, properties without a description and enums (test/tokens/tools.test.ts holds both).
// The rendering below is written from that description; the constants are the measured ones.
const DEFINITIONS_OVERHEAD = 9;
// When a system message exists, the namespace is merged into it and 4 framing tokens are saved; the system
// text then ends with a newline before the namespace.
const SYSTEM_MERGE_SAVING = 4;

/** Function definitions out of chat `tools` ({type:'function', function:{…}}), legacy `functions`, or flat responses tools. */
export function functionDefinitions(tools: unknown): FunctionDefinition[] {
  const definitions: FunctionDefinition[] = [];
  for (const tool of asArray(tools)) {
    if (!isRecord(tool)) continue;
    // Other tool types (web_search, file_search, custom…) carry hidden server-side prompts that cannot be
    // known offline; they are not counted.
    if (tool.type !== undefined && tool.type !== 'function') continue;
    const fn = isRecord(tool.function) ? tool.function : tool;
    const name = asString(fn.name);
    if (!name) continue;
    definitions.push({ name, description: asString(fn.description), parameters: fn.parameters });
  }
  return definitions;
}

/**
 * Tokens the function definitions add to a request (0 for none). `systemText` is the text of the first
 * system (or developer / instructions) message, null when there is none: the namespace joins it.
 */
export function countFunctionDefinitions(
  functions: FunctionDefinition[],
  systemText: string | null,
  encoding: EncodingName,
): number {
  if (functions.length === 0) return 0;
  let total = countText(renderFunctionNamespace(functions), encoding) + DEFINITIONS_OVERHEAD;
  if (systemText !== null) {
    total -= SYSTEM_MERGE_SAVING;
    if (systemText !== '' && !systemText.endsWith('\n')) {
      total += countText(systemText + '\n', encoding) - countText(systemText, encoding);
    }
  }
  return total;
}

/** The namespace the model reads: one commented TypeScript type per function. */
export function renderFunctionNamespace(functions: FunctionDefinition[]): string {
  const lines = ['namespace functions {', ''];
  for (const fn of functions) {
    if (fn.description) lines.push(`// ${fn.description}`);
    const parameters = isRecord(fn.parameters) ? fn.parameters : {};
    if (!isRecord(parameters.properties) || Object.keys(parameters.properties).length === 0) {
      lines.push(`type ${fn.name} = () => any;`);
    } else {
      lines.push(`type ${fn.name} = (_: {`, renderProperties(parameters, 0, 0), '}) => any;');
    }
    lines.push('');
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

// Schemas nested deeper than this are rendered as `any`: real tool schemas stay within a handful of levels, and a
// hostile one (thousands of levels) must not overflow the stack.
const MAX_SCHEMA_DEPTH = 32;

// Only top-level properties show their description (nested ones change nothing in the measured counts);
// optional properties get a '?'.
function renderProperties(schema: Record<string, unknown>, indent: number, depth: number): string {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(asArray(schema.required));
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const property = isRecord(value) ? value : {};
    const description = asString(property.description);
    if (description && indent < 2) lines.push(`${pad}// ${description}`);
    lines.push(`${pad}${name}${required.has(name) ? '' : '?'}: ${renderType(property, indent, depth + 1)},`);
  }
  return lines.join('\n');
}

function renderType(property: Record<string, unknown>, indent: number, depth: number): string {
  if (depth > MAX_SCHEMA_DEPTH) return 'any';
  const values = Array.isArray(property.enum) ? property.enum : null;
  const type = property.type;
  // A type list (["string", "null"]) is not in the measured cases: rendered as a TypeScript union.
  if (Array.isArray(type)) return type.map((t) => renderType({ ...property, type: t }, indent, depth + 1)).join(' | ');
  switch (type) {
    case 'string':
      return values ? values.map((v) => JSON.stringify(v)).join(' | ') : 'string';
    case 'integer':
    case 'number':
      return values ? values.map(String).join(' | ') : 'number';
    case 'boolean':
    case 'null':
      return type;
    case 'array':
      return isRecord(property.items) ? `${renderType(property.items, indent, depth + 1)}[]` : 'any[]';
    case 'object':
      return `{\n${renderProperties(property, indent + 2, depth)}\n${' '.repeat(indent)}}`;
    default:
      return 'any';
  }
}

/**
 * tool_choice / function_call, measured (tokens.md §1f): "none" adds 1 token, a named function 4 + its name,
 * "auto" nothing. "required" has no measurement and is counted like "auto".
 */
export function countToolChoice(choice: unknown, encoding: EncodingName): number {
  if (choice === 'none') return 1;
  if (!isRecord(choice)) return 0;
  // chat tools {type:'function', function:{name}}, legacy function_call {name}, responses {type:'function', name}
  const fn = isRecord(choice.function) ? choice.function : choice;
  const name = asString(fn.name);
  return name ? 4 + countText(name, encoding) : 0;
}
