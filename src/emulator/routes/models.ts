// GET /v1/models/{id}: any model id exists (the emulator answers every model name).
import { sendJson } from '../http.ts';
import type { Route } from './types.ts';

const LISTED = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-5-mini', 'text-embedding-3-small', 'text-embedding-3-large'];

function model(id: string) {
  return { id, object: 'model', created: 1_715_367_049, owned_by: 'system' };
}

export const modelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/models$/,
    async handle(ctx) {
      sendJson(ctx.res, 200, { object: 'list', data: LISTED.map(model) }, ctx.headers);
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/models\/(.+)$/,
    async handle(ctx) {
      sendJson(ctx.res, 200, model(decodeURIComponent(ctx.params[0])), ctx.headers);
    },
  },
];
