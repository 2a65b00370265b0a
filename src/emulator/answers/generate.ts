// What chat completions and responses share: prompt usage with the prompt cache, one answer (choice) with its
// reasoning, the reasoning effort, and the echoed service tier.
import type { Endpoint } from '../../requests/types.ts';
import { invalidValue } from '../apiError.ts';
import { defaultModelCatalog, type ModelTraits } from '../modelTraits.ts';
import { CACHE_BLOCK, CACHE_MIN_BLOCKS, CACHE_MIN_TOKENS } from '../promptCache.ts';
import { prefixBlockHashes } from '../promptPrefix.ts';
import { encodingFor, promptTokens } from '../tokens.ts';
import { DEFAULT_EFFORT, EFFORT_FACTOR, planLength, REASONING_EFFORTS } from './length.ts';
import { composeAnswer } from './text.ts';
import type { AnswerContext } from './types.ts';

const MINUTE_MS = 60_000;
/** GPT-5.6+: "at least 30 minutes after the latest write or reuse". Earlier models: `in_memory` lasts about 5–10
 *  idle minutes; `24h` (the default for non-ZDR organizations) a day. */
const TTL_WRITING_MODELS_MS = 30 * MINUTE_MS;
const TTL_IN_MEMORY_MS = 10 * MINUTE_MS;
const TTL_DEFAULT_MS = 24 * 60 * MINUTE_MS;

export function traitsFor(ctx: AnswerContext, model: string): ModelTraits {
  return (ctx.models ?? defaultModelCatalog()).traits(model);
}

/** The model name an answer carries: the snapshot a family name resolves to (ModelCatalog.answeredName). */
export function answeredModel(ctx: AnswerContext, model: string): string {
  return (ctx.models ?? defaultModelCatalog()).answeredName(model);
}

export interface PromptUsage {
  /** All input tokens, cached and written ones included (as the API reports them). */
  prompt: number;
  cached: number;
  /** Tokens written to the cache (models that bill cache writes; 0 elsewhere). */
  written: number;
}

/** The request's input tokens, and what of them the emulator's prompt cache had seen or now writes. */
export function promptUsage(endpoint: Endpoint, body: Record<string, unknown>, traits: ModelTraits, ctx: AnswerContext): PromptUsage {
  const prompt = promptTokens(endpoint, body);
  const caches = ctx.mode === 'batch' ? traits.cachesBatch : traits.cachesSync;
  if (!ctx.cache || !caches || prompt < CACHE_MIN_TOKENS) return { prompt, cached: 0, written: 0 };
  const model = body.model as string;
  const hashes = prefixBlockHashes(endpoint, body, model, encodingFor(model), Math.floor(prompt / CACHE_BLOCK));
  if (hashes.length < CACHE_MIN_BLOCKS) return { prompt, cached: 0, written: 0 };
  const ttl = traits.writesCache ? TTL_WRITING_MODELS_MS : body.prompt_cache_retention === 'in_memory' ? TTL_IN_MEMORY_MS : TTL_DEFAULT_MS;
  const cached = ctx.cache.use(hashes, ttl) * CACHE_BLOCK;
  const written = traits.writesCache ? hashes.length * CACHE_BLOCK - cached : 0;
  return { prompt, cached, written };
}

/** The effort of a request (`reasoning_effort` in chat, `reasoning.effort` in responses), checked; null if unset. */
export function readEffort(value: unknown, param: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !REASONING_EFFORTS.includes(value)) throw invalidValue(param, value, REASONING_EFFORTS);
  return value;
}

/** The effort a reasoning model works at (the request's, or the default); null for a model that does not reason. */
export function effectiveEffort(traits: ModelTraits, requested: string | null): string | null {
  return traits.reasoning ? (requested ?? DEFAULT_EFFORT) : null;
}

export interface Choice {
  text: string;
  /** Visible tokens of `text`. */
  visible: number;
  reasoning: number;
  /** The budget ran out before the answer ended (possibly while still reasoning: then `text` is empty). */
  truncated: boolean;
}

export interface ChoiceRequest {
  seed: number;
  /** answerKey(body): the request's identity for words and lengths. */
  key: string;
  /** shapeOf(...): requests of one shape share a mean length. */
  shape: string;
  index: number;
  model: string;
  traits: ModelTraits;
  effort: string | null;
  /** max_completion_tokens / max_tokens / max_output_tokens: reasoning and visible tokens together. */
  budget: number | null;
}

/** One answer: the model reasons first (within the budget), then writes what the budget leaves. */
export function generateChoice(r: ChoiceRequest): Choice {
  const plan = planLength(r.seed, r.traits.key, r.shape, r.key, r.index, r.effort === null ? 0 : EFFORT_FACTOR[r.effort]);
  const reasoning = r.budget === null ? plan.reasoning : Math.min(plan.reasoning, r.budget);
  const left = r.budget === null ? null : r.budget - reasoning;
  const fitted = composeAnswer(r.seed, r.key, r.index, plan.visible, left, r.model);
  return { text: fitted.text, visible: fitted.tokens, reasoning, truncated: fitted.truncated };
}

/** Fast mode answers as "priority" whichever name was sent (OpenAI's pricing page and SDK); flex and ultrafast echo
 *  themselves; anything else runs on the default tier. */
export function echoedServiceTier(value: unknown): string {
  if (value === 'priority' || value === 'fast') return 'priority';
  if (value === 'flex' || value === 'ultrafast') return value;
  return 'default';
}
