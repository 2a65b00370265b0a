// Request bodies are parsed JSON: these narrow `unknown` without trusting its shape.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The text of string content or of the text parts of a content array (for where text placement matters). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content).map((part) => (isRecord(part) && asString(part.text)) || '').join('');
}
