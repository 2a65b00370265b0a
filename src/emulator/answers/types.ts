import type { Endpoint } from '../../requests/types.ts';
import type { ModelCatalog } from '../modelTraits.ts';
import type { PromptCache } from '../promptCache.ts';

/** Token usage of one answered request, in the Batch usage's terms. */
export interface LineUsage {
  input_tokens: number;
  cached_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
}

export interface Answer {
  body: Record<string, unknown>;
  usage: LineUsage;
}

export interface AnswerContext {
  seed: number;
  /** Unix seconds stamped as `created`. */
  now: number;
  /** How the request arrived: batch lines read the cache only where the Batch API prices cached input. Default sync. */
  mode?: 'sync' | 'batch';
  /** The emulator's prompt cache; without one nothing is ever cached. */
  cache?: PromptCache;
  /** Reasoning and caching per model; default: the bundled price catalog. */
  models?: ModelCatalog;
}

export interface EndpointEmulation {
  endpoint: Endpoint;
  /** Throws the ApiError the real endpoint would answer for this body (a 400 line in a batch). */
  check(body: Record<string, unknown>): void;
  answer(body: Record<string, unknown>, ctx: AnswerContext): Answer;
  /** Output tokens the real rate limiter reserves up front (max_tokens × n), 0 when the request sets none. */
  reservedOutputTokens(body: Record<string, unknown>): number;
}
