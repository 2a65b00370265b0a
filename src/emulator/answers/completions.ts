// POST /v1/completions (legacy): a text_completion object; max_tokens defaults to 16 as on the real endpoint.
import { invalidType } from '../apiError.ts';
import { newId } from '../random.ts';
import { promptTokens } from '../tokens.ts';
import { systemFingerprint } from './chat.ts';
import { optionalInt, refuseStreaming, requireField, requireModel } from './params.ts';
import { answeredModel, generateChoice, traitsFor } from './generate.ts';
import { shapeOf } from './length.ts';
import { answerKey } from './text.ts';
import type { EndpointEmulation } from './types.ts';

const DEFAULT_MAX_TOKENS = 16;

function prompts(body: Record<string, unknown>): unknown[] {
  const prompt = requireField(body, 'prompt');
  if (typeof prompt === 'string') return [prompt];
  if (!Array.isArray(prompt)) throw invalidType('prompt', 'a string or an array', prompt);
  // An array of numbers is one tokenised prompt; an array of strings or arrays is several prompts.
  return prompt.every((p) => typeof p === 'number') ? [prompt] : prompt;
}

export const completionsEmulation: EndpointEmulation = {
  endpoint: '/v1/completions',

  check(body) {
    requireModel(body);
    prompts(body);
    optionalInt(body, 'max_tokens', 0);
    optionalInt(body, 'n', 1, 128);
    refuseStreaming(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const n = optionalInt(body, 'n', 1, 128) ?? 1;
    const budget = optionalInt(body, 'max_tokens', 0) ?? DEFAULT_MAX_TOKENS;
    const key = answerKey(body);
    const traits = traitsFor(ctx, model);
    // Legacy prompts have no system part: one shape per model.
    const shape = shapeOf([]);
    const choices = [];
    let completion = 0;
    const count = prompts(body).length * n;
    for (let index = 0; index < count; index++) {
      const c = generateChoice({ seed: ctx.seed, key, shape, index, model, traits, effort: null, budget });
      completion += c.visible;
      choices.push({ text: c.text, index, logprobs: null, finish_reason: c.truncated ? 'length' : 'stop' });
    }
    const prompt = promptTokens('/v1/completions', body);
    return {
      body: {
        id: newId('cmpl-', 29),
        object: 'text_completion',
        created: ctx.now,
        model: answeredModel(ctx, model),
        choices,
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        system_fingerprint: systemFingerprint(model),
      },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: completion, reasoning_tokens: 0 },
    };
  },

  reservedOutputTokens(body) {
    return (optionalInt(body, 'max_tokens', 0) ?? DEFAULT_MAX_TOKENS) * (optionalInt(body, 'n', 1, 128) ?? 1);
  },
};
