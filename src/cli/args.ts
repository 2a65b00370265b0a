// Argument parsers for commander options: a bad value is a usage error before any work starts.
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../shared/duration.ts';

/** A number in [min, max] (a whole number when `integer`). */
export function numberArg(min: number, max: number, integer = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    }
    return n;
  };
}

/** USD amounts (max-cost, min-savings). */
export const usdArg = numberArg(0, 1e9);
/** Counts (retries, rpm, tpm, concurrency). */
export const countArg = numberArg(0, 1e9, true);

/** Limits and sizes that must be at least 1 (rpm, tpm, concurrency): 0 would stall the run after work has started. */
export const positiveCountArg = numberArg(1, 1e9, true);

/** A duration flag, checked when parsed (`--latency-budget 5` is an error that names the units). */
export function durationArg(flag: string) {
  return (value: string): number => {
    try {
      const ms = parseDuration(value, flag);
      if (!(ms > 0)) throw new InvalidArgumentError(`${flag} must be more than zero`);
      return ms;
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
}

/** `--poll-interval MIN,MAX`: both durations above zero, MIN not above MAX (MAX defaults to max(MIN, 60s)). */
export function pollIntervalArg(value: string): { min: number; max: number } {
  const [a, b, ...rest] = value.split(',');
  if (rest.length > 0) throw new InvalidArgumentError('expected MIN or MIN,MAX, e.g. 2s,60s');
  const min = durationArg('--poll-interval')(a);
  const max = b === undefined ? Math.max(min, 60_000) : durationArg('--poll-interval')(b);
  if (min > max) throw new InvalidArgumentError(`the first interval (${a.trim()}) must not be longer than the second (${b.trim()}): MIN,MAX, e.g. 2s,60s`);
  return { min, max };
}
