// Counts over the last minute in one-second slots (fixed memory whatever the rate): what the progress line shows as
// "tokens a minute", and the completions the ETA is worked out from.
const SLOTS = 60;

export class MinuteMeter {
  private readonly second = new Float64Array(SLOTS).fill(-1);
  private readonly a = new Float64Array(SLOTS);
  private readonly b = new Float64Array(SLOTS);

  add(now: number, a: number, b = 0): void {
    const s = Math.floor(now / 1000);
    const i = s % SLOTS;
    if (this.second[i] !== s) {
      this.second[i] = s;
      this.a[i] = 0;
      this.b[i] = 0;
    }
    this.a[i] += a;
    this.b[i] += b;
  }

  /** Sums over the last `seconds` whole seconds and the current one (at most a minute). */
  sum(now: number, seconds = SLOTS - 1): { a: number; b: number } {
    const s = Math.floor(now / 1000);
    let a = 0;
    let b = 0;
    for (let i = 0; i < SLOTS; i++) {
      if (this.second[i] >= 0 && s - this.second[i] <= Math.min(seconds, SLOTS - 1)) {
        a += this.a[i];
        b += this.b[i];
      }
    }
    return { a, b };
  }
}
