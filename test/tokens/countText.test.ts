import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayHaveLongRun, splitLongRuns } from '../../src/tokens/encodeLength.ts';
import { encoderFor } from '../../src/tokens/encoders.ts';
import { countText } from '../../src/tokens/index.ts';

// Cookbook "How to count tokens with tiktoken" examples (tokens.md §1a).
test('cookbook strings in o200k_base and cl100k_base', () => {
  assert.equal(countText('tiktoken is great!', 'o200k_base'), 6);
  assert.equal(countText('tiktoken is great!', 'cl100k_base'), 6);
  assert.equal(countText('antidisestablishmentarianism', 'o200k_base'), 6);
  assert.equal(countText('antidisestablishmentarianism', 'cl100k_base'), 6);
  assert.equal(countText('2 + 2 = 4', 'o200k_base'), 7);
  assert.equal(countText('2 + 2 = 4', 'cl100k_base'), 7);
  assert.equal(countText('お誕生日おめでとう', 'o200k_base'), 8);
  assert.equal(countText('お誕生日おめでとう', 'cl100k_base'), 9);
});

test('empty string is 0 tokens', () => {
  assert.equal(countText('', 'o200k_base'), 0);
});

test('special-token text is ordinary text: it does not throw and counts as its pieces', () => {
  const text = 'before <|endoftext|> after <|im_start|>';
  const asPlain = encoderFor('o200k_base').encode_ordinary(text).length;
  assert.equal(countText(text, 'o200k_base'), asPlain);
  // As a special token it would be one token; as text it is several.
  assert.ok(countText('<|endoftext|>', 'cl100k_base') > 1);
});

test('Korean text counts the same memoised or not, and fewer tokens in o200k than in cl100k', () => {
  const korean = '오랜만에 GPT 관련 글을 쓰는 것 같다. 마지막 글이 2월이니 넉달만에 쓰게 됐다. '.repeat(3);
  const direct = encoderFor('o200k_base').encode_ordinary(korean).length;
  assert.equal(countText(korean, 'o200k_base'), direct);
  assert.equal(countText(korean, 'o200k_base'), direct); // from the memo
  assert.ok(countText(korean, 'o200k_base') < countText(korean, 'cl100k_base'));
});

test('two long texts that agree on length, head, middle and tail are still counted apart (memo key collision)', () => {
  const head = 'Classify this review as positive or negative. Review: '.repeat(3);
  const tail = ' Answer with one word. '.repeat(4);
  const filler = ' and so on'.repeat(30);
  const a = head + 'great product, works well, five stars!'.padEnd(60, '!') + filler + 'alpha beta gamma' + tail;
  const b = head + 'terrible, broken; support never replied'.padEnd(60, '!') + filler + 'gamma beta alpha' + tail;
  assert.equal(a.length, b.length);
  const direct = (t: string) => encoderFor('o200k_base').encode_ordinary(t).length;
  assert.notEqual(direct(a), direct(b));
  for (let round = 0; round < 2; round++) {
    assert.equal(countText(a, 'o200k_base'), direct(a));
    assert.equal(countText(b, 'o200k_base'), direct(b));
  }
});

test('the memo keeps encodings apart', () => {
  const text = 'お誕生日おめでとう '.repeat(20);
  assert.equal(countText(text, 'o200k_base'), encoderFor('o200k_base').encode_ordinary(text).length);
  assert.equal(countText(text, 'cl100k_base'), encoderFor('cl100k_base').encode_ordinary(text).length);
});

test('long runs are guarded: fast, and within one token per 1,000-character cut of the exact count', () => {
  for (const run of ['a'.repeat(5000), '-'.repeat(5000), '的'.repeat(5000), 'x ' + 'ab'.repeat(3000) + ' y']) {
    const exact = encoderFor('o200k_base').encode_ordinary(run).length;
    const started = performance.now();
    const guarded = countText(run, 'o200k_base');
    assert.ok(performance.now() - started < 1000);
    const cuts = Math.ceil(run.length / 1000);
    assert.ok(Math.abs(guarded - exact) <= cuts, `${run.slice(0, 4)}: ${guarded} vs ${exact}`);
  }
});

test('text around a long run is cut only at the run, and a surrogate pair is never cut', () => {
  const prose = 'The quick brown fox jumps over the lazy dog. ';
  const text = prose + '-' + '😀'.repeat(1500) + ' ' + prose; // the run starts at an odd offset
  const pieces = splitLongRuns(text);
  assert.equal(pieces.join(''), text);
  assert.equal(pieces[0], prose);
  assert.equal(pieces.at(-1), ' ' + prose);
  for (const piece of pieces) {
    assert.ok(!/^[\udc00-\udfff]/.test(piece) && !/[\ud800-\udbff]$/.test(piece), 'split surrogate pair');
    assert.ok(piece.length <= 1001);
  }
  assert.deepEqual(splitLongRuns('short text'), ['short text']);
  assert.equal(countText(text, 'o200k_base'), pieces.reduce((n, p) => n + encoderFor('o200k_base').encode_ordinary(p).length, 0));
});

test('a run of millions of characters is counted, not a stack overflow (the guard scans linearly)', () => {
  for (const run of ['x'.repeat(5_000_000), '한'.repeat(2_000_000)]) {
    const pieces = splitLongRuns(run);
    assert.equal(pieces.join(''), run);
    assert.ok(pieces.every((p) => p.length <= 1000));
  }
  assert.ok(countText('x'.repeat(2_000_000), 'o200k_base') > 0);
});

test('ordinary prose longer than the run limit is never split (the guard costs nothing there)', () => {
  const prose = 'Batch jobs finish within a day, often much sooner. 배송이 빠르고 포장도 꼼꼼했어요. '.repeat(300);
  assert.deepEqual(splitLongRuns(prose), [prose]);
  assert.equal(mayHaveLongRun(prose), false);
  assert.equal(mayHaveLongRun('a'.repeat(1001)), true);
  assert.equal(mayHaveLongRun(`start${' '.repeat(1001)}end`), true);
  assert.equal(countText(prose, 'o200k_base'), encoderFor('o200k_base').encode_ordinary(prose).length);
});
