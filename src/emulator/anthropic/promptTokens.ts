// Input tokens of a Messages request, and where its cache breakpoints fall. Anthropic publishes no tokenizer, so the
// count is batchwise's own approximation (src/tokens/approximate.ts: the o200k_base count of the text times the Claude
// tokenizer's factor), the figure batchwise's estimate uses for Claude models, so a run's usage and its estimate agree.
// The prompt is walked in Anthropic's cache order (tools, then system, then messages), so the tokens up to each
// `cache_control` breakpoint are the cacheable prefix there.
import { createHash } from 'node:crypto';
import { countText } from '../../tokens/index.ts';
import { approximateTokens, tokenRatioFor } from '../../tokens/approximate.ts';
import { readDataUrlImageSize } from '../../tokens/imageSize.ts';

export interface Breakpoint {
  /** Input tokens up to and including the block that carries the breakpoint. */
  tokens: number;
  ttl: '5m' | '1h';
  /** Identity of that prefix (a digest of the model and every block up to it), for the cache. */
  prefix: string;
}

export interface PromptCount {
  tokens: number;
  breakpoints: Breakpoint[];
}

/** Per-message framing (role markers), ours: Anthropic does not document it. */
const PER_MESSAGE = 4;
/** A request's own framing, ours. */
const PER_REQUEST = 3;
/** An image from a URL, whose size the emulator does not fetch: about the largest image's count (ours). */
const URL_IMAGE_TOKENS = 1_600;
/** A PDF document, ours: Anthropic counts each page's text and image (1,500–3,000 tokens a page on its PDF page). */
const DOCUMENT_TOKENS = 1_500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Anthropic's vision page: tokens = width × height / 750, after the image is scaled down to fit 1568 px on its long
 *  edge and about 1.15 megapixels. */
function imageTokens(source: unknown): number {
  if (!isObject(source) || source.type !== 'base64' || typeof source.data !== 'string') return URL_IMAGE_TOKENS;
  const size = readDataUrlImageSize(`data:${String(source.media_type)};base64,${source.data}`);
  if (!size) return URL_IMAGE_TOKENS;
  const scale = Math.min(1, 1568 / Math.max(size.width, size.height), Math.sqrt(1_150_000 / (size.width * size.height)));
  return Math.max(1, Math.ceil((size.width * scale * (size.height * scale)) / 750));
}

function ttlOf(block: unknown): '5m' | '1h' | null {
  if (!isObject(block) || !isObject(block.cache_control)) return null;
  return block.cache_control.ttl === '1h' ? '1h' : '5m';
}

/** Counts a request's prompt (in Claude tokens, approximated) and its breakpoints. */
export function countPrompt(params: Record<string, unknown>): PromptCount {
  const model = typeof params.model === 'string' ? params.model : '';
  const ratio = tokenRatioFor('anthropic', model);
  const text = (s: string) => approximateTokens(countText(s, 'o200k_base'), ratio);
  let tokens = PER_REQUEST;
  const digest = createHash('sha256').update(model);
  const breakpoints: Breakpoint[] = [];
  // Each block adds its tokens; a block with cache_control closes a cacheable prefix.
  const add = (block: unknown, count: number) => {
    tokens += count;
    digest.update('\u0000').update(JSON.stringify(block));
    const ttl = ttlOf(block);
    if (ttl) breakpoints.push({ tokens, ttl, prefix: digest.copy().digest('base64') });
  };
  const blockTokens = (b: unknown): number => {
    if (typeof b === 'string') return text(b);
    if (!isObject(b)) return 0;
    switch (b.type) {
      case 'text':
        return typeof b.text === 'string' ? text(b.text) : 0;
      case 'image':
        return imageTokens(b.source);
      case 'document':
        return DOCUMENT_TOKENS + (typeof b.title === 'string' ? text(b.title) : 0);
      case 'tool_use':
        return text(String(b.name ?? '')) + text(JSON.stringify(b.input ?? {}));
      case 'tool_result': {
        const c = b.content;
        if (typeof c === 'string') return text(c);
        return Array.isArray(c) ? c.reduce((sum: number, x) => sum + blockTokens(x), 0) : 0;
      }
      case 'thinking':
        return typeof b.thinking === 'string' ? text(b.thinking) : 0;
      default:
        return text(JSON.stringify(b));
    }
  };
  if (Array.isArray(params.tools)) {
    for (const t of params.tools) add(t, text(JSON.stringify({ name: isObject(t) ? t.name : '', description: isObject(t) ? t.description : '', input_schema: isObject(t) ? t.input_schema : {} })));
  }
  if (typeof params.system === 'string') add(params.system, text(params.system));
  else if (Array.isArray(params.system)) for (const b of params.system) add(b, blockTokens(b));
  if (Array.isArray(params.messages)) {
    for (const m of params.messages) {
      tokens += PER_MESSAGE;
      digest.update(`\u0001${isObject(m) ? String(m.role) : ''}`);
      const content = isObject(m) ? m.content : undefined;
      if (typeof content === 'string') add(content, text(content));
      else if (Array.isArray(content)) for (const b of content) add(b, blockTokens(b));
    }
  }
  // Top-level cache_control "automatically applies a cache_control marker to the last cacheable block".
  const top = ttlOf(params);
  if (top && (breakpoints.length === 0 || breakpoints.at(-1)!.tokens < tokens)) {
    breakpoints.push({ tokens, ttl: top, prefix: digest.copy().digest('base64') });
  }
  return { tokens, breakpoints };
}
