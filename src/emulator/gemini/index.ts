// The Gemini API (generativelanguage.googleapis.com v1beta) served by the same emulator: File API uploads and
// downloads, generateContent, countTokens, and Batch Mode. Its own paths (/v1beta/…, /upload/v1beta/…,
// /download/v1beta/…), its own authentication (x-goog-api-key header or ?key=), Google's error bodies, and the
// emulator's clock and fault switches (--fail-rate for batch lines, --http-fault-rate, --drop-rate, --seed). See
// README.md for the sources and every guess.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ProviderHandler, Services } from '../routes/types.ts';
import { GeminiBatches } from './batches.ts';
import { badKey, GeminiError, internalError, noKey, notFound, overloaded, sendGeminiError } from './errors.ts';
import { GeminiFiles } from './files.ts';
import { findGeminiRoute, type GeminiState } from './routes.ts';
import { resolveSwitches, type GeminiSwitches } from './switches.ts';

export type { GeminiSwitches } from './switches.ts';

const PATHS = /^\/(v1beta|upload\/v1beta|download\/v1beta)(\/|$)/;

/** One Gemini state per emulator (services is made once per startEmulator). */
const states = new WeakMap<Services, GeminiState>();

function stateFor(services: Services): GeminiState {
  let s = states.get(services);
  if (s) return s;
  // A `gemini` entry in the emulator's config, when its options carry one; else the environment (switches.ts).
  const given = services.cfg.gemini;
  const switches = resolveSwitches(given);
  const files = new GeminiFiles(join(services.files.dir, 'gemini'), services.cfg.now);
  const batches = new GeminiBatches({ cfg: services.cfg, files, switches });
  services.closing.addEventListener('abort', () => void batches.close(), { once: true });
  s = { cfg: services.cfg, switches, files, batches };
  states.set(services, s);
  return s;
}

function keyOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['x-goog-api-key'];
  const key = typeof header === 'string' && header.length > 0 ? header : url.searchParams.get('key');
  return key && key.length > 0 ? key : null;
}

async function handle(req: IncomingMessage, res: ServerResponse, url: URL, services: Services): Promise<void> {
  const state = stateFor(services);
  const method = req.method ?? 'GET';
  try {
    const found = findGeminiRoute(method, url.pathname);
    if (!found) throw notFound(`Method not found: ${method} ${url.pathname}`);
    if (!found.route.noKey?.(url)) {
      const key = keyOf(req, url);
      if (key === null) throw noKey();
      if (state.switches.apiKeys && !state.switches.apiKeys.includes(key)) throw badKey(key);
    }
    // Two draws per call whatever happens, as on the OpenAI routes: a seed reproduces the same faults for the same
    // sequence of calls. Faults come after authentication and routing (a 403 or 404 is never faulted).
    const dropDraw = services.random();
    const faultDraw = services.random();
    let dropMidway = false;
    if (dropDraw < services.cfg.dropRate) {
      if (url.pathname.startsWith('/download/')) dropMidway = true;
      else {
        req.socket.destroy();
        return;
      }
    }
    if (faultDraw < services.cfg.httpFaultRate) {
      req.resume();
      throw faultDraw < services.cfg.httpFaultRate / 2 ? internalError() : overloaded();
    }
    await found.route.handle({ req, res, url, params: found.params, state, dropMidway });
  } catch (err) {
    if (res.headersSent || res.destroyed || services.closing.aborted) {
      res.destroy();
      return;
    }
    if (!(err instanceof GeminiError)) throw err;
    if (!req.complete) req.resume();
    sendGeminiError(res, err);
  }
}

export const geminiHandler: ProviderHandler = {
  name: 'gemini',
  matches: (path) => PATHS.test(path),
  handle,
};
