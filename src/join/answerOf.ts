// A result's answer as join needs it: the text (the results stage's answerText, so results.csv and the joined table
// show the same cell) and what kind of answer it is — only generated text is worth parsing into columns.
import { answerText } from '../results/index.ts';

export interface Answer {
  /** What the cell shows; null when the response has nothing to show. */
  text: string | null;
  /** text: generated text; refusal: the model declined (text is its refusal); embedding/other: nothing to parse. */
  kind: 'text' | 'refusal' | 'embedding' | 'other';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function answerOf(response: unknown): Answer {
  if (!isObject(response)) return { text: null, kind: 'other' };
  if (response.object === 'list') return { text: answerText(response) || null, kind: 'embedding' };
  if (Array.isArray(response.results)) return { text: answerText(response) || null, kind: 'other' };
  const message = Array.isArray(response.choices) && isObject(response.choices[0]) ? response.choices[0].message : undefined;
  if (isObject(message)) {
    if (typeof message.content !== 'string' && typeof message.refusal === 'string') return { text: message.refusal, kind: 'refusal' };
    // Tool calls show as JSON in results.csv; they are not the answer a template asked for.
    if (typeof message.content !== 'string') return { text: answerText(response) || null, kind: 'other' };
  }
  const text = answerText(response);
  return text === '' ? { text: null, kind: 'other' } : { text, kind: 'text' };
}

/** True when a Responses API body says it answered in JSON (chat bodies do not echo response_format). */
export function declaresJson(response: unknown): boolean {
  if (!isObject(response) || !isObject(response.text) || !isObject(response.text.format)) return false;
  const type = response.text.format.type;
  return type === 'json_schema' || type === 'json_object';
}
