/**
 * A chain of transformers applied in order, itself a Transformer: `fit` fits each step on the
 * previous step's output, `transformRow` reuses one scratch buffer per step (no allocation with
 * an `out` buffer), and `toJSON()` holds every step's state.
 */
import { InputError, QmlsecError, UsageError } from '../../core/errors.js';
import { toFeatureMatrix, type FeatureInput, type FeatureMatrix } from '../feature-matrix.js';
import type { PipelineState, StepState } from './state.js';
import { checkLabels, checkRow, type Transformer } from './transformer.js';

/** Transformers applied one after the other (scikit-learn's `Pipeline` of transformers). */
export class Pipeline implements Transformer {
  readonly kind = 'pipeline' as const;
  readonly steps: readonly Transformer[];
  private scratch: Float64Array[] = [];

  /** Nested pipelines are flattened into their steps. */
  constructor(steps: readonly Transformer[]) {
    const flat: Transformer[] = [];
    for (const step of steps) {
      if (step instanceof Pipeline) flat.push(...step.steps);
      else flat.push(step);
    }
    if (flat.length === 0) throw new UsageError('Pipeline needs at least one step');
    this.steps = flat;
    if (this.isFitted) this.checkChain();
  }

  get isFitted(): boolean {
    return this.steps.every((s) => s.isFitted);
  }

  get nFeaturesIn(): number | undefined {
    return this.isFitted ? (this.steps[0] as Transformer).nFeaturesIn : undefined;
  }

  get nFeaturesOut(): number | undefined {
    return this.isFitted ? (this.steps[this.steps.length - 1] as Transformer).nFeaturesOut : undefined;
  }

  fit(x: FeatureInput, y?: ArrayLike<number>): this {
    let m = toFeatureMatrix(x, 'x');
    const labels = y === undefined ? undefined : checkLabels(y, m.rows);
    const last = this.steps.length - 1;
    this.steps.forEach((step, i) => {
      this.atStep(i, () => {
        if (i < last) m = step.fitTransform(m, labels);
        else step.fit(m, labels);
      });
    });
    this.checkChain();
    return this;
  }

  transform(x: FeatureInput): FeatureMatrix {
    this.requireFitted('transform');
    let m = toFeatureMatrix(x, 'x');
    this.steps.forEach((step, i) => {
      m = this.atStep(i, () => step.transform(m));
    });
    return m;
  }

  fitTransform(x: FeatureInput, y?: ArrayLike<number>): FeatureMatrix {
    const m = toFeatureMatrix(x, 'x');
    return this.fit(m, y).transform(m);
  }

  transformRow(row: ArrayLike<number>, out?: Float64Array): Float64Array {
    this.requireFitted('transformRow');
    checkRow(row, this.nFeaturesIn as number, 'pipeline');
    const last = this.steps.length - 1;
    const target = out ?? new Float64Array(this.nFeaturesOut as number);
    if (target.length !== this.nFeaturesOut) throw new InputError(`pipeline: output buffer has ${target.length} entries, expected ${this.nFeaturesOut}`, 'SHAPE');
    let current: ArrayLike<number> = row;
    for (let i = 0; i <= last; i++) {
      const dest = i === last ? target : (this.scratch[i] as Float64Array);
      (this.steps[i] as Transformer).transformRow(current, dest);
      current = dest;
    }
    return target;
  }

  /** Inverts the steps in reverse order; every step must have an inverse. */
  inverseTransform(x: FeatureInput): FeatureMatrix {
    this.requireFitted('inverseTransform');
    let m = toFeatureMatrix(x, 'x');
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const step = this.steps[i] as Transformer;
      if (!step.inverseTransform) throw new UsageError(`pipeline step ${i} (${step.kind}) has no inverse, so the pipeline cannot be inverted`);
      m = this.atStep(i, () => (step.inverseTransform as (x: FeatureInput) => FeatureMatrix).call(step, m));
    }
    return m;
  }

  toJSON(): PipelineState {
    return { kind: this.kind, version: 1, steps: this.steps.map((s) => s.toJSON() as StepState) };
  }

  private requireFitted(op: string): void {
    if (!this.isFitted) {
      const i = this.steps.findIndex((s) => !s.isFitted);
      throw new UsageError(`pipeline: ${op} called before fit (step ${i}, ${(this.steps[i] as Transformer).kind}, is not fitted)`);
    }
  }

  private checkChain(): void {
    for (let i = 1; i < this.steps.length; i++) {
      const prev = this.steps[i - 1] as Transformer;
      const next = this.steps[i] as Transformer;
      if (prev.nFeaturesOut !== next.nFeaturesIn) {
        throw new InputError(`pipeline step ${i} (${next.kind}) expects ${next.nFeaturesIn} features but step ${i - 1} (${prev.kind}) outputs ${prev.nFeaturesOut}`, 'SHAPE');
      }
    }
    this.scratch = this.steps.slice(0, -1).map((s) => new Float64Array(s.nFeaturesOut as number));
  }

  /** Runs `fn`, prefixing any qmlsec error with the step it came from. */
  private atStep<T>(i: number, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof QmlsecError && !err.message.startsWith('pipeline step')) {
        err.message = `pipeline step ${i} (${(this.steps[i] as Transformer).kind}): ${err.message}`;
      }
      throw err;
    }
  }
}
