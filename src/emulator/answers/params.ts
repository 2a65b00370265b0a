// Reading request parameters with the real API's 400 messages.
import { ApiError, checkIntRange, invalidType, missingParameter } from '../apiError.ts';

/** The real API's message for a request without `model`. */
export function requireModel(body: Record<string, unknown>): string {
  const model = body.model;
  if (model === undefined || model === null || model === '') {
    throw new ApiError(400, 'you must provide a model parameter');
  }
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  return model;
}

export function requireField(body: Record<string, unknown>, name: string): unknown {
  const value = body[name];
  if (value === undefined || value === null) throw missingParameter(name);
  return value;
}

/** An optional integer parameter with a minimum (and maximum), or null when absent. */
export function optionalInt(body: Record<string, unknown>, name: string, min: number, max = Infinity): number | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(name, 'an integer', value);
  return checkIntRange(name, value, min, max);
}

/** The emulator answers with JSON only; a streamed answer (SSE) is not emulated. */
export function refuseStreaming(body: Record<string, unknown>): void {
  if (body.stream === true) {
    throw new ApiError(400, 'The batchwise emulator does not emulate streaming (stream: true).', { param: 'stream' });
  }
}
