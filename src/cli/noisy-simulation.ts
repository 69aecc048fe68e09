/**
 * `simulate --noise`: a noise list (depolarizing, readout, …) applied to the circuit as it
 * stands, or `device:ID` — the circuit runs as the device would run it (transpiled first when
 * it is not already native; results are reported in the circuit's own qubit order).
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import { getDevice } from '../devices/catalog.js';
import { checkCircuitOnDevice } from '../devices/device-backend.js';
import { deviceNoiseModel } from '../devices/noise-from-calibration.js';
import type { Backend } from '../sim/backend.js';
import { DensityMatrixSimulator } from '../sim/density-matrix.js';
import type { NoiseModel } from '../sim/noise/noise-model.js';
import { parseNoiseSpec } from '../sim/noise/spec.js';
import { TrajectorySimulator } from '../sim/trajectories.js';
import { targetFromDevice } from '../transpile/target-from-device.js';
import { transpile } from '../transpile/transpile.js';

export interface NoisyRun {
  readonly backend: Backend;
  /** The circuit to run (compacted to the device's active qubits for device noise). */
  readonly circuit: Circuit;
  /** outputQubit[v] = simulated qubit holding the circuit's qubit v. */
  readonly outputQubit: readonly number[];
  readonly note?: string;
}

const DM_LIMIT = 12;

export function noisyRun(circuit: Circuit, spec: string, seed: number): NoisyRun {
  if (!spec.startsWith('device:')) {
    const noise = parseNoiseSpec(spec);
    return { backend: simulatorFor(circuit.numQubits, noise), circuit, outputQubit: range(circuit.numQubits) };
  }
  const profile = getDevice(spec.slice('device:'.length));
  let physical = circuit;
  let layout = range(circuit.numQubits);
  let note: string | undefined;
  if (checkCircuitOnDevice(circuit, profile).length > 0) {
    const t = transpile(circuit, targetFromDevice(profile), { level: 1, seed });
    physical = t.circuit;
    layout = t.finalLayout;
    note = `transpiled to ${profile.id} (level 1): ${t.metrics.twoQubitGates} two-qubit gates, depth ${t.metrics.depth}, ${t.metrics.swaps} swaps`;
  }
  // Simulate only the qubits the circuit touches (and that its layout maps to).
  const used = new Set<number>(layout);
  for (const op of physical.ops) {
    if (op.kind === 'gate' || op.kind === 'barrier') op.qubits.forEach((q) => used.add(q));
    else used.add(op.qubit);
  }
  const active = [...used].sort((a, b) => a - b);
  if (active.length > 24) throw new InputError(`the circuit occupies ${active.length} qubits of ${profile.id}; noisy simulation handles at most 24`, 'RESOURCE');
  const index = new Map(active.map((q, i) => [q, i]));
  const ops = physical.ops.flatMap((op): Operation[] => {
    if (op.kind === 'gate') return [{ ...op, qubits: op.qubits.map((q) => index.get(q) as number) }];
    if (op.kind === 'barrier') return [];
    return [{ ...op, qubit: index.get(op.qubit) as number }];
  });
  const compact = physical.with({ numQubits: active.length, ops, qregs: [{ name: 'q', size: active.length, offset: 0 }] });
  const noise = deviceNoiseModel(profile, { qubits: active });
  return { backend: simulatorFor(active.length, noise), circuit: compact, outputQubit: layout.map((p) => index.get(p) as number), ...(note ? { note } : {}) };
}

function simulatorFor(n: number, noise: NoiseModel): Backend {
  return n <= DM_LIMIT ? new DensityMatrixSimulator({ noise, maxQubits: DM_LIMIT }) : new TrajectorySimulator({ noise, maxQubits: 24 });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Probabilities over simulated qubits → over the circuit's qubits v (marginalising the rest). */
export function probabilitiesInCircuitOrder(p: Float64Array, simulated: number, outputQubit: readonly number[]): number[] {
  const n = outputQubit.length;
  const out = new Array<number>(2 ** n).fill(0);
  for (let a = 0; a < 2 ** simulated; a++) {
    let j = 0;
    for (let v = 0; v < n; v++) if ((a >> (outputQubit[v] as number)) & 1) j |= 1 << v;
    out[j] += p[a] as number;
  }
  return out;
}

/** ρ over simulated qubits → ρ of the circuit's qubits (partial trace over the others). */
export function densityMatrixInCircuitOrder(rho: Float64Array, simulated: number, outputQubit: readonly number[]): [number, number][][] {
  const n = outputQubit.length;
  const d = 2 ** n;
  const D = 2 ** simulated;
  const out = Array.from({ length: d }, () => Array.from({ length: d }, (): [number, number] => [0, 0]));
  const mapped = new Set(outputQubit);
  const restMask = Array.from({ length: simulated }, (_, q) => q).filter((q) => !mapped.has(q)).reduce((m, q) => m | (1 << q), 0);
  const local = (a: number) => {
    let j = 0;
    for (let v = 0; v < n; v++) if ((a >> (outputQubit[v] as number)) & 1) j |= 1 << v;
    return j;
  };
  for (let r = 0; r < D; r++) {
    for (let c = 0; c < D; c++) {
      if ((r & restMask) !== (c & restMask)) continue;
      const cell = (out[local(r)] as [number, number][])[local(c)] as [number, number];
      cell[0] += rho[2 * (r * D + c)] as number;
      cell[1] += rho[2 * (r * D + c) + 1] as number;
    }
  }
  return out;
}
