// Where a request's prompt could hit OpenAI's prompt cache: the prefixes it may share with other requests, at message
// boundaries, each with its token count and a hash that is equal exactly when the rendered prefix is.
//
// OpenAI caches exact token prefixes of 1,024 tokens and more (prompt-caching guide). A file whose requests share a
// system prompt, few-shot messages or tool definitions shares those leading tokens. We cut only at message boundaries
// (where one request's prompt stops matching another's is almost always a message boundary in batch files built from
// a template); a shared prefix that ends inside a message is not seen, which errs towards fewer hits.
import { createHash } from 'node:crypto';
import type { Endpoint } from '../requests/types.ts';
import { countRequestTokens } from './countRequestTokens.ts';
import { REPLY_PRIMING } from './messageFormat.ts';
import { endsAtBreakpoint, toolsEndAtBreakpoint } from './promptCacheRules.ts';
import type { EncodingName } from './types.ts';
import { asArray } from './util.ts';

/** "Caching is enabled automatically for prompts that are 1,024 tokens or longer." */
export const CACHE_MIN_TOKENS = 1024;
/** Message boundaries looked at per request: a long conversation's later cuts rarely repeat across lines. */
const MAX_BOUNDARIES = 32;

export interface CachePrefix {
  /** 16 hex digits of sha256 over the model family's prefix as the API receives it. */
  hash: string;
  /** Input tokens of the prefix (without the reply priming, which follows the last message). */
  tokens: number;
}

/** Another provider's cache rules, in this encoding's tokens (promptCacheRules.ts says where they come from). */
export interface PrefixOptions {
  /** The shortest prefix kept (default CACHE_MIN_TOKENS, OpenAI's). */
  minTokens?: number;
  /** Cut only where the request set a cache_control breakpoint (Claude's explicit caching). */
  breakpointsOnly?: boolean;
}

/** Prefixes of at least `minTokens` tokens, shortest first; [] for endpoints without prompt caching or prompts below
 *  the minimum. `inputTokens` is the request's full count (a short prompt is skipped without more work). With
 *  `breakpointsOnly` a cut is kept only where a message (or its last content part) or the last tool carries
 *  cache_control; a breakpoint inside a message is cut at the message before it, which errs towards fewer hits. */
export function cachePrefixes(url: Endpoint, body: Record<string, unknown>, encoding: EncodingName, inputTokens: number, opts: PrefixOptions = {}): CachePrefix[] {
  const minTokens = opts.minTokens ?? CACHE_MIN_TOKENS;
  const marked = opts.breakpointsOnly === true;
  if (inputTokens < minTokens) return [];
  let listKey: 'messages' | 'input';
  if (url === '/v1/chat/completions') listKey = 'messages';
  else if (url === '/v1/responses') listKey = 'input';
  else return [];

  // Everything but the message list is part of every prefix: tools and formats are rendered ahead of the messages,
  // and a change of model or of any of them changes the prompt.
  const { [listKey]: list, ...rest } = body;
  const fixed = pick(rest, ['model', 'tools', 'functions', 'tool_choice', 'function_call', 'response_format', 'text', 'instructions']);
  const items = typeof list === 'string' ? [{ role: 'user', content: list }] : asArray(list);
  const hash = createHash('sha256').update(JSON.stringify(fixed));
  const out: CachePrefix[] = [];
  // Instructions and tools alone are a prefix too (a responses file's rows differ from the first input item on).
  const toolsCut = marked ? toolsEndAtBreakpoint(fixed.tools) : fixed.instructions !== undefined || fixed.tools !== undefined || fixed.functions !== undefined;
  if (toolsCut) {
    const tokens = countRequestTokens(url, { ...rest, [listKey]: [] }, encoding).input_tokens - REPLY_PRIMING;
    if (tokens >= minTokens) out.push({ hash: hash.copy().digest('hex').slice(0, 16), tokens });
  }
  const upTo = Math.min(items.length, MAX_BOUNDARIES);
  for (let i = 0; i < upTo; i++) {
    hash.update('\n').update(JSON.stringify(items[i]));
    if (marked && !endsAtBreakpoint(items[i])) continue;
    const prefixBody = { ...rest, [listKey]: items.slice(0, i + 1) };
    const tokens = i === items.length - 1 ? inputTokens - REPLY_PRIMING : countRequestTokens(url, prefixBody, encoding).input_tokens - REPLY_PRIMING;
    if (tokens >= minTokens) out.push({ hash: hash.copy().digest('hex').slice(0, 16), tokens });
  }
  return out;
}

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
