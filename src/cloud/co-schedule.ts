/**
 * Co-scheduling: jobs of different tenants that run at the same time on disjoint qubits of one
 * chip are simulated as one circuit, so that the device's crosstalk between neighbouring qubits
 * of different tenants acts — the channel a malicious co-tenant uses for fault injection.
 *
 * The jobs' circuits are laid side by side on the union of their regions and interleaved layer by
 * layer (each operation at its as-soon-as-possible layer, so gates that would run concurrently
 * on the chip are adjacent in the merged circuit). Parameters are renumbered (job j's `x[i]` and
 * `w[k]` are shifted past those of the jobs before it), bindings are paired row by row (a job
 * with fewer bindings repeats them cyclically), and each job gets back the marginal results on
 * its own observables or classical bits.
 */
import { InputError, UsageError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import { Param } from '../circuit/param.js';
import type { Counts, ExecutionResult } from '../sim/backend.js';
import type { Observable } from '../sim/pauli.js';
import { remapObservable, type PlacedCircuit } from './device-region.js';
import { jobBatchSize, type JobOutput } from './job.js';

/** One job's part in a co-scheduled run. */
export interface CoScheduledPart {
  readonly placed: PlacedCircuit;
  readonly output: JobOutput;
  readonly inputs?: readonly ArrayLike<number>[];
  readonly weights?: ArrayLike<number> | readonly ArrayLike<number>[];
}

/** The merged run and how to split its result. */
export interface MergedRun {
  readonly circuit: Circuit;
  /** Union of the parts' physical qubits, ascending. */
  readonly qubits: readonly number[];
  readonly observables: readonly Observable[];
  readonly inputs: readonly Float64Array[];
  readonly weights: Float64Array | readonly Float64Array[];
  readonly output: JobOutput;
  /** Each part's own result from the merged one. */
  split(result: ExecutionResult): { expectations?: Float64Array; counts?: Counts[]; batchSize: number }[];
}

function shiftParam(p: Param, dx: number, dw: number): Param {
  if (p.isConstant) return p;
  const off = (source: 'x' | 'w') => (source === 'x' ? dx : dw);
  return Param.affine(p.constant, p.terms.map((t) => ({
    source: t.source, index: t.index + off(t.source), coeff: t.coeff,
    ...(t.factor ? { factor: { source: t.factor.source, index: t.factor.index + off(t.factor.source) } } : {}),
  })));
}

/** As-soon-as-possible layer of every operation of `circuit`. */
function asapLayers(circuit: Circuit): number[] {
  const q = new Array<number>(circuit.numQubits).fill(0);
  const c = new Array<number>(circuit.numClbits).fill(0);
  return circuit.ops.map((op) => {
    const qs = op.kind === 'gate' || op.kind === 'barrier' ? op.qubits : [op.qubit];
    const cs = [...(op.kind === 'measure' ? [op.clbit] : []), ...(op.kind !== 'barrier' && op.condition ? op.condition.clbits : [])];
    const layer = Math.max(0, ...qs.map((x) => q[x] as number), ...cs.map((x) => c[x] as number));
    for (const x of qs) q[x] = layer + 1;
    for (const x of cs) c[x] = layer + 1;
    return layer;
  });
}

function rowOf(rows: readonly ArrayLike<number>[] | undefined, b: number, width: number, what: string): ArrayLike<number> {
  if (width === 0) return [];
  if (!rows || rows.length === 0) throw new InputError(`a co-scheduled job reads ${width} ${what} but none were given`, 'SHAPE');
  const row = rows[b % rows.length] as ArrayLike<number>;
  if (row.length < width) throw new InputError(`a co-scheduled job's ${what} row has ${row.length} value(s); its circuit reads ${width}`, 'SHAPE');
  return row;
}

function isRowList(w: ArrayLike<number> | readonly ArrayLike<number>[] | undefined): w is readonly ArrayLike<number>[] {
  return w !== undefined && w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object';
}

/** Merges placed jobs on disjoint qubits into one run (see the module comment). */
export function mergeParts(parts: readonly CoScheduledPart[]): MergedRun {
  if (parts.length < 2) throw new UsageError(`co-scheduling needs at least two jobs, got ${parts.length}`);
  const output = parts[0]?.output as JobOutput;
  if (parts.some((p) => p.output !== output)) throw new UsageError('co-scheduled jobs must all ask for the same output (expectations or counts)');
  const owner = new Map<number, number>();
  parts.forEach((p, j) => p.placed.qubits.forEach((q) => {
    const other = owner.get(q);
    if (other !== undefined) throw new InputError(`co-scheduled jobs ${other} and ${j} both use physical qubit ${q}; give them disjoint regions`, 'QUBIT_RANGE');
    owner.set(q, j);
  }));
  const qubits = [...owner.keys()].sort((a, b) => a - b);
  const index = new Map(qubits.map((q, i) => [q, i]));

  const tagged: { layer: number; job: number; at: number; op: Operation }[] = [];
  const observables: Observable[] = [];
  const offsets: { x: number; w: number; k: number; c: number; batch: number }[] = [];
  let dx = 0;
  let dw = 0;
  let dk = 0;
  let dc = 0;
  parts.forEach((part, j) => {
    const { circuit, qubits: own } = part.placed;
    const toUnion = (i: number) => index.get(own[i] as number) as number;
    const layers = asapLayers(circuit);
    circuit.ops.forEach((op, at) => {
      let mapped: Operation;
      switch (op.kind) {
        case 'gate': mapped = { ...op, qubits: op.qubits.map(toUnion), params: op.params.map((p) => shiftParam(p, dx, dw)), ...(op.condition ? { condition: { clbits: op.condition.clbits.map((c) => c + dc), value: op.condition.value } } : {}) }; break;
        case 'measure': mapped = { ...op, qubit: toUnion(op.qubit), clbit: op.clbit + dc, ...(op.condition ? { condition: { clbits: op.condition.clbits.map((c) => c + dc), value: op.condition.value } } : {}) }; break;
        case 'reset': mapped = { ...op, qubit: toUnion(op.qubit) }; break;
        case 'barrier': mapped = { kind: 'barrier', qubits: op.qubits.map(toUnion) }; break;
      }
      tagged.push({ layer: layers[at] as number, job: j, at, op: mapped });
    });
    for (const o of part.placed.observables) observables.push(remapObservable(o, toUnion));
    offsets.push({ x: dx, w: dw, k: dk, c: dc, batch: jobBatchSize(part) });
    dx += circuit.numInputs;
    dw += circuit.numWeights;
    dk += part.placed.observables.length;
    dc += circuit.numClbits;
  });
  tagged.sort((a, b) => a.layer - b.layer || a.job - b.job || a.at - b.at);
  const circuit = parts[0]?.placed.circuit.with({
    name: 'co-scheduled', numQubits: qubits.length, numClbits: dc, ops: tagged.map((t) => t.op),
    qregs: [{ name: 'q', size: qubits.length, offset: 0 }], cregs: dc > 0 ? [{ name: 'c', size: dc, offset: 0 }] : [],
  }) as Circuit;

  const B = Math.max(...offsets.map((o) => o.batch));
  const inputs: Float64Array[] = [];
  for (let b = 0; b < B; b++) {
    const row = new Float64Array(dx);
    parts.forEach((p, j) => {
      const n = p.placed.circuit.numInputs;
      const src = rowOf(p.inputs, b, n, 'input');
      for (let i = 0; i < n; i++) row[(offsets[j]?.x as number) + i] = src[i] as number;
    });
    inputs.push(row);
  }
  const perBinding = parts.some((p) => isRowList(p.weights));
  const weightRow = (b: number): Float64Array => {
    const row = new Float64Array(dw);
    parts.forEach((p, j) => {
      const n = p.placed.circuit.numWeights;
      if (n === 0) return;
      const src = isRowList(p.weights) ? rowOf(p.weights, b, n, 'weight') : rowOf(p.weights ? [p.weights] : undefined, 0, n, 'weight');
      for (let i = 0; i < n; i++) row[(offsets[j]?.w as number) + i] = src[i] as number;
    });
    return row;
  };
  const weights = perBinding ? Array.from({ length: B }, (_, b) => weightRow(b)) : weightRow(0);

  return {
    circuit, qubits, observables, inputs, weights, output,
    split(result) {
      return parts.map((p, j) => {
        const o = offsets[j] as (typeof offsets)[number];
        if (output === 'expectations') {
          const K = p.placed.observables.length;
          const total = observables.length;
          const e = new Float64Array(o.batch * K);
          for (let b = 0; b < o.batch; b++) for (let k = 0; k < K; k++) e[b * K + k] = result.expectations?.[b * total + o.k + k] as number;
          return { expectations: e, batchSize: o.batch };
        }
        const C = p.placed.circuit.numClbits;
        const counts = (result.counts ?? []).slice(0, o.batch).map((full) => {
          const out: Counts = {};
          for (const [bits, n] of Object.entries(full)) {
            const L = bits.length;
            const mine = bits.slice(L - (o.c + C), L - o.c);
            out[mine] = (out[mine] ?? 0) + n;
          }
          return out;
        });
        return { counts, batchSize: o.batch };
      });
    },
  };
}
