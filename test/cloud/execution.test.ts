import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { w } from '../../src/circuit/param.js';
import { CloudExecutor } from '../../src/cloud/cloud-executor.js';
import { deviceExecutor } from '../../src/cloud/device-executor.js';
import { placeOnRegion, regionProfile } from '../../src/cloud/device-region.js';
import { ProviderTranspiler } from '../../src/cloud/provider-transpiler.js';
import { QuantumCloud } from '../../src/cloud/quantum-cloud.js';
import { RegionBackends } from '../../src/cloud/region-backend.js';
import { getDevice } from '../../src/devices/catalog.js';
import { DeviceBackend } from '../../src/devices/device-backend.js';
import { evaluate } from '../../src/qml/gradients/executor.js';
import { vjp } from '../../src/qml/gradients/vjp.js';
import { QNN } from '../../src/qml/qnn.js';
import { simulatorExecutor } from '../../src/qml/runner.js';
import { PauliString, PauliSum } from '../../src/sim/pauli.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';
import { targetFromDevice } from '../../src/transpile/target-from-device.js';
import { transpile } from '../../src/transpile/transpile.js';

const qnn = new QNN({ numQubits: 4, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 2 } });
const rng = new Rng('cloud-execution');
const inputs = Array.from({ length: 5 }, () => Float64Array.from({ length: 4 }, () => rng.uniform(0, Math.PI)));
const weights = qnn.initialWeights(rng);

describe('regions of a device', () => {
  it('running a placed circuit on its region equals running the physical circuit on the whole device', () => {
    const profile = getDevice('ibm_nairobi');
    const t = transpile(qnn.circuit, targetFromDevice(profile), { seed: 3 });
    const placed = placeOnRegion(t.circuit, qnn.observables, t.finalLayout);
    const physicalObs = qnn.observables.map((o) => new PauliSum(o.terms.map((s) => new PauliString(s.coeff, s.paulis.map((p) => ({ qubit: t.finalLayout[p.qubit] as number, pauli: p.pauli }))))));
    const full = new DeviceBackend(profile).run({ circuit: t.circuit, output: 'expectations', observables: physicalObs, inputs, weights });
    const region = new RegionBackends(profile).run({ circuit: placed.circuit, output: 'expectations', observables: placed.observables, inputs, weights }, placed.qubits);
    expect(Array.from(region.expectations ?? [])).toEqual(Array.from(full.expectations ?? []));
    expect(region.metadata['qubits']).toEqual(placed.qubits);
  });

  it('a region profile keeps only what lies inside, renumbered', () => {
    const p = regionProfile(getDevice('ibm_sherbrooke'), [89, 88, 87]);
    expect(p.num_qubits).toBe(3);
    expect(p.coupling_map).toEqual([[0, 1], [1, 2]]);
    expect(p.calibration.qubits.map((q) => q.qubit)).toEqual([0, 1, 2]);
    expect(p.crosstalk.entries.every((e) => [...e.coupler, e.via, e.spectator].every((q) => q >= 0 && q < 3))).toBe(true);
    expect(p.crosstalk.entries.some((e) => e.spectator === 2 && e.via === 1)).toBe(true);
    expect(() => regionProfile(getDevice('ibm_nairobi'), [3, 9])).toThrow(/no qubit 9/);
  });

  it('the device executor runs templates routed onto high qubit numbers of a 127-qubit chip', () => {
    const ex = deviceExecutor('ibm_sherbrooke', { seed: 0 });
    const p = ex.prepare?.(qnn.circuit, qnn.observables);
    // Exact expectations of the noisy state (no readout error, no shot noise): close to the ideal ones.
    const noisy = evaluate({ ...ex, shots: undefined }, p?.circuit ?? qnn.circuit, p?.observables ?? [], inputs, weights, 1);
    const ideal = evaluate(simulatorExecutor(), qnn.circuit, qnn.observables, inputs, weights, 1);
    expect(Math.max(...(ex.placements.lookup(p?.circuit ?? qnn.circuit) ?? [0]))).toBeGreaterThan(52);
    noisy.forEach((v, i) => {
      const e = ideal[i] as number;
      expect(Math.abs(v - e)).toBeLessThan(0.35 * Math.abs(e) + 0.02);
      if (Math.abs(e) > 0.05) expect(Math.sign(v)).toBe(Math.sign(e));
    });
  });
});

describe('provider-side transpilation', () => {
  it('transpiles a structure once and gives what transpiling each circuit would', () => {
    const target = targetFromDevice(getDevice('ibm_nairobi'));
    const t = new ProviderTranspiler(target, { seed: 5 });
    const sv = new StatevectorSimulator();
    const run = (c: typeof qnn.circuit, obs: typeof qnn.observables) => sv.run({ circuit: c, output: 'expectations', observables: obs, inputs, weights }).expectations as Float64Array;
    const variants = [0, 3, 7, 11].map((i) => {
      const ops = qnn.circuit.ops.slice();
      const at = ops.findIndex((op, k) => k >= i && op.kind === 'gate' && op.params.some((p) => p.dependsOnWeights));
      const op = ops[at] as Extract<(typeof ops)[number], { kind: 'gate' }>;
      ops[at] = { ...op, params: op.params.map((p, j) => (j === 0 ? p.add(Math.PI / 2) : p)) };
      return qnn.circuit.with({ ops });
    });
    for (const c of [qnn.circuit, ...variants]) {
      const ours = t.place(c, qnn.observables);
      const direct = transpile(c, target, { seed: 5 });
      const theirs = placeOnRegion(direct.circuit, qnn.observables, direct.finalLayout);
      const a = run(ours.circuit, ours.observables);
      const b = run(theirs.circuit, theirs.observables);
      const logical = run(c, qnn.observables);
      a.forEach((v, i) => {
        expect(v).toBeCloseTo(b[i] as number, 10);
        expect(v).toBeCloseTo(logical[i] as number, 10);
      });
    }
    expect(t.transpilations).toBe(1);
  });
});

describe('CloudExecutor: synchronous QML code on an asynchronous cloud', () => {
  const cloud = () => new QuantumCloud({ id: 'qc', devices: ['ibm_nairobi'], simulation: 'ideal', queue: 'median' });
  const executorOn = (c: QuantumCloud) => new CloudExecutor({
    name: 'cloud:qc', maxQubits: 7,
    send: (b) => c.submit({ tenant: 't', form: 'logical', circuit: b.circuit, output: 'expectations', observables: b.observables ?? [], inputs: b.inputs ?? [], weights: b.weights ?? [], shots: 100, exact: true }),
  });

  it('gives the parameter-shift gradient of the local simulator, in two rounds and one burst of jobs', async () => {
    const c = cloud();
    const ex = executorOn(c);
    const upstream = Float64Array.from({ length: inputs.length * 4 }, (_, i) => Math.sin(i));
    const req = { circuit: qnn.circuit, observables: qnn.observables, inputs, weights, upstream };
    const local = vjp('parameter-shift', { ...req, executor: simulatorExecutor() });
    let rounds = 0;
    const { value, jobs } = await ex.settle(() => {
      rounds++;
      return vjp('parameter-shift', { ...req, executor: ex });
    });
    expect(Array.from(value.weights)).toEqual(Array.from(local.weights));
    expect(rounds).toBe(2);
    expect(jobs).toHaveLength(local.evaluations);
    // All jobs went out at t = 0 and queued behind each other.
    expect(new Set(jobs.map((j) => j.metadata.submitted_at_s))).toEqual(new Set([0]));
    expect(c.usage().total.jobs).toBe(local.evaluations);
  });

  it('takes more rounds when later circuits depend on measured values', async () => {
    const ex = executorOn(cloud());
    const first = new CircuitBuilder(1).ry(0.7, 0).build();
    const second = new CircuitBuilder(1).ry(w(0), 0).build();
    const z = [PauliSum.parse('Z0')];
    const { value } = await ex.settle(() => {
      const a = evaluate(ex, first, z, [new Float64Array(0)], [], 0)[0] as number;
      return evaluate(ex, second, z, [new Float64Array(0)], [Math.acos(Math.max(-1, Math.min(1, a)))], 0)[0] as number;
    });
    expect(value).toBeCloseTo(Math.cos(0.7), 12);
  });

  it('gives up, with a clear error, on a computation that never stops asking for new circuits', async () => {
    const c = cloud();
    const ex = new CloudExecutor({
      name: 'cloud:qc', maxQubits: 7, maxRounds: 5,
      send: (b) => c.submit({ tenant: 't', form: 'logical', circuit: b.circuit, output: 'expectations', observables: b.observables ?? [], shots: 100, exact: true }),
    });
    let calls = 0;
    const z = [PauliSum.parse('Z0')];
    await expect(ex.settle(() => evaluate(ex, new CircuitBuilder(1).ry(++calls, 0).build(), z, [new Float64Array(0)], [], 0))).rejects.toThrow(/after 5 rounds/);
    expect(calls).toBe(5);
  });
});
