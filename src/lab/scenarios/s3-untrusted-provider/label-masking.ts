/**
 * Label masking with a modified cost function (QML.M0012; Upadhyay & Ghosh, arXiv 2407.14687).
 * The provider sees the measured values ⟨O_k⟩ of a head-less model and reads them with the usual
 * convention (class k = largest ⟨O_k⟩). The party that computes the loss (S5) instead scores class
 * c with `s·⟨O_π(c)⟩` — a secret permutation π of the outputs and, optionally, a secret sign s = −1
 * — so the model learns to *lower* the output of the true class on a secret wire. The model is
 * as good as before (a sign is absorbed by the last rotation layer; a permutation may cost a
 * little where wires are not interchangeable), the jobs look exactly the same, but the
 * provider's reading gives the wrong class.
 *
 * Implemented as a decorator of the S5 classical provider that computes the masked loss and its
 * gradient itself (parameter shift through the cloud executor, as the honest provider does), and
 * returns class probabilities of the true classes, so the training loop and its reports see true
 * classes throughout. Only head-less models can be masked this way (a classical head already
 * hides the classes from the provider).
 */
import { InputError, UsageError } from '../../../core/errors.js';
import { Rng } from '../../../core/rng.js';
import { evaluate, prepared } from '../../../qml/gradients/executor.js';
import { vjp } from '../../../qml/gradients/vjp.js';
import { computeLoss } from '../../../qml/losses.js';
import type { HybridModel, StepResult } from '../../../qml/model.js';
import type { ClassicalProvider, EvaluationRequest, GradientRequest, OptimizeRequest, PreprocessRequest, PreprocessResult } from '../../../cloud/classical-provider.js';
import type { JobResult } from '../../../cloud/job.js';

/** The secret of the masking: output π(c) carries class c, with sign `negate ? −1 : +1`. */
export interface LabelMask {
  readonly permutation: readonly number[];
  readonly negate: boolean;
}

/** A random permutation of 0..n-1 with no fixed point (n ≥ 2), from `seed`. */
export function derangement(n: number, seed: string | number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new InputError(`label masking needs at least two classes, got ${n}`, 'SHAPE');
  const rng = new Rng(`${seed}:derangement`);
  for (;;) {
    const p = rng.permutation(n);
    if (p.every((v, i) => v !== i)) return p;
  }
}

/** Class scores (B × C) from measured values (B × K): score_c = s·q[π(c)]. */
export function maskedScores(q: Float64Array, B: number, K: number, mask: LabelMask): Float64Array {
  const C = mask.permutation.length;
  const s = mask.negate ? -1 : 1;
  const out = new Float64Array(B * C);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) out[b * C + c] = s * (q[b * K + (mask.permutation[c] as number)] as number);
  return out;
}

/** dL/dq (B × K) from dL/dscore (B × C): the transpose of {@link maskedScores}. */
function unmaskGradient(g: Float64Array, B: number, K: number, mask: LabelMask): Float64Array {
  const C = mask.permutation.length;
  const s = mask.negate ? -1 : 1;
  const out = new Float64Array(B * K);
  for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) out[b * K + (mask.permutation[c] as number)] = s * (g[b * C + c] as number);
  return out;
}

/** The masking decorator of the loss party (see the module comment). */
export class LabelMaskingProvider implements ClassicalProvider {
  readonly id: string;

  constructor(private readonly inner: ClassicalProvider, readonly mask: LabelMask) {
    this.id = inner.id;
    const p = mask.permutation;
    if (p.length < 2 || [...p].sort((a, b) => a - b).some((v, i) => v !== i)) throw new InputError(`a label mask needs a permutation of 0..${p.length - 1}, got [${p.join(', ')}]`, 'SHAPE');
  }

  private check(model: HybridModel): void {
    if (model.head.kind !== 'none') throw new UsageError('label masking works on head-less models (a classical head already keeps the classes from the quantum provider)');
    if (model.classes.length !== this.mask.permutation.length) throw new InputError(`the mask covers ${this.mask.permutation.length} classes but the model has ${model.classes.length}`, 'SHAPE');
  }

  preprocess(request: PreprocessRequest): PreprocessResult {
    return this.inner.preprocess(request);
  }

  async gradients(r: GradientRequest): Promise<{ readonly step: StepResult; readonly jobs: readonly JobResult[] }> {
    const { model } = r;
    this.check(model);
    const B = r.labels.length;
    const K = model.qnn.outputDim;
    const C = model.classes.length;
    const inputs = r.encodedInputs ?? model.qnn.encode(r.features);
    const { value, jobs } = await r.executor.settle(() => {
      let loss = 0;
      let probabilities: Float64Array = new Float64Array(B * C);
      const g = vjp(r.method ?? 'parameter-shift', {
        executor: r.executor, circuit: model.qnn.circuit, observables: model.qnn.observables, inputs, weights: model.qnnWeights, seed: r.seed,
        upstream: (q) => {
          const l = computeLoss(r.loss ?? 'cross_entropy', maskedScores(q, B, K, this.mask), r.labels, C);
          loss = l.loss;
          probabilities = l.probabilities;
          return unmaskGradient(l.gradient, B, K, this.mask);
        },
      });
      const gradient = new Float64Array(model.numParams);
      gradient.set(g.weights, 0);
      const step: StepResult = { loss, gradient, probabilities, evaluations: g.evaluations };
      return step;
    });
    return { step: value, jobs };
  }

  async evaluate(r: EvaluationRequest): Promise<{ readonly loss: number; readonly probabilities: Float64Array; readonly jobs: readonly JobResult[] }> {
    const { model } = r;
    this.check(model);
    const B = r.labels.length;
    const inputs = r.encodedInputs ?? model.qnn.encode(r.features);
    const { value, jobs } = await r.executor.settle(() => {
      const p = prepared(r.executor, model.qnn.circuit, model.qnn.observables);
      const q = evaluate(r.executor, p.circuit, p.observables, inputs, model.qnnWeights, r.seed);
      return computeLoss(r.loss ?? 'cross_entropy', maskedScores(q, B, model.qnn.outputDim, this.mask), r.labels, model.classes.length);
    });
    return { loss: value.loss, probabilities: value.probabilities, jobs };
  }

  optimize(request: OptimizeRequest): void {
    this.inner.optimize(request);
  }
}
