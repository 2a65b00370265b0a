// temperature, top_p and stop as Anthropic takes them. The ranges differ (OpenAI's temperature runs to 2, Anthropic's
// to 1), and newer models take the sampling parameters only at their defaults: the SDK's deprecation note on
// `temperature` / `top_p` says models after Opus 4.6 accept only temperature 1.0 and top_p ≥ 0.99 and answer 400
// otherwise (shared/reference/providers.md §1.7, from anthropic-sdk-typescript's messages.ts).

/** `claude-opus-4-6` → 4.6, `claude-haiku-4-5-20251001` → 4.5, `claude-opus-5` → 5; null for a name with no version
 *  (such a name is taken as a current model). */
export function claudeVersion(model: string): number | null {
  const m = /^claude-[a-z]+-(\d+)(?:-(\d))?(?:-\d{8})?$/.exec(model);
  if (m === null) return null;
  return Number(m[1]) + (m[2] === undefined ? 0 : Number(m[2]) / 10);
}

/** Whether the model takes sampling parameters only at their defaults (newer than Opus 4.6). */
function defaultsOnly(model: string): boolean {
  const v = claudeVersion(model);
  return v === null || v >= 4.7;
}

export interface Sampling {
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
}

export function translateSampling(body: Record<string, unknown>, model: string, problems: string[]): Sampling {
  const out: Sampling = {};
  const { temperature, top_p: topP, stop } = body;
  if (temperature !== undefined && temperature !== null) {
    if (typeof temperature !== 'number' || temperature < 0) problems.push('temperature: must be a number ≥ 0');
    else if (temperature > 1) problems.push(`temperature: ${temperature} is above Anthropic's range (0 to 1); OpenAI's scale runs to 2 and the two do not convert`);
    else if (defaultsOnly(model) && temperature !== 1) problems.push(`temperature: ${model} takes only the default temperature 1.0 (Anthropic answers 400 to any other value on models after Opus 4.6)`);
    else out.temperature = temperature;
  }
  if (topP !== undefined && topP !== null) {
    if (typeof topP !== 'number' || topP < 0 || topP > 1) problems.push('top_p: must be a number from 0 to 1');
    else if (defaultsOnly(model) && topP < 0.99) problems.push(`top_p: ${model} takes top_p ≥ 0.99 only (Anthropic answers 400 below that on models after Opus 4.6)`);
    else out.top_p = topP;
  }
  if (stop !== undefined && stop !== null) {
    const list = typeof stop === 'string' ? [stop] : stop;
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) {
      problems.push('stop: must be a string or an array of strings');
    } else if (list.some((s) => s.trim() === '')) {
      // Anthropic's stop sequences must contain something besides whitespace ("All non-whitespace stop sequences
      // work", its OpenAI-compatibility page).
      problems.push('stop: Anthropic takes no empty or whitespace-only stop sequences');
    } else if (list.length > 0) {
      out.stop_sequences = list;
    }
  }
  return out;
}
