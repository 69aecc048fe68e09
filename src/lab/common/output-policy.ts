/**
 * Output obfuscation (ATLAS AML.M0002, "Passive AI Output Obfuscation") as a service-side
 * decorator of a served model: answer with the full class probabilities, with probabilities
 * rounded to `digits` decimals, or with the top-1 label only. The API's response format keeps a
 * probability vector per prediction, so a label-only answer carries the one-hot vector of the
 * label — no confidence information leaves the service.
 */
import { UsageError } from '../../core/errors.js';
import type { Prediction, ServedModel } from '../../service/model-runtime.js';

/** What the API returns per query. */
export type OutputPolicy =
  | { readonly kind: 'probabilities' }
  | { readonly kind: 'rounded'; readonly digits: number }
  | { readonly kind: 'label' };

/** A short name of a policy (for notes and metric names). */
export function describePolicy(p: OutputPolicy): string {
  return p.kind === 'rounded' ? `probabilities rounded to ${p.digits} decimal(s)` : p.kind === 'label' ? 'top-1 label only' : 'full probabilities';
}

function obfuscate(p: Prediction, classes: readonly string[], policy: OutputPolicy): Prediction {
  switch (policy.kind) {
    case 'probabilities':
      return p;
    case 'label':
      return { label: p.label, probabilities: classes.map((c) => (c === p.label ? 1 : 0)) };
    case 'rounded': {
      const f = 10 ** policy.digits;
      return { label: p.label, probabilities: p.probabilities.map((v) => Math.round(v * f) / f) };
    }
  }
}

/** Wraps `model` so that its answers follow `policy`. */
export function withOutputPolicy(model: ServedModel, policy: OutputPolicy): ServedModel {
  if (policy.kind === 'probabilities') return model;
  if (policy.kind === 'rounded' && !(Number.isInteger(policy.digits) && policy.digits >= 0 && policy.digits <= 15)) {
    throw new UsageError(`rounding digits must be an integer in 0..15, got ${policy.digits}`);
  }
  return {
    numFeatures: model.numFeatures,
    classes: model.classes,
    async predict(inputs) {
      const answers = await model.predict(inputs);
      return answers.map((p) => obfuscate(p, model.classes, policy));
    },
  };
}
