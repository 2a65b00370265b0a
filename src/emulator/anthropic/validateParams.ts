// The checks the Messages API makes on a request's params, with Anthropic's error type. A direct call answers them as
// a 400 (or 404 for an unknown model); in a batch they come back as an errored result once the batch has ended,
// since "params are validated asynchronously" (batch-processing page). Where Anthropic's wording is not documented
// the message is ours (README: "Differences").
import { AnthropicApiError, invalid } from './errors.ts';
import type { ClaudeModel, ClaudeModels } from './models.ts';

export const API_VERSIONS = ['2023-06-01', '2026-10-21'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Top-level params the Messages API takes (the SDK's MessageCreateParams, plus the sampling params 2023-06-01 keeps). */
const KNOWN = new Set([
  'model', 'max_tokens', 'messages', 'system', 'metadata', 'stop_sequences', 'stream', 'temperature', 'top_p', 'top_k',
  'tools', 'tool_choice', 'thinking', 'output_config', 'service_tier', 'cache_control', 'container', 'inference_geo',
  'speed', 'diagnostics', 'context_management', 'mcp_servers',
]);
/** What count_tokens takes (the SDK's MessageCountTokensParams): the prompt, without the cap, sampling or metadata. */
const COUNT_KNOWN = new Set(['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config', 'cache_control', 'speed', 'context_management', 'mcp_servers']);
const EFFORTS = new Set(['low', 'medium', 'high', 'xhigh', 'max']);
/** Forced tool use (tool_choice any / tool) "returns an error" on these (their model pages). */
const NO_FORCED_TOOLS = new Set(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-fable-5-1', 'claude-fable-5-2']);
/** A final assistant turn (prefill) is a 400 on these (their model pages). */
const NO_PREFILL = new Set(['claude-opus-5-5', 'claude-haiku-5-5']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `claude-opus-4-6` → 4.6; null for a name without a version (taken as a current model). */
function claudeVersion(model: string): number | null {
  const m = /^claude-[a-z]+-(\d+)(?:-(\d))?(?:-\d{8})?$/.exec(model);
  return m === null ? null : Number(m[1]) + (m[2] === undefined ? 0 : Number(m[2]) / 10);
}

export type ValidationMode = 'sync' | 'batch' | 'count';

export interface Validated {
  params: Record<string, unknown>;
  model: ClaudeModel;
}

function checkContent(content: unknown, where: string): void {
  if (typeof content === 'string') {
    if (content === '') throw invalid(`${where}: text content blocks must be non-empty`);
    return;
  }
  if (!Array.isArray(content) || content.length === 0) throw invalid(`${where}: Input should be a valid list with at least 1 item`);
  content.forEach((b, i) => {
    if (!isObject(b) || typeof b.type !== 'string') throw invalid(`${where}.${i}: Input should be a valid content block`);
    if (b.type === 'text' && (typeof b.text !== 'string' || b.text === '')) throw invalid(`${where}.${i}: text content blocks must be non-empty`);
  });
}

function checkSampling(p: Record<string, unknown>, model: string, version: ApiVersion): void {
  for (const name of ['temperature', 'top_p', 'top_k'] as const) {
    if (p[name] === undefined) continue;
    // 2026-10-21 removed them: "400 even at their default values".
    if (version === '2026-10-21') throw invalid(`${name}: Extra inputs are not permitted in API version 2026-10-21`);
  }
  const v = claudeVersion(model);
  const defaultsOnly = v === null || v >= 4.7;
  if (p.temperature !== undefined) {
    if (typeof p.temperature !== 'number' || p.temperature < 0 || p.temperature > 1) throw invalid('temperature: Input should be less than or equal to 1');
    if (defaultsOnly && p.temperature !== 1) throw invalid(`temperature: ${model} only supports the default temperature of 1.0`);
  }
  if (p.top_p !== undefined) {
    if (typeof p.top_p !== 'number' || p.top_p < 0 || p.top_p > 1) throw invalid('top_p: Input should be less than or equal to 1');
    if (defaultsOnly && p.top_p < 0.99) throw invalid(`top_p: ${model} only supports top_p values of 0.99 or above`);
  }
  if (p.top_k !== undefined && defaultsOnly) throw invalid(`top_k: ${model} does not support top_k`);
  // The 400 public reports quote for the 4.1–4.6 generation (e.g. BerriAI/litellm#15097); the model pages: "temperature
  // or top_p, but not both".
  if (p.temperature !== undefined && p.top_p !== undefined && v !== null && v >= 4.1 && v < 4.7) {
    throw invalid('`temperature` and `top_p` cannot both be specified for this model. Please use only one.');
  }
}

/** Thinking's own rules. Extended-thinking page: manual thinking (`enabled` with budget_tokens) "is deprecated. Claude
 *  4.7 and later models do not support it and reject requests that use it, returning a 400 error"; thinking "isn't
 *  compatible with temperature or top_k modifications as well as forced tool use", and takes top_p from 0.95 to 1. */
function checkThinking(p: Record<string, unknown>, model: string): void {
  const type = isObject(p.thinking) ? p.thinking.type : undefined;
  if (type !== 'enabled' && type !== 'adaptive') return;
  const v = claudeVersion(model);
  if (type === 'enabled' && (v === null || v >= 4.7)) throw invalid(`thinking.type "enabled" is not supported for ${model}; use thinking.type "adaptive" and output_config.effort`);
  if (p.temperature !== undefined && p.temperature !== 1) throw invalid('temperature may only be set to 1 when thinking is enabled');
  if (p.top_k !== undefined) throw invalid('top_k is not supported when thinking is enabled');
  if (typeof p.top_p === 'number' && p.top_p < 0.95) throw invalid('top_p must be between 0.95 and 1 when thinking is enabled');
  const choice = isObject(p.tool_choice) ? p.tool_choice.type : undefined;
  if (choice === 'any' || choice === 'tool') throw invalid('Thinking may not be enabled when tool_choice forces tool use.');
}

/** Throws the API's error for these params, or returns them with their model. */
export function validateParams(raw: unknown, models: ClaudeModels, version: ApiVersion, mode: ValidationMode): Validated {
  if (!isObject(raw)) throw invalid('params: Input should be a valid dictionary');
  const p = raw;
  const known = mode === 'count' ? COUNT_KNOWN : KNOWN;
  for (const key of Object.keys(p)) {
    if (!known.has(key)) throw invalid(`${key}: Extra inputs are not permitted`);
  }
  if (typeof p.model !== 'string' || p.model === '') throw invalid('model: Field required');
  if (!Array.isArray(p.messages)) throw invalid('messages: Field required');
  if (mode !== 'count') {
    if (p.max_tokens === undefined) throw invalid('max_tokens: Field required');
    // Batches refuse 0 ("max_tokens: 0" is listed among the params a batch rejects); a direct call may use it to
    // warm the cache.
    const min = mode === 'batch' ? 1 : 0;
    if (typeof p.max_tokens !== 'number' || !Number.isInteger(p.max_tokens) || p.max_tokens < min) {
      throw invalid(`max_tokens: Input should be greater than or equal to ${min}`);
    }
  }
  if (p.stream === true) {
    throw invalid(mode === 'batch' ? 'stream: streaming is not supported in Message Batches' : 'stream: the batchwise emulator does not emulate streaming');
  }
  p.messages.forEach((m, i) => {
    if (!isObject(m) || (m.role !== 'user' && m.role !== 'assistant' && m.role !== 'system')) throw invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    checkContent(m.content, `messages.${i}.content`);
  });
  if (p.messages.length === 0) throw invalid('messages: at least one message is required');
  if (p.system !== undefined && typeof p.system !== 'string') checkContent(p.system, 'system');
  if (p.stop_sequences !== undefined) {
    if (!Array.isArray(p.stop_sequences) || !p.stop_sequences.every((s) => typeof s === 'string' && s.trim() !== '')) {
      throw invalid('stop_sequences: each stop sequence must contain non-whitespace');
    }
  }
  const oc = p.output_config;
  if (oc !== undefined && (!isObject(oc) || (oc.effort !== undefined && oc.effort !== null && !EFFORTS.has(String(oc.effort))))) {
    throw invalid("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
  }
  if (isObject(p.thinking) && p.thinking.type === 'enabled') {
    const budget = p.thinking.budget_tokens;
    if (typeof budget !== 'number' || budget < 1024) throw invalid('thinking.budget_tokens: Input should be greater than or equal to 1024');
    if (mode !== 'count' && budget >= (p.max_tokens as number)) throw invalid('max_tokens must be greater than thinking.budget_tokens');
  }
  checkSampling(p, p.model, version);
  checkThinking(p, p.model);
  const model = models.find(p.model);
  if (!model) throw new AnthropicApiError('not_found_error', `model: ${p.model}`);
  if (mode !== 'count' && model.maxOutputTokens !== null && (p.max_tokens as number) > model.maxOutputTokens) {
    throw invalid(`max_tokens: ${String(p.max_tokens)} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${p.model}`);
  }
  const choice = isObject(p.tool_choice) ? p.tool_choice.type : undefined;
  if ((choice === 'any' || choice === 'tool') && NO_FORCED_TOOLS.has(model.key)) {
    throw invalid(`tool_choice: forced tool use (type "${String(choice)}") is not supported by ${p.model}`);
  }
  if (choice === 'tool' && !(Array.isArray(p.tools) && p.tools.some((t) => isObject(t) && t.name === (p.tool_choice as Record<string, unknown>).name))) {
    throw invalid(`tool_choice: tool ${JSON.stringify((p.tool_choice as Record<string, unknown>).name)} is not among the tools`);
  }
  const last = p.messages.at(-1) as Record<string, unknown>;
  if (last.role === 'assistant' && NO_PREFILL.has(model.key)) {
    throw invalid(`${p.model} does not support assistant message prefill; the conversation must end with a user message`);
  }
  return { params: p, model };
}
