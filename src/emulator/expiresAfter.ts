// The expiration policy object of uploads (`expires_after`) and batches (`output_expires_after`):
// {anchor: 'created_at', seconds}, seconds "between 3600 (1 hour) and 2592000 (30 days)" (openai-node files.ts and
// batches.ts). The 400 messages are the API's usual ones for such checks; their exact text here is guessed.
import { ApiError, checkIntRange, invalidValue, missingParameter } from './apiError.ts';

export const MIN_EXPIRES_AFTER_S = 3600;
export const MAX_EXPIRES_AFTER_S = 2_592_000;

/** Shared by files' `expires_after` and batches' `output_expires_after`: {anchor: 'created_at', seconds}. */
export function expiresAfterSeconds(param: string, anchor: unknown, seconds: unknown): number {
  if (anchor === null || anchor === undefined) throw missingParameter(`${param}.anchor`);
  if (anchor !== 'created_at') throw invalidValue(`${param}.anchor`, anchor, ['created_at']);
  if (seconds === null || seconds === undefined) throw missingParameter(`${param}.seconds`);
  if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
    throw new ApiError(400, `Invalid type for '${param}.seconds': expected an integer.`, { param: `${param}.seconds`, code: 'invalid_type' });
  }
  return checkIntRange(`${param}.seconds`, seconds, MIN_EXPIRES_AFTER_S, MAX_EXPIRES_AFTER_S);
}

