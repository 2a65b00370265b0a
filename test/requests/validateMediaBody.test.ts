// Image and video request lines: valid ones pass untouched; each bad field gives exactly one reason that names it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENDPOINTS, validateLine } from '../../src/requests/index.ts';

type Json = Record<string, unknown>;

const GEN = '/v1/images/generations';
const EDIT = '/v1/images/edits';
const VIDEO = '/v1/videos';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const line = (url: string, body: Json): Json => ({ custom_id: 'r', method: 'POST', url, body });
const gen = (body: Json = {}): Json => line(GEN, { model: 'gpt-image-2', prompt: 'a red balloon on a table', ...body });
const edit = (body: Json = {}): Json =>
  line(EDIT, { model: 'gpt-image-2', prompt: 'make it blue', images: [{ image_url: 'https://example.com/in.png' }], ...body });
const video = (body: Json = {}): Json => line(VIDEO, { model: 'sora-2', prompt: 'a drone shot over a fjord', ...body });

function problemsOf(value: Json): string[] {
  const result = validateLine(JSON.stringify(value), 1);
  assert.equal(result.request === null, result.problems.length > 0, 'request is null exactly when there are problems');
  return result.problems;
}

/** Exactly one problem; it names `field` and matches `pattern`. */
function assertOneProblem(value: Json, field: string, pattern: RegExp): void {
  const problems = problemsOf(value);
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems)}`);
  assert.ok(problems[0].startsWith(field), `${JSON.stringify(problems[0])} should name ${field}`);
  assert.match(problems[0], pattern);
}

function assertValid(value: Json): string[] {
  const { request, problems, warnings } = validateLine(JSON.stringify(value), 1);
  assert.deepEqual(problems, [], JSON.stringify(value));
  assert.deepEqual(request, value);
  return warnings;
}

test('the image and video urls are endpoints', () => {
  for (const url of [GEN, EDIT, VIDEO]) assert.ok((ENDPOINTS as readonly string[]).includes(url), url);
});

test('valid image generation lines pass without warnings', () => {
  const valid: Json[] = [
    gen(),
    gen({
      n: 4,
      size: '1536x864',
      quality: 'high',
      background: 'opaque',
      output_format: 'webp',
      output_compression: 80,
      moderation: 'low',
      stream: false,
      user: 'u-1',
    }),
    gen({ size: 'auto', quality: 'auto', background: 'auto', moderation: 'auto' }),
    // null means "the API default" for every optional field.
    gen({ n: null, size: null, quality: null, background: null, output_format: null, output_compression: null, moderation: null, response_format: null }),
    gen({ n: 10, size: '3840x2160', quality: 'low' }),
    gen({ size: '2160x3840' }),
    gen({ size: '1024x640' }), // exactly the minimum pixel count, 655,360
    gen({ size: '2880x960' }), // exactly 3:1
    gen({ background: 'transparent', output_format: 'png' }),
    gen({ background: 'transparent', output_format: 'webp' }),
    gen({ background: 'transparent' }), // png is the default format
    gen({ output_format: 'jpeg', output_compression: 0 }),
    gen({ model: 'gpt-image-2-2026-04-21', size: '2048x1152' }),
    gen({ model: 'gpt-image-1.5', size: '1024x1536', quality: 'medium' }),
    gen({ model: 'gpt-image-1', size: '1536x1024' }),
    gen({ model: 'gpt-image-1-mini', size: 'auto' }),
    gen({ model: 'chatgpt-image-latest', size: '1024x1024' }),
    gen({ model: 'gpt-image-2.5-flare', quality: 'xhigh', size: '3840x2160' }),
    gen({ model: 'gpt-image-2.5-sunburst-2026-09-08', quality: 'max' }),
    // A model batchwise does not know gets the widest documented values and only a shape check of its size.
    gen({ model: 'gpt-image-3', quality: 'max', size: '4096x4096' }),
    gen({ prompt: 'x'.repeat(32_000) }),
    gen({ prompt: '🎈'.repeat(32_000) }), // 32,000 characters, 64,000 UTF-16 units
  ];
  for (const value of valid) assert.deepEqual(assertValid(value), [], JSON.stringify(value));
});

test('valid image edit lines pass without warnings', () => {
  const sixteen = Array.from({ length: 16 }, (_, i) => ({ file_id: `file-${i}` }));
  const valid: Json[] = [
    edit(),
    edit({
      model: 'gpt-image-1.5',
      images: [{ image_url: 'https://example.com/a.png' }, { file_id: 'file-abc123' }, { image_url: PNG }],
      mask: { file_id: 'file-mask' },
      input_fidelity: 'high',
      n: 2,
      quality: 'high',
      size: '1024x1536',
      output_format: 'jpeg',
      output_compression: 50,
      moderation: 'low',
      background: 'opaque',
    }),
    edit({ images: sixteen, mask: { image_url: PNG } }),
    edit({ mask: null, input_fidelity: null, size: '1536x864' }),
    edit({ model: 'gpt-image-2.5-sunburst', input_fidelity: 'low', quality: 'xhigh' }),
  ];
  for (const value of valid) assert.deepEqual(assertValid(value), [], JSON.stringify(value));
});

test('valid video lines pass, each with the shutdown warning', () => {
  const valid: Json[] = [
    video(),
    video({ seconds: '4', size: '720x1280' }),
    video({ model: 'sora-2-pro', seconds: '12', size: '1792x1024', input_reference: { image_url: 'https://example.com/first-frame.png' } }),
    video({ seconds: '8', size: '1280x720', input_reference: { file_id: 'file-ref' } }),
    video({ seconds: null, size: null, input_reference: null }),
  ];
  for (const value of valid) {
    const warnings = assertValid(value);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^\/v1\/videos: .*shut .* 2026-09-24/);
  }
});

test('prompt: required, a string, not empty, at most 32,000 characters (every media endpoint)', () => {
  for (const make of [gen, edit, video]) {
    assertOneProblem(make({ prompt: undefined }), 'body.prompt', /is missing/);
    assertOneProblem(make({ prompt: null }), 'body.prompt', /is missing/);
    assertOneProblem(make({ prompt: 7 }), 'body.prompt', /must be a string, got a number \(7\)$/);
    assertOneProblem(make({ prompt: ['a'] }), 'body.prompt', /must be a string, got an array$/);
    assertOneProblem(make({ prompt: '' }), 'body.prompt', /is empty$/);
    assertOneProblem(make({ prompt: 'x'.repeat(32_001) }), 'body.prompt', /32,001 characters; the API takes at most 32,000$/);
  }
});

test('model: required on media lines too', () => {
  assertOneProblem(gen({ model: undefined }), 'body.model', /is missing$/);
  assertOneProblem(edit({ model: 3 }), 'body.model', /must be a string/);
  assertOneProblem(video({ model: '' }), 'body.model', /is empty$/);
});

test('n: a positive integer, at most 10 images (one reason, never the 128-choices one)', () => {
  for (const make of [gen, edit]) {
    assertOneProblem(make({ n: 0 }), 'body.n', /must be a positive integer, got a number \(0\)$/);
    assertOneProblem(make({ n: 2.5 }), 'body.n', /must be a positive integer/);
    assertOneProblem(make({ n: '2' }), 'body.n', /must be a positive integer, got a string/);
    assertOneProblem(make({ n: 11 }), 'body.n', /is 11, but the Images API makes at most 10 images per request$/);
    assertOneProblem(make({ n: 500 }), 'body.n', /at most 10 images/);
  }
});

test('stream: true is refused (the Batch API does not stream)', () => {
  assertOneProblem(gen({ stream: true }), 'body.stream', /Batch API rejects streaming/);
  assertOneProblem(edit({ stream: true, partial_images: 2 }), 'body.stream', /Batch API rejects streaming/);
});

test('size: "auto" or WIDTHxHEIGHT within the model\'s limits', () => {
  assertOneProblem(gen({ size: 1024 }), 'body.size', /must be a string \("auto" or WIDTHxHEIGHT.*got a number \(1024\)$/);
  assertOneProblem(gen({ size: '1024*1024' }), 'body.size', /is not "auto" or WIDTHxHEIGHT/);
  assertOneProblem(gen({ size: '1024X1024' }), 'body.size', /is not "auto" or WIDTHxHEIGHT/);
  assertOneProblem(gen({ size: '' }), 'body.size', /is not "auto" or WIDTHxHEIGHT/);
  // Models before gpt-image-2 take the three standard sizes only.
  for (const model of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'gpt-image-1.5-2025-12-16', 'chatgpt-image-latest']) {
    assertOneProblem(gen({ model, size: '2048x2048' }), 'body.size', new RegExp(`not one ${model.replace('.', '\\.')} takes: auto, 1024x1024, 1536x1024 or 1024x1536$`));
  }
  // gpt-image-2 (and 2.5): the guide's constraints, first broken one named.
  assertOneProblem(gen({ size: '1000x1000' }), 'body.size', /multiples of 16$/);
  assertOneProblem(gen({ size: '4096x1536' }), 'body.size', /longer edge must be at most 3840$/);
  assertOneProblem(gen({ size: '3072x960' }), 'body.size', /aspect ratio must be between 1:3 and 3:1$/);
  assertOneProblem(gen({ size: '512x512' }), 'body.size', /total pixels \(262,144\) must be from 655,360 to 8,294,400$/);
  assertOneProblem(gen({ size: '3840x2304' }), 'body.size', /total pixels \(8,847,360\)/);
  assertOneProblem(gen({ model: 'gpt-image-2.5-flare', size: '256x256' }), 'body.size', /total pixels/);
  assertOneProblem(edit({ size: '1000x1000' }), 'body.size', /multiples of 16$/);
});

test('quality: the GPT image values; xhigh and max only for gpt-image-2.5 (and models we do not know)', () => {
  assertOneProblem(gen({ quality: 'hd' }), 'body.quality', /"hd" is a DALL·E value; GPT image models take low, medium, high or auto$/);
  assertOneProblem(gen({ quality: 'standard' }), 'body.quality', /DALL·E value/);
  assertOneProblem(gen({ quality: 'xhigh' }), 'body.quality', /"xhigh" is for gpt-image-2\.5 models; gpt-image-2 takes low, medium, high or auto$/);
  assertOneProblem(gen({ model: 'gpt-image-1.5', quality: 'max' }), 'body.quality', /is for gpt-image-2\.5 models/);
  assertOneProblem(gen({ quality: 'ultra' }), 'body.quality', /"ultra" is not one of "low", "medium", "high" or "auto"$/);
  assertOneProblem(gen({ model: 'gpt-image-2.5-flare', quality: 'ultra' }), 'body.quality', /"xhigh", "max" or "auto"$/);
  assertOneProblem(gen({ quality: 3 }), 'body.quality', /must be a string, .* got a number \(3\)$/);
  assertOneProblem(edit({ quality: 'hd' }), 'body.quality', /DALL·E value/);
});

test('output_format, output_compression, moderation, background', () => {
  assertOneProblem(gen({ output_format: 'jpg' }), 'body.output_format', /"jpg" is not one of "png", "jpeg" or "webp"$/);
  assertOneProblem(gen({ output_format: 1 }), 'body.output_format', /must be a string/);
  assertOneProblem(gen({ output_compression: 101 }), 'body.output_compression', /integer from 0 to 100, got a number \(101\)$/);
  assertOneProblem(gen({ output_compression: -1 }), 'body.output_compression', /0 to 100/);
  assertOneProblem(gen({ output_compression: 'high' }), 'body.output_compression', /0 to 100, got a string/);
  assertOneProblem(gen({ moderation: 'high' }), 'body.moderation', /"high" is not one of "low" or "auto"$/);
  assertOneProblem(edit({ moderation: false }), 'body.moderation', /must be a string/);
  assertOneProblem(gen({ background: 'none' }), 'body.background', /"none" is not one of "transparent", "opaque" or "auto"$/);
  assertOneProblem(gen({ background: 'transparent', output_format: 'jpeg' }), 'body.background', /jpeg has no transparency/);
  assertOneProblem(edit({ background: 'transparent', output_format: 'jpeg' }), 'body.background', /jpeg has no transparency/);
});

test('response_format: GPT image models refuse it, whatever its value', () => {
  for (const value of ['url', 'b64_json', 'png']) {
    assertOneProblem(gen({ response_format: value }), 'body.response_format', /is not taken by GPT image models \(they always return base64, b64_json\); remove it$/);
    assertOneProblem(edit({ response_format: value }), 'body.response_format', /is not taken by GPT image models/);
  }
});

test('edits: images is an array of 1 to 16 image references', () => {
  assertOneProblem(edit({ images: undefined }), 'body.images', /is missing \(an array of \{"image_url": "…"\} or \{"file_id": "…"\}\)$/);
  assertOneProblem(edit({ images: undefined, image: 'https://example.com/in.png' }), 'body.images', /"image" is the multipart upload field, a JSON batch line names its input images in "images"$/);
  assertOneProblem(edit({ images: 'https://example.com/in.png' }), 'body.images', /must be an array of .* got a string/);
  assertOneProblem(edit({ images: [] }), 'body.images', /is empty/);
  const seventeen = Array.from({ length: 17 }, (_, i) => ({ file_id: `file-${i}` }));
  assertOneProblem(edit({ images: seventeen }), 'body.images', /has 17 images; the API takes at most 16$/);
  assertOneProblem(edit({ images: ['https://example.com/in.png'] }), 'body.images[0]', /must be an image reference \{"image_url": "…"\} or \{"file_id": "…"\}, got a string/);
  assertOneProblem(edit({ images: [{}] }), 'body.images[0]', /needs image_url or file_id$/);
  assertOneProblem(edit({ images: [{ url: 'https://example.com/in.png' }] }), 'body.images[0]', /needs image_url or file_id \(the URL field is named "image_url"\)$/);
  assertOneProblem(edit({ images: [{ image_url: 'https://e.com/a.png', file_id: 'file-1' }] }), 'body.images[0]', /has both image_url and file_id/);
  assertOneProblem(edit({ images: [{ image_url: 'ftp://e.com/a.png' }] }), 'body.images[0].image_url', /must be an http\(s\) URL or a data:image/);
  assertOneProblem(edit({ images: [{ image_url: 'data:image/png;base64,' }] }), 'body.images[0].image_url', /without valid base64/);
  assertOneProblem(edit({ images: [{ file_id: 5 }] }), 'body.images[0].file_id', /must be a string, got a number \(5\)$/);
  assertOneProblem(edit({ images: [{ file_id: '' }] }), 'body.images[0].file_id', /is empty$/);
  assertOneProblem(edit({ images: [{ image_url: PNG, detail: 'high' }] }), 'body.images[0]', /has "detail"; an image reference holds only image_url or file_id$/);
  // Only the bad item is named.
  assertOneProblem(edit({ images: [{ file_id: 'file-ok' }, { file_id: 'file-ok-2' }, 'x'] }), 'body.images[2]', /must be an image reference/);
});

test('edits: mask is one image reference; input_fidelity high or low, and not for gpt-image-2', () => {
  assertOneProblem(edit({ mask: 'file-mask' }), 'body.mask', /must be an image reference .* got a string/);
  assertOneProblem(edit({ mask: [{ file_id: 'file-mask' }] }), 'body.mask', /must be an image reference .* got an array/);
  assertOneProblem(edit({ mask: { file_id: 'a', image_url: PNG } }), 'body.mask', /has both/);
  assertOneProblem(edit({ model: 'gpt-image-1.5', input_fidelity: 'medium' }), 'body.input_fidelity', /"medium" is not one of "high" or "low"$/);
  assertOneProblem(edit({ input_fidelity: 'high' }), 'body.input_fidelity', /gpt-image-2 does not take it \(omit it\)$/);
  assertOneProblem(edit({ model: 'gpt-image-2-2026-04-21', input_fidelity: 'low' }), 'body.input_fidelity', /does not take it/);
  assertOneProblem(edit({ model: 'gpt-image-1-mini', input_fidelity: 'low' }), 'body.input_fidelity', /gpt-image-1-mini does not take it/);
});

test('videos: seconds "4" | "8" | "12" (strings), the four sizes, and an optional reference', () => {
  assertOneProblem(video({ seconds: 8 }), 'body.seconds', /must be a string, one of "4", "8" or "12"; got a number \(8\)$/);
  assertOneProblem(video({ seconds: '10' }), 'body.seconds', /"10" is not one of "4", "8" or "12"$/);
  assertOneProblem(video({ size: '1920x1080' }), 'body.size', /"1920x1080" is not one of "720x1280", "1280x720", "1024x1792" or "1792x1024"$/);
  assertOneProblem(video({ size: 720 }), 'body.size', /must be a string/);
  assertOneProblem(video({ input_reference: 'https://example.com/a.png' }), 'body.input_reference', /must be an image reference/);
  assertOneProblem(video({ input_reference: { image_url: PNG, file_id: 'f' } }), 'body.input_reference', /has both/);
  assertOneProblem(video({ input_reference: { image_url: 'not a url' } }), 'body.input_reference.image_url', /must be an http\(s\) URL/);
  // The video reference schema is not closed: an extra key is the API's business.
  assertValid(video({ input_reference: { file_id: 'file-1', note: 'x' } }));
  // A video line with a problem still gets the warning.
  assert.equal(validateLine(JSON.stringify(video({ seconds: 8 })), 1).warnings.length, 1);
});

test('every problem of a media line is listed at once, each naming its field', () => {
  const problems = problemsOf(gen({ prompt: '', n: 11, size: 'big', quality: 'hd', output_format: 'gif', moderation: 'none', response_format: 'url' }));
  assert.deepEqual(
    problems.map((p) => p.split(' ')[0]),
    ['body.prompt', 'body.n', 'body.size', 'body.quality', 'body.output_format', 'body.moderation', 'body.response_format'],
  );
  const editProblems = problemsOf(edit({ prompt: undefined, images: [{}, { file_id: 3 }], mask: 'm', input_fidelity: 'x' }));
  assert.deepEqual(
    editProblems.map((p) => p.split(' ')[0]),
    ['body.prompt', 'body.images[0]', 'body.images[1].file_id', 'body.mask', 'body.input_fidelity'],
  );
  const videoProblems = problemsOf(video({ prompt: 1, seconds: '5', size: 'x' }));
  assert.deepEqual(videoProblems.map((p) => p.split(' ')[0]), ['body.prompt', 'body.seconds', 'body.size']);
});

test('other endpoints keep their rules: n above 128 is still refused for chat', () => {
  const chat = line('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], n: 129 });
  assertOneProblem(chat, 'body.n', /at most 128 choices/);
  const chat11 = line('/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], n: 11 });
  assert.deepEqual(problemsOf(chat11), []);
});
