/**
 * Running the (synchronous) QML code against (asynchronous) quantum providers, unchanged.
 *
 * The gradient code calls `executor.backend.run(batch)` and needs the values at once; a cloud
 * answers later. `CloudExecutor` bridges the two by replay: a computation (one training step,
 * one evaluation) runs against a memo of job results; every batch the memo does not know yet
 * is collected as a job and answered with zeros. When the computation returns, the collected
 * jobs are submitted together (they are independent — the parameter-shifted circuits of a step
 * do not depend on each other's values), and the computation runs again. It is deterministic,
 * so the second round asks for the same batches, all answered now, and its result is exact.
 * A computation whose later circuits depend on measured values simply takes more rounds.
 *
 * One round of submissions per step is also how a client uses a real cloud efficiently: all the
 * circuits of a parameter-shift step go out at once and queue together.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { PreparedCircuit, QnnExecutor } from '../qml/gradients/executor.js';
import type { Backend, Counts, ExecutionBatch, ExecutionResult, OutputKind } from '../sim/backend.js';
import type { Observable } from '../sim/pauli.js';
import type { JobResult } from './job.js';

/** Sends one batch as a job and resolves with its result. */
export type BatchSender = (batch: ExecutionBatch) => Promise<JobResult>;

/** Options of a {@link CloudExecutor}. */
export interface CloudExecutorOptions {
  /** Backend name the QML code sees (never `statevector`, so gradients go through the cloud). */
  readonly name: string;
  readonly maxQubits: number;
  /** Shots per evaluation; undefined = exact expectation values. */
  readonly shots?: number;
  /** Client-side preparation (transpilation and placement), when the client transpiles. */
  readonly prepare?: (circuit: Circuit, observables: readonly Observable[]) => PreparedCircuit;
  readonly send: BatchSender;
  /** Rounds before giving up on a computation that keeps asking for new circuits (default 64). */
  readonly maxRounds?: number;
}

const SUPPORTED: ReadonlySet<OutputKind> = new Set(['expectations', 'counts']);

function numbers(v: ArrayLike<number>): string {
  return Array.prototype.join.call(v, ',');
}

function circuitKey(c: Circuit): string {
  const ops = c.ops.map((op) => {
    switch (op.kind) {
      case 'gate': return `${op.name}${op.qubits.join(',')}(${op.params.map((p) => p.toString()).join(',')})${op.condition ? `?${op.condition.clbits.join(',')}=${op.condition.value}` : ''}`;
      case 'measure': return `m${op.qubit}>${op.clbit}`;
      case 'reset': return `r${op.qubit}`;
      case 'barrier': return `|${op.qubits.join(',')}`;
    }
  });
  return `${c.numQubits}/${c.numClbits}:${ops.join(';')}`;
}

/** A key that identifies a batch by value: same key, same result. */
export function batchKey(b: ExecutionBatch): string {
  const w = b.weights;
  const weights = w === undefined ? '' : w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object' ? (w as readonly ArrayLike<number>[]).map(numbers).join('|') : numbers(w as ArrayLike<number>);
  return [
    circuitKey(b.circuit), b.output, (b.observables ?? []).map((o) => o.toString()).join('|'),
    (b.inputs ?? []).map(numbers).join('|'), weights, b.shots ?? 'exact', String(b.seed ?? ''),
  ].join('\u0001');
}

function batchSize(b: ExecutionBatch): number {
  if (b.inputs !== undefined) return b.inputs.length;
  const w = b.weights;
  if (w !== undefined && w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object') return w.length;
  return 1;
}

function placeholder(b: ExecutionBatch): ExecutionResult {
  const B = batchSize(b);
  if (b.output === 'counts') {
    const zeros = '0'.repeat(b.circuit.numClbits);
    return { output: 'counts', batchSize: B, counts: Array.from({ length: B }, (): Counts => ({ [zeros]: b.shots ?? 1 })), numQubits: b.circuit.numQubits, metadata: { placeholder: true } };
  }
  const K = b.observables?.length ?? 0;
  return { output: 'expectations', batchSize: B, expectations: new Float64Array(B * K), numObservables: K, numQubits: b.circuit.numQubits, metadata: { placeholder: true } };
}

function asExecutionResult(r: JobResult, numQubits: number): ExecutionResult {
  return {
    output: r.output, batchSize: r.batchSize, numQubits,
    ...(r.expectations ? { expectations: r.expectations, numObservables: r.numObservables ?? 0 } : {}),
    ...(r.counts ? { counts: r.counts } : {}),
    metadata: { ...r.metadata, jobId: r.jobId },
  };
}

/** A QnnExecutor whose circuits run as cloud jobs (see the module comment). */
export class CloudExecutor implements QnnExecutor {
  readonly backend: Backend;
  readonly shots?: number;
  readonly prepare?: (circuit: Circuit, observables: readonly Observable[]) => PreparedCircuit;
  private readonly memo = new Map<string, ExecutionResult>();
  private readonly pending = new Map<string, ExecutionBatch>();
  private readonly send: BatchSender;
  private readonly maxRounds: number;
  private finished: JobResult[] = [];

  constructor(options: CloudExecutorOptions) {
    this.send = options.send;
    this.maxRounds = options.maxRounds ?? 64;
    if (options.shots !== undefined) this.shots = options.shots;
    if (options.prepare) this.prepare = options.prepare;
    const run = (batch: ExecutionBatch): ExecutionResult => this.lookup(batch);
    this.backend = { name: options.name, maxQubits: options.maxQubits, supports: SUPPORTED, run };
  }

  /**
   * Runs `compute` until every circuit it needs has come back from the cloud, and returns its
   * result with the jobs this took (in submission order).
   */
  async settle<T>(compute: () => T): Promise<{ value: T; jobs: readonly JobResult[] }> {
    this.memo.clear();
    this.finished = [];
    try {
      for (let round = 1; ; round++) {
        this.pending.clear();
        let value: T | undefined;
        let failure: unknown;
        try {
          value = compute();
        } catch (err) {
          // Placeholder values may upset a computation; only a round without them is conclusive.
          if (this.pending.size === 0) throw err;
          failure = err;
        }
        if (this.pending.size === 0) return { value: value as T, jobs: this.finished };
        if (round >= this.maxRounds) {
          throw new InputError(`the computation still asked for new circuits after ${round} rounds of cloud jobs; its circuits depend on measured values in a way that cannot be batched${failure instanceof Error ? ` (last error: ${failure.message})` : ''}`, 'CLOUD_ROUNDS');
        }
        await this.flush();
      }
    } finally {
      this.memo.clear();
      this.pending.clear();
    }
  }

  private lookup(batch: ExecutionBatch): ExecutionResult {
    if (batch.output !== 'expectations' && batch.output !== 'counts') {
      throw new InputError(`a quantum cloud returns expectation values or counts, not "${batch.output}"`, 'BACKEND');
    }
    const key = batchKey(batch);
    const hit = this.memo.get(key);
    if (hit) return hit;
    if (!this.pending.has(key)) this.pending.set(key, snapshot(batch));
    return placeholder(batch);
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    // Send every job before awaiting any: they queue together.
    const results = await Promise.all(batches.map(([, b]) => this.send(b)));
    batches.forEach(([key, b], i) => this.memo.set(key, asExecutionResult(results[i] as JobResult, b.circuit.numQubits)));
    this.finished.push(...results);
  }
}

/** Copies the bindings: the model's weights change after the step, a stored job must not. */
function snapshot(b: ExecutionBatch): ExecutionBatch {
  const w = b.weights;
  const weights = w === undefined ? undefined : w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object'
    ? (w as readonly ArrayLike<number>[]).map((r) => Float64Array.from(r))
    : Float64Array.from(w as ArrayLike<number>);
  return { ...b, ...(b.inputs ? { inputs: b.inputs.map((r) => Float64Array.from(r)) } : {}), ...(weights ? { weights } : {}) };
}
