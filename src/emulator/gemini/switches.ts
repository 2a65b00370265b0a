// The Gemini emulator's switches: where Google's documentation is silent, each plausible behaviour is a setting and
// batchwise is tested against all of them (README.md). They are read from `services.cfg.gemini` when the emulator's
// options carry one, else from BATCHWISE_GEMINI_* environment variables (so `batchwise emulator` can be switched
// too), else the defaults below; read once per emulator.

export interface GeminiSwitches {
  /** The prefix of `metadata.state`: the wire has shown BATCH_STATE_* (observed); the docs' samples and the SDKs
   *  name JOB_STATE_*. Default BATCH_STATE_. Env BATCHWISE_GEMINI_STATE_PREFIX. */
  statePrefix: 'BATCH_STATE_' | 'JOB_STATE_';
  /** What a cancelled job keeps: `partial` (default) a responses file with the requests that finished before the
   *  cancel; `none` no output at all. The docs say only that a cancel stops new requests from being processed.
   *  Env BATCHWISE_GEMINI_CANCELLED_OUTPUT. */
  cancelledOutput: 'partial' | 'none';
  /** Models the catalog marks as shut down (gemini-2.5-pro, gemini-2.5-flash on 2026-12-01): `route` (default)
   *  answers them as their replacement, billed as it (as third parties report Google doing); `not-found` answers 404.
   *  Env BATCHWISE_GEMINI_RETIRED_MODELS. */
  retiredModels: 'route' | 'not-found';
  /** Longest batch display name accepted (400 above it). The batch docs give no limit; the Files API's displayName
   *  is "no more than 512 characters". Default 512. Env BATCHWISE_GEMINI_DISPLAY_NAME_MAX. */
  displayNameMax: number;
  /** The API keys that are valid (null, the default: any non-empty key). A key outside the list gets Google's 400
   *  API_KEY_INVALID, whose DebugInfo echoes the key back as the real API's does. Env BATCHWISE_GEMINI_API_KEYS
   *  (comma-separated). */
  apiKeys: string[] | null;
}

export const DEFAULT_SWITCHES: GeminiSwitches = {
  statePrefix: 'BATCH_STATE_',
  cancelledOutput: 'partial',
  retiredModels: 'route',
  displayNameMax: 512,
  apiKeys: null,
};

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (!allowed.includes(value as T)) throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  return value as T;
}

/** The switches from an options object (partial) and the environment. */
export function resolveSwitches(given: Partial<GeminiSwitches> | undefined, env: NodeJS.ProcessEnv = process.env): GeminiSwitches {
  const g = given ?? {};
  const keys = g.apiKeys ?? (env.BATCHWISE_GEMINI_API_KEYS ? env.BATCHWISE_GEMINI_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean) : null);
  const max = g.displayNameMax ?? (env.BATCHWISE_GEMINI_DISPLAY_NAME_MAX ? Number(env.BATCHWISE_GEMINI_DISPLAY_NAME_MAX) : DEFAULT_SWITCHES.displayNameMax);
  if (!(Number.isInteger(max) && max > 0)) throw new RangeError(`displayNameMax must be a positive integer, got ${max}`);
  return {
    statePrefix: oneOf('statePrefix', g.statePrefix ?? env.BATCHWISE_GEMINI_STATE_PREFIX, ['BATCH_STATE_', 'JOB_STATE_'], DEFAULT_SWITCHES.statePrefix),
    cancelledOutput: oneOf('cancelledOutput', g.cancelledOutput ?? env.BATCHWISE_GEMINI_CANCELLED_OUTPUT, ['partial', 'none'], DEFAULT_SWITCHES.cancelledOutput),
    retiredModels: oneOf('retiredModels', g.retiredModels ?? env.BATCHWISE_GEMINI_RETIRED_MODELS, ['route', 'not-found'], DEFAULT_SWITCHES.retiredModels),
    displayNameMax: max,
    apiKeys: keys && keys.length > 0 ? keys : null,
  };
}
