/** Rigetti Ankaa-3: 84 tunable transmons on a 12 × 7 square lattice, RX/RZ + iSWAP. */
import { buildHeadlineProfile } from '../builders/headline.js';
import { TUNABLE_COUPLER } from '../crosstalk.js';
import { squareLattice, type Lattice } from '../lattices.js';
import type { DeviceProfile } from '../schema.js';
import { BRAKET_PRICING, QUEUE_BASIS, VENDOR_TABLE } from '../sources.js';

/**
 * Couplers absent from the Ankaa-3 connectivity graph shown in the Braket developer guide
 * (its listing covers qubits 0–28; qubit 15 lacks 16 and qubit 26 lacks 27).
 */
export const ANKAA_3_MISSING_COUPLERS = [[15, 16], [26, 27]] as const;

/** The Ankaa-3 lattice: 12 × 7 square grid without the couplers listed as missing. */
export function ankaa3Lattice(): Lattice {
  const full = squareLattice(12, 7);
  const missing = new Set(ANKAA_3_MISSING_COUPLERS.map(([a, b]) => `${a}-${b}`));
  return { numQubits: full.numQubits, edges: full.edges.filter(([a, b]) => !missing.has(`${a}-${b}`)) };
}

/** Rigetti Ankaa-3. */
export function rigettiAnkaa3(): DeviceProfile {
  return buildHeadlineProfile({
    id: 'rigetti_ankaa_3',
    vendor: 'Rigetti',
    name: 'Rigetti Ankaa-3',
    processor: { family: 'Ankaa-3' },
    modality: 'superconducting',
    lattice: ankaa3Lattice(),
    topology: {
      kind: 'square',
      generator: 'squareLattice(12, 7) minus ANKAA_3_MISSING_COUPLERS',
      synthetic: false,
      note: 'the published connectivity example covers qubits 0–28 (missing 15–16 and 26–27); the rest of the 12 × 7 grid is assumed complete',
    },
    nativeGates: { one_qubit: ['rx', 'rz'], two_qubit: ['iswap'], virtual: ['rz'], extras: ['cz'] },
    medians: {
      t1_us: 25,
      t2_us: 15,
      readout_error: 0.05,
      one_qubit_error: 0.001,
      one_qubit_duration_ns: 40,
      two_qubit_error: 0.01,
      two_qubit_duration_ns: 72,
    },
    crosstalk: TUNABLE_COUPLER,
    reset: { model: 'measure_and_flip' },
    queue: {
      median_wait_s: 600,
      wait_log_sigma: 1.0,
      per_job_overhead_s: 5,
      per_circuit_overhead_s: 0.3,
      basis: 'assumed: Braket task queue during availability windows; 5 s task start-up, 0.3 s per task (circuit)',
    },
    execution: { shot_overhead_us: 100, layer_time_ns: 72, max_shots: 100000, max_circuits: 1 },
    price: { kind: 'per_task_per_shot', usd_per_task: 0.3, usd_per_shot: 0.0009, marketplace: 'Amazon Braket' },
    calibrationDate: '2024-12 (launch figures)',
    sources: [
      {
        what: 'topology: 84 qubits, 12 × 7 square lattice (i couples to i+1 and i+7), couplers 15–16 and 26–27 absent',
        citation: `https://docs.aws.amazon.com/braket/latest/developerguide/braket-submit-to-qpu.html (connectivityGraph example), via ${VENDOR_TABLE}`,
        date: '2025',
        confidence: 'doc',
      },
      {
        what: 'median two-qubit (iSWAP) error 0.01 (99.0 % fidelity), two-qubit gate 72 ns; one-qubit error 0.001 (Ankaa-2 figure, 99.9 %)',
        citation: `Rigetti launch claims (Dec 2024), via ${VENDOR_TABLE}`,
        date: '2024',
        confidence: 'recall',
      },
      {
        what: 'median T1 25 µs, T2 15 µs, readout error 0.05, one-qubit gate 40 ns, 100 µs per shot (active reset + readout)',
        citation: 'assumption: no public figure in the stored sources',
        date: '2025',
        confidence: 'assumed',
      },
      QUEUE_BASIS,
      BRAKET_PRICING,
    ],
    notes: ['rx is restricted to ±π/2 and π on hardware; cz is available but has no separate published figure and is not calibrated here'],
  });
}
