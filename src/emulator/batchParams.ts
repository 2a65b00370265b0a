// POST /v1/batches parameters, checked the way the real endpoint answers (400 with `param`).
import type { Endpoint } from '../requests/types.ts';
import { EMULATED_ENDPOINTS } from './answers/index.ts';
import { ApiError, invalidType, invalidValue, missingParameter } from './apiError.ts';
import { expiresAfterSeconds } from './expiresAfter.ts';

export interface BatchParams {
  input_file_id: string;
  endpoint: Endpoint;
  completion_window: '24h';
  metadata: Record<string, string> | null;
  /** `output_expires_after.seconds`: the output and error files expire that long after they are created ("the anchor
   *  is the file creation time, not the time the batch is created"). */
  outputExpiresAfterS: number | null;
}

export function readBatchParams(body: Record<string, unknown>): BatchParams {
  for (const name of ['input_file_id', 'endpoint', 'completion_window']) {
    if (body[name] === undefined || body[name] === null) throw missingParameter(name);
  }
  if (typeof body.input_file_id !== 'string') throw invalidType('input_file_id', 'a string', body.input_file_id);
  if (!(EMULATED_ENDPOINTS as readonly unknown[]).includes(body.endpoint)) throw invalidValue('endpoint', body.endpoint, EMULATED_ENDPOINTS);
  if (body.completion_window !== '24h') throw invalidValue('completion_window', body.completion_window, ['24h']);
  return {
    input_file_id: body.input_file_id,
    endpoint: body.endpoint as Endpoint,
    completion_window: '24h',
    metadata: readMetadata(body.metadata),
    outputExpiresAfterS: readOutputExpiresAfter(body.output_expires_after),
  };
}

function readOutputExpiresAfter(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidType('output_expires_after', 'an object', value);
  const v = value as Record<string, unknown>;
  return expiresAfterSeconds('output_expires_after', v.anchor, v.seconds);
}

/** "Set of 16 key-value pairs … keys at most 64 characters, values at most 512." */
function readMetadata(value: unknown): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidType('metadata', 'an object', value);
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw new ApiError(
      400,
      `Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with ${entries.length} properties instead.`,
      { param: 'metadata', code: 'object_above_max_properties' },
    );
  }
  for (const [key, v] of entries) {
    if (key.length > 64) {
      throw new ApiError(
        400,
        `Invalid 'metadata': string too long. Expected a string with maximum length 64, but got a string with length ${key.length} instead.`,
        { param: 'metadata', code: 'string_above_max_length' },
      );
    }
    if (typeof v !== 'string') throw invalidType(`metadata.${key}`, 'a string', v);
    if (v.length > 512) {
      throw new ApiError(
        400,
        `Invalid 'metadata.${key}': string too long. Expected a string with maximum length 512, but got a string with length ${v.length} instead.`,
        { param: `metadata.${key}`, code: 'string_above_max_length' },
      );
    }
  }
  return { ...(value as Record<string, string>) };
}
