// Input tokens of a Gemini request, by a stated model of our own (Gemini's tokenizer does not run offline): text
// is counted with batchwise's token counter (o200k_base), function calls, results and tool declarations as their
// JSON text, and every inline image or other blob as 258 tokens (Gemini's documented count for an image of at most
// 384 px a side; larger images tile into more, which is not modelled).
import { textTokens } from '../tokens.ts';

export const BLOB_TOKENS = 258;
const ENCODING_MODEL = 'gemini';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function partTokens(part: unknown): number {
  if (!isObject(part)) return 0;
  let n = 0;
  if (typeof part.text === 'string') n += textTokens(part.text, ENCODING_MODEL);
  if (isObject(part.inlineData) || isObject(part.fileData)) n += BLOB_TOKENS;
  if (isObject(part.functionCall)) n += textTokens(JSON.stringify(part.functionCall), ENCODING_MODEL);
  if (isObject(part.functionResponse)) n += textTokens(JSON.stringify(part.functionResponse), ENCODING_MODEL);
  return n;
}

function contentTokens(content: unknown): number {
  if (!isObject(content) || !Array.isArray(content.parts)) return 0;
  return content.parts.reduce((n: number, p) => n + partTokens(p), 0);
}

/** The prompt tokens of a GenerateContentRequest: system instruction, every turn, and the tool declarations. */
export function requestTokens(req: Record<string, unknown>): number {
  let n = contentTokens(req.systemInstruction);
  for (const c of Array.isArray(req.contents) ? req.contents : []) n += contentTokens(c);
  if (Array.isArray(req.tools) && req.tools.length > 0) n += textTokens(JSON.stringify(req.tools), ENCODING_MODEL);
  return n;
}

export function outputTokens(text: string): number {
  return textTokens(text, ENCODING_MODEL);
}
