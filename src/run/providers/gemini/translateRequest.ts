// One OpenAI request line → one Gemini GenerateContentRequest, with every reason it cannot be sent faithfully. Only
// /v1/chat/completions is translated. Every body field is either translated, named below as one that cannot change
// the answer (so dropping it is faithful), or reported: nothing is dropped silently.
import type { LineProblem } from '../types.ts';
import { bareModel } from './modelFamily.ts';
import { translateConfig } from './translateConfig.ts';
import { translateMessages } from './translateMessages.ts';
import { translateTools } from './translateTools.ts';
import type { GenerateContentRequest } from './wire.ts';

/** Fields the translation reads (model goes into the URL). */
const TRANSLATED = new Set([
  'model', 'messages', 'tools', 'tool_choice', 'parallel_tool_calls', 'max_completion_tokens', 'max_tokens', 'temperature',
  'top_p', 'stop', 'seed', 'n', 'presence_penalty', 'frequency_penalty', 'response_format', 'reasoning_effort',
]);
/** OpenAI bookkeeping that never changes what the model answers: user / safety ids, storage, OpenAI's own prompt
 *  cache routing, and `stream: false` / `service_tier: auto|default` (checked below). */
const NO_EFFECT = new Set(['user', 'safety_identifier', 'metadata', 'store', 'prompt_cache_key', 'prompt_cache_retention', 'stream', 'stream_options', 'service_tier']);
/** Known OpenAI fields Gemini has no equivalent for, with the reason shown to the user. */
const UNSUPPORTED: Record<string, string> = {
  logprobs: 'log probabilities are not translated to Gemini',
  top_logprobs: 'log probabilities are not translated to Gemini',
  logit_bias: 'Gemini has no logit bias',
  audio: 'audio output has no Gemini equivalent here',
  modalities: 'output modalities other than text are not translated to Gemini',
  prediction: 'predicted outputs have no Gemini equivalent',
  functions: 'the legacy functions API is not translated; use tools',
  function_call: 'the legacy functions API is not translated; use tool_choice',
  verbosity: 'Gemini has no verbosity setting',
  web_search_options: "OpenAI's web search is not translated to Gemini",
};

export interface Translation {
  model: string;
  request: GenerateContentRequest | null;
  problems: LineProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values of unsupported fields that ask for nothing Gemini lacks: unset, `logprobs: false`, an empty logit_bias,
 *  text-only modalities. */
function asksNothing(key: string, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (key === 'logprobs') return value === false;
  if (key === 'logit_bias') return isObject(value) && Object.keys(value).length === 0;
  if (key === 'modalities') return Array.isArray(value) && value.every((m) => m === 'text');
  return false;
}

function bodyProblems(body: Record<string, unknown>, problems: LineProblem[]): void {
  for (const [key, value] of Object.entries(body)) {
    if (TRANSLATED.has(key) || NO_EFFECT.has(key) || asksNothing(key, value)) continue;
    const reason = UNSUPPORTED[key];
    problems.push({ message: reason ? `${key}: ${reason}` : `${key}: an unknown parameter is not translated to Gemini` });
  }
  if (body.stream === true) problems.push({ message: 'stream: true cannot be sent to a batch (Gemini batch answers are whole)' });
  const tier = body.service_tier;
  if (tier !== undefined && tier !== null && tier !== 'auto' && tier !== 'default') {
    problems.push({ message: `service_tier ${JSON.stringify(tier)}: Gemini's own Flex and Priority tiers are not modelled by batchwise yet` });
  }
}

/** A chat completions body → a GenerateContentRequest (null when the problems leave nothing to send). */
export function translateChatBody(body: Record<string, unknown>): Translation {
  const problems: LineProblem[] = [];
  const model = typeof body.model === 'string' && body.model.length > 0 ? bareModel(body.model) : '';
  if (!model) problems.push({ message: 'model must be a Gemini model name' });
  bodyProblems(body, problems);
  const { contents, systemInstruction } = translateMessages(body.messages, model, problems);
  const { tools, toolConfig } = translateTools(body, problems);
  const generationConfig = translateConfig(body, model, problems);
  const request: GenerateContentRequest = { contents };
  if (systemInstruction) request.systemInstruction = systemInstruction;
  if (tools) request.tools = tools;
  if (toolConfig) request.toolConfig = toolConfig;
  if (generationConfig) request.generationConfig = generationConfig;
  return { model, request: problems.length === 0 ? request : null, problems };
}

/** Every problem of one request-file line, url included. */
export function translateLine(line: { url: string; body: Record<string, unknown> }): Translation {
  if (line.url === '/v1/chat/completions') return translateChatBody(line.body);
  const model = typeof line.body?.model === 'string' ? bareModel(line.body.model) : '';
  const message =
    line.url === '/v1/embeddings'
      ? '/v1/embeddings lines are not sent to Gemini yet (its embeddings batch, asyncBatchEmbedContent, is not translated)'
      : `${line.url} has no Gemini equivalent in batchwise (only /v1/chat/completions is translated)`;
  return { model, request: null, problems: [{ message }] };
}

/** One line of a Gemini batch input file: the request under the OpenAI custom_id as its key. */
export function geminiBatchLine(customId: string, request: GenerateContentRequest): string {
  return JSON.stringify({ key: customId, request });
}
