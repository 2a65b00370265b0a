// GET /v1/models and /v1/models/{id}: the models batchwise's price catalog knows (keys and listed snapshots); any
// other id is the real 404. Without a catalog every id exists.
import { ApiError } from '../apiError.ts';
import { sendJson } from '../http.ts';
import type { Route } from './types.ts';

/** What the emulator lists when it has no catalog. */
const FALLBACK = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-5-mini', 'text-embedding-3-small', 'text-embedding-3-large'];

function model(id: string) {
  return { id, object: 'model', created: 1_715_367_049, owned_by: 'system' };
}

/** The real body, as reported in Aider-AI/aider#2030 and rd-1-2022/ai-openai-helloworld#9 (404, param null). */
function modelNotFound(id: string): ApiError {
  return new ApiError(404, `The model \`${id}\` does not exist or you do not have access to it.`, { code: 'model_not_found' });
}

export const modelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/models$/,
    async handle(ctx, services) {
      const names = services.models.names() ?? FALLBACK;
      sendJson(ctx.res, 200, { object: 'list', data: names.map(model) }, ctx.headers);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/models\/(.+)$/,
    async handle(ctx, services) {
      const id = decodeURIComponent(ctx.params[0]);
      if (!services.models.knows(id)) throw modelNotFound(id);
      sendJson(ctx.res, 200, model(id), ctx.headers);
    },
  },
];
