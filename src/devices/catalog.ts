/**
 * The device catalog: every profile qmlsec ships, built on first use, validated against the
 * schema and the consistency rules, frozen and cached.
 */
import { NotFoundError } from '../core/errors.js';
import { loadDeviceProfile } from './load.js';
import { ibmFez, ibmLagos, ibmNairobi, ibmqManila, ibmSherbrooke, ibmTorino } from './profiles/ibm.js';
import { ionqAria, ionqForte } from './profiles/ionq.js';
import { iqmGarnet } from './profiles/iqm-garnet.js';
import { oqcToshiko } from './profiles/oqc-toshiko.js';
import { quantinuumH1 } from './profiles/quantinuum-h1.js';
import { rigettiAnkaa3 } from './profiles/rigetti-ankaa-3.js';
import type { DeviceProfile } from './schema.js';

const BUILDERS = {
  ibm_sherbrooke: ibmSherbrooke,
  ibm_torino: ibmTorino,
  ibm_fez: ibmFez,
  ibm_nairobi: ibmNairobi,
  ibm_lagos: ibmLagos,
  ibmq_manila: ibmqManila,
  iqm_garnet: iqmGarnet,
  rigetti_ankaa_3: rigettiAnkaa3,
  ionq_aria: ionqAria,
  ionq_forte: ionqForte,
  oqc_toshiko: oqcToshiko,
  quantinuum_h1: quantinuumH1,
} as const satisfies Record<string, () => DeviceProfile>;

/** Identifier of a catalog device. */
export type DeviceId = keyof typeof BUILDERS;

/** Every catalog device id, in catalog order. */
export const DEVICE_IDS: readonly DeviceId[] = Object.keys(BUILDERS) as DeviceId[];

/** One line of {@link listDevices}. */
export interface DeviceListing {
  readonly id: DeviceId;
  readonly vendor: string;
  readonly name: string;
  readonly num_qubits: number;
}

const cache = new Map<string, DeviceProfile>();

/** True when `id` names a catalog device. */
export function isDeviceId(id: string): id is DeviceId {
  return Object.hasOwn(BUILDERS, id);
}

/** The profile of a catalog device; throws NotFoundError listing the valid ids otherwise. */
export function getDevice(id: string): DeviceProfile {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isDeviceId(id)) throw new NotFoundError(`unknown device "${id}"; valid devices: ${DEVICE_IDS.join(', ')}`);
  const profile = deepFreeze(loadDeviceProfile(BUILDERS[id]()));
  cache.set(id, profile);
  return profile;
}

/** Every catalog device: id, vendor, name and qubit count. */
export function listDevices(): DeviceListing[] {
  return DEVICE_IDS.map((id) => {
    const p = getDevice(id);
    return { id, vendor: p.vendor, name: p.name, num_qubits: p.num_qubits };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
