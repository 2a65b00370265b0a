// The part of a response a person wants in a spreadsheet cell: the text, or the size of an embedding.
export function answerText(response: unknown): string {
  if (!response || typeof response !== 'object') return '';
  const r = response as Record<string, any>;
  if (Array.isArray(r.choices) && r.choices.length > 0) {
    const c = r.choices[0];
    if (typeof c?.message?.content === 'string') return c.message.content;
    if (Array.isArray(c?.message?.tool_calls)) return JSON.stringify(c.message.tool_calls);
    if (typeof c?.text === 'string') return c.text;
  }
  if (typeof r.output_text === 'string') return r.output_text;
  if (Array.isArray(r.output)) {
    const texts: string[] = [];
    for (const item of r.output) {
      if (Array.isArray(item?.content)) for (const c of item.content) if (typeof c?.text === 'string') texts.push(c.text);
    }
    if (texts.length > 0) return texts.join('');
  }
  if (Array.isArray(r.data) && r.object === 'list') {
    const e = r.data[0]?.embedding;
    if (Array.isArray(e)) return `embedding[${e.length}]${r.data.length > 1 ? ` ×${r.data.length}` : ''}`;
    if (typeof e === 'string') return `embedding[base64 ${e.length} chars]`;
  }
  if (Array.isArray(r.results) && typeof r.results[0]?.flagged === 'boolean') return r.results[0].flagged ? 'flagged' : 'not flagged';
  return '';
}
