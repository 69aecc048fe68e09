/** The JSON view of a device that `qmlsec devices show --format json` and the HTTP API return. */
import type { DeviceProfile } from './schema.js';
import { summarizeDevice, type DeviceSummary } from './summary.js';

/** Contract of `devices show --format json`: headline fields, the summary, and the full profile. */
export interface DeviceJson {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly num_qubits: number;
  /** Default native gates, one- and two-qubit, as gate-library (OpenQASM) names. */
  readonly native_gates: readonly string[];
  /** Usable undirected couplers `[a, b]`. */
  readonly coupling_map: readonly (readonly [number, number])[];
  readonly directed: boolean;
  readonly directed_couplers?: readonly (readonly [number, number])[];
  readonly summary: DeviceSummary;
  /** The complete profile; `loadDeviceProfile(json.profile)` reads it back. */
  readonly profile: DeviceProfile;
}

/** Builds the JSON view of a profile. */
export function deviceJson(p: DeviceProfile): DeviceJson {
  return {
    id: p.id,
    vendor: p.vendor,
    name: p.name,
    num_qubits: p.num_qubits,
    native_gates: [...p.native_gates.one_qubit, ...p.native_gates.two_qubit],
    coupling_map: p.coupling_map,
    directed: p.directed,
    ...(p.directed_couplers ? { directed_couplers: p.directed_couplers } : {}),
    summary: summarizeDevice(p),
    profile: p,
  };
}
