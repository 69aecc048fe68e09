/**
 * Noisy simulation benchmarks (issue: noise, devices, transpiler). Prints JSON: seconds per
 * layer (RY on every qubit, then a CNOT chain, each gate followed by depolarizing noise and
 * thermal relaxation) for the density matrix at 8, 10, 12 qubits and for 100 trajectories
 * at 16 and 20 qubits.
 */
import { CircuitBuilder } from '../src/circuit/builder.js';
import { DensityMatrixSimulator } from '../src/sim/density-matrix.js';
import { depolarizing, thermalRelaxation } from '../src/sim/noise/channel.js';
import { NoiseModel } from '../src/sim/noise/noise-model.js';
import { PauliSum } from '../src/sim/pauli.js';
import { TrajectorySimulator } from '../src/sim/trajectories.js';
import { round, timeMs } from './harness.js';

function layers(n: number, count: number) {
  const b = new CircuitBuilder(n);
  for (let l = 0; l < count; l++) {
    for (let q = 0; q < n; q++) b.ry(0.1 * (q + 1) + l, q);
    for (let q = 0; q < n - 1; q++) b.cx(q, q + 1);
  }
  return b.build();
}

const noise = new NoiseModel('bench')
  .addGateError(depolarizing(1e-3), ['ry'])
  .addGateError(depolarizing(1e-2, 2), ['cx'])
  .addGateError(thermalRelaxation(100, 80, 0.05), ['ry', 'cx']);

const out: Record<string, unknown> = {};
const dm = new DensityMatrixSimulator({ noise });
const dmPerLayer: Record<string, number> = {};
for (const n of [8, 10, 12]) {
  const L = 4;
  const ms = timeMs(() => dm.expectations(layers(n, L), [PauliSum.z(0)]), n >= 12 ? 1 : 3, 1);
  const base = timeMs(() => dm.expectations(layers(n, 0), [PauliSum.z(0)]), n >= 12 ? 1 : 3, 1);
  dmPerLayer[`${n}q`] = round((ms - base) / 1000 / L);
}
out['density_matrix_seconds_per_layer'] = dmPerLayer;
const trPerLayer: Record<string, number> = {};
for (const n of [16, 20]) {
  const T = 100;
  const traj = new TrajectorySimulator({ noise, trajectories: T });
  const L = 2;
  const ms = timeMs(() => traj.run({ circuit: layers(n, L), output: 'expectations', observables: [PauliSum.z(0)], seed: 1 }), 1, 0);
  trPerLayer[`${n}q_${T}_trajectories`] = round(ms / 1000 / L);
}
out['trajectories_seconds_per_layer'] = trPerLayer;
console.log(JSON.stringify(out, null, 2));
