// Long calls need their own connection pool. Node's fetch gives up after 300 s without response headers whatever
// timeout the openai SDK is given, and a flex answer may take up to the 15 minutes OpenAI's flex guide advises
// waiting. A call cut off there is retried — and possibly billed twice. An undici Agent with matching timeouts,
// passed as the call's fetch dispatcher, lets the SDK's timeout be the one that counts.
import { Agent } from 'undici';

/** A dispatcher whose header and body timeouts are `timeoutMs` (close() it when the run ends). */
export function longCallDispatcher(timeoutMs: number): Agent {
  return new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
}
