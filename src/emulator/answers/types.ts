import type { Endpoint } from '../../requests/types.ts';

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
}

export interface EndpointEmulation {
  endpoint: Endpoint;
  /** Throws the ApiError the real endpoint would answer for this body (a 400 line in a batch). */
  check(body: Record<string, unknown>): void;
  answer(body: Record<string, unknown>, ctx: AnswerContext): Answer;
  /** Output tokens the real rate limiter reserves up front (max_tokens × n), 0 when the request sets none. */
  reservedOutputTokens(body: Record<string, unknown>): number;
}
