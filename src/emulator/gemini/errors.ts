// Google's error body, {"error": {"code": <HTTP status>, "message", "status": <canonical name>, "details"?}}, and
// the errors the emulator answers with. Messages quoted from the real API are marked; the others are ours.
import type { ServerResponse } from 'node:http';

/** google.rpc.Code numbers, for the Status objects of batch output lines and Operation.error. */
export const GRPC_CODE: Record<string, number> = {
  CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14,
  DATA_LOSS: 15, UNAUTHENTICATED: 16,
};

export class GeminiError extends Error {
  readonly status: number;
  readonly statusName: string;
  readonly details: unknown[] | null;

  constructor(status: number, statusName: string, message: string, details: unknown[] | null = null) {
    super(message);
    this.name = 'GeminiError';
    this.status = status;
    this.statusName = statusName;
    this.details = details;
  }

  toBody(): { error: { code: number; message: string; status: string; details?: unknown[] } } {
    return { error: { code: this.status, message: this.message, status: this.statusName, ...(this.details ? { details: this.details } : {}) } };
  }

  /** As a google.rpc.Status in a batch output line (gRPC code, as the proto has it). */
  toStatus(): { code: number; message: string; status: string } {
    return { code: GRPC_CODE[this.statusName] ?? 2, message: this.message, status: this.statusName };
  }
}

export const invalidArgument = (message: string) => new GeminiError(400, 'INVALID_ARGUMENT', message);
export const failedPrecondition = (message: string) => new GeminiError(400, 'FAILED_PRECONDITION', message);
export const notFound = (message: string) => new GeminiError(404, 'NOT_FOUND', message);
export const permissionDenied = (message: string) => new GeminiError(403, 'PERMISSION_DENIED', message);
/** The real 500 message. */
export const internalError = () =>
  new GeminiError(500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
/** The real 503 message. */
export const overloaded = () => new GeminiError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');

/** The real answer to a call without any key. */
export const noKey = () =>
  new GeminiError(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );

/** The real answer to a key that is not valid: a 400 whose details name API_KEY_INVALID and echo the key. */
export function badKey(key: string): GeminiError {
  const message = 'API key not valid. Please pass a valid API key.';
  return new GeminiError(400, 'INVALID_ARGUMENT', message, [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
    { '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: `Invalid API key: ${key}` },
  ]);
}

/** "models/X is not found for API version v1beta, or is not supported for <method>. Call ListModels …" (real). */
export function modelNotFound(model: string, method: string): GeminiError {
  return notFound(
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

export function sendGeminiJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendGeminiError(res: ServerResponse, err: GeminiError): void {
  sendGeminiJson(res, err.status, err.toBody());
}
