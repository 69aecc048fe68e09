/**
 * `ClassicalProvider`: the classical side of a QMLaaS deployment — preprocessing (S1), the
 * post-processing, loss and gradients of a minibatch (S5; the circuits it needs run as cloud
 * jobs through the executor it is given) and the optimiser step (S6). The honest implementation
 * delegates to the `qml` room; a malicious classical cloud or a defended one wraps it.
 */
import type { FeatureMatrix } from '../data/feature-matrix.js';
import type { Transformer } from '../data/preprocess/transformer.js';
import type { GradientMethod } from '../qml/gradients/vjp.js';
import type { LossKind } from '../qml/losses.js';
import type { HybridModel, StepResult } from '../qml/model.js';
import type { Optimizer } from '../qml/optimizers.js';
import type { PreprocessStep } from '../qml/spec-schema.js';
import { buildPreprocessing } from '../qml/spec.js';
import type { CloudExecutor } from './cloud-executor.js';
import type { JobResult } from './job.js';

/** S1: fit the preprocessing on labelled rows, then transform named row sets. */
export interface PreprocessRequest {
  readonly steps: readonly PreprocessStep[] | undefined;
  readonly fit: { readonly features: FeatureMatrix; readonly labels: Int32Array };
  /** Row sets to transform, e.g. `{ train, test }`. */
  readonly transform: Readonly<Record<string, FeatureMatrix>>;
}

/** The fitted transformation and the transformed rows of each set. */
export interface PreprocessResult {
  readonly transformer: Transformer | undefined;
  readonly features: Readonly<Record<string, Float64Array[]>>;
}

/** S5: loss and gradients of one minibatch. */
export interface GradientRequest {
  readonly model: HybridModel;
  /** Preprocessed features of the minibatch. */
  readonly features: readonly ArrayLike<number>[];
  /** Their circuit inputs (the encoder's mapping of the features). */
  readonly encodedInputs?: readonly Float64Array[];
  readonly labels: Int32Array;
  readonly executor: CloudExecutor;
  readonly loss?: LossKind;
  readonly method?: GradientMethod;
  readonly seed: number;
}

/** S5, forward only: loss and class probabilities. */
export interface EvaluationRequest {
  readonly model: HybridModel;
  readonly features: readonly ArrayLike<number>[];
  readonly encodedInputs?: readonly Float64Array[];
  readonly labels: ArrayLike<number>;
  readonly executor: CloudExecutor;
  readonly loss?: LossKind;
  readonly seed: number;
}

/** S6: one optimiser update of the parameters, in place. */
export interface OptimizeRequest {
  readonly optimizer: Optimizer;
  readonly params: Float64Array;
  readonly gradient: Float64Array;
  readonly epoch: number;
}

/** The classical provider seam (see the module comment). */
export interface ClassicalProvider {
  /** The party ID. */
  readonly id: string;
  preprocess(request: PreprocessRequest): PreprocessResult;
  gradients(request: GradientRequest): Promise<{ readonly step: StepResult; readonly jobs: readonly JobResult[] }>;
  evaluate(request: EvaluationRequest): Promise<{ readonly loss: number; readonly probabilities: Float64Array; readonly jobs: readonly JobResult[] }>;
  optimize(request: OptimizeRequest): void;
}

/** Rows of `m` after `t` (what `HybridModel.features` computes). */
export function transformRows(t: Transformer | undefined, m: FeatureMatrix): Float64Array[] {
  const out = t ? t.transform(m) : m;
  const rows: Float64Array[] = [];
  for (let r = 0; r < out.rows; r++) rows.push(out.data.subarray(r * out.cols, (r + 1) * out.cols));
  return rows;
}

/** The honest classical provider. */
export class HonestClassicalProvider implements ClassicalProvider {
  constructor(readonly id: string) {}

  preprocess(request: PreprocessRequest): PreprocessResult {
    const transformer = buildPreprocessing(request.steps);
    transformer?.fit(request.fit.features, request.fit.labels);
    const features: Record<string, Float64Array[]> = {};
    for (const [name, m] of Object.entries(request.transform)) features[name] = transformRows(transformer, m);
    return { transformer, features };
  }

  async gradients(r: GradientRequest): Promise<{ step: StepResult; jobs: readonly JobResult[] }> {
    const { value, jobs } = await r.executor.settle(() => r.model.step(r.features, r.labels, r.executor, {
      ...(r.loss ? { loss: r.loss } : {}), ...(r.method ? { method: r.method } : {}), ...(r.encodedInputs ? { encodedInputs: r.encodedInputs } : {}), seed: r.seed,
    }));
    return { step: value, jobs };
  }

  async evaluate(r: EvaluationRequest): Promise<{ loss: number; probabilities: Float64Array; jobs: readonly JobResult[] }> {
    const { value, jobs } = await r.executor.settle(() => r.model.evaluate(r.features, r.labels, r.executor, {
      ...(r.loss ? { loss: r.loss } : {}), ...(r.encodedInputs ? { encodedInputs: r.encodedInputs } : {}), seed: r.seed,
    }));
    return { ...value, jobs };
  }

  optimize(r: OptimizeRequest): void {
    r.optimizer.step(r.params, r.gradient, r.epoch);
  }
}
