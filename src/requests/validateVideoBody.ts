// /v1/videos (Sora): the JSON body of a video job, as openai/openai-openapi (2026-08-21) CreateVideoJsonBody and
// openai-node v7.5.0 VideoCreateParams define it. The endpoint is still in the SDK's batch enum, but the Videos API and
// sora-2 / sora-2-pro were shut down on 2026-09-24 (deprecations page), so every such line gets a warning.
import { checkEnum, checkImagePrompt, checkImageRef } from './validateImageBody.ts';
import type { JsonObject } from './describe.ts';

/** VideoSeconds: strings, not numbers. "Clip duration in seconds (allowed values: 4, 8, 12). Defaults to 4 seconds." */
export const VIDEO_SECONDS = ['4', '8', '12'] as const;
export const VIDEO_DEFAULT_SECONDS = 4;
/** VideoSize: "allowed values: 720x1280, 1280x720, 1024x1792, 1792x1024. Defaults to 720x1280." */
export const VIDEO_SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'] as const;
export const VIDEO_DEFAULT_SIZE = '720x1280';
/** CreateVideoJsonBody.prompt: minLength 1, maxLength 32000. */
export const MAX_VIDEO_PROMPT_CHARS = 32_000;

export const VIDEOS_SHUT_DOWN =
  '/v1/videos: OpenAI shut the Videos API (sora-2, sora-2-pro) down on 2026-09-24 and the Batch guide no longer lists it; this request will fail';

export function checkVideoBody(body: JsonObject, problems: string[]): void {
  checkImagePrompt(body.prompt, 'body.prompt', MAX_VIDEO_PROMPT_CHARS, problems);
  // A number (8) is refused too: the API types seconds as a string enum, and checkEnum says so.
  if (body.seconds !== undefined && body.seconds !== null) checkEnum(body.seconds, 'body.seconds', VIDEO_SECONDS, problems);
  if (body.size !== undefined && body.size !== null) checkEnum(body.size, 'body.size', VIDEO_SIZES, problems);
  if (body.input_reference !== undefined && body.input_reference !== null) {
    // JSON body: a reference object only (the file upload form is multipart).
    checkImageRef(body.input_reference, 'body.input_reference', false, problems);
  }
}
