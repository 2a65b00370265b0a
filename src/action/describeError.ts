// How a failed step explains itself: a user's mistake in one message, our own bug with its stack.
import OpenAI from 'openai';
import { scrub } from '../shared/secrets.ts';
import { isUserError } from '../shared/userErrors.ts';


/** A user's mistake is its message; the API's own errors (a 5xx, a dropped connection) are the API's message, not
 *  a stack; anything else keeps its stack for the bug report. Scrubbed either way. */
export function describe(err: unknown): string {
  if (!(err instanceof Error)) return scrub(String(err));
  if (err instanceof OpenAI.APIConnectionError) return scrub(`could not reach the API: ${err.message}; nothing more was sent`);
  if (err instanceof OpenAI.APIError) return scrub(`the API answered ${err.status ?? 'an error'}: ${err.message}`);
  return scrub(isUserError(err) ? err.message : (err.stack ?? err.message));
}
