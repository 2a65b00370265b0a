// OpenAI sampling, cap, output-format and reasoning parameters → Gemini `generationConfig`.
//
// reasoning_effort follows the mapping Google documents for its own OpenAI compatibility layer
// (ai.google.dev/gemini-api/docs/openai): on Gemini 2.5, low / medium / high are thinking budgets of 1,024 / 8,192 /
// 24,576 tokens and "none" a budget of 0; on Gemini 3 and later the efforts are the thinking levels of the same names.
// Whatever has no level on the model (none, xhigh, and minimal where the model lacks it) is a problem, not a guess.
import type { LineProblem } from '../types.ts';
import { thinkingControl, thinkingLevels } from './modelFamily.ts';
import type { GeminiGenerationConfig, GeminiThinkingConfig } from './wire.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const BUDGETS: Record<string, number> = { none: 0, low: 1024, medium: 8192, high: 24576 };

function thinking(effort: unknown, model: string, problems: LineProblem[]): GeminiThinkingConfig | null {
  if (effort === undefined || effort === null) return null;
  if (typeof effort !== 'string') {
    problems.push({ message: 'reasoning_effort must be a string' });
    return null;
  }
  if (thinkingControl(model) === 'budget') {
    if (Object.hasOwn(BUDGETS, effort)) return { thinkingBudget: BUDGETS[effort] };
    problems.push({ message: `reasoning_effort ${JSON.stringify(effort)} has no thinking budget on ${model} (Gemini 2.5 takes none, low, medium or high)` });
    return null;
  }
  const levels = thinkingLevels(model);
  if (levels.includes(effort)) return { thinkingLevel: effort as GeminiThinkingConfig['thinkingLevel'] };
  problems.push({ message: `reasoning_effort ${JSON.stringify(effort)} has no thinking level on ${model} (it takes ${levels.join(', ')})` });
  return null;
}

function num(body: Record<string, unknown>, name: string, problems: LineProblem[]): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    problems.push({ message: `${name} must be a number` });
    return undefined;
  }
  return v;
}

function cap(body: Record<string, unknown>, problems: LineProblem[]): number | undefined {
  // Two caps that disagree: which one the user meant cannot be told (OpenAI takes max_completion_tokens).
  const a = body.max_completion_tokens;
  const b = body.max_tokens;
  if (typeof a === 'number' && typeof b === 'number' && a !== b) {
    problems.push({ message: `max_completion_tokens (${a}) and max_tokens (${b}) disagree: keep one (Gemini has one output cap)` });
    return undefined;
  }
  for (const name of ['max_completion_tokens', 'max_tokens']) {
    const v = body[name];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      problems.push({ message: `${name} must be a positive integer` });
      return undefined;
    }
    return v;
  }
  return undefined;
}

function stops(stop: unknown, problems: LineProblem[]): string[] | undefined {
  if (stop === undefined || stop === null) return undefined;
  if (typeof stop === 'string') return [stop];
  if (Array.isArray(stop) && stop.every((s) => typeof s === 'string')) return stop.length > 0 ? (stop as string[]) : undefined;
  problems.push({ message: 'stop must be a string or an array of strings' });
  return undefined;
}

function responseFormat(format: unknown, config: GeminiGenerationConfig, problems: LineProblem[]): void {
  if (format === undefined || format === null) return;
  const type = isObject(format) ? format.type : undefined;
  if (type === 'text') return;
  if (type === 'json_object') {
    config.responseMimeType = 'application/json';
    return;
  }
  if (type === 'json_schema' && isObject(format) && isObject(format.json_schema) && isObject(format.json_schema.schema)) {
    config.responseMimeType = 'application/json';
    config.responseJsonSchema = format.json_schema.schema;
    return;
  }
  problems.push({ message: `response_format ${JSON.stringify(type)} cannot be sent to Gemini (json_schema needs json_schema.schema)` });
}

export function translateConfig(body: Record<string, unknown>, model: string, problems: LineProblem[]): GeminiGenerationConfig | null {
  const config: GeminiGenerationConfig = {};
  const maxOutputTokens = cap(body, problems);
  if (maxOutputTokens !== undefined) config.maxOutputTokens = maxOutputTokens;
  const temperature = num(body, 'temperature', problems);
  if (temperature !== undefined) config.temperature = temperature;
  const topP = num(body, 'top_p', problems);
  if (topP !== undefined) config.topP = topP;
  const stopSequences = stops(body.stop, problems);
  if (stopSequences) config.stopSequences = stopSequences;
  const seed = num(body, 'seed', problems);
  if (seed !== undefined) config.seed = seed;

  const n = body.n;
  if (n !== undefined && n !== null && n !== 1) {
    // candidateCount exists but is documented per model generation and unverified on today's models.
    problems.push({ message: `n=${JSON.stringify(n)}: several choices per request are not sent to Gemini (candidateCount support on current models is unverified)` });
  }
  for (const name of ['presence_penalty', 'frequency_penalty']) {
    const v = num(body, name, problems);
    // Zero is OpenAI's default and means nothing. GenerationConfig documents presencePenalty / frequencyPenalty, but
    // models refuse them ("Penalty is not enabled for models/…", reported for 2.5 and later) and which accept them is
    // documented nowhere: not sent, and said so.
    if (v !== undefined && v !== 0) problems.push({ message: `${name}=${v}: penalties are not sent to Gemini (documented, but refused by current models)` });
  }

  responseFormat(body.response_format, config, problems);
  const thinkingConfig = thinking(body.reasoning_effort, model, problems);
  if (thinkingConfig) config.thinkingConfig = thinkingConfig;
  return Object.keys(config).length > 0 ? config : null;
}
