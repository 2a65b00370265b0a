// POST /v1/moderations: nothing is ever flagged; scores are small and fixed by the input.
import { invalidType } from '../apiError.ts';
import { hashUnit, newId } from '../random.ts';
import { answeredModel } from './generate.ts';
import { requireField } from './params.ts';
import type { EndpointEmulation } from './types.ts';

const CATEGORIES = [
  'harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit', 'illicit/violent', 'self-harm',
  'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors', 'violence', 'violence/graphic',
];

function inputs(body: Record<string, unknown>): unknown[] {
  const input = requireField(body, 'input');
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) throw invalidType('input', 'a string or an array', input);
  return input;
}

export const moderationsEmulation: EndpointEmulation = {
  endpoint: '/v1/moderations',

  check(body) {
    inputs(body);
  },

  answer(body, ctx) {
    const items = inputs(body);
    const model = typeof body.model === 'string' ? body.model : 'omni-moderation-latest';
    const results = items.map((item) => {
      const key = JSON.stringify(item);
      const categories: Record<string, boolean> = {};
      const scores: Record<string, number> = {};
      const applied: Record<string, string[]> = {};
      for (const c of CATEGORIES) {
        categories[c] = false;
        scores[c] = Number((hashUnit(ctx.seed, 'moderation', key, c) * 0.001).toFixed(8));
        applied[c] = ['text'];
      }
      return { flagged: false, categories, category_scores: scores, category_applied_input_types: applied };
    });
    // Moderations report no usage; they count as zero tokens in a batch's usage.
    return {
      body: { id: newId('modr-', 24), model: answeredModel(ctx, model), results },
      usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 },
    };
  },

  reservedOutputTokens() {
    return 0;
  },
};
