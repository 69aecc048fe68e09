/**
 * IQM Garnet, 20 qubits on a square "crystal" lattice, PRX + CZ. Per-qubit and per-coupler
 * figures come from IQM's public sample-chip error profile; headline figures (QV, CLOPS, median
 * CZ fidelity) from the vendor table.
 */
import { spectatorCrosstalk, TUNABLE_COUPLER } from '../crosstalk.js';
import { IQM_GARNET } from '../data/iqm_garnet.js';
import { squareLattice, type Lattice } from '../lattices.js';
import { measureAndFlipReset } from '../reset.js';
import type { DeviceProfile, GateCalibration, QubitCalibration } from '../schema.js';
import { BRAKET_PRICING, QUEUE_BASIS, RESET_MEASURE_AND_FLIP, VENDOR_TABLE } from '../sources.js';

/** Garnet's outline: 5 rows of the square grid with these occupied column spans. */
export const GARNET_ROW_SPANS = [[1, 2], [0, 4], [0, 4], [0, 4], [1, 3]] as const;

/** The 20-qubit Garnet lattice (30 couplers). */
export function garnetLattice(): Lattice {
  return squareLattice(5, 5, { rowSpans: GARNET_ROW_SPANS });
}

/**
 * Average gate infidelity of a depolarizing channel with parameter λ on `numQubits` qubits:
 * r = λ·(d − 1)/d with d = 2^n (the inverse of the vendor table's p ≈ (1 − F)·d/(d − 1)).
 */
export function errorFromDepolarizing(lambda: number, numQubits: number): number {
  const d = 2 ** numQubits;
  return (lambda * (d - 1)) / d;
}

const sig = (v: number): number => Number(v.toPrecision(6));

/** IQM Garnet. */
export function iqmGarnet(): DeviceProfile {
  const t = IQM_GARNET;
  const lattice = garnetLattice();
  const qubits: QubitCalibration[] = t.qubits.map(([t1, t2, p01, p10], qubit) => ({
    qubit,
    t1_us: t1,
    t2_us: t2,
    readout_error: sig((p01 + p10) / 2),
    prob_meas0_prep1: p01,
    prob_meas1_prep0: p10,
  }));
  const gates: GateCalibration[] = [
    ...t.qubits.map(([, , , , lambda], q) => ({ gate: 'prx', qubits: [q], error: sig(errorFromDepolarizing(lambda, 1)), duration_ns: t.prxDurationNs })),
    ...t.cz.map(([a, b, lambda]) => ({ gate: 'cz', qubits: [Math.min(a, b), Math.max(a, b)], error: sig(errorFromDepolarizing(lambda, 2)), duration_ns: t.czDurationNs })),
  ];
  return {
    schema_version: 1,
    id: 'iqm_garnet',
    vendor: 'IQM',
    name: 'IQM Garnet',
    processor: { family: 'Crystal 20' },
    modality: 'superconducting',
    num_qubits: lattice.numQubits,
    native_gates: { one_qubit: ['prx'], two_qubit: ['cz'], virtual: [], extras: [] },
    topology: { kind: 'square', generator: `squareLattice(5, 5, { rowSpans: ${JSON.stringify(GARNET_ROW_SPANS)} })`, synthetic: false },
    coupling_map: lattice.edges.map(([a, b]) => [a, b]),
    directed: false,
    dropped_couplers: [],
    calibration: {
      date: 'sample-chip profile (undated)',
      synthetic: false,
      qubits,
      gates,
      notes: [
        'upstream publishes depolarizing parameters λ; error = λ·(d−1)/d (d = 2 for PRX, 4 for CZ)',
        'upstream labels the profile "sample-chip": representative, not a live calibration',
      ],
    },
    crosstalk: spectatorCrosstalk({
      deviceId: 'iqm_garnet',
      numQubits: lattice.numQubits,
      physicalEdges: lattice.edges,
      couplingMap: lattice.edges,
      gateDurationNs: () => t.czDurationNs,
      technology: TUNABLE_COUPLER,
    }),
    reset: {
      model: 'measure_and_flip',
      description: 'Active reset modelled as measure-and-flip; residuals are the qubit’s assignment errors (upper bound).',
      qubits: measureAndFlipReset(qubits),
    },
    queue: {
      median_wait_s: 600,
      wait_log_sigma: 1.0,
      per_job_overhead_s: 5,
      per_circuit_overhead_s: 0.3,
      basis: 'assumed: Braket task queue during availability windows; 5 s task start-up, 0.3 s per task (circuit)',
    },
    execution: {
      shot_overhead_us: 100,
      layer_time_ns: t.czDurationNs,
      max_shots: 20000,
      max_circuits: 1,
      clops: 2600,
    },
    price: { kind: 'per_task_per_shot', usd_per_task: 0.3, usd_per_shot: 0.00145, marketplace: 'Amazon Braket' },
    quantum_volume: 32,
    sources: [
      {
        what: 'per-qubit T1, T2, assignment errors; PRX and CZ depolarizing parameters; PRX 20 ns, CZ 40 ns; the 30 couplers',
        citation: `${t.source.repo}, ${t.source.files.join(', ')} (${t.source.license}), via ../shared/reference/devices/iqm_garnet_fake_profile.json`,
        date: 'sample-chip profile',
        confidence: 'transcribed',
      },
      {
        what: 'QV 32, CLOPS 2600, median CZ fidelity 99.51 % over 30 pairs',
        citation: `IQM benchmark announcement (bnnbreaking.com), via ${VENDOR_TABLE}`,
        date: '2024',
        confidence: 'doc',
      },
      {
        what: 'execution: 100 µs per shot for readout, active reset and repetition delay; max 20 000 shots per task, one circuit per task',
        citation: 'assumption (no public per-shot timing in the stored sources)',
        date: '2025',
        confidence: 'assumed',
      },
      QUEUE_BASIS,
      BRAKET_PRICING,
      RESET_MEASURE_AND_FLIP,
    ],
  };
}
