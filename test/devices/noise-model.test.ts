import { describe, expect, it } from 'vitest';
import { circuit } from '../../src/circuit/builder.js';
import { getDevice } from '../../src/devices/catalog.js';
import { DeviceBackend, checkCircuitOnDevice } from '../../src/devices/device-backend.js';
import { deviceNoiseModel } from '../../src/devices/noise-from-calibration.js';
import { averageInfidelity, compose } from '../../src/sim/noise/channel.js';
import { PauliSum } from '../../src/sim/pauli.js';

describe('noise model from a device calibration', () => {
  const nairobi = getDevice('ibm_nairobi');

  it('reproduces each gate’s calibrated average infidelity, or the relaxation alone when that is larger (as Aer)', () => {
    const model = deviceNoiseModel(nairobi);
    for (const g of nairobi.calibration.gates.filter((x) => !nairobi.native_gates.virtual.includes(x.gate)).slice(0, 12)) {
      const applied = model.errorsAfter(g.gate, g.qubits).filter((a) => a.qubits.every((q) => g.qubits.includes(q)));
      // Compose into one channel on the gate's qubits (1q gates: all channels act on the same qubit).
      if (g.qubits.length !== 1) continue;
      const total = applied.map((a) => a.channel).reduce((acc, ch) => compose(acc, ch));
      const relaxOnly = applied.filter((a) => a.channel.name.startsWith('thermal')).map((a) => averageInfidelity(a.channel)).reduce((x, y) => x + y, 0);
      const expected = Math.max(g.error, relaxOnly);
      expect(Math.abs(averageInfidelity(total) - expected)).toBeLessThan(0.02 * expected + 1e-7);
    }
  });

  it('takes readout confusion and reset residue from the calibration', () => {
    const model = deviceNoiseModel(nairobi);
    const q3 = nairobi.calibration.qubits.find((q) => q.qubit === 3)!;
    expect(model.readoutError(3)).toEqual({ p1Given0: q3.prob_meas1_prep0, p0Given1: q3.prob_meas0_prep1 });
    const r = nairobi.reset.qubits.find((q) => q.qubit === 3)!;
    expect(model.resetError(3)).toEqual({ from0: r.residual_from_0, from1: r.residual_from_1 });
  });

  it('adds spectator crosstalk after two-qubit gates on superconducting devices only', () => {
    const sherbrooke = getDevice('ibm_sherbrooke');
    const entry = sherbrooke.crosstalk.entries[0]!;
    const model = deviceNoiseModel(sherbrooke);
    const applied = model.errorsAfter('ecr', entry.coupler);
    expect(applied.some((a) => a.channel.name === 'crosstalk-zz' || a.channel.name === 'crosstalk-drive')).toBe(true);
    expect(getDevice('ionq_aria').crosstalk.entries).toHaveLength(0);
  });

  it('scale 0 is an ideal model', () => {
    const model = deviceNoiseModel(nairobi, { scale: 0 });
    expect(model.errorsAfter('cx', nairobi.coupling_map[0]!)).toHaveLength(0);
  });
});

describe('DeviceBackend', () => {
  const nairobi = getDevice('ibm_nairobi');
  const [a, b] = nairobi.coupling_map[0]!;

  it('rejects circuits that are not native or not on couplers, saying which operation', () => {
    expect(checkCircuitOnDevice(circuit(7).h(0).build(), nairobi)[0]?.message).toMatch(/gate h is not native/);
    const far = circuit(7).cx(0, 6).build();
    expect(checkCircuitOnDevice(far, nairobi)[0]?.message).toMatch(/not coupled/);
    expect(() => new DeviceBackend(nairobi).run({ circuit: circuit(7).h(0).build(), output: 'probabilities' })).toThrow(/transpile it first/);
  });

  it('runs a native Bell circuit with realistic fidelity, and a degraded device measurably worse', () => {
    // H = RZ(π/2)·SX·RZ(π/2) up to phase, in IBM's native gates.
    const bell = circuit(7, 2).rz(Math.PI / 2, a).sx(a).rz(Math.PI / 2, a).cx(a, b).measure(a, 0).measure(b, 1).build();
    const good = new DeviceBackend(nairobi).run({ circuit: bell, output: 'counts', shots: 20000, seed: 1 });
    const counts = good.counts![0]!;
    const correct = ((counts['00'] ?? 0) + (counts['11'] ?? 0)) / 20000;
    expect(correct).toBeGreaterThan(0.9);
    expect(correct).toBeLessThan(0.995);
    expect(good.metadata['qubits']).toEqual([a, b]);
    const lagos = getDevice('ibm_lagos');
    const bad = new DeviceBackend(lagos).run({ circuit: bell, output: 'counts', shots: 20000, seed: 1 }).counts![0]!;
    const correctBad = ((bad['00'] ?? 0) + (bad['11'] ?? 0)) / 20000;
    expect(correctBad).toBeLessThan(correct - 0.05);
  });

  it('estimates expectation values on the active qubits only', () => {
    const c = circuit(7).sx(a).build();
    const r = new DeviceBackend(nairobi).run({ circuit: c, output: 'expectations', observables: [PauliSum.parse(`Z${a}`), PauliSum.parse(`Y${a}`)] });
    // SX|0⟩ = (|0⟩ − i|1⟩)/√2 up to phase: ⟨Z⟩ ≈ 0, ⟨Y⟩ ≈ −1 (slightly shrunk by noise).
    expect(Math.abs(r.expectations![0]!)).toBeLessThan(0.02);
    expect(r.expectations![1]!).toBeLessThan(-0.97);
    expect(r.expectations![1]!).toBeGreaterThan(-1);
  });
});
