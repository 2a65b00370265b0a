// One OpenAI request line as an Anthropic Messages request, or every reason it cannot be one. Each body field is
// either translated, known to change nothing when left at its default, or a problem: no field is dropped unseen.
import type { LineProblem } from '../types.ts';
import { thinkingConflicts, translateEffort } from './reasoningEffort.ts';
import { translateSampling } from './sampling.ts';
import { translateMessages } from './translateMessages.ts';
import { translateToolChoice, translateTools } from './translateTools.ts';
import { modelRuleProblems, thinkingReplayProblem } from './modelRules.ts';
import type { AnthropicBatchRequest, AnthropicParams } from './wire.ts';
import { wireCustomId } from './customIds.ts';

/** The one request url translated: chat completions. /v1/responses is not: its answer must come back in the
 *  Responses shape, and an Anthropic batch keeps no record of which shape each of its requests asked for (no
 *  metadata), so a batch's results could not be told apart when read back. */
export const TRANSLATED_URL = '/v1/chat/completions';

/** Fields read by the translation below (or by the checks next to it). Anything else in a body is a problem. */
const HANDLED = new Set([
  'model', 'messages', 'max_tokens', 'max_completion_tokens', 'temperature', 'top_p', 'stop', 'tools', 'tool_choice',
  'parallel_tool_calls', 'response_format', 'reasoning_effort', 'user', 'safety_identifier', 'service_tier',
]);

/** Fields with no Anthropic equivalent, allowed only at the value that changes nothing (their OpenAI default). */
const DEFAULT_ONLY: Record<string, { ok: (v: unknown) => boolean; why: string }> = {
  n: { ok: (v) => v === 1, why: 'Anthropic returns one answer per request' },
  logprobs: { ok: (v) => v === false, why: 'Anthropic returns no log probabilities' },
  top_logprobs: { ok: () => false, why: 'Anthropic returns no log probabilities' },
  logit_bias: { ok: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0, why: 'Anthropic has no token biasing' },
  seed: { ok: () => false, why: 'Anthropic has no seeded sampling' },
  presence_penalty: { ok: (v) => v === 0, why: 'Anthropic has no presence penalty' },
  frequency_penalty: { ok: (v) => v === 0, why: 'Anthropic has no frequency penalty' },
  audio: { ok: () => false, why: 'Anthropic has no audio output' },
  modalities: { ok: (v) => Array.isArray(v) && v.length === 1 && v[0] === 'text', why: 'Anthropic answers in text only' },
  prediction: { ok: () => false, why: 'Anthropic has no predicted outputs' },
  stream: { ok: (v) => v === false, why: 'batchwise reads whole answers, and Message Batches refuse streaming' },
  stream_options: { ok: () => false, why: 'batchwise reads whole answers' },
  store: { ok: (v) => v === false, why: "Anthropic keeps no stored completions" },
  metadata: { ok: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0, why: "Anthropic's metadata holds only user_id (set it through `user`)" },
  prompt_cache_key: { ok: () => false, why: 'Anthropic caches only at explicit cache_control breakpoints and has no cache routing key' },
  prompt_cache_retention: { ok: () => false, why: 'Anthropic sets cache lifetimes per cache_control breakpoint (5m or 1h)' },
  verbosity: { ok: () => false, why: 'Anthropic has no verbosity setting' },
  web_search_options: { ok: () => false, why: "Anthropic's web search is a server tool of its own, not a chat option" },
  functions: { ok: () => false, why: 'the deprecated functions field; use tools' },
  function_call: { ok: () => false, why: 'the deprecated function_call field; use tool_choice' },
};

/** A request that cannot be sent to Anthropic as written (check() lists the same problems before anything is sent). */
export class UntranslatableRequestError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`this request cannot be sent to Anthropic as written: ${problems.join('; ')}`);
    this.name = 'UntranslatableRequestError';
    this.problems = problems;
  }
}

export interface TranslatedBody {
  params: AnthropicParams | null;
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** max_completion_tokens (or the older max_tokens): Anthropic requires the cap. */
function maxTokens(body: Record<string, unknown>, problems: string[]): number | null {
  const completion = body.max_completion_tokens ?? null;
  const legacy = body.max_tokens ?? null;
  if (completion !== null && legacy !== null && completion !== legacy) {
    problems.push(`max_completion_tokens (${String(completion)}) and max_tokens (${String(legacy)}) disagree; keep one`);
    return null;
  }
  const cap = completion ?? legacy;
  if (cap === null) {
    problems.push('no output cap: Anthropic requires max_tokens; add max_completion_tokens to the request');
    return null;
  }
  if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1) {
    problems.push(`${completion !== null ? 'max_completion_tokens' : 'max_tokens'}: must be an integer ≥ 1`);
    return null;
  }
  return cap;
}

/** response_format json_schema → output_config.format (Anthropic's structured outputs); json_object has no
 *  counterpart (Anthropic constrains output to a schema, never to "any JSON"). */
function outputFormat(raw: unknown, problems: string[]): { type: 'json_schema'; schema: Record<string, unknown> } | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    problems.push('response_format: must be an object');
    return undefined;
  }
  if (raw.type === 'text') return undefined;
  if (raw.type === 'json_schema') {
    const schema = isObject(raw.json_schema) ? raw.json_schema.schema : undefined;
    if (!isObject(schema)) {
      problems.push('response_format.json_schema.schema: required');
      return undefined;
    }
    return { type: 'json_schema', schema };
  }
  if (raw.type === 'json_object') {
    problems.push('response_format json_object has no Anthropic equivalent; give a json_schema (Anthropic output_config.format)');
    return undefined;
  }
  problems.push(`response_format: type ${JSON.stringify(raw.type)} has no Anthropic equivalent`);
  return undefined;
}

/** OpenAI's end-user identifiers (`user`, its successor `safety_identifier`) as Anthropic's metadata.user_id. */
function userId(body: Record<string, unknown>, problems: string[]): string | undefined {
  const ids = [body.user, body.safety_identifier].filter((v) => v !== undefined && v !== null);
  if (ids.some((v) => typeof v !== 'string')) problems.push('user / safety_identifier: must be strings');
  const distinct = [...new Set(ids)];
  if (distinct.length > 1) problems.push('user and safety_identifier differ; Anthropic keeps one user_id');
  return distinct.length === 1 && typeof distinct[0] === 'string' && distinct[0] !== '' ? distinct[0] : undefined;
}

/** OpenAI's service_tier: `auto` and `default` are the standard service (what Anthropic does with none); a tier that
 *  asks for another price or speed has no equivalent here. */
function serviceTier(raw: unknown, problems: string[]): void {
  if (raw === undefined || raw === null || raw === 'auto' || raw === 'default') return;
  problems.push(`service_tier: ${JSON.stringify(raw)} has no Anthropic equivalent through batchwise`);
}

/** The chat completions body as Messages params, with every problem of the body. */
export function translateChatBody(body: Record<string, unknown>): TranslatedBody {
  const problems: string[] = [];
  const model = body.model;
  if (typeof model !== 'string' || model === '') problems.push('model: required');
  const modelName = typeof model === 'string' ? model : '';
  for (const [field, value] of Object.entries(body)) {
    if (HANDLED.has(field) || value === undefined || value === null) continue;
    const rule = DEFAULT_ONLY[field];
    if (rule) {
      if (!rule.ok(value)) problems.push(`${field}: ${rule.why}`);
    } else {
      problems.push(`${field}: has no Anthropic equivalent`);
    }
  }
  const cap = maxTokens(body, problems);
  const { system, messages } = translateMessages(body.messages, problems);
  const tools = translateTools(body.tools, problems);
  const toolChoice = translateToolChoice(body.tool_choice, body.parallel_tool_calls, tools !== undefined, problems);
  const sampling = translateSampling(body, modelName, problems);
  const format = outputFormat(body.response_format, problems);
  const effort = translateEffort(body.reasoning_effort, modelName, problems);
  if (effort) thinkingConflicts({ temperature: sampling.temperature, top_p: sampling.top_p, toolChoice: toolChoice?.type }, problems);
  problems.push(...modelRuleProblems(modelName, { toolChoice: toolChoice?.type, temperature: sampling.temperature, top_p: sampling.top_p }));
  const replay = effort ? thinkingReplayProblem(body.messages) : null;
  if (replay) problems.push(replay);
  const user = userId(body, problems);
  serviceTier(body.service_tier, problems);
  if (problems.length > 0 || cap === null) return { params: null, problems };
  const outputConfig = format || effort ? { ...(format ? { format } : {}), ...(effort ? { effort } : {}) } : undefined;
  const params: AnthropicParams = {
    model: modelName,
    max_tokens: cap,
    ...(system !== undefined ? { system } : {}),
    messages,
    ...(tools ? { tools } : {}),
    ...(toolChoice ? { tool_choice: toolChoice } : {}),
    ...sampling,
    ...(effort ? { thinking: { type: 'adaptive' } } : {}),
    ...(outputConfig ? { output_config: outputConfig } : {}),
    ...(user ? { metadata: { user_id: user } } : {}),
  };
  return { params, problems };
}

export interface TranslatedLine {
  request: AnthropicBatchRequest | null;
  problems: LineProblem[];
}

/** A request file line (`{custom_id, url, body}`): its url, custom_id and body, all problems at once. */
export function translateLine(line: { custom_id: unknown; url: unknown; body: unknown }): TranslatedLine {
  const problems: string[] = [];
  if (line.url !== TRANSLATED_URL) {
    problems.push(
      line.url === '/v1/responses'
        ? 'url /v1/responses: only /v1/chat/completions lines are translated for Anthropic (an Anthropic batch cannot record which lines asked for the Responses shape); write the request as a chat completion'
        : `url ${String(line.url)}: Anthropic has no equivalent (only /v1/chat/completions is translated)`,
    );
  }
  const id = line.custom_id;
  // An id outside Anthropic's pattern goes as a stand-in the runner maps back (customIds.ts).
  if (typeof id !== 'string' || id === '') problems.push(`custom_id ${JSON.stringify(id)}: must be a non-empty string`);
  let params: AnthropicParams | null = null;
  if (isObject(line.body)) {
    const translated = translateChatBody(line.body);
    params = translated.params;
    problems.push(...translated.problems);
  } else {
    problems.push('body: must be an object');
  }
  const request = problems.length === 0 && params ? { custom_id: wireCustomId(id as string), params } : null;
  return { request, problems: problems.map((message) => ({ message })) };
}
