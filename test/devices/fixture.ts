/** A small hand-written, valid device profile for schema and estimate tests. */
import type { DeviceProfile } from '../../src/devices/schema.js';

/**
 * Three qubits in a line 0–1–2 with CZ, round figures everywhere: shot overhead 100 µs,
 * layer 1 µs, 2 s per job, 0.5 s per circuit, $1 per second.
 */
export function tinyProfile(): DeviceProfile {
  const qubit = (q: number) => ({ qubit: q, t1_us: 100, t2_us: 80, readout_error: 0.02, prob_meas0_prep1: 0.03, prob_meas1_prep0: 0.01 });
  return {
    schema_version: 1,
    id: 'tiny_line',
    vendor: 'Test',
    name: 'Tiny line',
    processor: { family: 'Test' },
    modality: 'superconducting',
    num_qubits: 3,
    native_gates: { one_qubit: ['rz', 'sx'], two_qubit: ['cz'], virtual: ['rz'], extras: [] },
    topology: { kind: 'line', generator: 'line(3)', synthetic: false },
    coupling_map: [[0, 1], [1, 2]],
    directed: false,
    dropped_couplers: [],
    calibration: {
      date: '2025-01-01',
      synthetic: false,
      qubits: [qubit(0), qubit(1), qubit(2)],
      gates: [
        { gate: 'sx', qubits: [0], error: 1e-4, duration_ns: 30 },
        { gate: 'sx', qubits: [1], error: 2e-4, duration_ns: 30 },
        { gate: 'sx', qubits: [2], error: 3e-4, duration_ns: 30 },
        { gate: 'cz', qubits: [0, 1], error: 0.01, duration_ns: 1000 },
        { gate: 'cz', qubits: [1, 2], error: 0.02, duration_ns: 1000 },
      ],
      notes: [],
    },
    crosstalk: {
      model: 'spectator',
      description: 'hand-written',
      seed: 'test',
      entries: [{ coupler: [0, 1], spectator: 2, via: 1, zz_khz: 50, zz_source: 'modelled', error: 0.005 }],
    },
    reset: {
      model: 'measure_and_flip',
      description: 'hand-written',
      qubits: [0, 1, 2].map((q) => ({ qubit: q, residual_from_0: 0.01, residual_from_1: 0.03 })),
    },
    queue: { median_wait_s: 60, wait_log_sigma: 1, per_job_overhead_s: 2, per_circuit_overhead_s: 0.5, basis: 'test' },
    execution: { shot_overhead_us: 100, layer_time_ns: 1000, max_shots: 10000, max_circuits: 10 },
    price: { kind: 'per_second', usd_per_second: 1, billed_time: 'test' },
    sources: [{ what: 'everything', citation: 'hand-written fixture', date: '2025', confidence: 'assumed' }],
  };
}
