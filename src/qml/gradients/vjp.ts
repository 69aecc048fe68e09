/**
 * Vector–Jacobian products of a QNN's expectation values, dL/d(w, x) = Σ_bk g_bk ∂⟨O_k⟩_b,
 * by four methods: adjoint (exact, statevector only), parameter shift (exact in expectation,
 * works with shots and on devices), central finite differences, and SPSA (two evaluations).
 */
import { InputError, UsageError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { Circuit } from '../../circuit/circuit.js';
import { getGate } from '../../circuit/gates.js';
import type { GateOp } from '../../circuit/operation.js';
import { adjointGradient } from '../../sim/adjoint.js';
import type { Observable } from '../../sim/pauli.js';
import { chainToSources } from './chain.js';
import { evaluate, prepared, type QnnExecutor } from './executor.js';
import { shiftableForm, shiftRule } from './shift-rules.js';

export type GradientMethod = 'adjoint' | 'parameter-shift' | 'finite-difference' | 'spsa';
export const GRADIENT_METHODS: readonly GradientMethod[] = ['adjoint', 'parameter-shift', 'finite-difference', 'spsa'];

export interface VjpRequest {
  readonly executor: QnnExecutor;
  /** Logical template (prepared through the executor inside). */
  readonly circuit: Circuit;
  readonly observables: readonly Observable[];
  /** Circuit-input rows, one per binding. */
  readonly inputs: readonly Float64Array[];
  /** Shared weights. */
  readonly weights: Float64Array;
  /** B × K upstream gradient, or a function of the forward values (B × K) returning it. */
  readonly upstream: Float64Array | ((values: Float64Array) => Float64Array);
  /** Also return gradients with respect to the circuit inputs (default false). */
  readonly wantInputs?: boolean;
  readonly seed?: number;
  /** Finite-difference step (default 1e-6 exact, 0.1 with shots). */
  readonly step?: number;
  /** SPSA perturbation size (default 0.01 exact, 0.1 with shots). */
  readonly spsaStep?: number;
}

export interface VjpResult {
  /** B × K expectation values at the unshifted point. */
  readonly values: Float64Array;
  readonly weights: Float64Array;
  /** B × numInputs (when asked for). */
  readonly inputs?: Float64Array;
  /** Circuit executions (batches) used. */
  readonly evaluations: number;
}

/** Computes the VJP with `method`. */
export function vjp(method: GradientMethod, req: VjpRequest): VjpResult {
  switch (method) {
    case 'adjoint':
      return adjointVjp(req);
    case 'parameter-shift':
      return parameterShiftVjp(req);
    case 'finite-difference':
      return finiteDifferenceVjp(req);
    case 'spsa':
      return spsaVjp(req);
    default:
      throw new UsageError(`unknown gradient method "${String(method)}" (known: ${GRADIENT_METHODS.join(', ')})`);
  }
}

/** The upstream gradient, computed from the forward values when given as a function. */
function upstreamOf(req: VjpRequest, values: Float64Array): Float64Array {
  const B = req.inputs.length;
  const K = req.observables.length;
  const u = typeof req.upstream === 'function' ? req.upstream(values) : req.upstream;
  if (u.length !== B * K) throw new InputError(`upstream gradient has ${u.length} entries; expected ${B} × ${K}`, 'SHAPE');
  return u;
}

function contract(values: Float64Array, upstream: Float64Array, B: number, K: number, out: Float64Array): void {
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += (upstream[b * K + k] as number) * (values[b * K + k] as number);
    out[b] = s;
  }
}

function adjointVjp(req: VjpRequest): VjpResult {
  const { executor } = req;
  if (executor.backend.name !== 'statevector' || executor.shots !== undefined) {
    throw new UsageError(`adjoint differentiation needs the exact statevector simulator (got ${executor.backend.name}${executor.shots !== undefined ? ` with ${executor.shots} shots` : ''}); use parameter-shift`);
  }
  const p = prepared(executor, req.circuit, req.observables);
  const r = adjointGradient(p.circuit, p.observables, { inputs: req.inputs, weights: req.weights }, { upstream: (values) => upstreamOf(req, values) });
  return { values: r.expectations, weights: r.weightGradients, ...(req.wantInputs ? { inputs: r.inputGradients } : {}), evaluations: 1 };
}

function parameterShiftVjp(req: VjpRequest): VjpResult {
  const B = req.inputs.length;
  const K = req.observables.length;
  const p = prepared(req.executor, req.circuit, req.observables);
  const circuit = shiftableForm(p.circuit);
  let seed = req.seed ?? 0;
  const values = evaluate(req.executor, circuit, p.observables, req.inputs, req.weights, seed++);
  const upstream = upstreamOf(req, values);
  const nx = circuit.numInputs;
  const grads = { inputs: new Float64Array(B * nx), weights: new Float64Array(req.weights.length) };
  const dTheta = new Float64Array(B);
  const contracted = new Float64Array(B);
  let evaluations = 1;
  circuit.ops.forEach((op, i) => {
    if (op.kind !== 'gate' || op.params.every((q) => q.isConstant)) return;
    const param = op.params[0]!;
    if (!req.wantInputs && !param.dependsOnWeights) return;
    const rule = shiftRule(getGate(op.name).generator!);
    dTheta.fill(0);
    for (const term of rule) {
      const ops = circuit.ops.slice();
      ops[i] = { ...(op as GateOp), params: [param.add(term.shift)] };
      const e = evaluate(req.executor, circuit.with({ ops }), p.observables, req.inputs, req.weights, seed++);
      evaluations++;
      contract(e, upstream, B, K, contracted);
      for (let b = 0; b < B; b++) dTheta[b] += term.coeff * (contracted[b] as number);
    }
    chainToSources(param, dTheta, req.inputs, req.weights, nx, grads);
  });
  return { values, weights: grads.weights, ...(req.wantInputs ? { inputs: fitInputs(grads.inputs, B, nx, req.inputs) } : {}), evaluations };
}

/** Gradients were accumulated with the circuit's input count; reshape to the rows' width. */
function fitInputs(g: Float64Array, B: number, nx: number, rows: readonly Float64Array[]): Float64Array {
  const width = rows[0]?.length ?? nx;
  if (width === nx) return g;
  const out = new Float64Array(B * width);
  for (let b = 0; b < B; b++) for (let j = 0; j < Math.min(nx, width); j++) out[b * width + j] = g[b * nx + j] as number;
  return out;
}

function finiteDifferenceVjp(req: VjpRequest): VjpResult {
  const B = req.inputs.length;
  const K = req.observables.length;
  const p = prepared(req.executor, req.circuit, req.observables);
  const h = req.step ?? (req.executor.shots !== undefined ? 0.1 : 1e-6);
  let seed = req.seed ?? 0;
  const values = evaluate(req.executor, p.circuit, p.observables, req.inputs, req.weights, seed++);
  const upstream = upstreamOf(req, values);
  let evaluations = 1;
  const fPlus = new Float64Array(B);
  const fMinus = new Float64Array(B);
  const weights = new Float64Array(req.weights.length);
  const w = Float64Array.from(req.weights);
  for (let j = 0; j < w.length; j++) {
    const v = w[j] as number;
    w[j] = v + h;
    contract(evaluate(req.executor, p.circuit, p.observables, req.inputs, w, seed++), upstream, B, K, fPlus);
    w[j] = v - h;
    contract(evaluate(req.executor, p.circuit, p.observables, req.inputs, w, seed++), upstream, B, K, fMinus);
    w[j] = v;
    evaluations += 2;
    let s = 0;
    for (let b = 0; b < B; b++) s += ((fPlus[b] as number) - (fMinus[b] as number)) / (2 * h);
    weights[j] = s;
  }
  let inputs: Float64Array | undefined;
  if (req.wantInputs) {
    const width = req.inputs[0]?.length ?? 0;
    inputs = new Float64Array(B * width);
    const rows = req.inputs.map((r) => Float64Array.from(r));
    for (let j = 0; j < width; j++) {
      for (const r of rows) r[j] = (r[j] as number) + h;
      contract(evaluate(req.executor, p.circuit, p.observables, rows, req.weights, seed++), upstream, B, K, fPlus);
      for (const r of rows) r[j] = (r[j] as number) - 2 * h;
      contract(evaluate(req.executor, p.circuit, p.observables, rows, req.weights, seed++), upstream, B, K, fMinus);
      for (const r of rows) r[j] = (r[j] as number) + h;
      evaluations += 2;
      for (let b = 0; b < B; b++) inputs[b * width + j] = ((fPlus[b] as number) - (fMinus[b] as number)) / (2 * h);
    }
  }
  return { values, weights, ...(inputs ? { inputs } : {}), evaluations };
}

function spsaVjp(req: VjpRequest): VjpResult {
  const B = req.inputs.length;
  const K = req.observables.length;
  const p = prepared(req.executor, req.circuit, req.observables);
  const c = req.spsaStep ?? (req.executor.shots !== undefined ? 0.1 : 0.01);
  let seed = req.seed ?? 0;
  const rng = new Rng(`spsa:${seed}`);
  const values = evaluate(req.executor, p.circuit, p.observables, req.inputs, req.weights, seed++);
  const upstream = upstreamOf(req, values);
  const nw = req.weights.length;
  const delta = Float64Array.from({ length: nw }, () => (rng.random() < 0.5 ? -1 : 1));
  const width = req.inputs[0]?.length ?? 0;
  const deltaX = req.wantInputs ? Float64Array.from({ length: B * width }, () => (rng.random() < 0.5 ? -1 : 1)) : undefined;
  const shift = (sign: number) => {
    const w = Float64Array.from(req.weights, (v, j) => v + sign * c * (delta[j] as number));
    const rows = deltaX ? req.inputs.map((r, b) => Float64Array.from(r, (v, j) => v + sign * c * (deltaX[b * width + j] as number))) : req.inputs;
    return evaluate(req.executor, p.circuit, p.observables, rows, w, seed++);
  };
  const fPlus = new Float64Array(B);
  const fMinus = new Float64Array(B);
  contract(shift(1), upstream, B, K, fPlus);
  contract(shift(-1), upstream, B, K, fMinus);
  let total = 0;
  for (let b = 0; b < B; b++) total += ((fPlus[b] as number) - (fMinus[b] as number)) / (2 * c);
  const weights = Float64Array.from(delta, (d) => total / d);
  let inputs: Float64Array | undefined;
  if (deltaX) {
    inputs = new Float64Array(B * width);
    for (let b = 0; b < B; b++) {
      const diff = ((fPlus[b] as number) - (fMinus[b] as number)) / (2 * c);
      for (let j = 0; j < width; j++) inputs[b * width + j] = diff / (deltaX[b * width + j] as number);
    }
  }
  return { values, weights, ...(inputs ? { inputs } : {}), evaluations: 3 };
}
