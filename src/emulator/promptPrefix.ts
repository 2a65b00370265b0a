// A request's prompt as the token stream the prompt cache matches on: tools and output format first (they lead the
// real prompt), then every message in order, each behind a role marker; images and files stand as one marker token
// fixed by their content. The stream is hashed incrementally and a hash is taken at every 128-token boundary.
import { createHash } from 'node:crypto';
import type { Endpoint } from '../requests/types.ts';
import type { EncodingName } from '../tokens/index.ts';
import { encoderFor } from '../tokens/encoders.ts';
import { hashBytes } from './random.ts';
import { CACHE_BLOCK } from './promptCache.ts';

/** Text to encode, or a marker standing for a role boundary or a non-text part (never a real token id). */
type Segment = string | number;

function marker(...parts: string[]): number {
  return 0x8000_0000 + (hashBytes(0, ['prefix-marker', ...parts]).readUInt32BE(0) & 0x7fff_ffff);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TEXT_PARTS = new Set(['text', 'input_text', 'output_text', 'refusal']);

function contentSegments(content: unknown, out: Segment[]): void {
  if (typeof content === 'string') {
    out.push(content);
    return;
  }
  if (!Array.isArray(content)) {
    if (content !== undefined && content !== null) out.push(marker('value', JSON.stringify(content)));
    return;
  }
  for (const part of content) {
    if (isRecord(part) && TEXT_PARTS.has(String(part.type))) {
      const text = part.text ?? part.refusal;
      if (typeof text === 'string') out.push(text);
    } else {
      // An image, audio or file: the cache matches it whole, whatever its size.
      out.push(marker('part', JSON.stringify(part)));
    }
  }
}

function messageSegments(m: unknown, out: Segment[]): void {
  if (!isRecord(m)) {
    out.push(marker('item', JSON.stringify(m)));
    return;
  }
  if (typeof m.role !== 'string') {
    // Responses items other than messages (function calls and outputs, reasoning items): as JSON text.
    out.push(marker('item', String(m.type)), JSON.stringify(m));
    return;
  }
  out.push(marker('role', m.role));
  if (typeof m.name === 'string') out.push(m.name);
  contentSegments(m.content, out);
  for (const field of ['tool_calls', 'function_call', 'tool_call_id'] as const) {
    if (m[field] !== undefined && m[field] !== null) out.push(JSON.stringify(m[field]));
  }
}

function leadingSegments(tools: unknown, format: unknown, out: Segment[]): void {
  if (Array.isArray(tools) && tools.length > 0) out.push(marker('tools'), JSON.stringify(tools));
  if (isRecord(format) && format.type !== 'text') out.push(marker('format'), JSON.stringify(format));
}

/** The prompt's segments in order, for the endpoints that cache (chat completions and responses). */
export function prefixSegments(endpoint: Endpoint, body: Record<string, unknown>): Segment[] {
  const out: Segment[] = [];
  if (endpoint === '/v1/chat/completions') {
    leadingSegments(body.tools, body.response_format, out);
    if (Array.isArray(body.messages)) for (const m of body.messages) messageSegments(m, out);
  } else if (endpoint === '/v1/responses') {
    leadingSegments(body.tools, isRecord(body.text) ? body.text.format : undefined, out);
    if (typeof body.instructions === 'string') out.push(marker('role', 'developer'), body.instructions);
    if (typeof body.input === 'string') out.push(marker('role', 'user'), body.input);
    else if (Array.isArray(body.input)) for (const item of body.input) messageSegments(item, out);
  }
  return out;
}

// Long system prompts repeat on every line of a file: their tokens are kept, bounded by the tokens held.
const MEMO_MIN_CHARS = 200;
const MEMO_MAX_TOKENS = 2_000_000;
const memo = new Map<string, Uint32Array>();
let memoTokens = 0;

function encode(text: string, encoding: EncodingName): Uint32Array {
  if (text.length < MEMO_MIN_CHARS) return encoderFor(encoding).encode_ordinary(text);
  const key = `${encoding}\u0000${text}`;
  const known = memo.get(key);
  if (known) return known;
  const tokens = encoderFor(encoding).encode_ordinary(text);
  if (memoTokens + tokens.length > MEMO_MAX_TOKENS) {
    memo.clear();
    memoTokens = 0;
  }
  memo.set(key, tokens);
  memoTokens += tokens.length;
  return tokens;
}

/**
 * Hashes of the prompt's first 128, 256, … tokens (at most `maxBlocks` of them), keyed by the model: two requests
 * share hash k exactly when their first (k + 1) × 128 tokens agree.
 */
export function prefixBlockHashes(
  endpoint: Endpoint,
  body: Record<string, unknown>,
  model: string,
  encoding: EncodingName,
  maxBlocks: number,
): string[] {
  const hashes: string[] = [];
  if (maxBlocks <= 0) return hashes;
  const h = createHash('sha256');
  h.update(`${model}\u0000`);
  let inBlock = 0;
  for (const segment of prefixSegments(endpoint, body)) {
    const tokens = typeof segment === 'number' ? Uint32Array.of(segment) : encode(segment, encoding);
    for (let i = 0; i < tokens.length; ) {
      const take = Math.min(CACHE_BLOCK - inBlock, tokens.length - i);
      h.update(new Uint8Array(tokens.buffer, tokens.byteOffset + i * 4, take * 4));
      inBlock += take;
      i += take;
      if (inBlock === CACHE_BLOCK) {
        hashes.push(h.copy().digest('base64'));
        if (hashes.length >= maxBlocks) return hashes;
        inBlock = 0;
      }
    }
  }
  return hashes;
}
