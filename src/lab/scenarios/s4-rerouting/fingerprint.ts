/**
 * Device fingerprinting after Wu, Hu and Li, "Detecting Fraudulent Services on Quantum Cloud
 * Platforms via Dynamic Fingerprinting" (ICCAD 2024, arXiv 2408.11203), in our own words:
 *
 * - **Probe circuit** (one circuit, native to the claimed device, on the qubits the job used):
 *   every qubit is flipped to |1⟩ with `x`, then every coupler among them runs its native
 *   two-qubit gate twice (cx·cx = cz·cz = ecr·ecr = I), then all qubits are measured. Ideally
 *   every qubit reads 1; on hardware each qubit's *survival probability* (the frequency of its
 *   ideal value) falls by its own gate, relaxation, crosstalk and readout errors — a vector that
 *   differs from chip to chip and qubit to qubit.
 * - **Device-side fingerprint**: the survival frequencies measured from the probe's counts.
 * - **User-side fingerprint**: the survival probabilities predicted from the claimed device's
 *   published calibration, in one pass over the circuit (linear in its size): each qubit's
 *   probability of holding |1⟩ is propagated through the gates (a cx flips its target with the
 *   control's probability, qubits treated as independent), and after each gate the calibrated
 *   error is applied as Aer-style device noise does — relaxation for the gate's duration
 *   (decay 1 − e^(−t/T1)) plus the depolarizing remainder of the reported gate error (a flip with
 *   probability λ/2), and the spectator crosstalk of two-qubit gates — then the readout confusion.
 * - **Test**: the Manhattan (L1) distance between the two vectors; the paper flags a fraudulent
 *   service when it exceeds 0.035.
 *
 * Simplifications: the probe's structure is ours (the paper's exact gate sequence is not
 * reproduced); survivals are propagated as independent marginals, so correlations the
 * two-qubit gates create enter only to first order; ECR pairs are treated as classically
 * inert between the two gates.
 */
import { InputError } from '../../../core/errors.js';
import type { Circuit } from '../../../circuit/circuit.js';
import { CircuitBuilder } from '../../../circuit/builder.js';
import { checkRegion } from '../../../cloud/device-region.js';
import { zzPhaseError } from '../../../devices/crosstalk.js';
import type { DeviceProfile, GateCalibration, QubitCalibration } from '../../../devices/schema.js';
import type { Counts } from '../../../sim/backend.js';

/** The paper's decision threshold on the Manhattan distance. */
export const WU_MANHATTAN_THRESHOLD = 0.035;

/** Two-qubit gates that are their own inverse, so that a pair of them is the identity. */
const SELF_INVERSE_TWO_QUBIT = ['cx', 'cz', 'ecr'] as const;

/** A probe circuit placed on physical qubits of one device. */
export interface FingerprintProbe {
  readonly device: string;
  /** Physical qubit of each circuit qubit (ascending). */
  readonly qubits: readonly number[];
  /** The native circuit on qubits 0..k-1 (circuit qubit i is physical qubit `qubits[i]`); clbit i measures qubit i. */
  readonly circuit: Circuit;
  /** Ideal value of each measured qubit (all 1). */
  readonly ideal: readonly (0 | 1)[];
  /** Couplers exercised, as pairs of circuit qubits in gate order. */
  readonly couplers: readonly (readonly [number, number])[];
}

/** Options of {@link buildFingerprintProbe}. */
export interface ProbeOptions {
  /** How many gate pairs run on each coupler (default 1: two gates). */
  readonly pairsPerCoupler?: number;
}

/**
 * The probe circuit of `profile` on the physical `qubits` (see the module comment). Throws when
 * the device lacks a native `x` or a self-inverse native two-qubit gate.
 */
export function buildFingerprintProbe(profile: DeviceProfile, qubits: readonly number[], options: ProbeOptions = {}): FingerprintProbe {
  const region = checkRegion(profile, qubits);
  const pairs = options.pairsPerCoupler ?? 1;
  if (!Number.isInteger(pairs) || pairs < 0) throw new InputError(`pairsPerCoupler must be a non-negative integer, got ${pairs}`, 'PROBE');
  if (!profile.native_gates.one_qubit.includes('x')) {
    throw new InputError(`the fingerprint probe needs a native x gate; ${profile.id} offers ${profile.native_gates.one_qubit.join(', ')}`, 'PROBE');
  }
  const twoQubit = profile.native_gates.two_qubit.find((g) => (SELF_INVERSE_TWO_QUBIT as readonly string[]).includes(g));
  if (!twoQubit) {
    throw new InputError(`the fingerprint probe needs a self-inverse native two-qubit gate (${SELF_INVERSE_TWO_QUBIT.join(', ')}); ${profile.id} offers ${profile.native_gates.two_qubit.join(', ')}`, 'PROBE');
  }
  const index = new Map(region.map((q, i) => [q, i]));
  const oriented = profile.directed && profile.directed_couplers ? profile.directed_couplers : profile.coupling_map;
  const couplers = oriented
    .filter(([a, b]) => index.has(a) && index.has(b))
    .map(([a, b]) => [index.get(a) as number, index.get(b) as number] as const);
  const k = region.length;
  const b = new CircuitBuilder(k, k, `fingerprint-probe-${profile.id}`);
  for (let i = 0; i < k; i++) b.x(i);
  b.barrier(...region.map((_, i) => i));
  for (const [c, t] of couplers) for (let r = 0; r < 2 * pairs; r++) b.gate(twoQubit, [c, t]);
  b.barrier(...region.map((_, i) => i));
  for (let i = 0; i < k; i++) b.measure(i, i);
  return { device: profile.id, qubits: region, circuit: b.build(), ideal: region.map(() => 1), couplers };
}

function gateCalibrations(profile: DeviceProfile): Map<string, GateCalibration> {
  const out = new Map<string, GateCalibration>();
  for (const g of profile.calibration.gates) out.set(`${g.gate}:${g.qubits.join(',')}`, g);
  return out;
}

function lookupGate(cals: ReadonlyMap<string, GateCalibration>, profile: DeviceProfile, name: string, qubits: readonly number[]): GateCalibration {
  const g = cals.get(`${name}:${qubits.join(',')}`) ?? cals.get(`${name}:${[...qubits].reverse().join(',')}`);
  if (!g) throw new InputError(`${profile.id} publishes no calibration of ${name} on qubit(s) ${qubits.join(', ')}`, 'CALIBRATION');
  return g;
}

/** Process fidelity of one qubit's thermal relaxation over `ns` (T2 clipped to 2·T1). */
function relaxationProcessFidelity(q: QubitCalibration, ns: number): number {
  const t = ns / 1000;
  const t2 = Math.min(q.t2_us, 2 * q.t1_us);
  return (1 + Math.exp(-t / q.t1_us) + 2 * Math.exp(-t / t2)) / 4;
}

/** Joint distribution of two qubits' values, indexed 2·a + b. */
type Pair = [number, number, number, number];

/** Relaxation and depolarizing parts of a calibrated gate (as device noise derives them). */
function gateErrorParts(g: GateCalibration, cals: readonly QubitCalibration[]): { lambda: number; decay: number[] } {
  const d = 2 ** cals.length;
  const processFidelity = cals.reduce((acc, c) => acc * relaxationProcessFidelity(c, g.duration_ns), 1);
  const relaxInfidelity = g.duration_ns > 0 ? 1 - (d * processFidelity + 1) / (d + 1) : 0;
  const lambda = Math.min((d * Math.max(0, g.error - relaxInfidelity)) / (d - 1), (d * d) / (d * d - 1));
  return { lambda, decay: cals.map((c) => 1 - Math.exp(-g.duration_ns / 1000 / c.t1_us)) };
}

/**
 * The user-side fingerprint: predicted survival probability of each probe qubit on the claimed
 * device, from its calibration (see the module comment). Qubits are tracked as independent
 * marginals, except the two qubits of a run of two-qubit gates on one coupler, which are
 * tracked jointly through the run (so a cx pair cancels whatever the control holds). Linear in
 * the probe's size.
 */
export function predictedSurvival(profile: DeviceProfile, probe: FingerprintProbe): number[] {
  if (probe.device !== profile.id) throw new InputError(`the probe was built for ${probe.device}, not ${profile.id}`, 'PROBE');
  const cals = gateCalibrations(profile);
  const qubitCal = new Map(profile.calibration.qubits.map((q) => [q.qubit, q]));
  const cal = (local: number): QubitCalibration => {
    const c = qubitCal.get(probe.qubits[local] as number);
    if (!c) throw new InputError(`${profile.id} publishes no calibration of qubit ${probe.qubits[local]}`, 'CALIBRATION');
    return c;
  };
  const index = new Map(probe.qubits.map((q, i) => [q, i]));
  const p1 = new Float64Array(probe.qubits.length);
  const flip = (i: number, f: number) => { p1[i] = (p1[i] as number) * (1 - f) + (1 - (p1[i] as number)) * f; };

  // The ZZ phase of a coupler accrues over its calibrated two-qubit gate duration; like the
  // device noise derivation, take the last calibration listed for the (unordered) coupler.
  const couplerDuration = new Map<string, number>();
  for (const g of profile.calibration.gates) {
    if (g.qubits.length === 2) couplerDuration.set([...g.qubits].sort((x, y) => x - y).join('-'), g.duration_ns);
  }
  const crosstalk = (physical: readonly number[], skip: readonly number[]) => {
    const [a, b] = physical as [number, number];
    const durationNs = couplerDuration.get(a < b ? `${a}-${b}` : `${b}-${a}`) ?? 0;
    for (const e of profile.crosstalk.entries) {
      const same = (e.coupler[0] === a && e.coupler[1] === b) || (e.coupler[0] === b && e.coupler[1] === a);
      const spectator = index.get(e.spectator);
      if (!same || spectator === undefined || skip.includes(spectator) || !index.has(e.via)) continue;
      flip(spectator, (2 / 3) * Math.min(1, Math.max(0, e.error - zzPhaseError(e.zz_khz, durationNs))));
    }
  };

  const oneQubit = (name: string, q: number) => {
    if (name === 'x') flip(q, 1);
    else if (name !== 'id') throw new InputError(`the survival prediction does not model gate ${name}`, 'PROBE');
    const g = lookupGate(cals, profile, name, [probe.qubits[q] as number]);
    const { lambda, decay } = gateErrorParts(g, [cal(q)]);
    flip(q, lambda / 2);
    p1[q] = (p1[q] as number) * (1 - (decay[0] as number));
  };

  // A run of two-qubit gates on qubits (a, b): joint distribution through the run.
  const twoQubitRun = (names: readonly string[], a: number, b: number) => {
    const pa = p1[a] as number;
    const pb = p1[b] as number;
    let j: Pair = [(1 - pa) * (1 - pb), (1 - pa) * pb, pa * (1 - pb), pa * pb];
    const physical = [probe.qubits[a] as number, probe.qubits[b] as number];
    for (const name of names) {
      if (name === 'cx') j = [j[0], j[1], j[3], j[2]];
      else if (name !== 'cz' && name !== 'ecr') throw new InputError(`the survival prediction does not model gate ${name}`, 'PROBE');
      const g = lookupGate(cals, profile, name, physical);
      const { lambda, decay } = gateErrorParts(g, [cal(a), cal(b)]);
      // Two-qubit depolarizing: each of the 15 non-identity Paulis with λ/16, so each flip
      // pattern (a only, b only, both) has probability λ/4.
      const f = lambda / 4;
      const stay = 1 - 3 * f;
      j = [
        stay * j[0] + f * (j[1] + j[2] + j[3]),
        stay * j[1] + f * (j[0] + j[2] + j[3]),
        stay * j[2] + f * (j[0] + j[1] + j[3]),
        stay * j[3] + f * (j[0] + j[1] + j[2]),
      ];
      const [da, db] = decay as [number, number];
      j = [
        j[0] + db * j[1] + da * j[2] + da * db * j[3],
        (1 - db) * j[1] + da * (1 - db) * j[3],
        (1 - da) * j[2] + (1 - da) * db * j[3],
        (1 - da) * (1 - db) * j[3],
      ];
      crosstalk(physical, [a, b]);
    }
    p1[a] = j[2] + j[3];
    p1[b] = j[1] + j[3];
  };

  const gates = probe.circuit.ops.filter((op) => op.kind === 'gate');
  for (let n = 0; n < gates.length;) {
    const op = gates[n] as (typeof gates)[number];
    if (op.qubits.length === 1) {
      oneQubit(op.name, op.qubits[0] as number);
      n++;
      continue;
    }
    const [a, b] = op.qubits as [number, number];
    const names: string[] = [];
    while (n < gates.length && gates[n]?.qubits.length === 2 && gates[n]?.qubits[0] === a && gates[n]?.qubits[1] === b) names.push((gates[n++] as typeof op).name);
    twoQubitRun(names, a, b);
  }
  return probe.ideal.map((ideal, i) => {
    const c = cal(i);
    const read1 = (p1[i] as number) * (1 - c.prob_meas0_prep1) + (1 - (p1[i] as number)) * c.prob_meas1_prep0;
    return ideal === 1 ? read1 : 1 - read1;
  });
}

/** The device-side fingerprint: the measured frequency of each qubit's ideal value. */
export function survivalFromCounts(counts: Counts, probe: FingerprintProbe): number[] {
  const k = probe.ideal.length;
  const hits = new Float64Array(k);
  let shots = 0;
  for (const [bits, n] of Object.entries(counts)) {
    if (bits.length !== k) throw new InputError(`probe counts key "${bits}" has ${bits.length} bit(s); the probe measures ${k}`, 'PROBE');
    shots += n;
    for (let i = 0; i < k; i++) if (Number(bits[k - 1 - i]) === probe.ideal[i]) hits[i] = (hits[i] as number) + n;
  }
  if (shots === 0) throw new InputError('probe counts are empty', 'PROBE');
  return Array.from(hits, (h) => h / shots);
}

/** Manhattan (L1) distance between two fingerprints of the same length. */
export function manhattanDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new InputError(`fingerprints of different lengths (${a.length} and ${b.length}) cannot be compared`, 'PROBE');
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs((a[i] as number) - (b[i] as number));
  return d;
}
