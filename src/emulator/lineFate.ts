// What happens to one batch line, decided from (seed, batch ordinal, custom_id) alone, so that progress counts during
// the run and the files written at the end always agree, also after a restart.
import type { Endpoint } from '../requests/types.ts';
import { ApiError, serverError } from './apiError.ts';
import { emulationFor } from './answers/index.ts';
import { hashUnit } from './random.ts';

export interface LineFate {
  /** When the line finishes, as a fraction (0, 1] of the batch's processing time. */
  at: number;
  /** The error the line ends with, or null when it succeeds. */
  failure: ApiError | null;
}

/** The batch ordinal is part of the key: a custom_id that failed in one batch can succeed when retried in the next,
 *  as real transient failures do. */
export function lineFate(
  seed: number,
  failRate: number,
  ordinal: number,
  endpoint: Endpoint,
  customId: string,
  body: Record<string, unknown>,
): LineFate {
  const at = 1 - hashUnit(seed, 'finish', ordinal, customId);
  try {
    emulationFor(endpoint).check(body);
  } catch (err) {
    if (err instanceof ApiError) return { at, failure: err };
    throw err;
  }
  if (failRate > 0 && hashUnit(seed, 'fail', ordinal, customId) < failRate) {
    return { at, failure: injectedFailure(hashUnit(seed, 'kind', ordinal, customId), endpoint, body) };
  }
  return { at, failure: null };
}

/** Half server errors, a third rate-limit lines, the rest a 400: the HTTP-level failures a real error file holds. */
function injectedFailure(kind: number, endpoint: Endpoint, body: Record<string, unknown>): ApiError {
  const model = typeof body.model === 'string' ? body.model : 'unknown';
  if (kind < 0.5) return serverError();
  if (kind < 0.83) {
    return new ApiError(
      429,
      `Rate limit reached for ${model} in organization org-emulator on tokens per min (TPM): Limit 200000, Used 199500, Requested 1200. Please try again in 210ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      { type: 'tokens', code: 'rate_limit_exceeded' },
    );
  }
  const param = endpoint === '/v1/chat/completions' ? 'messages' : endpoint === '/v1/completions' ? 'prompt' : 'input';
  return new ApiError(
    400,
    `This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.`,
    { param, code: 'context_length_exceeded' },
  );
}
