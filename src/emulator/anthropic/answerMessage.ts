// An emulated Claude answer: a Message object as the Messages API returns it. Lengths come from the emulator's answer
// model (../answers/length.ts: requests of one shape share a mean, each draws its own length), thinking from the
// same model's reasoning draw, input tokens from promptTokens.ts and the cache from promptCache.ts.
import { createHash } from 'node:crypto';
import { EFFORT_FACTOR, planLength, shapeOf } from '../answers/length.ts';
import { composeAnswer } from '../answers/text.ts';
import { hashBytes, newId } from '../random.ts';
import { textTokens } from '../tokens.ts';
import type { ClaudeModel } from './models.ts';
import type { ClaudePromptCache } from './promptCache.ts';
import { countPrompt } from './promptTokens.ts';

/** Thinking tokens per token of the shape's mean answer: OpenAI's effort factors (length.ts) for the shared levels,
 *  and "max", Anthropic's level above xhigh, ours. */
const CLAUDE_EFFORT_FACTOR: Record<string, number> = { ...EFFORT_FACTOR, max: 16 };

/** Params that change how much of the answer is returned or how long the model thinks, never what it says (a stop
 *  sequence cuts the same answer short). */
const NOT_IN_KEY = new Set(['max_tokens', 'stop_sequences', 'metadata', 'service_tier', 'stream', 'thinking', 'output_config', 'cache_control', 'inference_geo', 'speed']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface AnswerContext {
  seed: number;
  now: number;
  mode: 'sync' | 'batch';
  cache: ClaudePromptCache;
}

function answerKey(params: Record<string, unknown>): string {
  const decisive = Object.fromEntries(Object.entries(params).filter(([k]) => !NOT_IN_KEY.has(k)));
  return createHash('sha256').update(JSON.stringify(decisive)).digest('base64');
}

/** How much the model thinks: off when the request disables thinking or the model does not think by default and the
 *  request does not ask; otherwise by the effort (the request's, else the model's default). */
function thinkingFactor(params: Record<string, unknown>, model: ClaudeModel): number {
  const thinking = isObject(params.thinking) ? params.thinking.type : undefined;
  if (thinking === 'disabled') return 0;
  if (thinking === undefined && !model.thinksByDefault) return 0;
  const effort = isObject(params.output_config) && typeof params.output_config.effort === 'string' ? params.output_config.effort : model.defaultEffort;
  return CLAUDE_EFFORT_FACTOR[effort] ?? CLAUDE_EFFORT_FACTOR.high;
}

/** A value of the schema's type: enough for a tool_use input the schema accepts (required properties only). */
function sampleOf(schema: unknown, depth = 0): unknown {
  if (!isObject(schema) || depth > 8) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
      return Object.fromEntries(required.map((k) => [k, sampleOf(props[k], depth + 1)]));
    }
    case 'array':
      return [];
    case 'string':
      return 'value';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** The tool a forced tool_choice names (any: the first tool); auto never calls a tool (ours). */
function forcedTool(params: Record<string, unknown>): Record<string, unknown> | null {
  const choice = isObject(params.tool_choice) ? params.tool_choice : null;
  const tools = Array.isArray(params.tools) ? params.tools.filter(isObject) : [];
  if (!choice || tools.length === 0) return null;
  if (choice.type === 'tool') return tools.find((t) => t.name === choice.name) ?? null;
  if (choice.type === 'any') return tools[0];
  return null;
}

export function answerMessage(params: Record<string, unknown>, model: ClaudeModel, ctx: AnswerContext): Record<string, unknown> {
  const name = params.model as string;
  const budget = params.max_tokens as number;
  const key = answerKey(params);
  const shape = shapeOf([params.system ?? null, isObject(params.output_config) ? params.output_config.format ?? null : null, params.tools ?? null]);
  const plan = planLength(ctx.seed, model.key, shape, key, 0, thinkingFactor(params, model));
  const thinkingBudget = isObject(params.thinking) && typeof params.thinking.budget_tokens === 'number' ? params.thinking.budget_tokens : Infinity;
  const thinking = Math.min(plan.reasoning, thinkingBudget, budget);
  const left = budget - thinking;
  const content: Record<string, unknown>[] = [];
  // Thinking is shown as its signature only (display "omitted"), so the answer's words are the same at any effort.
  if (thinking > 0) content.push({ type: 'thinking', thinking: '', signature: hashBytes(ctx.seed, ['signature', key]).toString('base64') });
  let visible = 0;
  let stopReason = 'end_turn';
  let stopSequence: string | null = null;
  const tool = forcedTool(params);
  if (tool && left > 0) {
    const input = sampleOf(tool.input_schema) ?? {};
    visible = Math.min(left, textTokens(String(tool.name) + JSON.stringify(input), name));
    content.push({ type: 'tool_use', id: newId('toolu_01', 22), name: tool.name, input, caller: { type: 'direct' } });
    stopReason = 'tool_use';
  } else {
    const fitted = composeAnswer(ctx.seed, key, 0, plan.visible, left, name);
    let text = fitted.text;
    visible = fitted.tokens;
    if (fitted.truncated || left <= 0) stopReason = 'max_tokens';
    const stops = Array.isArray(params.stop_sequences) ? (params.stop_sequences as string[]) : [];
    let cut = -1;
    for (const s of stops) {
      const at = text.indexOf(s);
      if (at !== -1 && (cut === -1 || at < cut)) {
        cut = at;
        stopSequence = s;
      }
    }
    if (cut !== -1) {
      text = text.slice(0, cut);
      visible = textTokens(text, name);
      stopReason = 'stop_sequence';
    }
    if (text !== '') content.push({ type: 'text', text, citations: null });
  }
  const prompt = countPrompt(params);
  const cache = ctx.cache.use(prompt.breakpoints, ctx.now);
  return {
    id: newId('msg_01', 22),
    type: 'message',
    role: 'assistant',
    model: name,
    content,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: prompt.tokens - cache.read - cache.written,
      cache_creation_input_tokens: cache.written,
      cache_read_input_tokens: cache.read,
      cache_creation: { ephemeral_5m_input_tokens: cache.written5m, ephemeral_1h_input_tokens: cache.written1h },
      output_tokens: visible + thinking,
      output_tokens_details: { thinking_tokens: thinking },
      server_tool_use: null,
      service_tier: ctx.mode === 'batch' ? 'batch' : 'standard',
      inference_geo: null,
      speed: null,
    },
  };
}
