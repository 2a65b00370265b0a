// The synchronous endpoints: the same handlers as the batch worker, behind the rate limiter and the flex tier.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Endpoint } from '../../requests/types.ts';
import { emulationFor } from '../answers/index.ts';
import { ApiError } from '../apiError.ts';
import { readJsonBody, sendJson } from '../http.ts';
import { promptTokens } from '../tokens.ts';
import type { Route, RouteContext, Services } from './types.ts';

const FLEX_ENDPOINTS = new Set<Endpoint>(['/v1/chat/completions', '/v1/responses']);

/** The flex guide documents a "429 Resource Unavailable"; the body's exact message and type are guessed. */
function flexUnavailable(): ApiError {
  return new ApiError(429, 'Resource unavailable: flex processing has no capacity for this request right now. Please retry later or use the default service tier.', {
    type: 'server_error',
    code: 'resource_unavailable',
  });
}

async function answerSync(endpoint: Endpoint, ctx: RouteContext, services: Services): Promise<void> {
  const body = await readJsonBody(ctx.req);
  const emulation = emulationFor(endpoint);
  emulation.check(body);
  const model = typeof body.model === 'string' ? body.model : 'omni-moderation-latest';

  const flex = body.service_tier === 'flex' && FLEX_ENDPOINTS.has(endpoint);
  if (flex && services.random() < services.cfg.flexUnavailableRate) throw flexUnavailable();

  let limitHeaders: Record<string, string> = {};
  if (services.limiter.enabled) {
    const tokens = promptTokens(endpoint, body) + emulation.reservedOutputTokens(body);
    limitHeaders = services.limiter.take(model, tokens);
  }
  if (flex && services.cfg.flexDelayMs > 0) await sleep(services.cfg.flexDelayMs);
  const answer = emulation.answer(body, {
    seed: services.cfg.seed,
    now: Math.floor(Date.now() / 1000),
    mode: 'sync',
    cache: services.cache,
    models: services.models,
  });
  sendJson(ctx.res, 200, answer.body, { ...ctx.headers, ...limitHeaders });
}

function syncRoute(endpoint: Endpoint): Route {
  const escaped = endpoint.replaceAll('/', '\\/');
  return {
    method: 'POST',
    pattern: new RegExp(`^${escaped}$`),
    handle: (ctx, services) => answerSync(endpoint, ctx, services),
  };
}

export const syncRoutes: Route[] = [
  syncRoute('/v1/chat/completions'),
  syncRoute('/v1/embeddings'),
  syncRoute('/v1/responses'),
  syncRoute('/v1/completions'),
  syncRoute('/v1/moderations'),
];
