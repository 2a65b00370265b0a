// /v1/images/generations and /v1/images/edits, for the GPT image models: DALL·E 2 and 3 were shut down on 2026-05-12
// (deprecations page, as third-party copies quote it) and OpenAI announced Batch support for "GPT Image models" only.
// Sources, as of the newest captures:
//   SPEC   openai/openai-openapi openapi.yaml (2026-08-21): CreateImageRequest, EditImageBodyJsonParam, ImageRefParam
//   SDK    openai/openai-node v7.5.0 src/resources/images.ts: ImageGenerateParamsBase, ImageEditParamsBase
//   GUIDE  developers.openai.com/api/docs/guides/image-generation (copy fetched 2026-07-27): gpt-image-2 sizes,
//          input_fidelity, transparency
//   2.5    gpt-image-2.5-flare / -sunburst (2026-09-08) add quality xhigh and max; third-party notes checked against
//          OpenAI's model pages (github.com/wuyoscar/GPT-Image2-Skill references/models.md, 2026-09-09) — no OpenAI
//          capture of those pages is stored, so the extra values are accepted for 2.5 and unknown models only.
// A batch line is JSON, so an edit cannot upload files: it uses the JSON body (SPEC EditImageBodyJsonParam), whose
// input images are `images: [{image_url} | {file_id}]` and whose mask is one such reference. `image` is the multipart
// field and is not part of that body.
import { checkImageUrl } from './validateContent.ts';
import { describe, isObject, oneOf, quote, type JsonObject } from './describe.ts';

/** "The maximum length is 32000 characters for the GPT image models" (SPEC CreateImageRequest.prompt). */
export const MAX_IMAGE_PROMPT_CHARS = 32_000;
/** "The number of images to generate. Must be between 1 and 10." (SPEC, both endpoints). */
export const MAX_IMAGES_PER_REQUEST = 10;
/** "For GPT image models, you can provide up to 16 images." (SPEC EditImageBodyJsonParam.images, maxItems 16). */
export const MAX_EDIT_INPUT_IMAGES = 16;

/** The sizes every GPT image model takes besides `auto` (SPEC/SDK: "The standard sizes … are supported by the GPT
 *  image models"). Models before gpt-image-2 take only these. */
export const STANDARD_IMAGE_SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;
const standardSizes: ReadonlySet<string> = new Set(STANDARD_IMAGE_SIZES);

const QUALITIES = ['low', 'medium', 'high', 'auto'] as const;
const QUALITIES_25 = ['low', 'medium', 'high', 'xhigh', 'max', 'auto'] as const;
const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;
const BACKGROUNDS = ['transparent', 'opaque', 'auto'] as const;
const MODERATIONS = ['low', 'auto'] as const;
const INPUT_FIDELITIES = ['high', 'low'] as const;

// gpt-image-2 and 2.5 sizes (GUIDE "Size and quality options"): both edges multiples of 16, the longer at most 3840,
// long:short at most 3:1, total pixels from 655,360 to 8,294,400 (= 3840×2160, the SDK's "maximum supported resolution").
const SIZE_STEP = 16;
const MAX_EDGE = 3840;
const MAX_RATIO = 3;
const MIN_PIXELS = 655_360;
const MAX_PIXELS = 8_294_400;
const WIDTH_X_HEIGHT = /^(\d+)x(\d+)$/;

/** How a model's name decides which sizes and qualities it takes. `other` (a model we do not know, say a newer one)
 *  gets the widest documented set, so batchwise never refuses what a newer model may accept. */
type ImageFamily = 'standard-sizes' | 'gpt-image-2' | 'gpt-image-2.5' | 'other';

const SNAPSHOT = '(-\\d{4}-\\d{2}-\\d{2})?';
const STANDARD_SIZE_MODELS = new RegExp(`^(gpt-image-1|gpt-image-1-mini|gpt-image-1\\.5|chatgpt-image-latest)${SNAPSHOT}$`);
const GPT_IMAGE_2 = new RegExp(`^gpt-image-2${SNAPSHOT}$`);
const GPT_IMAGE_25 = /^gpt-image-2\.5(-|$)/;

export function imageFamily(model: unknown): ImageFamily {
  if (typeof model !== 'string') return 'other';
  if (STANDARD_SIZE_MODELS.test(model)) return 'standard-sizes';
  if (GPT_IMAGE_2.test(model)) return 'gpt-image-2';
  if (GPT_IMAGE_25.test(model)) return 'gpt-image-2.5';
  return 'other';
}

export function checkImageGenerationBody(body: JsonObject, problems: string[]): void {
  checkImagePrompt(body.prompt, 'body.prompt', MAX_IMAGE_PROMPT_CHARS, problems);
  checkImageOptions(body, problems);
}

export function checkImageEditBody(body: JsonObject, problems: string[]): void {
  checkImagePrompt(body.prompt, 'body.prompt', MAX_IMAGE_PROMPT_CHARS, problems);
  checkEditImages(body, problems);
  if (body.mask !== undefined && body.mask !== null) checkImageRef(body.mask, 'body.mask', true, problems);
  checkInputFidelity(body, problems);
  checkImageOptions(body, problems);
}

/** A required text prompt of 1 to `max` characters (the video prompt has the same rule). */
export function checkImagePrompt(prompt: unknown, path: string, max: number, problems: string[]): void {
  if (prompt === undefined || prompt === null) problems.push(`${path} is missing (a text description of the image)`);
  else if (typeof prompt !== 'string') problems.push(`${path} must be a string, got ${describe(prompt)}`);
  else if (prompt.length === 0) problems.push(`${path} is empty`);
  // .length counts UTF-16 units; only a long prompt pays for counting characters.
  else if (prompt.length > max && [...prompt].length > max) {
    problems.push(`${path} has ${[...prompt].length.toLocaleString('en-US')} characters; the API takes at most ${max.toLocaleString('en-US')}`);
  }
}

/** An image reference `{image_url}` or `{file_id}`, exactly one (SPEC ImageRefParam). `closed`: other keys are refused
 *  (ImageRefParam has additionalProperties: false; the video input_reference does not). */
export function checkImageRef(ref: unknown, path: string, closed: boolean, problems: string[]): void {
  const shape = '{"image_url": "…"} or {"file_id": "…"}';
  if (!isObject(ref)) {
    problems.push(`${path} must be an image reference ${shape}, got ${describe(ref)}`);
    return;
  }
  const hasUrl = ref.image_url !== undefined;
  const hasFile = ref.file_id !== undefined;
  if (hasUrl && hasFile) {
    problems.push(`${path} has both image_url and file_id; an image reference gives exactly one`);
    return;
  }
  if (!hasUrl && !hasFile) {
    const hint = ref.url !== undefined ? ' (the URL field is named "image_url")' : '';
    problems.push(`${path} needs image_url or file_id${hint}`);
    return;
  }
  if (hasUrl) checkImageUrl(ref.image_url, `${path}.image_url`, problems);
  else if (typeof ref.file_id !== 'string') problems.push(`${path}.file_id must be a string, got ${describe(ref.file_id)}`);
  else if (ref.file_id.length === 0) problems.push(`${path}.file_id is empty`);
  if (!closed) return;
  const extra = Object.keys(ref).filter((key) => key !== 'image_url' && key !== 'file_id');
  if (extra.length > 0) {
    problems.push(`${path} has ${extra.map((key) => quote(key)).join(', ')}; an image reference holds only image_url or file_id`);
  }
}

function checkEditImages(body: JsonObject, problems: string[]): void {
  const images = body.images;
  const shape = 'an array of {"image_url": "…"} or {"file_id": "…"}';
  if (images === undefined || images === null) {
    const hint =
      body.image !== undefined
        ? '; "image" is the multipart upload field, a JSON batch line names its input images in "images"'
        : '';
    problems.push(`body.images is missing (${shape})${hint}`);
    return;
  }
  if (!Array.isArray(images)) {
    problems.push(`body.images must be ${shape}, got ${describe(images)}`);
    return;
  }
  if (images.length === 0) {
    problems.push('body.images is empty (an edit needs at least one input image)');
    return;
  }
  if (images.length > MAX_EDIT_INPUT_IMAGES) {
    problems.push(`body.images has ${images.length} images; the API takes at most ${MAX_EDIT_INPUT_IMAGES}`);
    return;
  }
  for (let i = 0; i < images.length; i++) checkImageRef(images[i], `body.images[${i}]`, true, problems);
}

function checkInputFidelity(body: JsonObject, problems: string[]): void {
  const fidelity = body.input_fidelity;
  if (fidelity === undefined || fidelity === null) return;
  if (!checkEnum(fidelity, 'body.input_fidelity', INPUT_FIDELITIES, problems)) return;
  // GUIDE: "For gpt-image-2, omit this parameter; the API doesn't allow changing it" (it always uses high fidelity).
  // SDK: "unsupported for gpt-image-1-mini".
  const model = body.model as string;
  if (imageFamily(model) === 'gpt-image-2' || /^gpt-image-1-mini/.test(model)) {
    problems.push(`body.input_fidelity is set, but ${model} does not take it (omit it)`);
  }
}

/** The output options both image endpoints share. */
function checkImageOptions(body: JsonObject, problems: string[]): void {
  const family = imageFamily(body.model);
  // The positive-integer check is common to every endpoint (validateLine); the upper bound is the Images API's.
  if (typeof body.n === 'number' && Number.isInteger(body.n) && body.n > MAX_IMAGES_PER_REQUEST) {
    problems.push(`body.n is ${body.n}, but the Images API makes at most ${MAX_IMAGES_PER_REQUEST} images per request`);
  }
  checkSize(body.size, family, body.model, problems);
  checkQuality(body.quality, family, body.model, problems);
  const formatOk = optional(body.output_format) || checkEnum(body.output_format, 'body.output_format', OUTPUT_FORMATS, problems);
  if (!optional(body.output_compression)) {
    const c = body.output_compression;
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c > 100) {
      problems.push(`body.output_compression must be an integer from 0 to 100, got ${describe(c)}`);
    }
  }
  if (!optional(body.background) && checkEnum(body.background, 'body.background', BACKGROUNDS, problems)) {
    // SPEC: "When using `transparent`, set the output format to `png` or `webp`."
    if (body.background === 'transparent' && formatOk && body.output_format === 'jpeg') {
      problems.push('body.background is "transparent", but jpeg has no transparency (use output_format "png" or "webp")');
    }
  }
  if (!optional(body.moderation)) checkEnum(body.moderation, 'body.moderation', MODERATIONS, problems);
  if (!optional(body.response_format)) {
    // SPEC: "This parameter isn't supported for the GPT image models, which always return base64-encoded images";
    // the API answers 400 "Unknown parameter: 'response_format'" (vercel/ai#6102, lofcz/LLMTornado#155).
    problems.push('body.response_format is not taken by GPT image models (they always return base64, b64_json); remove it');
  }
}

function checkSize(size: unknown, family: ImageFamily, model: unknown, problems: string[]): void {
  if (optional(size) || size === 'auto') return;
  if (typeof size !== 'string') {
    problems.push(`body.size must be a string ("auto" or WIDTHxHEIGHT, e.g. "1024x1024"), got ${describe(size)}`);
    return;
  }
  const match = WIDTH_X_HEIGHT.exec(size);
  if (!match) {
    problems.push(`body.size ${quote(size)} is not "auto" or WIDTHxHEIGHT (e.g. "1024x1024")`);
    return;
  }
  if (standardSizes.has(size)) return;
  // SPEC's JSON edit body still lists only the standard sizes, but the SDK and GUIDE give gpt-image-2 any size within
  // the limits below on both endpoints; the wider reading is taken, so a size the API takes is never refused here.
  if (family === 'standard-sizes') {
    problems.push(`body.size ${quote(size)} is not one ${model} takes: ${oneOf(['auto', ...STANDARD_IMAGE_SIZES])}`);
    return;
  }
  // A model we do not know may have other limits; only the shape is checked for it.
  if (family === 'other') return;
  const reason = flexibleSizeProblem(Number(match[1]), Number(match[2]));
  if (reason) problems.push(`body.size ${quote(size)} is not a size ${model} takes: ${reason}`);
}

/** The first gpt-image-2 size rule that WIDTH×HEIGHT breaks, or null. */
export function flexibleSizeProblem(width: number, height: number): string | null {
  if (width % SIZE_STEP !== 0 || height % SIZE_STEP !== 0) return `both edges must be multiples of ${SIZE_STEP}`;
  if (Math.max(width, height) > MAX_EDGE) return `the longer edge must be at most ${MAX_EDGE}`;
  if (Math.max(width, height) > MAX_RATIO * Math.min(width, height)) return `the aspect ratio must be between 1:${MAX_RATIO} and ${MAX_RATIO}:1`;
  const pixels = width * height;
  if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
    return `the total pixels (${pixels.toLocaleString('en-US')}) must be from ${MIN_PIXELS.toLocaleString('en-US')} to ${MAX_PIXELS.toLocaleString('en-US')}`;
  }
  return null;
}

function checkQuality(quality: unknown, family: ImageFamily, model: unknown, problems: string[]): void {
  if (optional(quality)) return;
  const widest = family === 'gpt-image-2.5' || family === 'other';
  if (typeof quality === 'string' && (quality === 'standard' || quality === 'hd')) {
    problems.push(`body.quality ${quote(quality)} is a DALL·E value; GPT image models take ${oneOf(widest ? QUALITIES_25 : QUALITIES)}`);
    return;
  }
  if (!widest && (quality === 'xhigh' || quality === 'max')) {
    problems.push(`body.quality ${quote(quality)} is for gpt-image-2.5 models; ${model} takes ${oneOf(QUALITIES)}`);
    return;
  }
  checkEnum(quality, 'body.quality', widest ? QUALITIES_25 : QUALITIES, problems);
}

/** null and absent both mean "the API default". */
function optional(value: unknown): boolean {
  return value === undefined || value === null;
}

/** True when `value` is one of `allowed`; otherwise records one problem naming the field. */
export function checkEnum(value: unknown, path: string, allowed: readonly string[], problems: string[]): boolean {
  if (typeof value === 'string' && allowed.includes(value)) return true;
  if (typeof value !== 'string') problems.push(`${path} must be a string, one of ${oneOf(allowed.map((v) => `"${v}"`))}; got ${describe(value)}`);
  else problems.push(`${path} ${quote(value)} is not one of ${oneOf(allowed.map((v) => `"${v}"`))}`);
  return false;
}
