/**
 * Adjoint differentiation (Jones & Gacon, arXiv 2009.02823): exact gradients of expectation
 * values with respect to every trainable weight AND every input feature, in one forward and
 * one backward pass over the batch. With an upstream gradient g (B × K) it computes the
 * vector–Jacobian product ∂(Σ_bk g_bk ⟨O_k⟩_b)/∂(x, w), which is what a training loop or an
 * adversarial attack needs.
 *
 * For U(θ) = exp(-iθG), dE/dθ = 2·Im⟨λ|G|ψ⟩ with |λ⟩ = U_{>}† O|ψ_final⟩ and |ψ⟩ the state
 * right after the gate; parameters are affine in (x, w), so the chain rule is a weighted sum.
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import { computeAngles, type RotationAngles } from './angles.js';
import { type Bindings, type PackedBindings, packBindings } from './bindings.js';
import type { ParamRef } from '../circuit/param.js';
import { applyConstant, applyConstantInverse, applyRotation, Workspace } from './executor.js';
import { checkObservables, exactExpectations } from './expectation.js';
import { addPauliApplied, generatorOverlapImag, singleGeneratorOverlapImag } from './kernels/observable.js';
import { defaultMemoryLimit, withStateBuffers } from './memory.js';
import type { Observable } from './pauli.js';
import { compile, type RotationInstr } from './program.js';
import { finalMeasurementsStripped } from './statevector.js';

export interface AdjointResult {
  /** B × K expectations (the forward values). */
  readonly expectations: Float64Array;
  readonly batchSize: number;
  /** B × numInputs: ∂L/∂x for each binding. */
  readonly inputGradients: Float64Array;
  /** ∂L/∂w: numWeights (summed over the batch) when weights are shared, else B × numWeights. */
  readonly weightGradients: Float64Array;
  readonly numInputs: number;
  readonly numWeights: number;
  readonly weightsShared: boolean;
}

export interface AdjointOptions {
  /**
   * B × K upstream gradient ∂L/∂⟨O_k⟩_b, or a function computing it from the forward
   * expectations (so a loss can be differentiated in one forward pass); default all ones.
   */
  readonly upstream?: ArrayLike<number> | ((expectations: Float64Array) => ArrayLike<number>);
  readonly memoryLimit?: number;
  /** Largest width accepted (default 30). */
  readonly maxQubits?: number;
}

/** Vector–Jacobian product of the expectation values by the adjoint method. */
export function adjointGradient(
  circuit: Circuit, observables: readonly Observable[], bindings: Bindings = {}, options: AdjointOptions = {},
): AdjointResult {
  if (observables.length === 0) throw new InputError('the adjoint method needs at least one observable', 'OBSERVABLE');
  const maxQubits = options.maxQubits ?? 30;
  if (circuit.numQubits > maxQubits) throw new InputError(`the circuit has ${circuit.numQubits} qubits; the adjoint method accepts at most ${maxQubits}`, 'RESOURCE');
  checkObservables(observables, circuit.numQubits);
  const body = finalMeasurementsStripped(circuit, 'gradients');
  const packed = packBindings(body, bindings);
  const B = packed.batch;
  const K = observables.length;
  const n = body.numQubits;
  const checkUpstream = (u: ArrayLike<number>): ArrayLike<number> => {
    if (u.length !== B * K) throw new InputError(`upstream gradient has ${u.length} entries; expected batch × observables = ${B} × ${K}`, 'SHAPE');
    return u;
  };
  if (options.upstream !== undefined && typeof options.upstream !== 'function') checkUpstream(options.upstream);
  const limit = options.memoryLimit ?? defaultMemoryLimit();
  const program = compile(body, { fuse: true });
  const angles = computeAngles(program, packed);
  const ws = new Workspace();
  const what = `the adjoint method on ${n} qubits × ${B} binding(s)`;
  const nx = packed.numInputs;
  const nw = packed.numWeights;
  const inputGradients = new Float64Array(B * nx);
  const weightGradients = new Float64Array(packed.weightsShared ? nw : B * nw);
  const expectations = withStateBuffers([2 * B * 2 ** n, 2 * B * 2 ** n], limit, what, ([psi, lambda]) => {
    const ps = psi as Float64Array;
    const la = lambda as Float64Array;
    for (let b = 0; b < B; b++) ps[2 * b] = 1;
    for (const instr of program.instrs) {
      if (instr.op === 'rot') applyRotation(ps, n, B, instr, angles.get(instr) as RotationAngles, ws);
      else applyConstant(ps, n, B, instr, ws);
    }
    const values = exactExpectations(ps, n, B, observables);
    const upstream = options.upstream === undefined ? undefined : checkUpstream(typeof options.upstream === 'function' ? options.upstream(values) : options.upstream);
    const g = new Float64Array(B);
    for (let k = 0; k < K; k++) {
      for (let b = 0; b < B; b++) g[b] = upstream === undefined ? 1 : (upstream[b * K + k] as number);
      for (const t of (observables[k] as Observable).terms) addPauliApplied(la, ps, n, B, t.xMask, t.zMask, t.numY, t.coeff, g);
    }
    const overlap = new Float64Array(B);
    for (let i = program.instrs.length - 1; i >= 0; i--) {
      const instr = program.instrs[i]!;
      if (instr.op === 'rot') {
        const a = angles.get(instr) as RotationAngles;
        if (instr.single) singleGeneratorOverlapImag(la, ps, n, B, instr.single.q, instr.single.kind, overlap);
        else generatorOverlapImag(la, ps, n, B, instr.masks, overlap);
        accumulate(instr, overlap, packed, inputGradients, weightGradients);
        applyRotation(ps, n, B, instr, a, ws, true);
        applyRotation(la, n, B, instr, a, ws, true);
      } else {
        applyConstantInverse(ps, n, B, instr, ws);
        applyConstantInverse(la, n, B, instr, ws);
      }
    }
    return values;
  });
  return { expectations, batchSize: B, inputGradients, weightGradients, numInputs: nx, numWeights: nw, weightsShared: packed.weightsShared };
}

function accumulate(
  instr: RotationInstr, overlap: Float64Array, packed: PackedBindings, inputGrads: Float64Array, weightGrads: Float64Array,
): void {
  const B = packed.batch;
  const nx = packed.numInputs;
  const nw = packed.numWeights;
  const shared = packed.weightsShared;
  const f = 2 * instr.coeff;
  const value = (r: ParamRef, b: number): number => (r.source === 'x'
    ? (packed.inputs[b * nx + r.index] as number)
    : (packed.weights[(shared ? 0 : b * nw) + r.index] as number));
  // d θ / d r for each reference r of each term: coeff (affine) or coeff · other factor (bilinear).
  const add = (r: ParamRef, c: number, other: ParamRef | undefined) => {
    if (r.source === 'x') {
      for (let b = 0; b < B; b++) inputGrads[b * nx + r.index] += c * (other ? value(other, b) : 1) * (overlap[b] as number);
    } else if (shared) {
      let s = 0;
      for (let b = 0; b < B; b++) s += (other ? value(other, b) : 1) * (overlap[b] as number);
      weightGrads[r.index] += c * s;
    } else {
      for (let b = 0; b < B; b++) weightGrads[b * nw + r.index] += c * (other ? value(other, b) : 1) * (overlap[b] as number);
    }
  };
  for (const t of instr.param.terms) {
    const c = f * t.coeff;
    add(t, c, t.factor);
    if (t.factor) add(t.factor, c, t);
  }
}

/**
 * Full Jacobian by K adjoint passes: returns for each observable k the gradients of ⟨O_k⟩
 * (inputs B × nx, weights per binding B × nw).
 */
export function adjointJacobian(circuit: Circuit, observables: readonly Observable[], bindings: Bindings = {}): { expectations: Float64Array; inputs: Float64Array[]; weights: Float64Array[] } {
  const first = adjointGradient(circuit, observables, bindings, { upstream: unit(bindings, circuit, observables.length, 0) });
  const inputs = [first.inputGradients];
  const weights = [first.weightGradients];
  for (let k = 1; k < observables.length; k++) {
    const r = adjointGradient(circuit, observables, bindings, { upstream: unit(bindings, circuit, observables.length, k) });
    inputs.push(r.inputGradients);
    weights.push(r.weightGradients);
  }
  return { expectations: first.expectations, inputs, weights };
}

function unit(bindings: Bindings, circuit: Circuit, K: number, k: number): Float64Array {
  const B = packBindings(circuit, bindings).batch;
  const u = new Float64Array(B * K);
  for (let b = 0; b < B; b++) u[b * K + k] = 1;
  return u;
}
