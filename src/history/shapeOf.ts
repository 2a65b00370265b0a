// The shape of a request: what the next run of "the same file" has in common with this one. A nightly eval keeps its
// system prompt, tools, output format, model and cap while its rows change, so the key is built from those and never
// from the user's own text. The prefix is also what the prompt cache can reuse, which is why tools and the response
// format belong to it: the model sees them ahead of the conversation.
import { createHash } from 'node:crypto';
import type { Endpoint } from '../requests/types.ts';
import { stableJson } from './stableJson.ts';
import type { ShapeKey } from './types.ts';

const PREFIX_ROLES = new Set(['system', 'developer']);

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function positiveInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

/** Messages up to the first that is not system/developer: later ones (few-shot turns, the row) vary per request. */
function leadingInstructions(items: unknown): unknown[] {
  if (!Array.isArray(items)) return [];
  const out: unknown[] = [];
  for (const item of items) {
    const role = item !== null && typeof item === 'object' ? (item as { role?: unknown }).role : undefined;
    if (typeof role !== 'string' || !PREFIX_ROLES.has(role)) break;
    out.push(item);
  }
  return out;
}

function sharedPrefix(url: Endpoint, body: Record<string, unknown>): unknown {
  if (url === '/v1/chat/completions') {
    return { system: leadingInstructions(body.messages), tools: body.tools ?? null, format: body.response_format ?? null };
  }
  if (url === '/v1/responses') {
    const text = body.text as { format?: unknown } | undefined;
    return {
      instructions: body.instructions ?? null,
      system: leadingInstructions(body.input),
      tools: body.tools ?? null,
      format: text?.format ?? null,
    };
  }
  // Completions, embeddings and moderations have no part that is shared by construction: their input is the row.
  return {};
}

/** 16 hex of sha256 over the shared prefix of a request (see shapeOf). */
export function prefixHash(url: Endpoint, body: Record<string, unknown>): string {
  return shortHash(stableJson(sharedPrefix(url, body)));
}

function outputCap(url: Endpoint, body: Record<string, unknown>): number | null {
  if (url === '/v1/chat/completions') return positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens);
  if (url === '/v1/responses') return positiveInt(body.max_output_tokens);
  return positiveInt(body.max_tokens);
}

function reasoningEffort(url: Endpoint, body: Record<string, unknown>): string | null {
  const effort = url === '/v1/responses' ? (body.reasoning as { effort?: unknown } | undefined)?.effort : body.reasoning_effort;
  return typeof effort === 'string' ? effort : null;
}

export function shapeOf(url: Endpoint, body: Record<string, unknown>): ShapeKey {
  const model = typeof body.model === 'string' ? body.model : '';
  const prefix_hash = prefixHash(url, body);
  const cap = outputCap(url, body);
  const effort = reasoningEffort(url, body);
  return { id: shortHash(stableJson({ model, url, prefix_hash, cap, effort })), model, url, prefix_hash, cap, effort };
}
