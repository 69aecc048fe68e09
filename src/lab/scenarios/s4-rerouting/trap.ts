/**
 * Trap circuits with known outputs (QML.M0003), shaped like the victim's own jobs: the job's
 * circuit U(x, w) at a decoy binding, a barrier, its inverse U(x, w)†, then rx(π·bᵢ) on each
 * qubit and a measurement. Ideally the output is the bit string b exactly, whatever x, w and
 * the noise-free device; on hardware the *success rate* P(b) falls with the device's errors, by
 * an amount the client predicts by simulating the trap on the requested device's calibrated
 * noise (a digital twin it can afford: the trap is as small as the job). A provider that
 * tampers with results, or runs the job on a noisier chip, shows a success deficit.
 *
 * The mirror is transpiled once per (circuit, device) by the client with parameters kept
 * symbolic: decoy inputs are the trap's `x[0..n-1]`, the flip angles π·bᵢ are `x[n..n+k-1]`,
 * the job's weights stay `w`. Each trap is one binding; a trap job carries one or more.
 */
import { InputError } from '../../../core/errors.js';
import type { Rng } from '../../../core/rng.js';
import { Circuit } from '../../../circuit/circuit.js';
import { Param } from '../../../circuit/param.js';
import { placeOnRegion } from '../../../cloud/device-region.js';
import { RegionBackends } from '../../../cloud/region-backend.js';
import type { DeviceProfile } from '../../../devices/schema.js';
import type { Counts } from '../../../sim/backend.js';
import { targetFromDevice } from '../../../transpile/target-from-device.js';
import { transpile } from '../../../transpile/transpile.js';

/** A transpiled mirror trap for one device. */
export interface TrapTemplate {
  readonly device: string;
  /** Physical qubits of the placed circuit (ascending). */
  readonly qubits: readonly number[];
  /** Native circuit on the region (qubit i = `qubits[i]`). */
  readonly circuit: Circuit;
  /** Inputs of the job's circuit (the decoy part of each trap's input row). */
  readonly numJobInputs: number;
  /** Logical qubits (= measured bits). */
  readonly numBits: number;
  /** Region qubit measured into each clbit. */
  readonly measuredQubit: readonly number[];
}

/** One trap: its binding and the output it must give. */
export interface Trap {
  /** Input row: decoy inputs, then π·bᵢ. */
  readonly inputs: Float64Array;
  /** The known output b, as a counts key (clbit 0 rightmost). */
  readonly expected: string;
}

/** The logical mirror circuit U · barrier · U† · rx(x[n+i]) · measure, for a unitary template U. */
export function mirrorCircuit(template: Circuit): Circuit {
  const n = template.numInputs;
  const k = template.numQubits;
  const split = template.splitFinalMeasurements();
  const body = split ? split.circuit : template;
  if (body.ops.some((op) => op.kind === 'measure' || op.kind === 'reset')) {
    throw new InputError(`a trap mirrors a unitary circuit; "${template.name}" measures or resets mid-circuit`, 'TRAP');
  }
  const inverse = body.inverse();
  const all = Array.from({ length: k }, (_, i) => i);
  const ops = [
    ...body.ops,
    { kind: 'barrier' as const, qubits: all },
    ...inverse.ops,
    { kind: 'barrier' as const, qubits: all },
    ...all.map((q) => ({ kind: 'gate' as const, name: 'rx', qubits: [q], params: [Param.input(n + q)] })),
    ...all.map((q) => ({ kind: 'measure' as const, qubit: q, clbit: q })),
  ];
  return new Circuit({ name: `${template.name}-trap`, numQubits: k, numClbits: k, ops, globalPhase: 0, qregs: [{ name: 'q', size: k, offset: 0 }], cregs: [{ name: 'c', size: k, offset: 0 }] });
}

/**
 * Transpiles the mirror of `template` to `profile` (level 1, seed 0, symbolic parameters) and
 * places it on the qubits it occupies. `initialLayout` fixes where virtual qubit v goes.
 */
export function buildTrapTemplate(template: Circuit, profile: DeviceProfile, initialLayout?: readonly number[]): TrapTemplate {
  const mirror = mirrorCircuit(template);
  const t = transpile(mirror, targetFromDevice(profile), { level: 1, seed: 0, ...(initialLayout ? { initialLayout } : {}) });
  const placed = placeOnRegion(t.circuit, [], t.finalLayout);
  const measuredQubit = new Array<number>(template.numQubits).fill(-1);
  for (const op of placed.circuit.ops) if (op.kind === 'measure') measuredQubit[op.clbit] = op.qubit;
  if (measuredQubit.some((q) => q < 0)) throw new InputError('the transpiled trap lost a measurement', 'TRAP');
  return { device: profile.id, qubits: placed.qubits, circuit: placed.circuit, numJobInputs: template.numInputs, numBits: template.numQubits, measuredQubit };
}

/** A random trap: decoy inputs uniform in [0, π), random expected bits. */
export function drawTrap(t: TrapTemplate, rng: Rng): Trap {
  const inputs = new Float64Array(t.numJobInputs + t.numBits);
  for (let i = 0; i < t.numJobInputs; i++) inputs[i] = rng.uniform(0, Math.PI);
  let expected = '';
  for (let q = 0; q < t.numBits; q++) {
    const bit = rng.random() < 0.5 ? 1 : 0;
    inputs[t.numJobInputs + q] = bit * Math.PI;
    expected = `${bit}${expected}`;
  }
  return { inputs, expected };
}

/** The observed success rate of each trap binding: the frequency of its expected output. */
export function trapSuccess(counts: readonly Counts[], traps: readonly Trap[]): number[] {
  if (counts.length !== traps.length) throw new InputError(`${counts.length} trap result(s) for ${traps.length} trap(s)`, 'TRAP');
  return traps.map((trap, b) => {
    const c = counts[b] as Counts;
    const total = Object.values(c).reduce((a, n) => a + n, 0);
    if (total === 0) throw new InputError(`trap ${b} came back without shots`, 'TRAP');
    return (c[trap.expected] ?? 0) / total;
  });
}

/**
 * The success rate each trap should have on `profile` (exact, from the calibrated noise model):
 * the probability of reading its expected bits, readout errors included.
 */
export function predictedTrapSuccess(t: TrapTemplate, profile: DeviceProfile, traps: readonly Trap[], weights: ArrayLike<number>, regions?: RegionBackends): number[] {
  if (profile.id !== t.device) throw new InputError(`the trap was transpiled for ${t.device}, not ${profile.id}`, 'TRAP');
  if (traps.length === 0) return [];
  const backends = regions ?? new RegionBackends(profile);
  const r = backends.run({ circuit: t.circuit, output: 'probabilities', inputs: traps.map((x) => x.inputs), weights }, t.qubits);
  const p = r.probabilities;
  if (!p) throw new InputError('the device simulation returned no probabilities', 'TRAP');
  const dim = 2 ** t.qubits.length;
  return traps.map((trap, b) => {
    const bits = [...trap.expected].reverse().map(Number);
    let mask = 0;
    let want = 0;
    t.measuredQubit.forEach((q, clbit) => {
      mask |= 1 << q;
      if (bits[clbit] === 1) want |= 1 << q;
    });
    let s = 0;
    for (let i = 0; i < dim; i++) if ((i & mask) === want) s += p[b * dim + i] as number;
    return s;
  });
}
