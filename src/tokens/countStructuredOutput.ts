import { countText } from './countText.ts';
import type { EncodingName } from './types.ts';
import { isRecord } from './util.ts';

/**
 * A json_schema response format is shown to the model with the prompt, but OpenAI publishes no rendering.
 * Approximation: the schema's compact JSON. Leaving it out would undercount every structured-output request
 * by the size of its schema; this counts it at about the right size.
 */
export function countJsonSchemaFormat(format: unknown, encoding: EncodingName): number {
  if (!isRecord(format) || format.type !== 'json_schema') return 0;
  // chat: {type, json_schema:{name, schema}}; responses text.format: {type, name, schema}
  const holder = isRecord(format.json_schema) ? format.json_schema : format;
  return holder.schema === undefined ? 0 : countText(JSON.stringify(holder.schema), encoding);
}
