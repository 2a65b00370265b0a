// The endpoints whose body is "a model and some input": embeddings, completions, moderations.
import { checkContentParts } from './validateContent.ts';
import { describe, isObject, type JsonObject } from './describe.ts';

/** The embeddings API: "any array must be 2048 dimensions or less" (openai-node EmbeddingCreateParams.input). */
export const MAX_EMBEDDING_INPUTS_PER_REQUEST = 2048;

export function checkEmbeddingsBody(body: JsonObject, problems: string[]): void {
  // "cannot be an empty string" (same docstring): an empty input fails the request after the batch was paid for.
  checkTextOrTokens(body.input, 'body.input', true, problems);
  if (Array.isArray(body.input) && body.input.length > MAX_EMBEDDING_INPUTS_PER_REQUEST) {
    problems.push(`body.input has ${body.input.length} items; an embeddings request takes at most ${MAX_EMBEDDING_INPUTS_PER_REQUEST}`);
  }
}

export function checkCompletionsBody(body: JsonObject, problems: string[]): void {
  checkTextOrTokens(body.prompt, 'body.prompt', false, problems);
}

export function checkModerationsBody(body: JsonObject, problems: string[]): void {
  const input = body.input;
  if (Array.isArray(input) && input.length > 0 && isObject(input[0])) {
    // Multi-modal form: [{type:"text",text}, {type:"image_url",image_url:{url}}].
    checkContentParts(input, 'body.input', problems);
    return;
  }
  if (Array.isArray(input) && input.some((item) => typeof item !== 'string')) {
    problems.push('body.input must be a string, an array of strings, or an array of {type, …} parts');
    return;
  }
  checkTextOrTokens(input, 'body.input', false, problems);
}

/** How many embedding inputs a request carries: the unit of the 50,000-per-batch embeddings limit. */
export function countEmbeddingInputs(body: JsonObject): number {
  const input = body.input;
  if (!Array.isArray(input)) return 1;
  // A flat number array is one tokenized input; anything else is one input per item.
  return input.length > 0 && typeof input[0] === 'number' ? 1 : input.length;
}

/** string | string[] | number[] | number[][]: the shape embeddings `input` and completions `prompt` share. */
function checkTextOrTokens(value: unknown, path: string, rejectEmpty: boolean, problems: string[]): void {
  const expected = 'a string, an array of strings, an array of token ids, or an array of token arrays';
  if (value === undefined || value === null) {
    problems.push(`${path} is missing (${expected})`);
    return;
  }
  if (typeof value === 'string') {
    if (rejectEmpty && value.length === 0) problems.push(`${path} is an empty string (the API rejects empty input)`);
    return;
  }
  if (!Array.isArray(value)) {
    problems.push(`${path} must be ${expected}, got ${describe(value)}`);
    return;
  }
  if (value.length === 0) {
    problems.push(`${path} is an empty array`);
    return;
  }
  const first = value[0];
  if (typeof first === 'number') {
    checkTokenIds(value, path, problems);
  } else if (typeof first === 'string') {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== 'string') problems.push(`${path}[${i}] must be a string like the other items, got ${describe(item)}`);
      else if (rejectEmpty && item.length === 0) problems.push(`${path}[${i}] is an empty string (the API rejects empty input)`);
    }
  } else if (Array.isArray(first)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (!Array.isArray(item)) problems.push(`${path}[${i}] must be a token array like the other items, got ${describe(item)}`);
      else if (item.length === 0) problems.push(`${path}[${i}] is an empty token array`);
      else checkTokenIds(item, `${path}[${i}]`, problems);
    }
  } else {
    problems.push(`${path}[0] must be a string, a token id or a token array, got ${describe(first)}`);
  }
}

function checkTokenIds(tokens: unknown[], path: string, problems: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (typeof token !== 'number' || !Number.isInteger(token) || token < 0) {
      problems.push(`${path}[${i}] must be a token id (a non-negative integer), got ${describe(token)}`);
      return; // one bad token says enough; a 8k-token array must not produce 8k problems
    }
  }
}
