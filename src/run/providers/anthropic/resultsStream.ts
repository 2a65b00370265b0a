// A result handle's content: the batch's results (a JSONL stream from its results_url, read through the SDK) as
// OpenAI batch output lines, the half the handle names. Streamed line by line, never held whole: a batch of 100,000
// answers is large.
import type Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { guard, toOpenAIError } from './errors.ts';
import { parseResultsHandle } from './handles.ts';
import { openAIBatchLine } from './translateBatchResult.ts';

function notFound(handle: string): Error {
  const message = `No such file: ${handle} is not an Anthropic result handle`;
  return OpenAI.APIError.generate(404, { error: { code: 'not_found_error', message, type: 'not_found_error' } }, message, new Headers());
}

export async function resultsContent(client: Anthropic, handle: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const parsed = parseResultsHandle(handle);
  if (!parsed) throw notFound(handle);
  const batch = await guard(() => client.messages.batches.retrieve(parsed.batchId, {}, { signal }));
  // Answers are stamped with the batch's end: a Message carries no time of its own.
  const created = Math.floor(Date.parse(batch.ended_at ?? batch.created_at) / 1000);
  const decoder = await guard(() => client.messages.batches.results(parsed.batchId, {}, { signal }));
  const encoder = new TextEncoder();
  async function* lines(): AsyncGenerator<Uint8Array> {
    try {
      for await (const result of decoder) {
        const { file, line } = openAIBatchLine(result, created);
        if (file === parsed!.file) yield encoder.encode(JSON.stringify(line) + '\n');
      }
    } catch (err) {
      throw toOpenAIError(err);
    }
  }
  return ReadableStream.from(lines());
}
