// POST /v1/responses: a response object with one output message, as the real endpoint returns it.
import { hashBytes, newId } from '../random.ts';
import { promptTokens } from '../tokens.ts';
import { optionalInt, refuseStreaming, requireField, requireModel } from './params.ts';
import { answerKey, answerText, fitToBudget } from './text.ts';
import type { EndpointEmulation } from './types.ts';
import { invalidType } from '../apiError.ts';

export const responsesEmulation: EndpointEmulation = {
  endpoint: '/v1/responses',

  check(body) {
    requireModel(body);
    const input = requireField(body, 'input');
    if (typeof input !== 'string' && !Array.isArray(input)) throw invalidType('input', 'a string or an array', input);
    // The real minimum for max_output_tokens is 16.
    optionalInt(body, 'max_output_tokens', 16);
    refuseStreaming(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const budget = optionalInt(body, 'max_output_tokens', 16);
    const key = answerKey(body);
    const fitted = fitToBudget(answerText(ctx.seed, key, 0), budget, model);
    const input = promptTokens('/v1/responses', body);
    const output = fitted.tokens;
    const msgId = `msg_${hashBytes(ctx.seed, ['msg', key]).toString('hex').slice(0, 48)}`;
    return {
      body: {
        id: `resp_${newId('', 48).toLowerCase()}`,
        object: 'response',
        created_at: ctx.now,
        status: fitted.truncated ? 'incomplete' : 'completed',
        background: false,
        error: null,
        incomplete_details: fitted.truncated ? { reason: 'max_output_tokens' } : null,
        instructions: typeof body.instructions === 'string' ? body.instructions : null,
        max_output_tokens: budget,
        model,
        output: [
          {
            id: msgId,
            type: 'message',
            status: fitted.truncated ? 'incomplete' : 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text: fitted.text, annotations: [], logprobs: [] }],
          },
        ],
        parallel_tool_calls: true,
        previous_response_id: null,
        reasoning: { effort: null, summary: null },
        service_tier: body.service_tier === 'flex' ? 'flex' : 'default',
        store: body.store !== false,
        temperature: typeof body.temperature === 'number' ? body.temperature : 1,
        text: { format: { type: 'text' }, verbosity: 'medium' },
        tool_choice: 'auto',
        tools: [],
        top_p: typeof body.top_p === 'number' ? body.top_p : 1,
        truncation: 'disabled',
        usage: {
          input_tokens: input,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: input + output,
        },
        user: null,
        metadata: {},
      },
      usage: { input_tokens: input, cached_tokens: 0, output_tokens: output, reasoning_tokens: 0 },
    };
  },

  reservedOutputTokens(body) {
    return optionalInt(body, 'max_output_tokens', 16) ?? 0;
  },
};
