// An Anthropic Message read back as an OpenAI chat.completion body, so the results, the ledger and the history read
// it as they read OpenAI's. The Message itself rides along under `provider_response`.
import type { Message } from './wire.ts';

/** stop_reason → finish_reason. `pause_turn` comes only from server tools (never sent by batchwise) and ends the turn
 *  as far as the answer goes; `model_context_window_exceeded` is a cut answer, as `length` is. */
const FINISH: Record<string, string> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

export function finishReason(stopReason: string | null | undefined): string {
  return (stopReason && FINISH[stopReason]) ?? 'stop';
}

/** Anthropic's usage in OpenAI's chat shape. Anthropic's `input_tokens` is the uncached part only: the prompt is it
 *  plus the tokens read from and written to the cache. Thinking is inside `output_tokens`, as reasoning is inside
 *  OpenAI's `completion_tokens`. */
export function chatUsage(usage: Partial<Message['usage']> | null | undefined): Record<string, unknown> {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const read = n(usage?.cache_read_input_tokens);
  const written = n(usage?.cache_creation_input_tokens);
  const prompt = n(usage?.input_tokens) + read + written;
  const completion = n(usage?.output_tokens);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: read, cache_write_tokens: written },
    completion_tokens_details: { reasoning_tokens: n(usage?.output_tokens_details?.thinking_tokens) },
  };
}

/** `created` is Unix seconds: a Message carries no time of its own (the caller passes when it was answered). */
export function chatCompletionFromMessage(message: Message, created: number): Record<string, unknown> {
  const blocks = Array.isArray(message.content) ? message.content : [];
  const text = blocks.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text);
  const toolCalls = blocks
    .filter((b) => b.type === 'tool_use')
    .map((b) => {
      const use = b as { id: string; name: string; input: unknown };
      return { id: use.id, type: 'function', function: { name: use.name, arguments: JSON.stringify(use.input ?? {}) } };
    });
  // OpenAI answers null content next to tool calls when the model wrote no text.
  const content = text.length > 0 ? text.join('') : toolCalls.length > 0 ? null : '';
  return {
    id: message.id,
    object: 'chat.completion',
    created,
    model: message.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
        logprobs: null,
        finish_reason: finishReason(message.stop_reason),
      },
    ],
    usage: chatUsage(message.usage),
    provider_response: message,
  };
}
