// Gemini answers → OpenAI's shapes: a GenerateContentResponse → a chat.completion body (the Gemini response kept
// whole under `provider_response`), and one line of a batch's responses file → one OpenAI batch output line.
import { createHash } from 'node:crypto';
import { scrub } from '../../../shared/secrets.ts';
import { readStatus } from './statusCodes.ts';
import type { GeminiCandidate, GeminiResultLine, GeminiUsageMetadata, GenerateContentResponse } from './wire.ts';

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** usageMetadata in OpenAI's chat terms: promptTokenCount already includes the cached tokens (and tool-use prompts
 *  bill as input); thinking bills as output, inside completion_tokens, as OpenAI's reasoning tokens do. */
export function chatUsage(u: GeminiUsageMetadata | undefined): ChatUsage {
  const prompt = count(u?.promptTokenCount) + count(u?.toolUsePromptTokenCount);
  const thoughts = count(u?.thoughtsTokenCount);
  const completion = count(u?.candidatesTokenCount) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: Math.min(count(u?.cachedContentTokenCount), prompt) },
    completion_tokens_details: { reasoning_tokens: thoughts },
  };
}

const CONTENT_FILTER = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

/** OpenAI's finish_reason for a candidate: a function call ends the turn as `tool_calls`, whatever Gemini says. */
export function finishReason(reason: string | undefined, calledTools: boolean): string {
  if (calledTools) return 'tool_calls';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason !== undefined && CONTENT_FILTER.has(reason)) return 'content_filter';
  return 'stop';
}

/** A tool call id for a function call that came without one: stable for the same answer, unique within it. */
function callId(seed: string, candidate: number, part: number): string {
  return `call_${createHash('sha256').update(`${seed}\u0000${candidate}\u0000${part}`).digest('hex').slice(0, 24)}`;
}

function choice(c: GeminiCandidate, i: number, seed: string) {
  const index = typeof c.index === 'number' ? c.index : i;
  const texts: string[] = [];
  const toolCalls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] = [];
  (c.content?.parts ?? []).forEach((p, j) => {
    // Thought summaries (includeThoughts) are not the answer.
    if (typeof p.text === 'string' && p.thought !== true) texts.push(p.text);
    if (p.functionCall) {
      toolCalls.push({
        id: p.functionCall.id ?? callId(seed, index, j),
        type: 'function',
        function: { name: p.functionCall.name, arguments: JSON.stringify(p.functionCall.args ?? {}) },
      });
    }
  });
  const content = texts.length > 0 ? texts.join('') : toolCalls.length > 0 ? null : '';
  const message: Record<string, unknown> = { role: 'assistant', content, refusal: null, annotations: [] };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  return { index, message, logprobs: null, finish_reason: finishReason(c.finishReason, toolCalls.length > 0) };
}

/** An HTTP-shaped failure for one request: the status and an OpenAI error body. */
export interface FailedAnswer {
  status: number;
  body: { error: { code: string; message: string; type: string; param: null }; provider_response?: unknown };
}

export type TranslatedAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; failure: FailedAnswer };

/**
 * A GenerateContentResponse as a chat.completion. `model` is the model asked for (modelVersion names the one that
 * answered and wins); `seed` makes ids stable (the batch key, or the response id). A prompt Gemini blocked has no
 * candidates: that is a failed request (400 prompt_blocked), not an empty answer.
 */
export function toChatCompletion(resp: GenerateContentResponse, model: string, seed: string, createdSec: number): TranslatedAnswer {
  const candidates = resp.candidates ?? [];
  if (candidates.length === 0) {
    const reason = resp.promptFeedback?.blockReason;
    const failure: FailedAnswer = reason
      ? { status: 400, body: { error: { code: 'prompt_blocked', message: `Gemini blocked the prompt (${reason})`, type: 'invalid_request_error', param: null }, provider_response: resp } }
      : { status: 500, body: { error: { code: 'no_candidates', message: 'Gemini answered without a candidate', type: 'server_error', param: null }, provider_response: resp } };
    return { ok: false, failure };
  }
  const id = resp.responseId ?? createHash('sha256').update(seed).digest('hex').slice(0, 29);
  return {
    ok: true,
    body: {
      id: `chatcmpl-${id}`,
      object: 'chat.completion',
      created: createdSec,
      model: resp.modelVersion ?? model,
      choices: candidates.map((c, i) => choice(c, i, resp.responseId ?? seed)),
      usage: chatUsage(resp.usageMetadata),
      system_fingerprint: null,
      provider_response: resp,
    },
  };
}

/** A request Gemini refused (a batch line's `error`, a google.rpc.Status) as an HTTP status and OpenAI error body;
 *  the message is scrubbed, as every text built from a server's body is. */
export function statusFailure(error: { code?: unknown; message?: unknown; status?: unknown }): FailedAnswer {
  const { name, http } = readStatus(error);
  const message = typeof error.message === 'string' ? scrub(error.message) : `Gemini refused the request (${name})`;
  return { status: http, body: { error: { code: name, message, type: http >= 500 ? 'server_error' : 'invalid_request_error', param: null } } };
}

function requestId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** One responses-file line → one OpenAI batch output line (null for a line that names no request). */
export function toOpenAIOutputLine(line: GeminiResultLine, model: string, createdSec: number): string | null {
  if (typeof line.key !== 'string') return null;
  const custom_id = line.key;
  const id = `batch_req_${requestId(custom_id)}`;
  if (line.response && typeof line.response === 'object' && !line.error) {
    const answer = toChatCompletion(line.response, model, custom_id, createdSec);
    const request_id = line.response.responseId ?? '';
    const response = answer.ok
      ? { status_code: 200, request_id, body: answer.body }
      : { status_code: answer.failure.status, request_id, body: answer.failure.body };
    return JSON.stringify({ id, custom_id, response, error: null });
  }
  const failure = statusFailure(line.error ?? { message: 'the batch line carries neither a response nor an error' });
  return JSON.stringify({ id, custom_id, response: { status_code: failure.status, request_id: '', body: failure.body }, error: null });
}
