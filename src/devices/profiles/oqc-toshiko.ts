/** OQC Toshiko (Gen-1): 32 fixed-frequency coaxmons, RZ/SX/X + ECR. */
import { buildHeadlineProfile } from '../builders/headline.js';
import { FIXED_COUPLING_CR } from '../crosstalk.js';
import { squareLattice } from '../lattices.js';
import type { DeviceProfile } from '../schema.js';
import { QUEUE_BASIS, VENDOR_TABLE } from '../sources.js';

/** OQC Toshiko. */
export function oqcToshiko(): DeviceProfile {
  return buildHeadlineProfile({
    id: 'oqc_toshiko',
    vendor: 'OQC',
    name: 'OQC Toshiko',
    processor: { family: 'Toshiko Gen-1' },
    modality: 'superconducting',
    lattice: squareLattice(4, 8),
    topology: {
      kind: 'square',
      generator: 'squareLattice(4, 8)',
      synthetic: true,
      note: 'published only as "a planar lattice of 32 connected coaxmons"; the exact coupling graph is not in the stored sources, so a 4 × 8 square lattice stands in. ECR direction is not published either: couplers are treated as usable both ways',
    },
    nativeGates: { one_qubit: ['rz', 'sx', 'x'], two_qubit: ['ecr'], virtual: ['rz'], extras: [] },
    medians: {
      t1_us: 69,
      t2_us: 103,
      readout_error: 0.05,
      one_qubit_error: 0.0005,
      one_qubit_duration_ns: 40,
      two_qubit_error: 0.012,
      two_qubit_duration_ns: 400,
    },
    crosstalk: FIXED_COUPLING_CR,
    reset: { model: 'measure_and_flip' },
    queue: {
      median_wait_s: 1800,
      wait_log_sigma: 1.0,
      per_job_overhead_s: 5,
      per_circuit_overhead_s: 0.3,
      basis: 'assumed: marketplace task queue; 5 s task start-up, 0.3 s per task (circuit)',
    },
    execution: { shot_overhead_us: 200, layer_time_ns: 400, max_shots: 10000, max_circuits: 1 },
    price: { kind: 'per_task_per_shot', usd_per_task: 0.3, usd_per_shot: 0.00035, marketplace: 'Amazon Braket (former OQC listing)' },
    calibrationDate: '2026-01 (paper summary)',
    sources: [
      {
        what: '32 lattice-connected coaxmons; median T1 69 µs, Hahn-echo T2 103 µs; native RZ, SX, X, ECR; error per layered gate 1.2 % after pulse tuning (used as the two-qubit error)',
        citation: `Ward et al. (Jan 2026) as summarised at https://www.emergentmind.com/topics/oqc-toshiko-gen-1-system, via ${VENDOR_TABLE}`,
        date: '2026-01',
        confidence: 'doc',
      },
      {
        what: 'readout error 0.05, one-qubit error 5e-4, one-qubit gate 40 ns, ECR 400 ns, 200 µs per shot, and the 4 × 8 lattice',
        citation: 'assumption: no public figure in the stored sources',
        date: '2025',
        confidence: 'assumed',
      },
      {
        what: 'price: $0.30 per task + $0.00035 per shot (OQC Lucy’s former Braket price; Toshiko is not sold on Braket)',
        citation: 'Amazon Braket pricing page, earlier OQC listing (not re-verified)',
        date: '2023',
        confidence: 'recall',
      },
      QUEUE_BASIS,
    ],
    notes: [],
  });
}
