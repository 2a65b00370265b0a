// When a provider's prompt cache can serve part of a request: how long a shared prefix must be, and whether the cache
// needs to be asked for. What the cache then costs (reads, writes, the batch discount) is the price catalog's business.
//
// - OpenAI: automatic from 1,024 tokens (prompt-caching guide).
// - Gemini: implicit caching, automatic, from a per-model minimum (ai.google.dev/gemini-api/docs/caching, captures of
//   2026-10-13 and 2026-10-23: 4,096 for Gemini 4 Argon, 3.8 / 3.7 / 3.6 / 3.5 Flash and 3.1 Pro Preview; 2,048 for
//   2.5 Flash and 2.5 Pro). Models the page does not list get their generation's figure.
// - Anthropic: only where the request asks for it, with cache_control on a block (an explicit breakpoint) or at the top
//   level (automatic caching of the whole prompt), from a per-model minimum (platform.claude.com prompt-caching page, as
//   quoted in anthropic-sdk-python#1194). Models it gives no figure for get 4,096, the highest documented minimum:
//   a higher minimum means fewer expected hits, the costlier side.

/** The providers a run can use (pricing's CatalogProvider, spelled out here: tokens/ imports nothing to its right). */
export type CacheProvider = 'openai' | 'azure' | 'anthropic' | 'gemini';

export interface PromptCacheRules {
  /** The shortest prefix the cache keeps, in the provider's tokens. */
  minTokens: number;
  /** 'automatic': any shared prefix can hit; 'marked': only prefixes ending at a cache_control breakpoint. */
  trigger: 'automatic' | 'marked';
  /** Where the minimum comes from, or that it is an assumption (shown in the estimate's notes). */
  basis: string;
}

const OPENAI_MIN = 1024;
const HIGHEST_CLAUDE_MIN = 4096;

/** Minimums Anthropic's prompt-caching page gives, by model id without its date suffix. */
const CLAUDE_MINIMUMS: Readonly<Record<string, { tokens: number; basis: string }>> = {
  'claude-haiku-4-5': { tokens: 4096, basis: "4,096 tokens (Anthropic's prompt-caching page)" },
  'claude-opus-4-6': { tokens: 4096, basis: "4,096 tokens (Anthropic's prompt-caching page)" },
  'claude-opus-4-5': { tokens: 4096, basis: "4,096 tokens (Anthropic's prompt-caching page)" },
  // The page says 1,024; caching was observed to start at 2,048 (anthropic-sdk-python#1194; orq.ai's table agrees).
  'claude-sonnet-4-6': { tokens: 2048, basis: "2,048 tokens (Anthropic's page says 1,024; 2,048 was observed, the costlier figure is used)" },
  'claude-sonnet-4-5': { tokens: 1024, basis: "1,024 tokens (Anthropic's prompt-caching page)" },
  'claude-opus-4-1': { tokens: 1024, basis: "1,024 tokens (Anthropic's prompt-caching page)" },
  'claude-opus-4': { tokens: 1024, basis: "1,024 tokens (Anthropic's prompt-caching page)" },
  'claude-sonnet-4': { tokens: 1024, basis: "1,024 tokens (Anthropic's prompt-caching page)" },
};

export function promptCacheRules(provider: CacheProvider, model: string): PromptCacheRules {
  if (provider === 'anthropic') {
    const known = CLAUDE_MINIMUMS[model.replace(/-\d{8}$/, '')];
    return {
      minTokens: known?.tokens ?? HIGHEST_CLAUDE_MIN,
      trigger: 'marked',
      basis: known?.basis ?? `4,096 tokens, an assumption (no figure seen for ${model}; the highest documented minimum)`,
    };
  }
  if (provider === 'gemini') {
    const generation = Number(/^(?:models\/)?gemini-(\d+)/.exec(model)?.[1] ?? Number.NaN);
    if (generation === 2) return { minTokens: 2048, trigger: 'automatic', basis: "2,048 tokens (Google's caching page, Gemini 2.5)" };
    return {
      minTokens: 4096,
      trigger: 'automatic',
      basis: generation >= 3 ? "4,096 tokens (Google's caching page, Gemini 3.x and 4)" : `4,096 tokens, an assumption (no figure seen for ${model})`,
    };
  }
  return { minTokens: OPENAI_MIN, trigger: 'automatic', basis: "1,024 tokens (OpenAI's prompt-caching guide)" };
}

/** What a request body asks of Claude's cache: a breakpoint anywhere (or automatic caching), and the 1-hour TTL. */
export interface CacheMarks {
  /** Some block (message, content part, tool) or the request itself carries cache_control. */
  marked: boolean;
  /** cache_control at the top level: Anthropic's automatic caching, the breakpoint on the last block. */
  automatic: boolean;
  /** Some cache_control asks for `"ttl": "1h"` (writes bill 2x input instead of 1.25x). */
  oneHour: boolean;
}

/** Looks where cache_control can sit in an OpenAI-shaped body: the top level, tools, messages / input items and their
 *  content parts. */
export function cacheMarks(body: Record<string, unknown>): CacheMarks {
  const marks: CacheMarks = { marked: false, automatic: false, oneHour: false };
  const see = (x: unknown): boolean => {
    const control = isObject(x) ? x.cache_control : undefined;
    if (control === undefined || control === null) return false;
    marks.marked = true;
    if (isObject(control) && control.ttl === '1h') marks.oneHour = true;
    return true;
  };
  if (see(body)) marks.automatic = true;
  for (const tool of asList(body.tools)) {
    see(tool);
    if (isObject(tool)) see(tool.function);
  }
  for (const item of [...asList(body.messages), ...asList(body.input)]) {
    see(item);
    if (isObject(item)) for (const part of asList(item.content)) see(part);
  }
  return marks;
}

/** True when a message or input item ends at a breakpoint: marked itself, or its last content part is. */
export function endsAtBreakpoint(item: unknown): boolean {
  if (!isObject(item)) return false;
  if (item.cache_control != null) return true;
  const parts = asList(item.content);
  const last = parts[parts.length - 1];
  return isObject(last) && last.cache_control != null;
}

/** True when the last tool definition carries a breakpoint (tools are rendered ahead of the messages). */
export function toolsEndAtBreakpoint(tools: unknown): boolean {
  const list = asList(tools);
  const last = list[list.length - 1];
  return isObject(last) && (last.cache_control != null || (isObject(last.function) && last.function.cache_control != null));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
