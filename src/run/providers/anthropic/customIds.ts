// Anthropic's custom_id is `^[a-zA-Z0-9_-]{1,64}$`; request files often use ids like `row-17.a`, `task:3` or longer
// names. Such an id is sent as a stable stand-in — `bw-` and 43 base64url characters of its sha256 — and the runner
// maps the answers back to the file's own id (Provider.wireCustomId; run/batch/settlePart.ts). An id Anthropic takes
// is sent as it is.
import { createHash } from 'node:crypto';
import { ANTHROPIC_CUSTOM_ID } from './wire.ts';

export function wireCustomId(id: string): string {
  if (ANTHROPIC_CUSTOM_ID.test(id)) return id;
  return `bw-${createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 43)}`;
}
