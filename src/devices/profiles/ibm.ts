/** The IBM devices of the catalog: transcribed snapshots on generated lattices. */
import { buildIbmProfile } from '../builders/ibm.js';
import { IBM_FEZ } from '../data/ibm_fez.js';
import { IBM_LAGOS } from '../data/ibm_lagos.js';
import { IBM_NAIROBI } from '../data/ibm_nairobi.js';
import { IBM_SHERBROOKE } from '../data/ibm_sherbrooke.js';
import { IBM_TORINO } from '../data/ibm_torino.js';
import { IBMQ_MANILA } from '../data/ibmq_manila.js';
import { EAGLE_R3_127, falconH7, heavyHex, HERON_R1_133, HERON_R2_156, line } from '../lattices.js';
import type { DeviceProfile } from '../schema.js';

const UTILITY_QUEUE = 'assumed median wait for a utility-scale device on a paid plan';
const OPEN_QUEUE = 'assumed median wait for a small device on the former public (open) plan, the most congested queues in Ravi et al. 2021';

/** IBM Eagle r3, 127 qubits, ECR. */
export function ibmSherbrooke(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibm_sherbrooke',
    name: 'IBM Sherbrooke',
    table: IBM_SHERBROOKE,
    lattice: heavyHex(EAGLE_R3_127),
    topologyKind: 'heavy_hex',
    generator: 'heavyHex(EAGLE_R3_127)',
    queue: { median_wait_s: 1200, wait_log_sigma: 1.2, note: UTILITY_QUEUE },
  });
}

/** IBM Heron r1, 133 qubits, CZ (fractional rx as an extra; rzz uncalibrated in the snapshot). */
export function ibmTorino(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibm_torino',
    name: 'IBM Torino',
    table: IBM_TORINO,
    lattice: heavyHex(HERON_R1_133),
    topologyKind: 'heavy_hex',
    generator: 'heavyHex(HERON_R1_133)',
    queue: { median_wait_s: 900, wait_log_sigma: 1.2, note: UTILITY_QUEUE },
  });
}

/** IBM Heron r2, 156 qubits, CZ (fractional rx and rzz as extras). */
export function ibmFez(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibm_fez',
    name: 'IBM Fez',
    table: IBM_FEZ,
    lattice: heavyHex(HERON_R2_156),
    topologyKind: 'heavy_hex',
    generator: 'heavyHex(HERON_R2_156)',
    queue: { median_wait_s: 900, wait_log_sigma: 1.2, note: UTILITY_QUEUE },
  });
}

/** IBM Falcon r5.11H, 7 qubits ("H"), CX — the normal small device. */
export function ibmNairobi(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibm_nairobi',
    name: 'IBM Nairobi',
    table: IBM_NAIROBI,
    lattice: falconH7(),
    topologyKind: 'falcon_h',
    generator: 'falconH7()',
    queue: { median_wait_s: 3600, wait_log_sigma: 1.0, note: OPEN_QUEUE },
    notes: ['retired device; kept as a realistic small Falcon'],
  });
}

/**
 * IBM Falcon r5.11H, 7 qubits, same "H" as Nairobi, from a snapshot with degraded readout
 * (median readout error ≈ 0.17): the "lower-quality QPU" of the rerouting scenario.
 */
export function ibmLagos(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibm_lagos',
    name: 'IBM Lagos',
    table: IBM_LAGOS,
    lattice: falconH7(),
    topologyKind: 'falcon_h',
    generator: 'falconH7()',
    queue: { median_wait_s: 7200, wait_log_sigma: 1.0, note: `${OPEN_QUEUE}; doubled to model a congested, cheaper target of rerouting` },
    notes: ['retired device; this snapshot had a bad readout day (median readout error ≈ 0.17): kept on purpose as the degraded QPU of the rerouting scenario'],
  });
}

/** IBM Falcon r5.11L, 5 qubits in a line, CX. */
export function ibmqManila(): DeviceProfile {
  return buildIbmProfile({
    id: 'ibmq_manila',
    name: 'IBM Quantum Manila',
    table: IBMQ_MANILA,
    lattice: line(5),
    topologyKind: 'line',
    generator: 'line(5)',
    queue: { median_wait_s: 3600, wait_log_sigma: 1.0, note: OPEN_QUEUE },
    notes: ['retired device; kept as a realistic 5-qubit line'],
  });
}
