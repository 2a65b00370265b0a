// What particular Claude models refuse that the request file can ask for, found before anything is sent (a batch
// validates its params only when it runs: the 400 would come back on every line up to 24 hours later).
// Kept apart from the emulator's own rules (src/emulator/anthropic/validateParams.ts) on purpose: both are read from
// the sources, neither from the other.

/** "Forced tool use returns an error" (tool_choice any / tool): the Opus 5.5, Sonnet 5.5 and Fable 5.1+ model pages. */
const NO_FORCED_TOOLS = /^claude-(opus-5-5|sonnet-5-5|fable-5-[1-9])(-\d{8})?$/;

/** "`temperature` and `top_p` cannot both be specified for this model": the 400 reported for Claude 4.1 to 4.6
 *  (Sonnet 4.5, Haiku 4.5, Opus 4.1, Sonnet 4.6 — public reports such as BerriAI/litellm#15097; Anthropic's model pages
 *  advise "temperature or top_p, but not both"). Later models take only their defaults (sampling.ts). */
const NOT_BOTH_SAMPLERS = /^claude-(sonnet-4-5|haiku-4-5|opus-4-1|sonnet-4-6|opus-4-5|opus-4-6)(-\d{8})?$/;

export function modelRuleProblems(model: string, r: { toolChoice?: string; temperature?: number; top_p?: number }): string[] {
  const problems: string[] = [];
  if ((r.toolChoice === 'any' || r.toolChoice === 'tool') && NO_FORCED_TOOLS.test(model)) {
    problems.push(`tool_choice: ${model} refuses forced tool use (required or a named function); use "auto"`);
  }
  if (r.temperature !== undefined && r.top_p !== undefined && NOT_BOTH_SAMPLERS.test(model)) {
    problems.push(`temperature and top_p: ${model} takes one or the other, not both`);
  }
  return problems;
}

/** Thinking (from reasoning_effort) in a tool-use loop: Anthropic wants the assistant turn that called the tools to
 *  begin with its signed thinking block, which an OpenAI conversation does not carry. */
export function thinkingReplayProblem(messages: unknown): string | null {
  if (!Array.isArray(messages)) return null;
  const replays = messages.some((m) => m && typeof m === 'object' && (m as Record<string, unknown>).role === 'assistant' &&
    Array.isArray((m as Record<string, unknown>).tool_calls) && ((m as Record<string, unknown>).tool_calls as unknown[]).length > 0);
  return replays
    ? 'reasoning_effort: thinking with an earlier assistant tool call in the conversation needs that turn\'s signed thinking block, which an OpenAI request does not carry; drop reasoning_effort for this request'
    : null;
}
