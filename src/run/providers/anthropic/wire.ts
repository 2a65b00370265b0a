// Anthropic's wire shapes as batchwise sends and reads them, named once. The SDK's types are the source; the few
// fields the SDK's current types no longer carry (sampling, removed from the 2026-10-21 API version) are added here.
import type {
  ContentBlockParam,
  Message,
  MessageCreateParamsNonStreaming,
  MessageParam,
  TextBlockParam,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages/messages';
import type { MessageBatch, MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';

export type { ContentBlockParam, Message, MessageBatch, MessageBatchIndividualResponse, MessageParam, TextBlockParam, Tool, ToolChoice };

/**
 * The API version every call pins. `2023-06-01` and not the SDK's default `2026-10-21`: that newer version answers
 * 400 to `temperature`, `top_p` and `top_k` even at their default values (Messages, count_tokens and Message Batches
 * alike; see the migration guide summarised in /tmp/research/providers-api.md §1), so an OpenAI request file that sets
 * a temperature could not be sent at all. Under 2023-06-01 the sampling parameters keep their documented meaning.
 */
export const ANTHROPIC_VERSION = '2023-06-01';

/** A Messages request as batchwise builds it: the SDK's params (the header-only fields left out) plus the sampling
 *  parameters that 2023-06-01 still takes. */
export type AnthropicParams = Omit<MessageCreateParamsNonStreaming, 'user_profile_id' | 'workspace_id'> & {
  temperature?: number;
  top_p?: number;
};

/** One request of a Message Batch create body. */
export interface AnthropicBatchRequest {
  custom_id: string;
  params: AnthropicParams;
}

/** Anthropic's rule for a batch request's custom_id (Message Batches API reference). */
export const ANTHROPIC_CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

/** The Message Batches limits: "100,000 Message requests or 256 MB in size, whichever is reached first". Bytes are
 *  counted as 256 × 10^6, the smaller reading of "MB", so a body under it passes whichever unit the API means. */
export const ANTHROPIC_BATCH_LIMITS = { maxLines: 100_000, maxBytes: 256_000_000 };
