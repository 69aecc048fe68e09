/**
 * A device's noise model from its calibration, the way Qiskit Aer derives one from backend
 * properties: after each calibrated gate, thermal relaxation of its qubits for the gate's
 * duration, plus the depolarizing error that brings the gate's average infidelity up to the
 * reported figure (when relaxation alone already exceeds it — short T2 — only relaxation is
 * applied, as Aer does); readout confusion per qubit; spectator crosstalk (a correlated ZZ error
 * from static coupling plus a drive-induced Pauli error) for every two-qubit gate; and the
 * state-dependent reset residue.
 */
import { InputError } from '../core/errors.js';
import {
  averageInfidelity, depolarizing, pauliChannel, pauliError, tensor, thermalRelaxation, type Channel,
} from '../sim/noise/channel.js';
import { NoiseModel } from '../sim/noise/noise-model.js';
import { zzPhaseError } from './crosstalk.js';
import type { DeviceProfile, GateCalibration, QubitCalibration } from './schema.js';

export interface DeviceNoiseOptions {
  /** Thermal relaxation during gates (default true). */
  readonly relaxation?: boolean;
  /** Depolarizing gate errors (default true). */
  readonly gateErrors?: boolean;
  readonly readout?: boolean;
  readonly crosstalk?: boolean;
  readonly reset?: boolean;
  /** Multiplies every error probability (default 1; 0 gives an ideal model). */
  readonly scale?: number;
  /**
   * Build the model only for these physical qubits, renumbered 0..k-1 in the given order
   * (what a simulator of the active qubits needs). Rules touching other qubits are dropped.
   */
  readonly qubits?: readonly number[];
}

/** Relaxation of one qubit during `durationNs` (T2 clipped to 2·T1 as physics requires). */
function relaxation(q: QubitCalibration, durationNs: number): Channel {
  return thermalRelaxation(q.t1_us, Math.min(q.t2_us, 2 * q.t1_us), durationNs / 1000);
}

/** Builds the NoiseModel of a device (see the module comment). */
export function deviceNoiseModel(profile: DeviceProfile, options: DeviceNoiseOptions = {}): NoiseModel {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0) throw new InputError(`noise scale must be a non-negative number, got ${scale}`, 'NOISE');
  const map = new Map<number, number>();
  (options.qubits ?? Array.from({ length: profile.num_qubits }, (_, q) => q)).forEach((q, i) => {
    if (!Number.isInteger(q) || q < 0 || q >= profile.num_qubits) throw new InputError(`device ${profile.id} has no qubit ${q}`, 'QUBIT_RANGE');
    map.set(q, i);
  });
  const local = (qs: readonly number[]): number[] | undefined => {
    const out: number[] = [];
    for (const q of qs) {
      const v = map.get(q);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  };
  const model = new NoiseModel(scale === 1 ? `device:${profile.id}` : `device:${profile.id}×${scale}`);
  const qubitCal = new Map(profile.calibration.qubits.map((q) => [q.qubit, q]));
  const virtual = new Set(profile.native_gates.virtual);
  const twoQubitDuration = new Map<string, number>();

  for (const g of profile.calibration.gates) {
    const qs = local(g.qubits);
    if (!qs) continue;
    if (g.qubits.length === 2) twoQubitDuration.set(pairKey(g.qubits[0] as number, g.qubits[1] as number), g.duration_ns);
    if (virtual.has(g.gate)) continue;
    addGateNoise(model, g, qs, qubitCal, options, scale);
  }

  if (options.readout ?? true) {
    for (const q of profile.calibration.qubits) {
      const l = map.get(q.qubit);
      if (l === undefined) continue;
      model.addReadoutError({ p1Given0: Math.min(1, q.prob_meas1_prep0 * scale), p0Given1: Math.min(1, q.prob_meas0_prep1 * scale) }, l);
    }
  }

  if (options.crosstalk ?? true) {
    for (const e of profile.crosstalk.entries) {
      const coupler = local(e.coupler);
      const pair = local([e.via, e.spectator]);
      if (!coupler || !pair || scale === 0) continue;
      const tau = twoQubitDuration.get(pairKey(e.coupler[0], e.coupler[1])) ?? 0;
      const pzz = Math.min(e.error, zzPhaseError(e.zz_khz, tau)) * scale;
      const pdrive = Math.max(0, e.error - zzPhaseError(e.zz_khz, tau)) * scale;
      if (pzz > 0) model.addCrosstalk(coupler as [number, number], pauliChannel({ II: 1 - Math.min(1, pzz), ZZ: Math.min(1, pzz) }, 'crosstalk-zz'), pair);
      if (pdrive > 0) {
        const p = Math.min(1, pdrive) / 3;
        model.addCrosstalk(coupler as [number, number], { ...pauliError(p, p, p), name: 'crosstalk-drive' }, [pair[1] as number]);
      }
    }
  }

  if (options.reset ?? true) {
    for (const r of profile.reset.qubits) {
      const l = map.get(r.qubit);
      if (l === undefined) continue;
      model.setResetError(Math.min(1, r.residual_from_0 * scale), Math.min(1, r.residual_from_1 * scale), l);
    }
  }
  return model;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function addGateNoise(
  model: NoiseModel, g: GateCalibration, qs: number[], qubitCal: ReadonlyMap<number, QubitCalibration>, options: DeviceNoiseOptions, scale: number,
): void {
  const k = g.qubits.length;
  const d = 2 ** k;
  let relaxInfidelity = 0;
  const relax: Channel[] = [];
  if ((options.relaxation ?? true) && scale > 0 && g.duration_ns > 0) {
    for (const q of g.qubits) {
      const cal = qubitCal.get(q);
      if (!cal) throw new InputError(`gate ${g.gate} on qubit ${q} has no qubit calibration`, 'DEVICE');
      // Scaling noise shortens the relaxation times accordingly.
      relax.push(relaxation({ ...cal, t1_us: cal.t1_us / scale, t2_us: cal.t2_us / scale }, g.duration_ns));
    }
    const joint = relax.length === 1 ? (relax[0] as Channel) : tensor(relax[1] as Channel, relax[0] as Channel);
    relaxInfidelity = averageInfidelity(joint);
  }
  if (options.gateErrors ?? true) {
    const target = Math.min(1, g.error * scale);
    const depolInfidelity = Math.max(0, target - relaxInfidelity);
    const p = Math.min((d * depolInfidelity) / (d - 1), (d * d) / (d * d - 1));
    if (p > 0) model.addGateError(depolarizing(p, k), [g.gate], qs);
  }
  relax.forEach((ch, i) => model.addGateError(ch, [g.gate], qs, [qs[i] as number]));
}
