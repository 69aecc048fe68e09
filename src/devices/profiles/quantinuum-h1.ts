/** Quantinuum H1-1: 20 trapped 171Yb+ ions in a QCCD trap, all-to-all, native Rz, U1q, ZZPhase. */
import { buildHeadlineProfile } from '../builders/headline.js';
import { allToAll } from '../lattices.js';
import type { DeviceProfile } from '../schema.js';
import { QUEUE_BASIS, VENDOR_TABLE } from '../sources.js';

/** Quantinuum's HQC formula: HQC = 5 + C·(N1q + 10·N2q + 5·Nm)/5000 for C shots. */
export const HQC_FORMULA = { base_hqc: 5, weight_1q: 1, weight_2q: 10, weight_measure: 5, divisor: 5000 } as const;

/** Quantinuum H1-1. */
export function quantinuumH1(): DeviceProfile {
  return buildHeadlineProfile({
    id: 'quantinuum_h1',
    vendor: 'Quantinuum',
    name: 'Quantinuum H1-1',
    processor: { family: 'H1' },
    modality: 'trapped_ion',
    lattice: allToAll(20),
    topology: { kind: 'all_to_all', generator: 'allToAll(20)', synthetic: false, note: 'ions are transported into gate zones, so any pair can interact' },
    nativeGates: { one_qubit: ['r', 'rz'], two_qubit: ['rzz'], virtual: ['rz'], extras: [] },
    medians: {
      t1_us: 60e6,
      t2_us: 1e6,
      readout_error: 0.003,
      one_qubit_error: 0.00005,
      one_qubit_duration_ns: 10_000,
      two_qubit_error: 0.002,
      two_qubit_duration_ns: 100_000,
    },
    crosstalk: { none: 'none: all-to-all QCCD trap without fixed couplers; no spectator model' },
    reset: { model: 'optical_pumping', residual: 2e-4 },
    queue: {
      median_wait_s: 3600,
      wait_log_sigma: 1.2,
      per_job_overhead_s: 10,
      per_circuit_overhead_s: 2,
      basis: 'assumed: hour-scale queue; 10 s job start-up, 2 s per circuit (compilation, trap loading)',
    },
    execution: { shot_overhead_us: 10_000, layer_time_ns: 1_000_000, max_shots: 10000, max_circuits: 1 },
    price: {
      kind: 'hqc',
      ...HQC_FORMULA,
      usd_per_hqc: 120,
      usd_conversion:
        'not published by the vendor: $120 per HQC is the Azure Quantum H1-1 rate listed by a third-party calculator (qpu-markets.pages.dev/calculator/hqc-estimator); treat as approximate',
    },
    calibrationDate: '2024 (vendor claims)',
    sources: [
      {
        what: '20 qubits, all-to-all; native U1q(θ, φ) (library gate r), Rz (virtual), ZZPhase (rzz)',
        citation: `https://learn.microsoft.com/azure/quantum/provider-quantinuum; https://github.com/CQCL/Running-on-backends, via ${VENDOR_TABLE}`,
        date: '2024',
        confidence: 'doc',
      },
      {
        what: 'two-qubit fidelity 99.8 %, one-qubit 99.995 %, SPAM 99.7 % (readout error = 1 − SPAM); QV 2^20',
        citation: `Quantinuum claims, via ${VENDOR_TABLE}`,
        date: '2024',
        confidence: 'recall',
      },
      {
        what: 'T1 60 s, T2 1 s, one-qubit gate 10 µs, two-qubit gate 100 µs, 1 ms per layer including ion transport, 10 ms per shot (cooling, preparation, readout)',
        citation: 'assumption: no public timing in the stored sources',
        date: '2025',
        confidence: 'assumed',
      },
      {
        what: 'price: HQC = 5 + C·(N1q + 10·N2q + 5·Nm)/5000 per circuit of C shots',
        citation: 'https://learn.microsoft.com/azure/quantum/provider-quantinuum (billing); also qpu-markets.pages.dev/calculator/hqc-estimator',
        date: '2025',
        confidence: 'doc',
      },
      QUEUE_BASIS,
    ],
    quantumVolume: 2 ** 20,
    notes: [],
  });
}
