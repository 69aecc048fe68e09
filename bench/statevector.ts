/**
 * Statevector benchmarks (issue: foundation). Prints JSON:
 * - ns per amplitude per gate for a general one-qubit gate and for CNOT at 16, 20, 24 qubits;
 * - wall time of a 24-qubit circuit of 10 layers (RY on every qubit, then a CNOT chain);
 * - evaluations per second of batched small circuits (4, 8, 10 qubits, 150 bindings);
 * - the 16-qubit 10-layer circuit against the npm simulators' measured times.
 */
import { pathToFileURL } from 'node:url';
import { CircuitBuilder } from '../src/circuit/builder.js';
import { x, w } from '../src/circuit/param.js';
import { PauliSum } from '../src/sim/pauli.js';
import { StatevectorSimulator } from '../src/sim/statevector.js';
import { round, timeMs, type Benchmark } from './harness.js';

function layeredCircuit(n: number, layers: number, gate: 'u3' | 'cx'): CircuitBuilder {
  const b = new CircuitBuilder(n);
  for (let l = 0; l < layers; l++) {
    if (gate === 'u3') for (let q = 0; q < n; q++) b.u3(0.1 + l, 0.2, 0.3, q);
    else for (let q = 0; q < n - 1; q++) b.cx(q, q + 1);
  }
  return b;
}

function ryCnotCircuit(n: number, layers: number) {
  const b = new CircuitBuilder(n);
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < n; q++) b.ry(0.1 * (q + 1) + l, q);
    for (let q = 0; q < n - 1; q++) b.cx(q, q + 1);
  }
  return b.build();
}

/** ns per amplitude per gate: time(L layers) − time(0 layers), divided by gates × 2^n. */
function perGate(sim: StatevectorSimulator, n: number, gate: 'u3' | 'cx'): number {
  const layers = n >= 24 ? 2 : n >= 20 ? 4 : 20;
  const repeats = n >= 24 ? 3 : 5;
  const full = layeredCircuit(n, layers, gate).build();
  const empty = new CircuitBuilder(n).build();
  const tFull = timeMs(() => sim.run({ circuit: full, output: 'probabilities' }), repeats);
  const tEmpty = timeMs(() => sim.run({ circuit: empty, output: 'probabilities' }), repeats);
  const gates = layers * (gate === 'u3' ? n : n - 1);
  return ((tFull - tEmpty) * 1e6) / gates / 2 ** n;
}

function batchedEvaluations(sim: StatevectorSimulator, n: number, layers: number): { params: number; evals_per_s: number } {
  const b = new CircuitBuilder(n);
  for (let q = 0; q < n; q++) b.ry(x(q % 4), q);
  let j = 0;
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < n; q++) b.ry(w(j++), q).rz(w(j++), q);
    for (let q = 0; q < n; q++) b.cx(q, (q + 1) % n);
  }
  const circuit = b.build();
  const inputs = Array.from({ length: 150 }, (_, i) => [Math.sin(i), Math.cos(i), i / 150, 0.5]);
  const weights = Array.from({ length: j }, (_, i) => 0.01 * i);
  const observables = Array.from({ length: n }, (_, q) => PauliSum.z(q));
  const ms = timeMs(() => sim.expectations(circuit, observables, { inputs, weights }), 50, 200);
  return { params: j, evals_per_s: round((150 / ms) * 1000) };
}

export const statevectorBenchmark: Benchmark = {
  name: 'statevector',
  run() {
    const noFusion = new StatevectorSimulator({ fusion: false });
    const js = new StatevectorSimulator({ fusion: false, wasm: false });
    const sim = new StatevectorSimulator();
    const perGateNs: Record<string, Record<string, number>> = {};
    for (const n of [16, 20, 24]) {
      perGateNs[`${n}q`] = {
        one_qubit_u3: round(perGate(noFusion, n, 'u3')),
        cnot: round(perGate(noFusion, n, 'cx')),
        one_qubit_u3_plain_js: round(perGate(js, n, 'u3')),
        cnot_plain_js: round(perGate(js, n, 'cx')),
      };
    }
    const c24 = ryCnotCircuit(24, 10);
    const t24 = timeMs(() => sim.run({ circuit: c24, output: 'probabilities' }), 2, 1);
    const c16 = ryCnotCircuit(16, 10);
    const t16 = timeMs(() => sim.run({ circuit: c16, output: 'statevector' }), 5, 1);
    const batched = {
      '4q': batchedEvaluations(sim, 4, 3),
      '8q': batchedEvaluations(sim, 8, 4),
      '10q': batchedEvaluations(sim, 10, 6),
    };
    return {
      ns_per_amplitude_per_gate: perGateNs,
      ry_cnot_24q_10_layers_seconds: round(t24 / 1000),
      batched_150_bindings: batched,
      ry_cnot_16q_10_layers_ms: round(t16),
      speedup_vs_npm_simulators: {
        note: 'jsqubits and quantum-circuit took 44 s and 97 s for the 16-qubit 10-layer circuit on this machine class (issue 2)',
        vs_jsqubits: round(44_000 / t16),
        vs_quantum_circuit: round(97_000 / t16),
      },
    };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await statevectorBenchmark.run(), null, 2));
}
