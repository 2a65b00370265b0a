// The synchronous endpoints: the same handlers as the batch worker, behind the rate limiter, the flex tier and the
// answer latency.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Endpoint } from '../../requests/types.ts';
import { emulationFor } from '../answers/index.ts';
import { ApiError } from '../apiError.ts';
import { readJsonBody, sendJson } from '../http.ts';
import { limitTokens } from '../limitTokens.ts';
import type { EmulatorConfig } from '../types.ts';
import type { Route, RouteContext, Services } from './types.ts';

const FLEX_ENDPOINTS = new Set<Endpoint>(['/v1/chat/completions', '/v1/responses']);

/** The flex guide documents a "429 Resource Unavailable"; the body's exact message and type are guessed. */
function flexUnavailable(): ApiError {
  return new ApiError(429, 'Resource unavailable: flex processing has no capacity for this request right now. Please retry later or use the default service tier.', {
    type: 'server_error',
    code: 'resource_unavailable',
  });
}

const PRIORITY_TIERS = new Set(['priority', 'fast', 'ultrafast']);

/** How long an answer is held before it is sent: latencyMs × the tier's factor (flex slower, priority faster), with
 *  ±latencyJitter drawn from the seeded latency stream; flexDelayMs is added on top for flex. */
export function answerDelayMs(cfg: EmulatorConfig, tier: unknown, flex: boolean, draw: number): number {
  const factor = flex ? cfg.flexSlowdownFactor : typeof tier === 'string' && PRIORITY_TIERS.has(tier) ? cfg.priorityLatencyFactor : 1;
  const jitter = 1 + cfg.latencyJitter * (2 * draw - 1);
  return Math.max(0, cfg.latencyMs * factor * jitter) + (flex ? cfg.flexDelayMs : 0);
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
    const tokens = limitTokens(endpoint, body, emulation, services.cfg.tokenCounting);
    // Snapshots share their family's limits (the limits page lists families).
    limitHeaders = services.limiter.take(services.models.traits(model).key, tokens, model);
  }
  // Held on a real timer, never blocking the event loop: other requests are served meanwhile. Closing the emulator
  // ends the wait (the connection is gone by then).
  const delayMs = answerDelayMs(services.cfg, body.service_tier, flex, services.latencyRandom());
  if (delayMs > 0) await sleep(delayMs, undefined, { signal: services.closing });
  const answer = emulation.answer(body, {
    seed: services.cfg.seed,
    now: Math.floor(services.cfg.now() / 1000),
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
