// A JSON request body within Anthropic's size limit. A body over the limit is read to its end and dropped before the
// 413 goes out: a client still sending when the answer arrives would see a broken connection, not the error.
import type { IncomingMessage } from 'node:http';
import { AnthropicApiError, invalid } from './errors.ts';

/** The request size limits page: Messages API 32 MB, Message Batches 256 MB (read here as MiB, the lenient reading;
 *  batchwise's provider stays under the strict one). */
export const MESSAGES_MAX_BYTES = 32 * 1024 * 1024;
export const BATCH_MAX_BYTES = 256 * 1024 * 1024;

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
    else chunks.length = 0;
  }
  if (size > maxBytes) {
    throw new AnthropicApiError('request_too_large', `Request exceeds the maximum allowed number of bytes (${maxBytes}).`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw invalid('There was an error parsing the body of your request: it is not valid JSON.');
  }
}
