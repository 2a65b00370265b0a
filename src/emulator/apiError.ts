// Errors the emulator answers with, in the real `{"error":{message,type,param,code}}` shape.
import type { ErrorBody } from './types.ts';

export interface ApiErrorFields {
  type?: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

/** A client-visible HTTP error. Thrown by handlers, turned into a response by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, fields: ApiErrorFields = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = fields.type ?? 'invalid_request_error';
    this.param = fields.param ?? null;
    this.code = fields.code ?? null;
    this.headers = fields.headers ?? {};
  }

  toBody(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function missingParameter(param: string): ApiError {
  return new ApiError(400, `Missing required parameter: '${param}'.`, { param, code: 'missing_required_parameter' });
}

export function invalidValue(param: string, value: unknown, supported: readonly string[]): ApiError {
  const list = supported.map((s) => `'${s}'`).join(', ');
  return new ApiError(400, `Invalid value: '${String(value)}'. Supported values are: ${list}.`, {
    param,
    code: 'invalid_value',
  });
}

export function invalidType(param: string, expected: string, got: unknown): ApiError {
  const kind = got === null ? 'null' : Array.isArray(got) ? 'an array' : `a ${typeof got}`;
  return new ApiError(400, `Invalid type for '${param}': expected ${expected}, but got ${kind} instead.`, {
    param,
    code: 'invalid_type',
  });
}

/** The real 500 body (seen in batch error files and on sync calls). */
export function serverError(): ApiError {
  return new ApiError(500, 'The server had an error while processing your request. Sorry about that!', {
    type: 'server_error',
  });
}

/** An integer within [min, max], or the real API's 400 for it (the same messages for body and query parameters). */
export function checkIntRange(name: string, value: number, min: number, max: number): number {
  if (value < min) {
    throw new ApiError(400, `Invalid '${name}': integer below minimum value. Expected a value >= ${min}, but got ${value} instead.`, {
      param: name,
      code: 'integer_below_min_value',
    });
  }
  if (value > max) {
    throw new ApiError(400, `Invalid '${name}': integer above maximum value. Expected a value <= ${max}, but got ${value} instead.`, {
      param: name,
      code: 'integer_above_max_value',
    });
  }
  return value;
}
