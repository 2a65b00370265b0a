// OpenAI's reasoning_effort as Anthropic's adaptive thinking at that effort: `thinking: {type: "adaptive"}` plus
// `output_config.effort`. Anthropic's effort page (platform.claude.com/docs/en/build-with-claude/effort) calls effort
// "the recommended way to control thinking depth", to be combined with adaptive thinking, and names the same levels
// low, medium, high and xhigh, so those carry over by name; adaptive thinking turns thinking on where it is off by
// default, as asking a reasoning model for an effort does on OpenAI. What still differs: Anthropic's effort also
// shapes the visible answer and tool calls ("affects all tokens in the response"). OpenAI's `none` and `minimal` have
// no counterpart (several current Claude models cannot switch thinking off; there is no "minimal" level). Opus 4.5
// takes effort but thinks only with a token budget, which no OpenAI level names: a problem too.

/** The models the effort page lists as taking `output_config.effort` (its supportedModels, stored copy of late 2026)
 *  that also think adaptively (Claude 4.6 and later), plus the two 5.2 models released after that copy (assumed to
 *  take both as their 5.1 predecessors do). */
const EFFORT_MODELS = new Set([
  'claude-fable-5-2', 'claude-mythos-5-2',
  'claude-fable-5-1', 'claude-mythos-5-1', 'claude-fable-5', 'claude-mythos-5', 'claude-mythos-preview',
  'claude-opus-5-5', 'claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6',
  'claude-sonnet-5-5', 'claude-sonnet-5', 'claude-sonnet-4-6', 'claude-haiku-5-5',
]);

const LEVELS = new Set(['low', 'medium', 'high', 'xhigh']);

export type Effort = 'low' | 'medium' | 'high' | 'xhigh';

export function translateEffort(raw: unknown, model: string, problems: string[]): Effort | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw === 'none' || raw === 'minimal') {
    problems.push(`reasoning_effort: ${JSON.stringify(raw)} has no Anthropic equivalent (output_config.effort is low, medium, high, xhigh or max; thinking cannot be switched off on every model)`);
    return undefined;
  }
  if (typeof raw !== 'string' || !LEVELS.has(raw)) {
    problems.push(`reasoning_effort: ${JSON.stringify(raw)} is not an effort level (low, medium, high or xhigh carry over to Anthropic)`);
    return undefined;
  }
  if (!EFFORT_MODELS.has(model)) {
    problems.push(`reasoning_effort: ${model} is not among the models that take adaptive thinking with output_config.effort (Anthropic's effort page)`);
    return undefined;
  }
  return raw as Effort;
}

/** What thinking rules out (the extended-thinking page: thinking "isn't compatible with temperature or top_k
 *  modifications as well as forced tool use"; top_p only from 0.95 to 1). */
export function thinkingConflicts(s: { temperature?: number; top_p?: number; toolChoice?: string }, problems: string[]): void {
  if (s.temperature !== undefined && s.temperature !== 1) problems.push('temperature: Anthropic takes no temperature other than 1 while thinking (reasoning_effort turns thinking on)');
  if (s.top_p !== undefined && s.top_p < 0.95) problems.push('top_p: Anthropic takes top_p from 0.95 to 1 only while thinking (reasoning_effort turns thinking on)');
  if (s.toolChoice === 'any' || s.toolChoice === 'tool') problems.push('tool_choice: Anthropic forces no tool while thinking (reasoning_effort turns thinking on); use auto');
}
