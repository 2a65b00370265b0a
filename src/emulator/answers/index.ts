// One handler per endpoint, shared by the sync routes and the batch worker: a batch line's body is exactly what
// the sync call would have returned.
import type { Endpoint } from '../../requests/types.ts';
import { chatEmulation } from './chat.ts';
import { completionsEmulation } from './completions.ts';
import { embeddingsEmulation } from './embeddings.ts';
import { moderationsEmulation } from './moderations.ts';
import { responsesEmulation } from './responses.ts';
import type { EndpointEmulation } from './types.ts';

export type { Answer, AnswerContext, LineUsage, EndpointEmulation } from './types.ts';

const EMULATIONS: Record<Endpoint, EndpointEmulation> = {
  '/v1/chat/completions': chatEmulation,
  '/v1/responses': responsesEmulation,
  '/v1/embeddings': embeddingsEmulation,
  '/v1/completions': completionsEmulation,
  '/v1/moderations': moderationsEmulation,
};

export function emulationFor(endpoint: Endpoint): EndpointEmulation {
  return EMULATIONS[endpoint];
}
