/** IonQ Aria and Forte: trapped 171Yb+ ions, all-to-all, native GPI/GPI2/MS. */
import { buildHeadlineProfile } from '../builders/headline.js';
import { allToAll } from '../lattices.js';
import type { DeviceProfile, ProfileSource } from '../schema.js';
import { BRAKET_PRICING, QUEUE_BASIS, VENDOR_TABLE } from '../sources.js';

const NO_CROSSTALK = 'none: all-to-all trapped-ion register without fixed couplers; no spectator model';

/** Aria's published timing (Azure Quantum provider page). */
const ARIA_TIMING: ProfileSource = {
  what: 'T1 10–100 s (lower bound used), T2 1 s, one-qubit gate 135 µs, two-qubit gate 600 µs; one-qubit fidelity 99.95 %, two-qubit 99.6 %, SPAM 99.61 % (readout error = 1 − SPAM)',
  citation: `https://learn.microsoft.com/azure/quantum/provider-ionq (System timing / System fidelity tables), via ${VENDOR_TABLE}`,
  date: '2024',
  confidence: 'doc',
};

const ION_EXECUTION_ASSUMPTION: ProfileSource = {
  what: 'execution: 2 ms per shot for cooling, state preparation and fluorescence readout',
  citation: 'assumption: no per-shot overhead in the stored sources',
  date: '2025',
  confidence: 'assumed',
};

const GATES = { one_qubit: ['gpi', 'gpi2'], two_qubit: ['ms'], virtual: [], extras: [] as string[] };

/** IonQ Aria (25 qubits, #AQ 25). */
export function ionqAria(): DeviceProfile {
  return buildHeadlineProfile({
    id: 'ionq_aria',
    vendor: 'IonQ',
    name: 'IonQ Aria',
    processor: { family: 'Aria' },
    modality: 'trapped_ion',
    lattice: allToAll(25),
    topology: { kind: 'all_to_all', generator: 'allToAll(25)', synthetic: false },
    nativeGates: GATES,
    medians: {
      t1_us: 10e6,
      t2_us: 1e6,
      readout_error: 0.0039,
      one_qubit_error: 0.0005,
      one_qubit_duration_ns: 135_000,
      two_qubit_error: 0.004,
      two_qubit_duration_ns: 600_000,
    },
    crosstalk: { none: NO_CROSSTALK },
    reset: { model: 'optical_pumping', residual: 2e-4 },
    queue: {
      median_wait_s: 7200,
      wait_log_sigma: 1.2,
      per_job_overhead_s: 5,
      per_circuit_overhead_s: 1,
      basis: 'assumed: IonQ queues run to hours; 5 s task start-up, 1 s per task (circuit)',
    },
    execution: { shot_overhead_us: 2000, layer_time_ns: 600_000, max_shots: 10000, max_circuits: 1 },
    price: { kind: 'per_task_per_shot', usd_per_task: 0.3, usd_per_shot: 0.03, marketplace: 'Amazon Braket' },
    algorithmicQubits: 25,
    calibrationDate: '2024 (published system figures)',
    sources: [ARIA_TIMING, ION_EXECUTION_ASSUMPTION, QUEUE_BASIS, BRAKET_PRICING],
    notes: ['the one-qubit fidelity is SPAM-corrected, the two-qubit one is not (as published)'],
  });
}

/** IonQ Forte (36 qubits, #AQ 36); native ZZ as an extra. */
export function ionqForte(): DeviceProfile {
  return buildHeadlineProfile({
    id: 'ionq_forte',
    vendor: 'IonQ',
    name: 'IonQ Forte',
    processor: { family: 'Forte' },
    modality: 'trapped_ion',
    lattice: allToAll(36),
    topology: { kind: 'all_to_all', generator: 'allToAll(36)', synthetic: false },
    nativeGates: { ...GATES, extras: ['rzz'] },
    medians: {
      t1_us: 10e6,
      t2_us: 1e6,
      readout_error: 0.0039,
      one_qubit_error: 0.0002,
      one_qubit_duration_ns: 135_000,
      two_qubit_error: 0.005,
      two_qubit_duration_ns: 600_000,
    },
    crosstalk: { none: NO_CROSSTALK },
    reset: { model: 'optical_pumping', residual: 2e-4 },
    queue: {
      median_wait_s: 10800,
      wait_log_sigma: 1.2,
      per_job_overhead_s: 5,
      per_circuit_overhead_s: 1,
      basis: 'assumed: IonQ queues run to hours, Forte longer than Aria; 5 s task start-up, 1 s per task (circuit)',
    },
    execution: { shot_overhead_us: 2000, layer_time_ns: 600_000, max_shots: 10000, max_circuits: 1 },
    price: { kind: 'per_task_per_shot', usd_per_task: 0.3, usd_per_shot: 0.08, marketplace: 'Amazon Braket' },
    algorithmicQubits: 36,
    calibrationDate: '2024 (published system figures)',
    sources: [
      {
        what: '36 qubits, #AQ 36; one-qubit fidelity 99.98 %, two-qubit 99.5 %; native GPI, GPI2, MS, ZZ',
        citation: `https://docs.olcf.ornl.gov/quantum/quantum_systems/ionq.html (#AQ 36); fidelities: IonQ claims, via ${VENDOR_TABLE}`,
        date: '2024',
        confidence: 'recall',
      },
      { ...ARIA_TIMING, what: 'T1, T2, gate times and SPAM taken from Aria (Forte has no published figures in the stored sources)', confidence: 'assumed' },
      ION_EXECUTION_ASSUMPTION,
      QUEUE_BASIS,
      BRAKET_PRICING,
    ],
    notes: ['Azure Quantum lists Forte with 32 qubits; the vendor table and OLCF give 36 (#AQ 36), used here'],
  });
}
