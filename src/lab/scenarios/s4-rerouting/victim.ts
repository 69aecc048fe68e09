/**
 * The victim of scenario 4: the 4-qubit Iris classifier (the lab's shared spec), trained on the
 * exact simulator, then *served through the deployment's pipeline* — its held-out test set is
 * classified request by request, every circuit batch a job on the untrusted cloud — so that
 * accuracy, latency and the bill come from the jobs the cloud actually ran.
 */
import { InputError } from '../../../core/errors.js';
import type { JobResult } from '../../../cloud/job.js';
import type { DeploymentPipeline } from '../../../cloud/pipeline.js';
import { awaitJobs } from '../../../cloud/training-loop.js';
import { featureRows } from '../../../data/feature-matrix.js';
import { loadDataset } from '../../../data/registry.js';
import { trainTestSplit } from '../../../data/split.js';
import type { HybridModel } from '../../../qml/model.js';
import { trainFromSpec } from '../../../qml/runner.js';
import { IRIS_VICTIM_SPEC } from '../../common/iris.js';

/** The trained victim and its held-out test set. */
export interface ReroutingVictim {
  readonly model: HybridModel;
  readonly testRows: readonly (readonly number[])[];
  readonly testLabels: Int32Array;
  /** Test accuracy on the exact simulator (no device noise). */
  readonly idealAccuracy: number;
}

/** Trains the Iris victim (training seed `seed`; the spec's fixed train/test split). */
export async function trainReroutingVictim(seed: number): Promise<ReroutingVictim> {
  const spec = { ...IRIS_VICTIM_SPEC, training: { ...IRIS_VICTIM_SPEC.training, seed } };
  const trained = await trainFromSpec(spec);
  const split = spec.split ?? { test_size: 0.3, seed: 42, stratify: true };
  const { test } = trainTestSplit(loadDataset('iris'), { testSize: split.test_size ?? 0.3, seed: split.seed ?? 42, stratify: split.stratify ?? true });
  return { model: trained.model, testRows: featureRows(test.features), testLabels: test.labels, idealAccuracy: trained.test.accuracy };
}

/** What serving a stream of requests through the pipeline measured. */
export interface ServedStream {
  readonly accuracy: number;
  /** Mean −ln p(true class). */
  readonly crossEntropy: number;
  /** The victim's own jobs, in order. */
  readonly jobs: readonly JobResult[];
  /** Mean submission-to-result time of the victim's jobs, virtual seconds. */
  readonly meanLatencyS: number;
  /** Predicted class of each served row, in serving order. */
  readonly predictions: Int32Array;
}

/**
 * Serves `requests` requests of `batch` test rows each (cycling through the test set) on
 * execution route `routeIndex` of `pipeline`, one after the other (the clock moves to each
 * request's last result before the next is sent).
 */
export async function serveTestStream(pipeline: DeploymentPipeline, routeIndex: number, victim: ReroutingVictim, requests: number, batch: number, seed: number): Promise<ServedStream> {
  if (!Number.isInteger(requests) || requests < 1) throw new InputError(`the request stream needs at least one request, got ${requests}`, 'BUDGET');
  if (!Number.isInteger(batch) || batch < 1) throw new InputError(`a request carries at least one row, got ${batch}`, 'BUDGET');
  const phase = pipeline.roles.server !== undefined ? 'inference' : 'training';
  const executor = pipeline.executor(routeIndex, phase);
  const { model } = victim;
  const C = model.classes.length;
  const n = victim.testRows.length;
  let correct = 0;
  let loss = 0;
  let rows = 0;
  const jobs: JobResult[] = [];
  const predictions = new Int32Array(requests * batch);
  for (let r = 0; r < requests; r++) {
    const idx = Array.from({ length: batch }, (_, i) => (r * batch + i) % n);
    const features = model.features(idx.map((i) => [...(victim.testRows[i] as readonly number[])]));
    const { value: p, jobs: done } = await executor.settle(() => model.probabilitiesFromFeatures(features, executor, seed * 7919 + r));
    awaitJobs(pipeline, done);
    jobs.push(...done);
    idx.forEach((i, b) => {
      const y = victim.testLabels[i] as number;
      let best = 0;
      for (let c = 1; c < C; c++) if ((p[b * C + c] as number) > (p[b * C + best] as number)) best = c;
      predictions[rows] = best;
      if (best === y) correct++;
      loss -= Math.log(Math.max(1e-12, p[b * C + y] as number));
      rows++;
    });
  }
  const latencies = jobs.map((j) => j.metadata.finished_at_s - j.metadata.submitted_at_s);
  return { accuracy: correct / rows, crossEntropy: loss / rows, jobs, meanLatencyS: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length), predictions };
}
