// POST /v1/embeddings: unit vectors of the model's real dimension, fixed by the input; float or base64.
import { ApiError, invalidType, invalidValue } from '../apiError.ts';
import { hashUnit, seededStream } from '../random.ts';
import { promptTokens } from '../tokens.ts';
import { answeredModel } from './generate.ts';
import { optionalInt, requireField, requireModel } from './params.ts';
import type { EndpointEmulation } from './types.ts';

const NATIVE_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

function nativeDimensions(model: string): number {
  return NATIVE_DIMENSIONS[model] ?? 1536;
}

/** The inputs as a list (a string, strings, a token array, or token arrays), keyed as text for hashing. */
function inputs(body: Record<string, unknown>): string[] {
  const input = requireField(body, 'input');
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) throw invalidType('input', 'a string or a non-empty array', input);
  if (input.every((x) => typeof x === 'number')) return [JSON.stringify(input)];
  return input.map((x, i) => {
    if (typeof x === 'string') return x;
    if (Array.isArray(x)) return JSON.stringify(x);
    throw invalidType(`input[${i}]`, 'a string or an array of tokens', x);
  });
}

function dimensions(body: Record<string, unknown>, model: string): number {
  const native = nativeDimensions(model);
  const asked = optionalInt(body, 'dimensions', 1, native);
  if (asked === null) return native;
  if (model === 'text-embedding-ada-002') {
    throw new ApiError(400, 'This model does not support specifying dimensions.', { param: 'dimensions' });
  }
  return asked;
}

function vector(seed: number, model: string, text: string, dims: number): Float32Array {
  const next = seededStream(Math.floor(hashUnit(seed, 'embedding', model, text) * 0x1_0000_0000));
  const v = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    v[i] = next() * 2 - 1;
    norm += v[i] * v[i];
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < dims; i++) v[i] /= norm;
  return v;
}

function encodingFormat(body: Record<string, unknown>): 'float' | 'base64' {
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') throw invalidValue('encoding_format', format, ['float', 'base64']);
  return format;
}

export const embeddingsEmulation: EndpointEmulation = {
  endpoint: '/v1/embeddings',

  check(body) {
    const model = requireModel(body);
    inputs(body);
    dimensions(body, model);
    encodingFormat(body);
  },

  answer(body, ctx) {
    this.check(body);
    const model = body.model as string;
    const dims = dimensions(body, model);
    const format = encodingFormat(body);
    const data = inputs(body).map((text, index) => {
      const v = vector(ctx.seed, model, text, dims);
      // The SDK asks for base64 by default: little-endian float32 bytes, which it decodes back into numbers.
      const embedding = format === 'base64' ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : Array.from(v);
      return { object: 'embedding', index, embedding };
    });
    const prompt = promptTokens('/v1/embeddings', body);
    return {
      body: { object: 'list', data, model: answeredModel(ctx, model), usage: { prompt_tokens: prompt, total_tokens: prompt } },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 },
    };
  },

  reservedOutputTokens() {
    return 0;
  },
};
