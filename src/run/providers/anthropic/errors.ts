// Anthropic's errors as the openai SDK's classes, so batchwise's retry and failure rules (written once, for OpenAI)
// apply unchanged: the HTTP status picks the class, Anthropic's error type is kept as `code`, the headers keep
// Anthropic's and add OpenAI's rate-limit ones (rateLimitHeaders.ts). Every message built from a server's body passes
// through scrub(): a proxy may echo the key.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { scrub } from '../../../shared/secrets.ts';
import { withOpenAIRateLimitHeaders } from './rateLimitHeaders.ts';

/** The HTTP status of each Anthropic error type (platform.claude.com/docs/en/api/errors): what an errored batch
 *  result would have answered as a direct call. */
export const STATUS_OF_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

export function statusOfErrorType(type: string): number {
  return STATUS_OF_ERROR_TYPE[type] ?? 500;
}

/** Anthropic's error body `{type: "error", error: {type, message}, request_id}`, read loosely. */
export function readErrorBody(body: unknown): { type: string; message: string; requestId: string | null } | null {
  if (typeof body !== 'object' || body === null) return null;
  const inner = (body as { error?: unknown }).error;
  if (typeof inner !== 'object' || inner === null) return null;
  const { type, message } = inner as { type?: unknown; message?: unknown };
  const requestId = (body as { request_id?: unknown }).request_id;
  return {
    type: typeof type === 'string' ? type : 'api_error',
    message: typeof message === 'string' ? message : 'the API gave no message',
    requestId: typeof requestId === 'string' ? requestId : null,
  };
}

/** The openai SDK error for an Anthropic SDK error; anything else comes back as it is (a programming error stays
 *  one), its message scrubbed if it is an Error. */
export function toOpenAIError(err: unknown): unknown {
  if (err instanceof Anthropic.APIUserAbortError) return new OpenAI.APIUserAbortError({ message: scrub(err.message) });
  if (err instanceof Anthropic.APIConnectionTimeoutError) return new OpenAI.APIConnectionTimeoutError({ message: scrub(err.message) });
  if (err instanceof Anthropic.APIConnectionError) return new OpenAI.APIConnectionError({ message: scrub(err.message) });
  if (err instanceof Anthropic.APIError && typeof err.status === 'number') {
    const read = readErrorBody(err.error);
    const type = read?.type ?? 'api_error';
    const message = scrub(read?.message ?? err.message);
    // A 429's anthropic-ratelimit-* said as OpenAI's too, so the runner's gate learns from refusals as from answers.
    const headers = withOpenAIRateLimitHeaders(err.headers);
    // OpenAI's classes read the request id from x-request-id; Anthropic sends it as request-id.
    const requestId = headers.get('request-id') ?? read?.requestId ?? null;
    if (requestId && !headers.has('x-request-id')) headers.set('x-request-id', requestId);
    return OpenAI.APIError.generate(err.status, { error: { code: type, message, type } }, message, headers);
  }
  if (err instanceof Error && !(err instanceof OpenAI.APIError)) {
    const scrubbed = scrub(err.message);
    if (scrubbed !== err.message) {
      err.message = scrubbed;
      if (err.stack) err.stack = scrub(err.stack);
    }
  }
  return err;
}

/** Runs one SDK call and rethrows its failure as the openai SDK's error. */
export async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toOpenAIError(err);
  }
}
