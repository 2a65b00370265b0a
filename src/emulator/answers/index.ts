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

/** The endpoints the emulator answers, in batches and sync. The request file may name more (images, videos): the
 *  emulator refuses those batches (README, known differences). */
export const EMULATED_ENDPOINTS = [
  '/v1/chat/completions',
  '/v1/responses',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
] as const satisfies readonly Endpoint[];
export type EmulatedEndpoint = (typeof EMULATED_ENDPOINTS)[number];

const EMULATIONS: Record<EmulatedEndpoint, EndpointEmulation> = {
  '/v1/chat/completions': chatEmulation,
  '/v1/responses': responsesEmulation,
  '/v1/embeddings': embeddingsEmulation,
  '/v1/completions': completionsEmulation,
  '/v1/moderations': moderationsEmulation,
};

export function emulationFor(endpoint: Endpoint): EndpointEmulation {
  const emulation = (EMULATIONS as Partial<Record<Endpoint, EndpointEmulation>>)[endpoint];
  if (!emulation) throw new Error(`the emulator does not answer ${endpoint}`);
  return emulation;
}
