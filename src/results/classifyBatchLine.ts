// What one line of a batch's output or error file means for its request. The Batch API reports a request that the
// model endpoint refused with `response.status_code` (4xx/5xx) and `error: null`, so the status code decides, not
// `error`; a request the batch never ran (expired, cancelled) has `response: null` and an `error` with a code.
import type { ResultError, ResultStatus, Usage } from './types.ts';

export interface BatchLineOutcome {
  custom_id: string;
  status: ResultStatus;
  /** Worth sending again: rate limits, server errors, timeouts, expiry. Not 4xx validation, not a cancel (a person's
   *  decision; the safety net, which cancels on purpose, sends its cancelled lines on by itself). */
  retryable: boolean;
  response: unknown | null;
  error: ResultError | null;
  usage: Usage | null;
}

interface BatchLine {
  custom_id?: unknown;
  response?: { status_code?: unknown; body?: unknown } | null;
  error?: { code?: unknown; message?: unknown } | null;
  /** Written by batchwise itself for the lines of a batch that failed as a whole (the API writes no file then). */
  batchwise_retryable?: boolean;
}

/** HTTP statuses a later attempt can fix (the SDK retries the same set on calls). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function isRetryableCode(code: string): boolean {
  return /rate_limit|timeout|timed_out|server_error|overloaded|batch_expired|unavailable/.test(code);
}

/** classifyBatchLine, or null for a line that is not a batch result (not JSON, no custom_id): a server's garbage names
 *  no request, so it is skipped (that request then has no outcome and is sent again or reported), never a crash. */
export function tryClassifyBatchLine(text: string): BatchLineOutcome | null {
  try {
    const o = classifyBatchLine(text);
    return o.custom_id && o.custom_id !== 'undefined' ? o : null;
  } catch {
    return null;
  }
}

export function classifyBatchLine(text: string): BatchLineOutcome {
  const line = JSON.parse(text) as BatchLine;
  const custom_id = String(line.custom_id);
  const res = line.response;
  if (res && typeof res.status_code === 'number') {
    const status = res.status_code;
    const body = (res.body ?? null) as Record<string, unknown> | null;
    if (status >= 200 && status < 300 && !line.error) {
      const usage = body && typeof body.usage === 'object' ? (body.usage as Usage) : null;
      return { custom_id, status: 'succeeded', retryable: false, response: body, error: null, usage };
    }
    const apiError = (body?.error ?? null) as { code?: unknown; message?: unknown; type?: unknown } | null;
    const code = typeof apiError?.code === 'string' ? apiError.code : typeof apiError?.type === 'string' ? apiError.type : `http_${status}`;
    const message = typeof apiError?.message === 'string' ? apiError.message : `the endpoint answered HTTP ${status}`;
    return { custom_id, status: 'failed', retryable: isRetryableStatus(status), response: body, error: { code, message }, usage: null };
  }
  const code = typeof line.error?.code === 'string' ? line.error.code : 'unknown_error';
  const message = typeof line.error?.message === 'string' ? line.error.message : 'the batch reported an error without a message';
  const status: ResultStatus = code === 'batch_expired' ? 'expired' : code === 'batch_cancelled' ? 'cancelled' : 'failed';
  const retryable = typeof line.batchwise_retryable === 'boolean' ? line.batchwise_retryable : isRetryableCode(code);
  return { custom_id, status, retryable, response: null, error: { code, message }, usage: null };
}
