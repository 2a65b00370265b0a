// POST /v1/chat/completions: a chat.completion object as the real endpoint returns it.
import { ApiError, invalidType } from '../apiError.ts';
import { hashBytes, newId } from '../random.ts';
import { answeredModel, echoedServiceTier, effectiveEffort, generateChoice, promptUsage, readEffort, traitsFor } from './generate.ts';
import { shapeOf } from './length.ts';
import { optionalInt, refuseStreaming, requireField, requireModel } from './params.ts';
import { answerKey } from './text.ts';
import type { EndpointEmulation } from './types.ts';

function maxTokens(body: Record<string, unknown>): number | null {
  return optionalInt(body, 'max_completion_tokens', 1) ?? optionalInt(body, 'max_tokens', 1);
}

export function systemFingerprint(model: string): string {
  return `fp_${hashBytes(0, ['fingerprint', model]).toString('hex').slice(0, 10)}`;
}

/** The shape of a chat request: its leading system / developer messages, tools and response format. */
function chatShape(body: Record<string, unknown>): string {
  const lead: unknown[] = [];
  for (const m of body.messages as unknown[]) {
    const role = (m as { role?: unknown } | null)?.role;
    if (role !== 'system' && role !== 'developer') break;
    lead.push((m as { content?: unknown }).content);
  }
  return shapeOf([lead, body.response_format ?? null, body.tools ?? null]);
}

export const chatEmulation: EndpointEmulation = {
  endpoint: '/v1/chat/completions',

  check(body) {
    requireModel(body);
    const messages = requireField(body, 'messages');
    if (!Array.isArray(messages)) throw invalidType('messages', 'an array', messages);
    if (messages.length === 0) {
      throw new ApiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", {
        param: 'messages',
        code: 'empty_array',
      });
    }
    optionalInt(body, 'n', 1, 128);
    maxTokens(body);
    readEffort(body.reasoning_effort, 'reasoning_effort');
    refuseStreaming(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const traits = traitsFor(ctx, model);
    const n = optionalInt(body, 'n', 1, 128) ?? 1;
    const budget = maxTokens(body);
    const effort = effectiveEffort(traits, readEffort(body.reasoning_effort, 'reasoning_effort'));
    const key = answerKey(body);
    const shape = chatShape(body);
    let visible = 0;
    let reasoning = 0;
    const choices = [];
    for (let index = 0; index < n; index++) {
      const c = generateChoice({ seed: ctx.seed, key, shape, index, model, traits, effort, budget });
      visible += c.visible;
      reasoning += c.reasoning;
      choices.push({
        index,
        message: { role: 'assistant', content: c.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: c.truncated ? 'length' : 'stop',
      });
    }
    const completion = visible + reasoning;
    const p = promptUsage('/v1/chat/completions', body, traits, ctx);
    return {
      body: {
        id: newId('chatcmpl-', 29),
        object: 'chat.completion',
        created: ctx.now,
        model: answeredModel(ctx, model),
        choices,
        usage: {
          prompt_tokens: p.prompt,
          completion_tokens: completion,
          total_tokens: p.prompt + completion,
          prompt_tokens_details: {
            cached_tokens: p.cached,
            audio_tokens: 0,
            // Only the models that bill cache writes report them (CompletionUsage in the SDK).
            ...(traits.writesCache ? { cache_write_tokens: p.written } : {}),
          },
          completion_tokens_details: {
            reasoning_tokens: reasoning,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        },
        service_tier: echoedServiceTier(body.service_tier),
        system_fingerprint: systemFingerprint(model),
      },
      usage: { input_tokens: p.prompt, cached_tokens: p.cached, output_tokens: completion, reasoning_tokens: reasoning },
    };
  },

  reservedOutputTokens(body) {
    return (maxTokens(body) ?? 0) * (optionalInt(body, 'n', 1, 128) ?? 1);
  },
};
