// Routing, authentication and per-call faults. Every error leaves as the real `{"error":{…}}` body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, serverError } from './apiError.ts';
import { sendError } from './http.ts';
import { newRequestId } from './random.ts';
import { batchRoutes } from './routes/batches.ts';
import { fileRoutes } from './routes/files.ts';
import { modelRoutes } from './routes/models.ts';
import { syncRoutes } from './routes/sync.ts';
import type { Route, RouteContext, Services } from './routes/types.ts';

const ROUTES: Route[] = [...fileRoutes, ...batchRoutes, ...syncRoutes, ...modelRoutes];

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";

function overloaded(): ApiError {
  return new ApiError(503, 'The server is overloaded or not ready yet.', { type: 'server_error' });
}

function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

export function createHandler(services: Services) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const headers = { 'x-request-id': newRequestId(), 'openai-organization': 'org-emulator', 'openai-version': '2020-10-01' };
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    res.on('finish', () => services.cfg.log(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`));
    let dropMidway = false;
    try {
      const auth = req.headers.authorization;
      if (!auth || !/^Bearer\s+\S+/i.test(auth)) throw new ApiError(401, NO_KEY);

      const found = findRoute(method, url.pathname);
      if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`);

      // Two draws per call whatever happens, so a seed reproduces the same faults for the same sequence of calls.
      const dropDraw = services.random();
      const faultDraw = services.random();
      const ctx: RouteContext = { req, res, params: found.params, query: url.searchParams, headers, dropMidway: false };
      if (dropDraw < services.cfg.dropRate) {
        if (method === 'GET' && url.pathname.endsWith('/content')) ctx.dropMidway = dropMidway = true;
        else {
          req.socket.destroy();
          return;
        }
      }
      if (faultDraw < services.cfg.httpFaultRate) {
        req.resume();
        throw faultDraw < services.cfg.httpFaultRate / 2 ? serverError() : overloaded();
      }
      await found.route.handle(ctx, services);
    } catch (err) {
      // A call picked for a drop is reset even when it fails before its body would have been cut; a held answer
      // cut short by close() has nobody to answer.
      if (res.headersSent || res.destroyed || dropMidway || services.closing.aborted) {
        res.destroy();
        return;
      }
      if (err instanceof ApiError) {
        // Unread upload bytes would otherwise stall the client before it sees the answer.
        if (!req.complete) req.resume();
        sendError(res, err, headers);
        return;
      }
      services.cfg.log(`emulator: internal error on ${method} ${url.pathname}: ${(err as Error).stack ?? String(err)}`);
      sendError(res, serverError(), headers);
    }
  };
}
