/**
 * Builds a transpiler {@link Target} from a catalog {@link DeviceProfile}: usable couplers,
 * the calibrated direction of directional gates (ECR), the default native gates (optionally
 * the extras, e.g. Heron's fractional gates or Ankaa's CZ) and the calibration (readout
 * error, per-gate error and duration, T1/T2) for noise-aware layout and the ESP metric.
 */
import type { DeviceProfile } from '../devices/schema.js';
import { getDevice } from '../devices/catalog.js';
import { type CouplerValue, Target } from './target.js';

/** Options of {@link targetFromDevice}. */
export interface TargetFromDeviceOptions {
  /** Also allow the profile's optional extra gates (default false). */
  readonly includeExtras?: boolean;
}

/** The transpiler target of a device profile. */
export function targetFromDevice(profile: DeviceProfile, options: TargetFromDeviceOptions = {}): Target {
  const natives = profile.native_gates;
  const basis = [...natives.one_qubit, ...natives.two_qubit, ...(options.includeExtras ? natives.extras : [])];
  const n = profile.num_qubits;
  const gateError1q: Record<string, number[]> = {};
  const gateDuration1q: Record<string, number[]> = {};
  const gateError2q: Record<string, CouplerValue[]> = {};
  const gateDuration2q: Record<string, CouplerValue[]> = {};
  for (const g of profile.calibration.gates) {
    if (g.qubits.length === 1) {
      const q = g.qubits[0] as number;
      (gateError1q[g.gate] ??= new Array<number>(n).fill(Number.NaN))[q] = g.error;
      (gateDuration1q[g.gate] ??= new Array<number>(n).fill(Number.NaN))[q] = g.duration_ns * 1e-9;
    } else {
      const qubits: [number, number] = [g.qubits[0] as number, g.qubits[1] as number];
      (gateError2q[g.gate] ??= []).push({ qubits, value: g.error });
      (gateDuration2q[g.gate] ??= []).push({ qubits, value: g.duration_ns * 1e-9 });
    }
  }
  for (const v of natives.virtual) gateError1q[v] = new Array<number>(n).fill(0);
  const readoutError = new Array<number>(n).fill(Number.NaN);
  const t1 = new Array<number>(n).fill(Number.NaN);
  const t2 = new Array<number>(n).fill(Number.NaN);
  for (const q of profile.calibration.qubits) {
    readoutError[q.qubit] = q.readout_error;
    t1[q.qubit] = q.t1_us * 1e-6;
    t2[q.qubit] = q.t2_us * 1e-6;
  }
  return new Target({
    name: profile.id,
    numQubits: n,
    couplers: profile.coupling_map.map(([a, b]) => [a, b] as [number, number]),
    ...(profile.directed && profile.directed_couplers ? { directions: profile.directed_couplers.map(([a, b]) => [a, b] as [number, number]) } : {}),
    basis,
    calibration: { readoutError, gateError1q, gateDuration1q, gateError2q, gateDuration2q, t1, t2 },
  });
}

const byId = new Map<string, Target>();

/** The target of a catalog device by id (cached); unknown ids throw a NotFoundError listing the valid ones. */
export function targetForDevice(id: string, options: TargetFromDeviceOptions = {}): Target {
  const key = `${id}|${options.includeExtras ? 1 : 0}`;
  let t = byId.get(key);
  if (!t) {
    t = targetFromDevice(getDevice(id), options);
    byId.set(key, t);
  }
  return t;
}
