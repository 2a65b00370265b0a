// The Anthropic face's switches where Anthropic's rate-limit documentation leaves a choice (README.md, "Rate
// limits"). The emulator's options have no Anthropic field, so they are read from BATCHWISE_ANTHROPIC_* environment
// variables (which `batchwise emulator` passes on too), once per emulator, else the defaults below. The limits
// themselves are the emulator's own `rpm` and `tpm` options: `tpm` is Anthropic's input-tokens-per-minute limit.

/** How a request counts against the output-tokens-per-minute limit. The current rate-limit page: "OTPM rate limits
 *  are evaluated in real time as output tokens are produced, counting only the actual tokens generated. The
 *  `max_tokens` parameter does not factor into OTPM rate limit calculations" (`actual`, the default). Earlier editions
 *  of the same page: "OTPM rate limits are estimated based on `max_tokens` at the beginning of each request, and the
 *  estimate is adjusted at the end of the request to reflect the actual number of output tokens used" (`max_tokens`). */
export type OutputCounting = 'actual' | 'max_tokens';

/** The token headers' `remaining`: "rounded to the nearest thousand", as documented (`thousands`, the default), or
 *  the exact level (`exact`, for tests that read the arithmetic). */
export type TokensRemaining = 'thousands' | 'exact';

export interface AnthropicSwitches {
  /** Output tokens per minute per model; null (the default): no output limit. Env BATCHWISE_ANTHROPIC_OTPM. */
  otpm: number | null;
  /** Env BATCHWISE_ANTHROPIC_OUTPUT_COUNTING (`actual` | `max_tokens`). */
  outputCounting: OutputCounting;
  /** Env BATCHWISE_ANTHROPIC_TOKENS_REMAINING (`thousands` | `exact`). */
  tokensRemaining: TokensRemaining;
}

export const DEFAULT_SWITCHES: AnthropicSwitches = { otpm: null, outputCounting: 'actual', tokensRemaining: 'thousands' };

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${value}`);
  return value as T;
}

/** The switches from the emulator's options (`anthropic: {…}`, partial) first, else BATCHWISE_ANTHROPIC_* variables
 *  (so `batchwise emulator` can be switched too), else the defaults. */
export function resolveSwitches(given: Partial<AnthropicSwitches> = {}, env: NodeJS.ProcessEnv = process.env): AnthropicSwitches {
  const raw = env.BATCHWISE_ANTHROPIC_OTPM;
  const fromEnv = raw === undefined || raw === '' ? DEFAULT_SWITCHES.otpm : Number(raw);
  const otpm = given.otpm !== undefined ? given.otpm : fromEnv;
  if (otpm !== null && !(Number.isFinite(otpm) && otpm > 0)) throw new RangeError(`otpm (BATCHWISE_ANTHROPIC_OTPM) must be a positive number, got ${String(otpm)}`);
  return {
    otpm,
    outputCounting: oneOf('outputCounting (BATCHWISE_ANTHROPIC_OUTPUT_COUNTING)', given.outputCounting ?? env.BATCHWISE_ANTHROPIC_OUTPUT_COUNTING, ['actual', 'max_tokens'], DEFAULT_SWITCHES.outputCounting),
    tokensRemaining: oneOf('tokensRemaining (BATCHWISE_ANTHROPIC_TOKENS_REMAINING)', given.tokensRemaining ?? env.BATCHWISE_ANTHROPIC_TOKENS_REMAINING, ['thousands', 'exact'], DEFAULT_SWITCHES.tokensRemaining),
  };
}
