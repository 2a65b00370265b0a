// POST /v1/responses: a response object as the real endpoint returns it: a reasoning item first when the model
// reasons, then one output message (absent when the budget ran out while reasoning).
import { invalidType } from '../apiError.ts';
import { hashBytes, newId } from '../random.ts';
import { answeredModel, echoedServiceTier, effectiveEffort, generateChoice, promptUsage, readEffort, traitsFor } from './generate.ts';
import { shapeOf } from './length.ts';
import { optionalInt, refuseStreaming, requireField, requireModel } from './params.ts';
import { answerKey } from './text.ts';
import type { EndpointEmulation } from './types.ts';

function requestedEffort(body: Record<string, unknown>): string | null {
  const reasoning = body.reasoning;
  if (reasoning === undefined || reasoning === null) return null;
  if (typeof reasoning !== 'object' || Array.isArray(reasoning)) throw invalidType('reasoning', 'an object', reasoning);
  return readEffort((reasoning as Record<string, unknown>).effort, 'reasoning.effort');
}

function textFormat(body: Record<string, unknown>): unknown {
  const text = body.text;
  return typeof text === 'object' && text !== null ? ((text as Record<string, unknown>).format ?? null) : null;
}

/** The shape of a responses request: its instructions, leading system / developer items, tools and text format. */
function responsesShape(body: Record<string, unknown>): string {
  const lead: unknown[] = [typeof body.instructions === 'string' ? body.instructions : null];
  if (Array.isArray(body.input)) {
    for (const item of body.input) {
      const role = (item as { role?: unknown } | null)?.role;
      if (role !== 'system' && role !== 'developer') break;
      lead.push((item as { content?: unknown }).content);
    }
  }
  return shapeOf([lead, textFormat(body), body.tools ?? null]);
}

export const responsesEmulation: EndpointEmulation = {
  endpoint: '/v1/responses',

  check(body) {
    requireModel(body);
    const input = requireField(body, 'input');
    if (typeof input !== 'string' && !Array.isArray(input)) throw invalidType('input', 'a string or an array', input);
    // The real minimum for max_output_tokens is 16.
    optionalInt(body, 'max_output_tokens', 16);
    requestedEffort(body);
    refuseStreaming(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const traits = traitsFor(ctx, model);
    const budget = optionalInt(body, 'max_output_tokens', 16);
    const effort = effectiveEffort(traits, requestedEffort(body));
    const key = answerKey(body);
    const c = generateChoice({ seed: ctx.seed, key, shape: responsesShape(body), index: 0, model, traits, effort, budget });
    const p = promptUsage('/v1/responses', body, traits, ctx);
    const output = c.visible + c.reasoning;
    const status = c.truncated ? 'incomplete' : 'completed';
    const items: Record<string, unknown>[] = [];
    if (traits.reasoning) {
      items.push({ id: `rs_${hashBytes(ctx.seed, ['rs', key]).toString('hex').slice(0, 48)}`, type: 'reasoning', summary: [] });
    }
    // A response cut while still reasoning has no message, as on the real API.
    if (c.visible > 0 || !c.truncated) {
      items.push({
        id: `msg_${hashBytes(ctx.seed, ['msg', key]).toString('hex').slice(0, 48)}`,
        type: 'message',
        status,
        role: 'assistant',
        content: [{ type: 'output_text', text: c.text, annotations: [], logprobs: [] }],
      });
    }
    const summary = (body.reasoning as { summary?: unknown } | undefined)?.summary;
    return {
      body: {
        id: `resp_${newId('', 48).toLowerCase()}`,
        object: 'response',
        created_at: ctx.now,
        status,
        background: false,
        error: null,
        incomplete_details: c.truncated ? { reason: 'max_output_tokens' } : null,
        instructions: typeof body.instructions === 'string' ? body.instructions : null,
        max_output_tokens: budget,
        model: answeredModel(ctx, model),
        output: items,
        parallel_tool_calls: true,
        previous_response_id: null,
        reasoning: { effort, summary: effort === null ? null : (summary ?? null) },
        service_tier: echoedServiceTier(body.service_tier),
        store: body.store !== false,
        temperature: typeof body.temperature === 'number' ? body.temperature : 1,
        text: { format: { type: 'text' }, verbosity: 'medium' },
        tool_choice: 'auto',
        tools: [],
        top_p: typeof body.top_p === 'number' ? body.top_p : 1,
        truncation: 'disabled',
        usage: {
          input_tokens: p.prompt,
          input_tokens_details: { cached_tokens: p.cached, ...(traits.writesCache ? { cache_write_tokens: p.written } : {}) },
          output_tokens: output,
          output_tokens_details: { reasoning_tokens: c.reasoning },
          total_tokens: p.prompt + output,
        },
        user: null,
        metadata: {},
      },
      usage: { input_tokens: p.prompt, cached_tokens: p.cached, output_tokens: output, reasoning_tokens: c.reasoning },
    };
  },

  reservedOutputTokens(body) {
    return optionalInt(body, 'max_output_tokens', 16) ?? 0;
  },
};
