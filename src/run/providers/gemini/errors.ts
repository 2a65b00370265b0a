// Gemini's failures as the openai SDK's error classes, so that batchwise's retry and failure rules (written against
// those classes) hold for Gemini unchanged. Google's error body is {error: {code: <HTTP status>, message, status:
// <canonical name>, details: [...]}}: the name becomes the OpenAI `code` (RESOURCE_EXHAUSTED on a 429), the message
// is scrubbed (Google's DebugInfo detail echoes a bad key back, and the message may too), and the details are left
// out except a RetryInfo delay, which becomes the `retry-after` header the runner reads.
import OpenAI, { type APIError } from 'openai';
import { scrub } from '../../../shared/secrets.ts';
import { nameOfHttpStatus } from './statusCodes.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ReadBody {
  name: string;
  message: string;
  reason: string | null;
  retryDelaySec: number | null;
}

function readBody(status: number, text: string): ReadBody {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page): the status alone speaks.
  }
  // Some Google front ends answer with a one-element array around the body.
  const root = Array.isArray(parsed) ? parsed[0] : parsed;
  const e = isObject(root) && isObject(root.error) ? root.error : null;
  const name = typeof e?.status === 'string' ? e.status : nameOfHttpStatus(status);
  const message = typeof e?.message === 'string' && e.message.length > 0 ? e.message : `Gemini answered HTTP ${status}${text && !e ? `: ${text.slice(0, 200)}` : ''}`;
  let reason: string | null = null;
  let retryDelaySec: number | null = null;
  for (const d of Array.isArray(e?.details) ? e.details : []) {
    if (!isObject(d)) continue;
    if (typeof d.reason === 'string' && reason === null) reason = d.reason;
    // RetryInfo.retryDelay is a protobuf Duration in JSON: "37s", "0.5s".
    const delay = typeof d.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(d.retryDelay) : null;
    if (delay) retryDelaySec = Number(delay[1]);
  }
  return { name, message, reason, retryDelaySec };
}

/** An HTTP error answer as the SDK's class for its status. An invalid API key is a 400 INVALID_ARGUMENT on Gemini
 *  (reason API_KEY_INVALID) where OpenAI answers 401: it becomes an AuthenticationError (401), so that a bad key stops
 *  a run as it does on OpenAI instead of failing every request one by one. */
export function geminiApiError(status: number, text: string, headers: Headers): APIError {
  const b = readBody(status, text);
  const badKey = b.reason === 'API_KEY_INVALID';
  const httpStatus = badKey ? 401 : status;
  const code = badKey ? 'API_KEY_INVALID' : b.name;
  const message = scrub(b.message);
  const out = new Headers(headers);
  if (b.retryDelaySec !== null && !out.has('retry-after')) out.set('retry-after', String(Math.max(1, Math.ceil(b.retryDelaySec))));
  const type = httpStatus >= 500 ? 'server_error' : httpStatus === 429 ? 'rate_limit_error' : httpStatus === 401 ? 'authentication_error' : 'invalid_request_error';
  return OpenAI.APIError.generate(httpStatus, { error: { code, message, type, param: null } }, message, out);
}

/** What a failed fetch() becomes: the caller's abort, our timeout, or a connection failure. */
export function fetchFailure(err: unknown, userSignal: AbortSignal | undefined, timedOut: boolean): APIError {
  if (userSignal?.aborted) return new OpenAI.APIUserAbortError();
  if (timedOut) return new OpenAI.APIConnectionTimeoutError();
  const cause = err instanceof Error ? new Error(scrub(err.message)) : new Error('fetch failed');
  return new OpenAI.APIConnectionError({ message: `Connection error: ${cause.message}`, cause });
}
