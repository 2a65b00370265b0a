// The Batches API routes; the lifecycle lives in BatchService.
import { queryInt, readJsonBody, sendJson } from '../http.ts';
import type { Route } from './types.ts';

export const batchRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/batches$/,
    async handle(ctx, services) {
      const body = await readJsonBody(ctx.req);
      sendJson(ctx.res, 200, services.batches.create(ctx.azure ? azureEndpoint(body) : body, { expires: !ctx.azure }), ctx.headers);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/batches$/,
    async handle(ctx, services) {
      const limit = queryInt(ctx.query, 'limit', 20, 1, 100);
      sendJson(ctx.res, 200, services.batches.list(limit, ctx.query.get('after')), ctx.headers);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/batches\/([^/]+)$/,
    async handle(ctx, services) {
      sendJson(ctx.res, 200, services.batches.retrieve(ctx.params[0]), ctx.headers);
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/batches\/([^/]+)\/cancel$/,
    async handle(ctx, services) {
      // The real API's 409 headers are unknown: no x-should-retry is sent, so the SDK retries the 409 by default.
      sendJson(ctx.res, 200, services.batches.cancel(ctx.params[0]), ctx.headers);
    },
  },
];

/** Azure's create takes `endpoint: "/chat/completions"` (its how-to: "the system will read your input file to determine
 *  if the chat completions or responses API is needed"): read as the lines' `/v1/…` endpoint. */
function azureEndpoint(body: Record<string, unknown>): Record<string, unknown> {
  const e = body.endpoint;
  return typeof e === 'string' && /^\/(chat\/completions|responses)$/.test(e) ? { ...body, endpoint: `/v1${e}` } : body;
}
