// Reading a JSON request body with Google's 400 for a body that is not JSON.
import type { IncomingMessage } from 'node:http';
import { invalidArgument } from './errors.ts';

const MAX_JSON_BYTES = 64 * 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // The real limit for a request body is not documented; inline content is "under 20 MB".
    if (size > MAX_JSON_BYTES) throw invalidArgument('Request payload size exceeds the limit.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim().length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The real wording starts so and then points at the offending character.
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidArgument('Invalid JSON payload received. Expected an object.');
  }
  return parsed as Record<string, unknown>;
}
