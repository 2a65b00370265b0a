// Pure per-line validation: no I/O, no state, safe to run in worker threads. It reports every problem of a line so a
// user fixes a file in one pass, and only what the API would refuse — anything it would accept stays accepted.
import { ENDPOINTS, type BatchRequest, type Endpoint, type LineValidation } from './types.ts';
import { describe, isObject, oneOf, quote, type JsonObject } from './describe.ts';
import { checkChatBody } from './validateChatBody.ts';
import { checkResponsesBody } from './validateResponsesBody.ts';
import { checkCompletionsBody, checkEmbeddingsBody, checkModerationsBody } from './validateInputBodies.ts';
import { checkImageEditBody, checkImageGenerationBody } from './validateImageBody.ts';
import { checkVideoBody, VIDEOS_SHUT_DOWN } from './validateVideoBody.ts';

/** A line listing thousands of bad messages helps nobody; the first few locate the mistake. */
export const MAX_PROBLEMS_PER_LINE = 20;

/** Some providers cap custom_id at 64 characters; OpenAI's limit is unverified, so this only warns. */
export const CUSTOM_ID_WARN_LENGTH = 64;

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['custom_id', 'method', 'url', 'body']);
const endpoints: ReadonlySet<string> = new Set(ENDPOINTS);
const POSITIVE_INT_FIELDS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'n'] as const;
const MAX_CHOICES = 128;
/** Where `n` counts images (1–10, checked by the image validator), not choices. */
const IMAGE_ENDPOINTS: ReadonlySet<string> = new Set(['/v1/images/generations', '/v1/images/edits']);

const bodyChecks: Record<Endpoint, (body: JsonObject, problems: string[]) => void> = {
  '/v1/chat/completions': checkChatBody,
  '/v1/responses': checkResponsesBody,
  '/v1/embeddings': checkEmbeddingsBody,
  '/v1/completions': checkCompletionsBody,
  '/v1/moderations': checkModerationsBody,
  '/v1/images/generations': checkImageGenerationBody,
  '/v1/images/edits': checkImageEditBody,
  '/v1/videos': checkVideoBody,
};

/** Validates one line's text. Reasons never include the line number (the caller prefixes `file:line: `), so it is
 *  unused today; it stays in the signature so callers need not change if a reason ever needs it. */
export function validateLine(text: string, _line: number): LineValidation {
  const problems: string[] = [];
  const warnings: string[] = [];

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { request: null, problems: [`not valid JSON: ${shortJsonError(error)}`], warnings };
  }
  if (!isObject(value)) {
    return { request: null, problems: [`must be a JSON object {custom_id, method, url, body}, got ${describe(value)}`], warnings };
  }

  checkCustomId(value.custom_id, problems, warnings);
  checkMethod(value.method, problems);
  const url = checkUrl(value.url, problems);
  const body = value.body;
  if (body === undefined) problems.push('body is missing');
  else if (!isObject(body)) problems.push(`body must be an object, got ${describe(body)}`);
  else {
    checkModel(body.model, problems);
    checkCommonBodyFields(body, url, problems);
    if (url) bodyChecks[url](body, problems);
  }
  if (url === '/v1/videos') warnings.push(VIDEOS_SHUT_DOWN);

  for (const key of Object.keys(value)) {
    if (!ENVELOPE_KEYS.has(key)) {
      // The reference does not say the API refuses extra keys, so they pass; but a typo (e.g. "boby") deserves a word.
      warnings.push(`unknown top-level key ${quote(key)} (a request line has only custom_id, method, url and body)`);
    }
  }

  if (problems.length > 0) return { request: null, problems: capped(problems), warnings };
  const request: BatchRequest = {
    custom_id: value.custom_id as string,
    method: 'POST',
    url: url as Endpoint,
    body: body as JsonObject,
  };
  return { request, problems, warnings };
}

function checkCustomId(customId: unknown, problems: string[], warnings: string[]): void {
  if (customId === undefined) problems.push('custom_id is missing');
  else if (typeof customId !== 'string') problems.push(`custom_id must be a string, got ${describe(customId)}`);
  else if (customId.length === 0) problems.push('custom_id is empty');
  else if (customId.trim().length === 0) problems.push(`custom_id ${JSON.stringify(customId)} is only whitespace`);
  // A newline or another control character breaks every line-based tool downstream (CSV, logs, grep).
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(customId)) problems.push(`custom_id ${JSON.stringify(customId)} has a control character (a newline, tab or other); use plain text`);
  else {
    if (customId !== customId.trim()) warnings.push(`custom_id ${JSON.stringify(customId)} has leading or trailing spaces`);
    if (customId.length > CUSTOM_ID_WARN_LENGTH) warnings.push(`custom_id is ${customId.length} characters; some Batch APIs cap it at ${CUSTOM_ID_WARN_LENGTH}`);
  }
}

function checkMethod(method: unknown, problems: string[]): void {
  if (method === undefined) problems.push('method is missing (must be "POST")');
  else if (method !== 'POST') problems.push(`method must be "POST", got ${describe(method)}`);
}

function checkUrl(url: unknown, problems: string[]): Endpoint | null {
  if (url === undefined) {
    problems.push(`url is missing (one of ${oneOf(ENDPOINTS)})`);
    return null;
  }
  if (typeof url !== 'string') {
    problems.push(`url must be a string, one of ${oneOf(ENDPOINTS)}; got ${describe(url)}`);
    return null;
  }
  if (endpoints.has(url)) return url as Endpoint;
  const withV1 = `/v1${url.startsWith('/') ? '' : '/'}${url}`;
  const hint = endpoints.has(withV1) ? ` (did you mean "${withV1}"?)` : '';
  problems.push(`url ${quote(url)} is not one of ${oneOf(ENDPOINTS)}${hint}`);
  return null;
}

function checkModel(model: unknown, problems: string[]): void {
  // Every line needs a model: batches are split per model and priced per model, even where the API has a default.
  if (model === undefined) problems.push('body.model is missing');
  else if (typeof model !== 'string') problems.push(`body.model must be a string, got ${describe(model)}`);
  else if (model.trim().length === 0) problems.push('body.model is empty');
}

function checkCommonBodyFields(body: JsonObject, url: Endpoint | null, problems: string[]): void {
  for (const field of POSITIVE_INT_FIELDS) {
    const value = body[field];
    // null means "the API default", which the API accepts.
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      problems.push(`body.${field} must be a positive integer, got ${describe(value)}`);
    }
  }
  // The API caps choices per request at 128; a bigger n is refused there, and would make a nonsense worst case here.
  if (!IMAGE_ENDPOINTS.has(url ?? '') && typeof body.n === 'number' && Number.isInteger(body.n) && body.n > MAX_CHOICES) {
    problems.push(`body.n is ${body.n}, but the API allows at most ${MAX_CHOICES} choices per request`);
  }
  if (body.stream === true) problems.push('body.stream is true, but the Batch API rejects streaming requests');
}

function capped(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS_PER_LINE) return problems;
  const shown = problems.slice(0, MAX_PROBLEMS_PER_LINE);
  shown.push(`…and ${problems.length - MAX_PROBLEMS_PER_LINE} more problems on this line`);
  return shown;
}

/** V8 says "… in JSON at position 6 (line 1 column 7)"; on a one-line document the column is all that helps. */
function shortJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const short = message
    .replace(/ in JSON at position \d+ \(line 1 column (\d+)\)/, ' at column $1')
    .replace(/ in JSON at position (\d+)/, (_, pos: string) => ` at column ${Number(pos) + 1}`);
  return short.length > 160 ? `${short.slice(0, 160)}…` : short;
}
