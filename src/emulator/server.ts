// Routing, authentication and per-call faults. Every error leaves as the real `{"error":{…}}` body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, serverError } from './apiError.ts';
import { readJsonBody, sendError } from './http.ts';
import { newRequestId } from './random.ts';
import { batchRoutes } from './routes/batches.ts';
import { fileRoutes } from './routes/files.ts';
import { modelRoutes } from './routes/models.ts';
import { syncRoutes } from './routes/sync.ts';
import type { ProviderHandler, Route, RouteContext, Services } from './routes/types.ts';
import { anthropicHandler } from './anthropic/index.ts';
import { geminiHandler } from './gemini/index.ts';

const ROUTES: Route[] = [...fileRoutes, ...batchRoutes, ...syncRoutes, ...modelRoutes];
/** Other providers' APIs, tried before OpenAI's routes (their paths do not overlap OpenAI's). */
const PROVIDERS: ProviderHandler[] = [anthropicHandler, geminiHandler];

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";

/** Azure's answer to a missing or wrong key (learn.microsoft.com, "Access denied due to invalid subscription key"). */
const AZURE_NO_KEY =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

/** With deployments configured, an Azure sync call must name one as its model (batch lines: scanBatchInput). */
const SYNC_PATHS = new Set(['/v1/chat/completions', '/v1/responses', '/v1/embeddings', '/v1/completions']);
async function checkDeployment(ctx: RouteContext, path: string, services: Services): Promise<void> {
  const deployments = services.models.deployments;
  if (Object.keys(deployments).length === 0) return;
  const notFound = (name: string) =>
    new ApiError(404, `The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again. (deployment: ${name})`, { code: 'DeploymentNotFound' });
  if (!SYNC_PATHS.has(path)) return;
  const body = (await readJsonBody(ctx.req)) as { model?: unknown };
  if (body && typeof body.model === 'string' && !Object.hasOwn(deployments, body.model)) throw notFound(body.model);
}

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
    const provider = PROVIDERS.find((p) => p.matches(url.pathname));
    if (provider) {
      try {
        await provider.handle(req, res, url, services);
      } catch (err) {
        services.cfg.log(`emulator: internal error on ${method} ${url.pathname}: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent && !res.destroyed) sendError(res, serverError(), headers);
        else res.destroy();
      }
      return;
    }
    try {
      // Azure OpenAI's v1 API: the same routes under /openai/v1/, the key in `api-key`.
      const azure = url.pathname.startsWith('/openai/v1/');
      const path = azure ? url.pathname.slice('/openai'.length) : url.pathname;
      if (azure) {
        if (!req.headers['api-key']) throw new ApiError(401, AZURE_NO_KEY, { code: '401' });
      } else {
        const auth = req.headers.authorization;
        if (!auth || !/^Bearer\s+\S+/i.test(auth)) throw new ApiError(401, NO_KEY);
      }

      const found = findRoute(method, path);
      if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`);

      // Two draws per call whatever happens, so a seed reproduces the same faults for the same sequence of calls.
      const dropDraw = services.random();
      const faultDraw = services.random();
      const ctx: RouteContext = { req, res, params: found.params, query: url.searchParams, headers, dropMidway: false, azure };
      if (azure && method === 'POST') await checkDeployment(ctx, path, services);
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
