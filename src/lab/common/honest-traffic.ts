/**
 * Honest API clients, the people a defense must not hurt: each has its own key and sends a
 * workload of natural queries (drawn from the data distribution) in batches. Workload sizes
 * vary between clients — log-normally, as usage volumes do — so a per-key quota refuses the
 * heaviest users, and a detector has long streams to raise false alarms on.
 */
import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { ApiClient, type ApiAnswer, type StopReason } from './api-client.js';
import type { ServedVictim } from './platform.js';
import type { GaussianPopulation } from './population.js';

/** How much honest clients query. */
export interface HonestWorkload {
  readonly clients: number;
  /** Median queries per client (the log-normal's e^μ). */
  readonly medianQueries: number;
  /** σ of the log of the queries per client. */
  readonly sigma: number;
  readonly minQueries: number;
  readonly maxQueries: number;
  /** Rows per request. */
  readonly batchSize: number;
}

/** What one honest client experienced. */
export interface HonestOutcome {
  readonly keyId: string;
  readonly rows: number[][];
  /** Class that generated each row (the client's ground truth). */
  readonly truth: Int32Array;
  readonly answers: ApiAnswer[];
  readonly refused: number;
  readonly stoppedBy?: StopReason;
}

/** Queries per client: round(median · e^(σ z)), clipped to [min, max]. */
export function workloadSizes(w: HonestWorkload, rng: Rng): number[] {
  if (!Number.isInteger(w.clients) || w.clients < 1) throw new InputError(`honest traffic needs at least one client, got ${w.clients}`, 'BUDGET');
  if (!(w.minQueries >= 1 && w.maxQueries >= w.minQueries)) throw new InputError(`honest workloads need 1 ≤ min ≤ max queries, got ${w.minQueries}..${w.maxQueries}`, 'BUDGET');
  return Array.from({ length: w.clients }, () => Math.min(w.maxQueries, Math.max(w.minQueries, Math.round(w.medianQueries * Math.exp(w.sigma * rng.normal(0, 1))))));
}

/**
 * Runs the honest clients one after the other against `served`; `quota` is each key's query
 * quota; `afterRequest(keyId)` runs after every answered request (the operator's monitor).
 */
export async function runHonestClients(served: ServedVictim, population: GaussianPopulation, w: HonestWorkload, quota: number | null, seed: string, afterRequest?: (keyId: string) => Promise<void>): Promise<HonestOutcome[]> {
  const rng = new Rng(`${seed}:honest`);
  const sizes = workloadSizes(w, rng);
  const out: HonestOutcome[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const key = await served.issueKey(`honest-${i}`, quota);
    const sample = population.sample(sizes[i] as number, rng.fork(`client:${i}`));
    const client = new ApiClient(served.service, served.modelId, key.secret, served.classes);
    const r = await client.predictAll(sample.rows, { batchSize: w.batchSize, ...(afterRequest ? { afterRequest: () => afterRequest(key.id) } : {}) });
    out.push({ keyId: key.id, rows: sample.rows, truth: sample.labels, answers: r.answers, refused: r.refused, ...(r.stoppedBy ? { stoppedBy: r.stoppedBy } : {}) });
  }
  return out;
}
