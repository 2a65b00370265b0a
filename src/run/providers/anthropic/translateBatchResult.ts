// One line of an Anthropic batch's results (succeeded / errored / canceled / expired) as the OpenAI batch output line
// that batchwise's results stage reads (src/results/classifyBatchLine.ts), and which of the two files it belongs in:
// answers in the output file, everything else in the error file, so each request is listed exactly once.
import { scrub } from '../../../shared/secrets.ts';
import { readErrorBody, statusOfErrorType } from './errors.ts';
import { chatCompletionFromMessage } from './translateResult.ts';
import type { MessageBatchIndividualResponse } from './wire.ts';

export type ResultFile = 'output' | 'errors';

export interface OpenAIBatchLine {
  file: ResultFile;
  line: Record<string, unknown>;
}

/** Why a request never ran, in the words batchwise's own unfinished lines use (OpenAI's codes, so the results stage
 *  counts them as cancelled / expired). */
const UNRUN = {
  canceled: { code: 'batch_cancelled', message: 'This request was not run: the Anthropic batch was canceled before it got to it.' },
  expired: { code: 'batch_expired', message: 'This request could not be executed before the Anthropic batch expired (24 hours after it was created).' },
} as const;

/** `created`: Unix seconds stamped on answers (the batch's end; a Message has no time of its own). */
export function openAIBatchLine(r: MessageBatchIndividualResponse, created: number): OpenAIBatchLine {
  const customId = r.custom_id;
  const result = r.result as { type: string; message?: unknown; error?: unknown };
  if (result.type === 'succeeded') {
    const message = result.message as Parameters<typeof chatCompletionFromMessage>[0];
    return {
      file: 'output',
      line: {
        id: `batch_req_${message.id}`,
        custom_id: customId,
        response: { status_code: 200, request_id: message.id, body: chatCompletionFromMessage(message, created) },
        error: null,
      },
    };
  }
  if (result.type === 'errored') {
    const read = readErrorBody(result.error);
    const type = read?.type ?? 'api_error';
    const message = scrub(read?.message ?? 'the request errored without a message');
    return {
      file: 'errors',
      line: {
        id: `batch_req_${customId}`,
        custom_id: customId,
        response: {
          status_code: statusOfErrorType(type),
          request_id: read?.requestId ?? null,
          body: { error: { code: type, message, type }, provider_response: { type: 'error', error: { type, message } } },
        },
        error: null,
      },
    };
  }
  const unrun = result.type === 'canceled' || result.type === 'expired' ? UNRUN[result.type] : null;
  return {
    file: 'errors',
    line: {
      id: `batch_req_${customId}`,
      custom_id: customId,
      response: null,
      error: unrun ?? { code: 'unknown_result', message: `Anthropic reported a result of type ${JSON.stringify(result.type)}` },
    },
  };
}
