// From prepare's flags to a function row → request body. Two kinds of template:
//  - plain text (--template FILE or --prompt TEXT): the user message; --system adds a system message (chat) or
//    instructions (responses);
//  - a JSON body template (--template FILE.json): the whole request body, for what flags cannot say (few-shot
//    messages, tools, temperature…). Placeholders are filled in its string values, after parsing.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Endpoint } from '../requests/types.ts';
import { TemplateError } from './errors.ts';
import { fillPlaceholders, placeholdersIn } from './placeholders.ts';
import { applyResponseFormat, loadResponseFormat } from './responseFormat.ts';
import { ENDPOINT_URLS } from './types.ts';
import type { EndpointName, RequestSpec } from './types.ts';

type Json = Record<string, unknown>;

export interface RequestTemplate {
  endpoint: EndpointName;
  url: Endpoint;
  model: string;
  /** Every column the template uses (user text, system text, or any string of a JSON template). */
  columns: string[];
  notes: string[];
  /** The request body for one row; every column in `columns` must be in `values`. */
  build(values: Record<string, string>): Json;
}

export function compileTemplate(spec: RequestSpec): RequestTemplate {
  const endpoint = spec.endpoint ?? 'chat';
  if (!(endpoint in ENDPOINT_URLS)) throw new TemplateError(`unknown endpoint "${endpoint}" (chat, responses or embeddings)`);
  if ((spec.template === undefined) === (spec.prompt === undefined)) {
    throw new TemplateError('give the prompt as exactly one of --template FILE or --prompt TEXT');
  }
  if (spec.maxTokens !== undefined && !(Number.isInteger(spec.maxTokens) && spec.maxTokens > 0)) {
    throw new TemplateError(`--max-tokens must be a positive integer, got ${spec.maxTokens}`);
  }
  if (endpoint === 'embeddings') {
    for (const [flag, set] of [['--system', spec.system], ['--max-tokens', spec.maxTokens], ['--response-format', spec.responseFormat]] as const) {
      if (set !== undefined) throw new TemplateError(`${flag} does not apply to embeddings`);
    }
  }
  const format = spec.responseFormat === undefined ? null : loadResponseFormat(spec.responseFormat);
  const notes = format ? [...format.notes] : [];

  const isJsonTemplate = spec.template !== undefined && extname(spec.template).toLowerCase() === '.json';
  const base = isJsonTemplate ? jsonBodyTemplate(spec, notes) : textBodyTemplate(spec, endpoint);
  const model = (spec.model ?? base.model) as string;
  const columns = placeholdersIn(stringsOf(base.body).join('\n'));

  return {
    endpoint,
    url: ENDPOINT_URLS[endpoint],
    model,
    columns,
    notes,
    build(values) {
      const body: Json = { model, ...(fillStrings(base.body, values) as Json) };
      if (spec.maxTokens !== undefined) body[endpoint === 'responses' ? 'max_output_tokens' : 'max_completion_tokens'] = spec.maxTokens;
      if (format) applyResponseFormat(body, endpoint, format);
      return body;
    },
  };
}

/** The body without model; placeholders unfilled. */
function textBodyTemplate(spec: RequestSpec, endpoint: EndpointName): { body: Json; model: unknown } {
  if (spec.model === undefined) throw new TemplateError('--model is required (a text template does not name one)');
  const user = spec.prompt ?? readTemplateText(spec.template!);
  if (endpoint === 'embeddings') return { body: { input: user }, model: spec.model };
  if (endpoint === 'responses') {
    return { body: { input: user, ...(spec.system !== undefined ? { instructions: spec.system } : {}) }, model: spec.model };
  }
  const messages: Json[] = [];
  if (spec.system !== undefined) messages.push({ role: 'system', content: spec.system });
  messages.push({ role: 'user', content: user });
  return { body: { messages }, model: spec.model };
}

function jsonBodyTemplate(spec: RequestSpec, notes: string[]): { body: Json; model: unknown } {
  if (spec.system !== undefined) throw new TemplateError('--system does not combine with a JSON body template; put the system message in it');
  let body: unknown;
  try {
    body = JSON.parse(readTemplateText(spec.template!));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw new TemplateError(`template ${spec.template} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TemplateError(`template ${spec.template} must be a request body (a JSON object), e.g. {"messages": […]}`);
  }
  const { model, ...rest } = body as Json;
  if (spec.model === undefined && (typeof model !== 'string' || model.length === 0)) {
    throw new TemplateError(`--model is required (template ${spec.template} has no "model")`);
  }
  if (spec.model !== undefined && typeof model === 'string' && model !== spec.model) {
    notes.push(`--model ${spec.model} replaces the template's "model": "${model}"`);
  }
  return { body: rest, model };
}

/** A template file as text: no BOM, and without the one newline editors put at the end (not part of the prompt). */
function readTemplateText(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

function fillStrings(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return fillPlaceholders(value, values);
  if (Array.isArray(value)) return value.map((v) => fillStrings(v, values));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillStrings(v, values)]));
  }
  return value;
}
