/** Restoring any transformer from its JSON state, validated against the schemas in `state.ts`. */
import { validate } from '../../core/schema.js';
import { LinearDiscriminantAnalysis } from './lda.js';
import { MaxAbsScaler } from './max-abs-scaler.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { PCA } from './pca.js';
import { Pipeline } from './pipeline.js';
import { StandardScaler } from './standard-scaler.js';
import { transformerStateSchema, type StepState } from './state.js';
import type { Transformer } from './transformer.js';

/**
 * Rebuilds a transformer (or pipeline) from `toJSON()` output or hand-written configuration
 * (`{ "kind": "min-max-scaler", "params": { "featureRange": [0, 3.14159] } }` gives an unfitted
 * scaler). Invalid or inconsistent state throws a ValidationError naming each bad field,
 * e.g. `at steps[1].fitted.components[2]: is not orthogonal to component 0`.
 */
export function transformerFromJSON(state: unknown, subject = 'transformer state'): Transformer {
  const parsed = validate(transformerStateSchema, state, subject);
  if (parsed.kind === 'pipeline') return new Pipeline(parsed.steps.map(stepFromState));
  return stepFromState(parsed);
}

function stepFromState(state: StepState): Transformer {
  switch (state.kind) {
    case 'standard-scaler':
      return StandardScaler.fromState(state);
    case 'min-max-scaler':
      return MinMaxScaler.fromState(state);
    case 'max-abs-scaler':
      return MaxAbsScaler.fromState(state);
    case 'pca':
      return PCA.fromState(state);
    case 'lda':
      return LinearDiscriminantAnalysis.fromState(state);
  }
}
