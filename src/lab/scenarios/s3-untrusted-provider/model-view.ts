/**
 * What an insider reconstructs of one tenant's model from the jobs it kept: the model's circuit
 * template, the latest weights bound to it, and every feature row bound to it.
 *
 * Training sends one template and, for parameter-shift gradients, many copies of it that differ
 * in one gate's constant shift (or one gate decomposed). The attacker groups jobs by their
 * *skeleton* — gates, qubits and how each angle reads inputs and weights, ignoring constants —
 * takes the largest group, and rebuilds the unshifted template from the most common constant
 * of every angle (each shifted copy moves only one of them).
 */
import { InputError } from '../../../core/errors.js';
import type { Circuit } from '../../../circuit/circuit.js';
import type { Operation } from '../../../circuit/operation.js';
import { Param } from '../../../circuit/param.js';
import type { Observable } from '../../../sim/pauli.js';
import type { QuantumJob } from '../../../cloud/job.js';
import type { RecordedJob } from '../../common/curious-provider.js';

/** How an angle reads inputs and weights, without its constant. */
export function paramSkeleton(p: Param): string {
  return p.terms.map((t) => `${t.coeff}*${t.source}${t.index}${t.factor ? `*${t.factor.source}${t.factor.index}` : ''}`).join('+');
}

function opSkeleton(op: Operation): string {
  switch (op.kind) {
    case 'gate':
      return `${op.name}${op.qubits.join(',')}(${op.params.map(paramSkeleton).join(';')})`;
    case 'measure':
      return `m${op.qubit}>${op.clbit}`;
    case 'reset':
      return `r${op.qubit}`;
    case 'barrier':
      return `|${op.qubits.join(',')}`;
  }
}

/** A circuit's skeleton: equal for a template and its parameter-shifted copies. */
export function circuitSkeleton(c: Circuit): string {
  return `${c.numQubits}:${c.ops.map(opSkeleton).join(' ')}`;
}

function constants(c: Circuit): number[] {
  const out: number[] = [];
  for (const op of c.ops) if (op.kind === 'gate') for (const p of op.params) out.push(p.constant);
  return out;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - (b[i] as number)) < 1e-12);
}

/** The weights of a job as one vector (the first binding's, when every binding has its own). */
export function jobWeights(job: QuantumJob): Float64Array | undefined {
  const w = job.weights;
  if (w === undefined) return undefined;
  if (w.length > 0 && typeof (w as ArrayLike<unknown>)[0] === 'object') return Float64Array.from((w as readonly ArrayLike<number>[])[0] as ArrayLike<number>);
  return Float64Array.from(w as ArrayLike<number>);
}

/** One tenant's model as the insider sees it. */
export interface ModelView {
  readonly tenant: string;
  /** The unshifted circuit template (logical or native, as the jobs carried it). */
  readonly template: Circuit;
  readonly form: QuantumJob['form'];
  readonly device: string | undefined;
  readonly observables: readonly Observable[];
  /** Jobs whose circuit has the template's skeleton. */
  readonly jobs: readonly RecordedJob[];
  /** Jobs that ran the unshifted template itself (forward passes and evaluations), in order. */
  readonly baseJobs: readonly RecordedJob[];
  /** All jobs of the tenant. */
  readonly allJobs: readonly RecordedJob[];
  /** Weights of the last job that ran the unshifted template: the latest (usually final) weights. */
  readonly latestWeights: Float64Array | undefined;
  /** Distinct weight vectors bound to the unshifted template, in order. */
  readonly weightHistory: readonly Float64Array[];
}

/**
 * Reconstructs `tenant`'s model from the kept jobs (default: the tenant with most jobs). Throws
 * when there is nothing to analyse.
 */
export function modelView(records: readonly RecordedJob[], tenant?: string): ModelView {
  if (records.length === 0) throw new InputError('the provider kept no jobs: there is nothing to analyse', 'NO_JOBS');
  const byTenant = new Map<string, RecordedJob[]>();
  for (const r of records) byTenant.set(r.job.tenant, [...(byTenant.get(r.job.tenant) ?? []), r]);
  const who = tenant ?? [...byTenant].sort((a, b) => b[1].length - a[1].length)[0]?.[0] as string;
  const mine = byTenant.get(who);
  if (!mine) throw new InputError(`the provider kept no jobs of tenant "${who}" (it has jobs of: ${[...byTenant.keys()].join(', ')})`, 'NO_JOBS');
  const groups = new Map<string, RecordedJob[]>();
  for (const r of mine) {
    if (r.job.circuit.numWeights === 0 && r.job.circuit.numInputs === 0) continue;
    const k = circuitSkeleton(r.job.circuit);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const group = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!group) throw new InputError(`tenant "${who}" sent no parametric circuits`, 'NO_JOBS');
  const vectors = group.map((r) => constants(r.job.circuit));
  const mode = (vectors[0] as number[]).map((_, i) => {
    const counts = new Map<number, number>();
    for (const v of vectors) counts.set(v[i] as number, (counts.get(v[i] as number) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] as number;
  });
  const exact = group.filter((r, i) => sameNumbers(vectors[i] as number[], mode));
  let template: Circuit;
  if (exact.length > 0) template = (exact[0] as RecordedJob).job.circuit;
  else {
    let k = 0;
    const first = (group[0] as RecordedJob).job.circuit;
    template = first.with({ ops: first.ops.map((op) => (op.kind === 'gate' ? { ...op, params: op.params.map((p) => Param.affine(mode[k++] as number, p.terms)) } : op)) });
  }
  const history: Float64Array[] = [];
  for (const r of exact) {
    const w = jobWeights(r.job);
    if (w && !history.some((h) => sameNumbers(Array.from(h), Array.from(w)))) history.push(w);
  }
  const last = exact[exact.length - 1] ?? group[group.length - 1];
  const latest = last ? jobWeights(last.job) : undefined;
  const sample = (exact[0] ?? group[0]) as RecordedJob;
  return {
    tenant: who, template, form: sample.job.form, device: sample.job.device, observables: sample.job.observables ?? [],
    jobs: group, baseJobs: exact, allJobs: mine, latestWeights: latest, weightHistory: history,
  };
}

/** A feature row bound to a tenant's jobs, and under how many different weight vectors it ran. */
export interface HarvestedRow {
  readonly inputs: Float64Array;
  readonly weightVectors: number;
}

/**
 * Every distinct circuit-input row bound to the tenant's jobs, in order of first appearance.
 * Rows that ran under several weight vectors were trained on (every epoch binds them again);
 * rows seen under one only were evaluated once (a test set, an inference query).
 */
export function harvestRows(view: ModelView): HarvestedRow[] {
  const byRow = new Map<string, { inputs: Float64Array; weights: Set<string> }>();
  for (const r of view.allJobs) {
    const w = jobWeights(r.job);
    const wKey = w ? Array.prototype.join.call(w, ',') : '';
    for (const row of r.job.inputs ?? []) {
      const key = Array.prototype.join.call(row, ',');
      let entry = byRow.get(key);
      if (!entry) {
        entry = { inputs: Float64Array.from(row), weights: new Set() };
        byRow.set(key, entry);
      }
      entry.weights.add(wKey);
    }
  }
  return [...byRow.values()].map((e) => ({ inputs: e.inputs, weightVectors: e.weights.size }));
}
