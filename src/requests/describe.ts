// Small helpers that turn a JSON value into words for a problem message. Pure.
import { quote as quoteText } from '../shared/text.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a number (42)", "an array", "null" — what the user wrote, briefly. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `a string (${quote(value)})`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** JSON-quotes a user's string, cut short so one huge value cannot flood the report. */
export function quote(text: string, max = 40): string {
  return quoteText(text, max);
}

/** "a, b or c" for lists of allowed values. */
export function oneOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
