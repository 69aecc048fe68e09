/**
 * Vector–Jacobian products of a QNN's expectation values, dL/d(w, x) = Σ_bk g_bk ∂⟨O_k⟩_b,
 * by four methods: adjoint (exact, statevector only), parameter shift (exact in expectation,
 * works with shots and on devices), central finite differences, and SPSA (two evaluations).
 */
import { InputError, UsageError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { Circuit } from '../../circuit/circuit.js';
import { getGate } from '../../circuit/gates.js';
import { Param } from '../../circuit/param.js';
import type { GateOp } from '../../circuit/operation.js';
import { adjointGradient } from '../../sim/adjoint.js';
import type { Observable } from '../../sim/pauli.js';
import { chainToSources } from './chain.js';
import { evaluate, prepared, type QnnExecutor } from './executor.js';
import { shiftableForm, shiftRule, type ShiftTerm } from './shift-rules.js';

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
  const circuit = p.circuit;
  let seed = req.seed ?? 0;
  // Values on the circuit exactly as it runs (decompositions would add noise on noisy backends).
  const values = evaluate(req.executor, circuit, p.observables, req.inputs, req.weights, seed++);
  const upstream = upstreamOf(req, values);
  const nx = circuit.numInputs;
  const grads = { inputs: new Float64Array(B * nx), weights: new Float64Array(req.weights.length) };
  const dTheta = new Float64Array(B);
  const contracted = new Float64Array(B);
  let evaluations = 1;
  const gradientOf = (param: Param, variant: (shift: number) => Circuit, rule: readonly ShiftTerm[]) => {
    dTheta.fill(0);
    for (const term of rule) {
      const e = evaluate(req.executor, variant(term.shift), p.observables, req.inputs, req.weights, seed++);
      evaluations++;
      contract(e, upstream, B, K, contracted);
      for (let b = 0; b < B; b++) dTheta[b] += term.coeff * (contracted[b] as number);
    }
    chainToSources(param, dTheta, req.inputs, req.weights, nx, grads);
  };
  const wanted = (param: Param) => !param.isConstant && (req.wantInputs || param.dependsOnWeights);
  circuit.ops.forEach((op, i) => {
    if (op.kind !== 'gate' || !op.params.some(wanted)) return;
    const plans = shiftPlans(op);
    if (plans) {
      plans.forEach((plan, k) => {
        const param = op.params[k] as Param;
        if (!plan || !wanted(param)) return;
        gradientOf(param, (shift) => replaceOp(circuit, i, [{ ...op, params: op.params.map((q, j) => (j === k ? q.add(shift) : q)) }]), plan);
      });
      return;
    }
    // A parameter used by several gates of the decomposition: shift each of them in the
    // decomposed form of this gate only (exact on ideal backends).
    const parts = decomposeOp(op);
    parts.forEach((part, j) => {
      const param = part.params[0];
      if (!param || !wanted(param)) return;
      const rule = shiftRule(getGate(part.name).generator!);
      gradientOf(param, (shift) => replaceOp(circuit, i, parts.map((q, m) => (m === j ? { ...q, params: [param.add(shift)] } : q))), rule);
    });
  });
  return { values, weights: grads.weights, ...(req.wantInputs ? { inputs: fitInputs(grads.inputs, B, nx, req.inputs) } : {}), evaluations };
}

function replaceOp(circuit: Circuit, index: number, replacement: readonly GateOp[]): Circuit {
  const ops = [...circuit.ops.slice(0, index), ...replacement, ...circuit.ops.slice(index + 1)];
  return circuit.with({ ops });
}

function decomposeOp(op: GateOp): GateOp[] {
  return shiftableForm(circuitOf(op)).ops as GateOp[];
}

function circuitOf(op: GateOp): Circuit {
  return new Circuit({ numQubits: Math.max(...op.qubits) + 1, ops: [op] });
}

const MARKER = 1_000_000;

/**
 * For each parameter of a gate, the shift rule in terms of that parameter itself, when it
 * enters exactly one generator gate of the decomposition (u3, u2, cu3 … or a gate with its own
 * generator); undefined when some parameter needs the decomposed form.
 */
function shiftPlans(op: GateOp): (readonly ShiftTerm[] | undefined)[] | undefined {
  const def = getGate(op.name);
  if (def.generator && def.numParams === 1) return [shiftRule(def.generator)];
  if (!def.decompose) return undefined;
  const markers = op.params.map((_, k) => Param.input(MARKER + k));
  const calls = def.decompose(markers);
  const plans: (readonly ShiftTerm[] | undefined)[] = [];
  for (let k = 0; k < op.params.length; k++) {
    const uses: { callee: string; coeff: number }[] = [];
    for (const c of calls) {
      for (const q of c.params) {
        for (const t of q.terms) {
          if (t.source === 'x' && t.index === MARKER + k) {
            if (t.factor || q.terms.length !== 1) return undefined;
            uses.push({ callee: c.name, coeff: t.coeff });
          }
        }
      }
    }
    if (uses.length === 0) {
      plans.push(undefined);
      continue;
    }
    const use = uses[0] as { callee: string; coeff: number };
    const g = getGate(use.callee).generator;
    if (uses.length !== 1 || !g) return undefined;
    // callee angle φ = a·θ + c: df/dθ = a·Σ c_i f(φ + s_i) = Σ (a·c_i) f(θ + s_i/a).
    plans.push(shiftRule(g).map((t) => ({ coeff: use.coeff * t.coeff, shift: t.shift / use.coeff })));
  }
  return plans;
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
