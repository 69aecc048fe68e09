/**
 * Circuits and simulation: build a parameterised circuit (inputs x[i], weights w[j]), read
 * OpenQASM 2 and 3, take statevectors and expectation values of Pauli sums, sample shots with a
 * seed, bind one template to a batch of inputs, check the adjoint gradient against the
 * parameter-shift rule, and run a circuit with the calibrated noise of IBM Nairobi to see the
 * fidelity drop.
 *
 *   npx tsx examples/simulate.ts
 */
import {
  DensityMatrixSimulator, PauliSum, StatevectorSimulator, adjointGradient, circuit, deviceNoiseModel, getDevice, parseQasm,
  targetForDevice, toQasm3, transpile, w, x, type Circuit,
} from '../src/index.js';

const sim = new StatevectorSimulator();
const fmt = (v: number) => (v >= 0 ? ' ' : '') + v.toFixed(6);

// 1. A QNN template with the builder: angle-encode 3 features, then a trainable layer and a CNOT chain.
const qnn = circuit(3, 0, 'qnn')
  .ry(x(0), 0).ry(x(1), 1).ry(x(2), 2)
  .rz(w(0), 0).ry(w(1), 0).rz(w(2), 1).ry(w(3), 1).ry(w(4), 2)
  .cx(0, 1).cx(1, 2)
  .ry(w(5), 2)
  .build();
console.log(`Template "${qnn.name}": ${qnn.numQubits} qubits, ${qnn.numInputs} inputs x[i], ${qnn.numWeights} weights w[j], depth ${qnn.depth()}`);
console.log(qnn.draw());

// 2. OpenQASM 2 and 3 in; OpenQASM 3 out. Qubit q is bit q of the basis index (Qiskit's order).
const ghz = parseQasm(`OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
h q[0];
cx q[0], q[1];
cx q[1], q[2];
measure q -> c;`);
const template3 = parseQasm(`OPENQASM 3.0;
include "stdgates.inc";
input float[64] x_0;
input float[64] w_0;
qubit[2] q;
ry(pi * x_0) q[0];
cx q[0], q[1];
rz(0.5 * w_0 + x_0) q[1];`);
console.log(`\nOpenQASM 2 → ${ghz.numQubits} qubits, ${ghz.numClbits} clbits, ops ${JSON.stringify(ghz.countOps())}`);
console.log(`OpenQASM 3 → ${template3.numQubits} qubits, ${template3.numInputs} input and ${template3.numWeights} weight parameter(s), ops ${JSON.stringify(template3.countOps())}`);

// 3. Statevector and expectation values of Pauli sums (GHZ: ⟨ZZ⟩ = 1, ⟨XXX⟩ = 1, ⟨Z⟩ = 0).
const sv = sim.statevector(ghz);
for (let i = 0; i < sv.length / 2; i++) {
  if (Math.hypot(sv[2 * i]!, sv[2 * i + 1]!) > 1e-12) console.log(`  |${i.toString(2).padStart(3, '0')}⟩  ${fmt(sv[2 * i]!)} ${fmt(sv[2 * i + 1]!)}i`);
}
const observables = ['Z0Z1 + Z1Z2', 'X0X1X2', '0.5*Z0 - Y1'].map((s) => PauliSum.parse(s));
const exact = sim.expectations(ghz, observables);
observables.forEach((o, k) => console.log(`  ⟨${o.toString()}⟩ = ${fmt(exact[k]!)}`));

// 4. Shots: the same seed gives the same counts; shot estimates scatter around the exact values.
const counts = sim.counts(ghz, 1000, { seed: 7 });
const again = sim.counts(ghz, 1000, { seed: 7 });
console.log(`\n1000 shots, seed 7: ${JSON.stringify(counts)}; same seed again identical: ${JSON.stringify(counts) === JSON.stringify(again)}`);
const estimated = sim.expectations(ghz, observables, {}, { shots: 1000, seed: 7 });
observables.forEach((o, k) => console.log(`  ⟨${o.toString()}⟩ ≈ ${fmt(estimated[k]!)} from 1000 shots (exact ${fmt(exact[k]!)})`));

// 5. One template, a batch of bindings: 4 input rows and shared weights in one call,
//    compared with binding each row into its own circuit.
const weights = [0.3, -0.7, 1.1, 0.4, -0.2, 0.9];
const inputs = [[0.1, 0.2, 0.3], [0.5, -0.4, 1.2], [1.5, 0.0, -0.6], [-0.9, 0.8, 0.2]];
const H = PauliSum.parse('Z0Z1 + 0.5*X2');
const batched = sim.expectations(qnn, [H], { inputs, weights });
const oneByOne = inputs.map((row) => sim.expectations(qnn.bind(row, weights), [H])[0]!);
const batchDiff = Math.max(...oneByOne.map((v, b) => Math.abs(v - batched[b]!)));
console.log(`\n⟨${H.toString()}⟩ for ${inputs.length} inputs in one batched call: [${Array.from(batched, fmt).join(',')}]`);
console.log(`  largest difference from binding each row separately: ${batchDiff.toExponential(1)}`);
const roundTrip = sim.expectations(parseQasm(toQasm3(qnn)), [H], { inputs, weights });
console.log(`  the template exported to OpenQASM 3 and parsed back gives the same values: ${roundTrip.every((v, b) => Math.abs(v - batched[b]!) < 1e-12)}`);

// 6. Adjoint gradient (one forward and one backward pass) against the parameter-shift rule.
//    Every parameter here enters one rotation with coefficient 1, so
//    ∂⟨H⟩/∂θ = [⟨H⟩(θ + π/2) − ⟨H⟩(θ − π/2)] / 2 — all shifted circuits run as one batch with
//    per-binding weights.
const row = inputs[1]!;
const adj = adjointGradient(qnn, [H], { inputs: [row], weights });
const shifted: number[][] = [];
for (let j = 0; j < weights.length; j++) {
  for (const s of [Math.PI / 2, -Math.PI / 2]) shifted.push(weights.map((v, k) => (k === j ? v + s : v)));
}
const f = sim.expectations(qnn, [H], { inputs: shifted.map(() => row), weights: shifted });
const shiftRows: [string, number, number][] = weights.map((_, j) => [`w[${j}]`, adj.weightGradients[j]!, (f[2 * j]! - f[2 * j + 1]!) / 2]);
// Inputs by central finite differences (step 1e-5), for a second, independent check.
const h = 1e-5;
const fd = row.map((_, i) => {
  const plus = row.map((v, k) => (k === i ? v + h : v));
  const minus = row.map((v, k) => (k === i ? v - h : v));
  const e = sim.expectations(qnn, [H], { inputs: [plus, minus], weights });
  return (e[0]! - e[1]!) / (2 * h);
});
const fdRows: [string, number, number][] = row.map((_, i) => [`x[${i}]`, adj.inputGradients[i]!, fd[i]!]);
console.log(`\n∂⟨${H.toString()}⟩ at input row 1:`);
console.log('  param      adjoint      shift / FD     |diff|');
for (const [name, a, b] of [...shiftRows, ...fdRows]) console.log(`  ${name.padEnd(6)} ${fmt(a).padStart(11)} ${fmt(b).padStart(13)}   ${Math.abs(a - b).toExponential(1)}`);
const shiftErr = Math.max(...shiftRows.map(([, a, b]) => Math.abs(a - b)));
const fdErr = Math.max(...fdRows.map(([, a, b]) => Math.abs(a - b)));
console.log(`  adjoint = parameter shift to 1e-9: ${shiftErr < 1e-9}; adjoint = finite differences to 1e-6: ${fdErr < 1e-6}`);

// 7. Noise: GHZ states transpiled to IBM Nairobi (7 qubits, native rz/sx/x/cx on its coupling
//    map), then simulated as density matrices of the whole chip with the device's calibrated
//    noise model. The fidelity ⟨ψ|ρ|ψ⟩ with the ideal output of the same physical circuit drops
//    as CNOTs add up; much of the loss is crosstalk of each CNOT onto its idle neighbours.
const nairobi = getDevice('ibm_nairobi');
const noisy = new DensityMatrixSimulator({ noise: deviceNoiseModel(nairobi) });
const noCrosstalk = new DensityMatrixSimulator({ noise: deviceNoiseModel(nairobi, { crosstalk: false }) });
console.log(`\nGHZ on ${nairobi.name} with its calibrated noise (density matrix of all ${nairobi.num_qubits} qubits):`);
for (const n of [2, 3, 5, 7]) {
  const b = circuit(n, 0, `ghz${n}`).h(0);
  for (let q = 0; q + 1 < n; q++) b.cx(q, q + 1);
  const t = transpile(b.build(), targetForDevice('ibm_nairobi'), { level: 1, seed: 1 });
  const ideal = sim.statevector(t.circuit);
  const full = fidelity(ideal, noisy.densityMatrix(t.circuit), t.circuit);
  const quiet = fidelity(ideal, noCrosstalk.densityMatrix(t.circuit), t.circuit);
  console.log(`  GHZ-${n}: ${String(t.metrics.twoQubitGates).padStart(2)} CNOTs, depth ${String(t.metrics.depth).padStart(2)}, fidelity ${full.toFixed(4)} (${quiet.toFixed(4)} without crosstalk)`);
}

/** ⟨ψ|ρ|ψ⟩ for a statevector ψ and a density matrix ρ (both interleaved complex). */
function fidelity(psi: Float64Array, rho: Float64Array, c: Circuit): number {
  const d = 2 ** c.numQubits;
  let re = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      // conj(ψ_i) · ρ_ij · ψ_j, real part (the sum is real).
      const [ar, ai] = [psi[2 * i]!, -psi[2 * i + 1]!];
      const [br, bi] = [rho[2 * (i * d + j)]!, rho[2 * (i * d + j) + 1]!];
      const [cr, ci] = [psi[2 * j]!, psi[2 * j + 1]!];
      const [pr, pi] = [ar * br - ai * bi, ar * bi + ai * br];
      re += pr * cr - pi * ci;
    }
  }
  return re;
}
