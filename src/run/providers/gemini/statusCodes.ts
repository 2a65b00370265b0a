// google.rpc.Code: the canonical error codes Google APIs use, their names, and the HTTP status each maps to
// (googleapis/google/rpc/code.proto). Batch output lines and a failed batch's Operation.error carry the numeric gRPC
// code; HTTP error bodies carry the HTTP status in `code` and the name in `status`.

const NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

const HTTP: Record<string, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

/** The canonical name of a gRPC code (UNKNOWN for a number outside the table). */
export function grpcName(code: number): string {
  return NAMES[code] ?? 'UNKNOWN';
}

/** The gRPC code of a canonical name (2 = UNKNOWN for a name outside the table). */
export function grpcCode(name: string): number {
  const i = (NAMES as readonly string[]).indexOf(name);
  return i === -1 ? 2 : i;
}

/** The HTTP status of a canonical name (500 for a name outside the table). */
export function httpStatusOf(name: string): number {
  return HTTP[name] ?? 500;
}

/** The canonical name an HTTP status stands for, as Google's error bodies pair them. */
export function nameOfHttpStatus(status: number): string {
  if (status === 400) return 'INVALID_ARGUMENT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'ABORTED';
  if (status === 429) return 'RESOURCE_EXHAUSTED';
  if (status === 499) return 'CANCELLED';
  if (status === 501) return 'UNIMPLEMENTED';
  if (status === 503) return 'UNAVAILABLE';
  if (status === 504) return 'DEADLINE_EXCEEDED';
  return status >= 500 ? 'INTERNAL' : 'UNKNOWN';
}

/** A google.rpc.Status as {name, http}: the name from `status` when given, else from the gRPC code; a `code` in the
 *  HTTP range (some surfaces put the HTTP status there) is taken as the HTTP status itself. */
export function readStatus(s: { code?: unknown; status?: unknown }): { name: string; http: number } {
  if (typeof s.status === 'string' && s.status.length > 0) return { name: s.status, http: httpStatusOf(s.status) };
  if (typeof s.code === 'number') {
    if (s.code >= 100) return { name: nameOfHttpStatus(s.code), http: s.code };
    const name = grpcName(s.code);
    return { name, http: httpStatusOf(name) };
  }
  return { name: 'UNKNOWN', http: 500 };
}
