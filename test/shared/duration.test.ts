import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatGoDuration, parseDuration } from '../../src/shared/duration.ts';
import { formatUsdApart, formatUsd } from '../../src/shared/money.ts';

test('durations as people write them', () => {
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('45m'), 2_700_000);
  assert.equal(parseDuration('6h'), 21_600_000);
  assert.equal(parseDuration('2d'), 172_800_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
});

test('bad durations say what is expected', () => {
  for (const bad of ['', 'soon', '5 weeks', '3x', 'h', '1h foo', '90', '5.5']) {
    assert.throws(() => parseDuration(bad, '--latency-budget'), /invalid --latency-budget .*like 30s/);
  }
  // A bare number names the units it could have meant, rather than silently meaning seconds.
  assert.throws(() => parseDuration('330', 'latency-budget'), /invalid latency-budget "330": a bare number has no unit: write 330s, 330m or 330h/);
});

test('formatDuration reads well', () => {
  assert.equal(formatDuration(45_000), '45s');
  assert.equal(formatDuration(12 * 60_000), '12m');
  assert.equal(formatDuration(200 * 60_000), '3h 20m');
  assert.equal(formatDuration(52 * 3_600_000), '2d 4h');
});

test('money keeps sub-cent amounts distinguishable', () => {
  assert.equal(formatUsd(0), '$0.00');
  assert.equal(formatUsd(0.0015), '$0.0015');
  assert.equal(formatUsd(0.003), '$0.003');
  assert.equal(formatUsd(4.123), '$4.12');
  assert.equal(formatUsd(1234.5), '$1,234.50');
  assert.equal(formatUsd(-0.5), '-$0.50');
});

test('two amounts in one message get the digits to tell them apart', () => {
  assert.deepEqual(formatUsdApart(0.020018, 0.02), ['$0.02002', '$0.02']);
  assert.deepEqual(formatUsdApart(1.5, 0.75), ['$1.50', '$0.75']);
  assert.deepEqual(formatUsdApart(0.3, 0.3), ['$0.30', '$0.30']);
});

test('formatGoDuration writes like the x-ratelimit-reset headers, and parseDuration reads it back', () => {
  const cases: [number, string][] = [[120, '120ms'], [1000, '1s'], [17_500, '17.5s'], [360_000, '6m0s'], [61_250, '1m1.25s']];
  for (const [ms, text] of cases) {
    assert.equal(formatGoDuration(ms), text);
    assert.equal(parseDuration(text), ms);
  }
});

test('tiny amounts never print in exponent notation', () => {
  assert.equal(formatUsd(0.00000002), '$0.00000002');
  assert.equal(formatUsd(0.000012345), '$0.000012');
});
