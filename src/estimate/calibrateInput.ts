// Approximate input counts (Anthropic, Gemini) corrected by what earlier runs of the same model were billed: the
// approximation × the billed/approximated ratio history measured (history/predictInput.ts). Exact counts never change.
import { predictInputRatio } from '../history/index.ts';
import type { InputPrediction, Observation } from '../history/index.ts';

export class InputCalibration {
  private readonly history: Observation[];
  private readonly byModel = new Map<string, InputPrediction | null>();

  constructor(history: Observation[]) {
    this.history = history;
  }

  /** The measured ratio for `model`, or null when no earlier run of it recorded its approximation. */
  ratioFor(model: string): InputPrediction | null {
    if (!this.byModel.has(model)) this.byModel.set(model, this.history.length === 0 ? null : predictInputRatio(this.history, model));
    return this.byModel.get(model)!;
  }

  /** `approximate` (the approximation of one request) calibrated, rounded up; null without history for the model. */
  calibrate(model: string, approximate: number): { tokens: number; prediction: InputPrediction } | null {
    const prediction = this.ratioFor(model);
    if (prediction === null) return null;
    // The small epsilon keeps 100 x 1.1 from rounding up to 111 through floating-point noise.
    return { tokens: Math.ceil(approximate * prediction.ratio - 1e-9), prediction };
  }
}
