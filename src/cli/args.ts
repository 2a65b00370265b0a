// Argument parsers for commander options: a bad value is a usage error before any work starts.
import { InvalidArgumentError } from 'commander';

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
