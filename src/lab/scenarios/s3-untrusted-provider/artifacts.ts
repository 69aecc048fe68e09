/**
 * Transpilation artifacts of a circuit: numbers that describe how the data-dependent gates (those
 * whose angle reads an input x[i]) sit in a native circuit — how many per input and per qubit,
 * how their angles combine inputs (bilinear products, coefficients, merged weights), which
 * native single-qubit gates surround them, and how much entangling happens among them. These are
 * the fingerprints by which an insider tells encodings apart (Upadhyay & Ghosh, arXiv 2502.01486).
 */
import type { Circuit } from '../../../circuit/circuit.js';
import type { GateOp, Operation } from '../../../circuit/operation.js';
import { opQubits } from '../../../circuit/operation.js';
import type { Param } from '../../../circuit/param.js';
import { getGate } from '../../../circuit/gates.js';

/** Names of the artifact features, in the order {@link encodingArtifacts} returns them. */
export const ARTIFACT_FEATURES = [
  'x_gates_per_input',
  'x_gates_per_active_qubit',
  'bilinear_fraction',
  'inputs_per_x_gate',
  'mean_abs_input_coefficient',
  'entanglers_among_x_gates_per_qubit',
  'x_layer_span_fraction',
  'pulses_before_x_gate',
  'offset_cos',
  'offset_sin',
  'x_qubit_fraction',
  'first_x_layer_fraction',
  'max_x_gates_on_one_qubit_per_input',
  'virtual_z_before_x_gate',
  'virtual_z_angle_before_cos',
  'virtual_z_angle_before_sin',
] as const;

function readsInput(p: Param): boolean {
  return p.dependsOnInputs;
}

function isXGate(op: Operation): op is GateOp {
  return readsAnyInput(op);
}

function readsAnyInput(op: Operation): boolean {
  return op.kind === 'gate' && op.params.some(readsInput);
}

function wrap(angle: number): number {
  const t = angle % (2 * Math.PI);
  return t < 0 ? t + 2 * Math.PI : t;
}

/** ASAP layer of every operation (barriers take no layer). */
function layers(circuit: Circuit): Int32Array {
  const level = new Int32Array(circuit.numQubits);
  const out = new Int32Array(circuit.ops.length);
  circuit.ops.forEach((op, i) => {
    const qs = opQubits(op);
    let l = 0;
    for (const q of qs) l = Math.max(l, level[q] as number);
    if (op.kind !== 'barrier') l += 1;
    for (const q of qs) level[q] = l;
    out[i] = l;
  });
  return out;
}

/** What the run of one-qubit gates right before (dir −1) or after (+1) op i on qubit q holds. */
interface Run {
  /** Pulses: non-diagonal gates (`sx` on IBM, `prx` on IQM, `gpi2` on IonQ…). */
  sx: number;
  /** Constant diagonal rotations (virtual Z), and their summed angle. */
  rz: number;
  rzAngle: number;
}

function runAround(ops: readonly Operation[], i: number, q: number, dir: -1 | 1): Run {
  const run: Run = { sx: 0, rz: 0, rzAngle: 0 };
  for (let j = i + dir; j >= 0 && j < ops.length; j += dir) {
    const op = ops[j] as Operation;
    if (op.kind === 'barrier') continue;
    const qs = opQubits(op);
    if (!qs.includes(q)) continue;
    if (op.kind !== 'gate' || qs.length > 1 || readsAnyInput(op)) break;
    if (!getGate(op.name).diagonal) run.sx++;
    else if (op.params.length === 1 && op.params[0]?.isConstant) {
      run.rz++;
      run.rzAngle += op.params[0].constant;
    }
  }
  return run;
}

/**
 * The artifact features of `circuit` (usually a transpiled one). A circuit without
 * data-dependent gates gets all zeros.
 */
export function encodingArtifacts(circuit: Circuit): Float64Array {
  const f = new Float64Array(ARTIFACT_FEATURES.length);
  const ops = circuit.ops;
  const xIdx: number[] = [];
  ops.forEach((op, i) => {
    if (isXGate(op)) xIdx.push(i);
  });
  if (xIdx.length === 0) return f;
  const numInputs = Math.max(1, circuit.numInputs);
  const active = new Set<number>();
  for (const op of ops) if (op.kind === 'gate') for (const q of op.qubits) active.add(q);
  const xQubits = new Map<number, number>();
  let bilinear = 0;
  let inputsPerGate = 0;
  let coeffSum = 0;
  let coeffCount = 0;
  let sxBefore = 0;
  let cos = 0;
  let sin = 0;
  let rzBefore = 0;
  let rzCos = 0;
  let rzSin = 0;
  for (const i of xIdx) {
    const op = ops[i] as GateOp;
    for (const q of op.qubits) xQubits.set(q, (xQubits.get(q) ?? 0) + 1);
    const p = op.params.find(readsInput) as Param;
    const inputs = new Set<number>();
    let hasBilinear = false;
    for (const t of p.terms) {
      if (t.source === 'x') inputs.add(t.index);
      if (t.factor?.source === 'x') inputs.add(t.factor.index);
      if (t.source === 'x' && t.factor?.source === 'x') hasBilinear = true;
      if (t.source === 'x' && !t.factor) {
        coeffSum += Math.abs(t.coeff);
        coeffCount++;
      }
    }
    if (hasBilinear) bilinear++;
    inputsPerGate += inputs.size;
    const q = op.qubits[op.qubits.length - 1] as number;
    const before = runAround(ops, i, q, -1);
    sxBefore += before.sx;
    rzBefore += before.rz;
    rzCos += before.rz > 0 ? Math.cos(before.rzAngle) : 0;
    rzSin += before.rz > 0 ? Math.sin(before.rzAngle) : 0;
    cos += Math.cos(wrap(p.constant));
    sin += Math.sin(wrap(p.constant));
  }
  const level = layers(circuit);
  const depth = Math.max(1, circuit.depth());
  const first = Math.min(...xIdx.map((i) => level[i] as number));
  const last = Math.max(...xIdx.map((i) => level[i] as number));
  let entanglers = 0;
  ops.forEach((op, i) => {
    const l = level[i] as number;
    if (op.kind === 'gate' && op.qubits.length >= 2 && l > first && l < last) entanglers++;
  });
  const nx = xIdx.length;
  const nActive = Math.max(1, active.size);
  f[0] = nx / numInputs;
  f[1] = nx / nActive;
  f[2] = bilinear / nx;
  f[3] = inputsPerGate / nx;
  f[4] = coeffCount > 0 ? coeffSum / coeffCount : 0;
  f[5] = entanglers / nActive;
  f[6] = (last - first) / depth;
  f[7] = sxBefore / nx;
  f[8] = cos / nx;
  f[9] = sin / nx;
  f[10] = xQubits.size / nActive;
  f[11] = first / depth;
  f[12] = Math.max(...xQubits.values()) / numInputs;
  f[13] = rzBefore / nx;
  f[14] = rzCos / nx;
  f[15] = rzSin / nx;
  return f;
}
