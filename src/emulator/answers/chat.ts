// POST /v1/chat/completions: a chat.completion object as the real endpoint returns it.
import { ApiError, invalidType } from '../apiError.ts';
import { hashBytes, newId } from '../random.ts';
import { promptTokens } from '../tokens.ts';
import { optionalInt, refuseStreaming, requireField, requireModel } from './params.ts';
import { answerKey, answerText, fitToBudget } from './text.ts';
import type { EndpointEmulation } from './types.ts';

function maxTokens(body: Record<string, unknown>): number | null {
  return optionalInt(body, 'max_completion_tokens', 1) ?? optionalInt(body, 'max_tokens', 1);
}

export function systemFingerprint(model: string): string {
  return `fp_${hashBytes(0, ['fingerprint', model]).toString('hex').slice(0, 10)}`;
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
    refuseStreaming(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const n = optionalInt(body, 'n', 1, 128) ?? 1;
    const budget = maxTokens(body);
    const key = answerKey(body);
    let completion = 0;
    const choices = [];
    for (let index = 0; index < n; index++) {
      const fitted = fitToBudget(answerText(ctx.seed, key, index), budget, model);
      completion += fitted.tokens;
      choices.push({
        index,
        message: { role: 'assistant', content: fitted.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: fitted.truncated ? 'length' : 'stop',
      });
    }
    const prompt = promptTokens('/v1/chat/completions', body);
    return {
      body: {
        id: newId('chatcmpl-', 29),
        object: 'chat.completion',
        created: ctx.now,
        model,
        choices,
        usage: {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: {
            reasoning_tokens: 0,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        },
        service_tier: body.service_tier === 'flex' ? 'flex' : 'default',
        system_fingerprint: systemFingerprint(model),
      },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: completion, reasoning_tokens: 0 },
    };
  },

  reservedOutputTokens(body) {
    return (maxTokens(body) ?? 0) * (optionalInt(body, 'n', 1, 128) ?? 1);
  },
};
