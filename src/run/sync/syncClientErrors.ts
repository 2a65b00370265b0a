import { registerSecret, scrub } from '../../shared/secrets.ts';
// What a failed call means for the sync runner: retry it (and after how long), give up on this request, or stop
// sending anything at all. The openai SDK's error classes carry the status, the error body and the headers.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type { HeaderSource } from './rateLimitHeaders.ts';
import { retryAfterMs } from './rateLimitHeaders.ts';

export type FailureKind =
  /** Worth another attempt: 408, 409, 429 (rate or flex capacity), 5xx, timeouts, dropped connections. */
  | 'retry'
  /** This request will fail the same way again: most 4xx. */
  | 'final'
  /** Every request will fail the same way (bad key, no quota): stop sending. */
  | 'fatal'
  /** Our own signal aborted the call. */
  | 'aborted';

export interface CallFailure {
  kind: FailureKind;
  /** The API's error code, or one of ours: http_<status>, timeout, connection_error, request_too_large. */
  code: string;
  message: string;
  status: number | null;
  /** A 429 from the rate limiter (not flex capacity, not quota). */
  rateLimited: boolean;
  /** Flex processing had no capacity (429 resource_unavailable): not billed, back off, maybe fall back. */
  flexUnavailable: boolean;
  /** What the server asked us to wait before retrying, when it said. */
  retryAfterMs: number | null;
  headers: HeaderSource | null;
}

/** Keys look like sk-…, sk-proj-…; the API echoes a masked form in 401 messages. Neither leaves this module. */

/** The message with the API key (and anything shaped like one) removed. */
export function redactSecrets(message: string, apiKey?: string | null): string {
  // One scrubber for the whole process (shared/secrets.ts): the key given here is registered with it.
  registerSecret(apiKey);
  return scrub(message);
}

function bodyError(err: APIError): { code: string | null; message: string | null; type: string | null } {
  const e = err.error as Record<string, unknown> | undefined;
  // The SDK hands over body.error when the body has one, else the whole body.
  const inner = e && typeof e === 'object' && e.error && typeof e.error === 'object' ? (e.error as Record<string, unknown>) : e;
  return {
    code: typeof inner?.code === 'string' ? inner.code : null,
    message: typeof inner?.message === 'string' ? inner.message : null,
    type: typeof inner?.type === 'string' ? inner.type : null,
  };
}

/**
 * Classifies what the SDK threw. Anything that is not an OpenAIError is a bug in batchwise and is rethrown by the
 * caller (this returns null for it).
 */
export function classifyFailure(err: unknown, apiKey?: string | null, now = Date.now()): CallFailure | null {
  if (!(err instanceof OpenAIError)) return null;
  const base = { status: null, rateLimited: false, flexUnavailable: false, retryAfterMs: null, headers: null };
  const clean = (m: string) => redactSecrets(m, apiKey);

  if (err instanceof APIUserAbortError) return { ...base, kind: 'aborted', code: 'aborted', message: 'the request was aborted' };
  if (err instanceof APIConnectionTimeoutError) return { ...base, kind: 'retry', code: 'timeout', message: clean(`no answer before the timeout: ${err.message}`) };
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return { ...base, kind: 'retry', code: 'connection_error', message: clean(`the connection failed: ${err.message}${cause}`) };
  }
  if (!(err instanceof APIError) || err.status === undefined) {
    return { ...base, kind: 'final', code: 'client_error', message: clean(err.message) };
  }

  const status = err.status;
  const body = bodyError(err);
  const headers = err.headers ?? null;
  const code = body.code ?? `http_${status}`;
  const message = clean(body.message ?? err.message);
  const wait = headers ? retryAfterMs(headers, now) : null;
  const out = { ...base, status, code, message, headers, retryAfterMs: wait };

  if (status === 429) {
    if (code === 'insufficient_quota') return { ...out, kind: 'fatal' };
    if (code === 'resource_unavailable') return { ...out, kind: 'retry', flexUnavailable: true };
    // "Request too large … on tokens per min": larger than the whole limit, waiting cannot help.
    if (/request too large/i.test(message)) return { ...out, kind: 'final', code: 'request_too_large' };
    return { ...out, kind: 'retry', rateLimited: true };
  }
  if (status === 401) return { ...out, kind: 'fatal' };
  if (status === 408 || status === 409 || status >= 500) return { ...out, kind: 'retry' };
  return { ...out, kind: 'final' };
}

/** Exponential backoff with full jitter after the `attempt`-th failure (1-based): 0.5 s, 1 s, 2 s … capped at 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
