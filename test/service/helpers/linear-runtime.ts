/**
 * TEST HELPER — a stand-in ModelRuntime for the service tests: a softmax-linear classifier
 * (probabilities = softmax(W·x + b)) whose artifacts carry a real `sha256:` checksum over
 * their canonical JSON, trained by plain gradient descent with a checkpoint after every
 * step. Its answers are easy to derive by hand, which is what the tests need; it is not a
 * quantum model and lives only under test/.
 *
 * Loadable by path (QMLSEC_RUNTIME_MODULE) as `modelRuntime`, like the real runtime.
 */
import { InputError } from '../../../src/core/errors.js';
import { canonicalJson, sha256Digest } from '../../../src/service/digest.js';
import type { LoadedArtifact, ModelRuntime, Prediction, TrainContext } from '../../../src/service/model-runtime.js';

/** The artifact format of this test runtime. */
export interface LinearArtifact {
  readonly format: 'qmlsec-test-linear';
  readonly name: string;
  readonly classes: readonly string[];
  /** weights[class][feature] */
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  readonly metadata: Record<string, unknown>;
  readonly checksum: string;
}

/** A training spec: labelled examples, a step count and an optional delay per step (for kill tests). */
export interface LinearSpec {
  readonly name: string;
  readonly classes: readonly string[];
  readonly inputs: readonly (readonly number[])[];
  readonly labels: readonly number[];
  readonly steps: number;
  readonly learningRate?: number;
  readonly stepDelayMs?: number;
}

/** Builds an artifact with its checksum. */
export function linearArtifact(fields: Omit<LinearArtifact, 'checksum' | 'format'>): LinearArtifact {
  const body = { format: 'qmlsec-test-linear' as const, ...fields };
  return { ...body, checksum: sha256Digest(canonicalJson(body)) };
}

/** softmax(W·x + b) */
export function linearScores(weights: readonly (readonly number[])[], bias: readonly number[], x: readonly number[]): number[] {
  const z = weights.map((w, k) => w.reduce((s, wi, i) => s + wi * (x[i] as number), bias[k] as number));
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

function parseArtifact(artifact: unknown): LinearArtifact {
  let value: unknown = artifact;
  if (typeof artifact === 'string') {
    try {
      value = JSON.parse(artifact);
    } catch {
      throw new InputError('artifact is not JSON');
    }
  }
  const a = value as Partial<LinearArtifact> | null;
  if (!a || a.format !== 'qmlsec-test-linear' || !Array.isArray(a.weights) || !Array.isArray(a.bias) || !Array.isArray(a.classes) || typeof a.checksum !== 'string') {
    throw new InputError('artifact is not a qmlsec-test-linear artifact');
  }
  const { checksum, ...rest } = a as LinearArtifact;
  const expected = sha256Digest(canonicalJson(rest));
  if (checksum !== expected) throw new InputError(`artifact checksum mismatch: the artifact says ${checksum} but its content hashes to ${expected} (was it modified?)`, 'CHECKSUM');
  return a as LinearArtifact;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Checkpoint {
  step: number;
  weights: number[][];
  bias: number[];
  resumedFrom: number[];
}

/** The test runtime. */
export const modelRuntime: ModelRuntime = {
  loadArtifact(artifact: unknown): LoadedArtifact {
    const a = parseArtifact(artifact);
    const numFeatures = a.weights[0]?.length ?? 0;
    return {
      checksum: a.checksum,
      name: a.name,
      metadata: a.metadata,
      model: {
        numFeatures,
        classes: a.classes,
        predict(inputs): Prediction[] {
          return inputs.map((x) => {
            const probabilities = linearScores(a.weights, a.bias, x);
            let best = 0;
            for (let k = 1; k < probabilities.length; k++) if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
            return { label: a.classes[best] as string, probabilities };
          });
        },
      },
    };
  },

  async train(request: unknown, ctx: TrainContext): Promise<unknown> {
    const spec = (request as { spec?: LinearSpec }).spec;
    if (!spec) throw new InputError('the test runtime trains only { spec } requests');
    if (!Array.isArray(spec.inputs) || spec.inputs.length === 0 || spec.inputs.length !== spec.labels?.length) {
      throw new InputError('spec.inputs and spec.labels must be non-empty arrays of the same length');
    }
    if (!Number.isInteger(spec.steps) || spec.steps < 1) throw new InputError('spec.steps must be a positive integer');
    const d = (spec.inputs[0] as number[]).length;
    const k = spec.classes.length;
    const lr = spec.learningRate ?? 0.5;
    const saved = ctx.checkpoint as Checkpoint | undefined;
    const state: Checkpoint = saved
      ? { ...saved, resumedFrom: [...saved.resumedFrom, saved.step] }
      : { step: 0, weights: Array.from({ length: k }, () => new Array<number>(d).fill(0)), bias: new Array<number>(k).fill(0), resumedFrom: [] };
    while (state.step < spec.steps) {
      const gw = state.weights.map((row) => row.map(() => 0));
      const gb = state.bias.map(() => 0);
      spec.inputs.forEach((x, n) => {
        const p = linearScores(state.weights, state.bias, x);
        for (let c = 0; c < k; c++) {
          const err = (p[c] as number) - (spec.labels[n] === c ? 1 : 0);
          gb[c] = (gb[c] as number) + err / spec.inputs.length;
          for (let i = 0; i < d; i++) (gw[c] as number[])[i] = ((gw[c] as number[])[i] as number) + (err * (x[i] as number)) / spec.inputs.length;
        }
      });
      state.weights = state.weights.map((row, c) => row.map((w, i) => w - lr * ((gw[c] as number[])[i] as number)));
      state.bias = state.bias.map((b, c) => b - lr * (gb[c] as number));
      state.step++;
      if (spec.stepDelayMs) await sleep(spec.stepDelayMs);
      ctx.onProgress(state.step / spec.steps);
      await ctx.saveCheckpoint(state);
    }
    return linearArtifact({
      name: spec.name,
      classes: spec.classes,
      weights: state.weights,
      bias: state.bias,
      metadata: { trainedSteps: state.step, resumedFrom: state.resumedFrom, jobId: ctx.jobId },
    });
  },
};
