// Anthropic's errors as its API sends them: `{"type":"error","error":{"type","message"},"request_id"}` with the HTTP
// status of the type (platform.claude.com/docs/en/api/errors). Thrown by the handlers, answered by index.ts.
import type { ServerResponse } from 'node:http';

export const STATUS: Record<string, number> = {
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

export class AnthropicApiError extends Error {
  readonly type: string;
  readonly status: number;
  /** Sent with the error (a 429's rate-limit headers and retry-after). */
  readonly headers: Record<string, string>;

  constructor(type: keyof typeof STATUS | string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AnthropicApiError';
    this.type = type;
    this.status = STATUS[type] ?? 500;
    this.headers = headers;
  }

  /** The error object as batch results carry it (`result.error`) and as the HTTP body is. */
  body(requestId: string | null): { type: 'error'; error: { type: string; message: string }; request_id: string | null } {
    return { type: 'error', error: { type: this.type, message: this.message }, request_id: requestId };
  }
}

export const invalid = (message: string) => new AnthropicApiError('invalid_request_error', message);

/** The real 500 and 529 messages. */
export const apiError = () => new AnthropicApiError('api_error', 'Internal server error');
export const overloaded = () => new AnthropicApiError('overloaded_error', 'Overloaded');

export function sendAnthropicJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendAnthropicError(res: ServerResponse, err: AnthropicApiError, requestId: string): void {
  sendAnthropicJson(res, err.status, err.body(requestId), { ...err.headers, 'request-id': requestId });
}
