// `{{column}}` placeholders. Filled on parsed text only (never on JSON source), so a quote or newline in a value can
// never break a request line.

// Spaces inside the braces are allowed ({{ 질문 }}); a name may hold anything but braces.
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Every column a text refers to, once each, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Replaces each placeholder with the row's value (empty values are fine). The caller has checked every column
 *  exists; a missing one here is a programming error. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, column: string) => {
    const value = values[column];
    if (value === undefined) throw new Error(`fillPlaceholders: no value for "${column}" (unchecked row)`);
    return value;
  });
}

/** The placeholders of `columns` a row cannot fill. */
export function missingColumns(columns: readonly string[], values: Record<string, string>): string[] {
  return columns.filter((c) => !(c in values));
}
