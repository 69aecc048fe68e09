/** Median figures and graph facts of a device, for listings, reports and comparisons. */
import { median } from '../core/numeric.js';
import { CouplingGraph } from './graph.js';
import { meanResetResidual } from './reset.js';
import type { DeviceProfile, PriceModel } from './schema.js';

/** The headline numbers of a device profile. */
export interface DeviceSummary {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly processor: string;
  readonly modality: DeviceProfile['modality'];
  readonly num_qubits: number;
  /** Default native gates, one- and two-qubit (gate-library names). */
  readonly native_gates: readonly string[];
  readonly num_couplers: number;
  readonly dropped_couplers: number;
  readonly topology: {
    readonly kind: DeviceProfile['topology']['kind'];
    readonly synthetic: boolean;
    readonly degree_histogram: Record<number, number>;
    readonly diameter: number;
    readonly mean_distance: number;
    readonly connected: boolean;
  };
  readonly calibration_date: string;
  readonly synthetic_calibration: boolean;
  readonly median_t1_us: number;
  readonly median_t2_us: number;
  readonly median_readout_error: number;
  /** Over the calibrations of the non-virtual default one-qubit gates. */
  readonly median_1q_error: number;
  readonly median_1q_duration_ns: number;
  /** Over the calibrations of the default two-qubit gates (usable couplers only). */
  readonly median_2q_error: number;
  readonly median_2q_duration_ns: number;
  /** Median over qubits of the mean residual |1⟩ population after reset. */
  readonly median_reset_residual: number;
  readonly crosstalk: { readonly model: string; readonly entries: number; readonly median_error: number | null; readonly max_error: number | null };
  readonly quantum_volume?: number;
  readonly algorithmic_qubits?: number;
  readonly queue_median_wait_s: number;
  readonly price: string;
}

/** Computes the summary of a profile (graph facts over the usable coupling map). */
export function summarizeDevice(p: DeviceProfile): DeviceSummary {
  const graph = new CouplingGraph(p.num_qubits, p.coupling_map);
  const physical1q = p.native_gates.one_qubit.filter((g) => !p.native_gates.virtual.includes(g));
  const oneQ = p.calibration.gates.filter((g) => g.qubits.length === 1 && physical1q.includes(g.gate));
  const twoQ = p.calibration.gates.filter((g) => g.qubits.length === 2 && p.native_gates.two_qubit.includes(g.gate));
  const xt = p.crosstalk.entries.map((e) => e.error);
  const qubits = p.calibration.qubits;
  return {
    id: p.id,
    vendor: p.vendor,
    name: p.name,
    processor: [p.processor.family, p.processor.revision && `r${p.processor.revision}`, p.processor.segment].filter(Boolean).join(' '),
    modality: p.modality,
    num_qubits: p.num_qubits,
    native_gates: [...p.native_gates.one_qubit, ...p.native_gates.two_qubit],
    num_couplers: p.coupling_map.length,
    dropped_couplers: p.dropped_couplers.length,
    topology: {
      kind: p.topology.kind,
      synthetic: p.topology.synthetic,
      degree_histogram: graph.degreeHistogram(),
      diameter: graph.diameter(),
      mean_distance: graph.meanDistance(),
      connected: graph.isConnected(),
    },
    calibration_date: p.calibration.date,
    synthetic_calibration: p.calibration.synthetic,
    median_t1_us: median(qubits.map((q) => q.t1_us)),
    median_t2_us: median(qubits.map((q) => q.t2_us)),
    median_readout_error: median(qubits.map((q) => q.readout_error)),
    median_1q_error: median(oneQ.map((g) => g.error)),
    median_1q_duration_ns: median(oneQ.map((g) => g.duration_ns)),
    median_2q_error: median(twoQ.map((g) => g.error)),
    median_2q_duration_ns: median(twoQ.map((g) => g.duration_ns)),
    median_reset_residual: median(p.reset.qubits.map(meanResetResidual)),
    crosstalk: {
      model: p.crosstalk.model,
      entries: xt.length,
      median_error: xt.length > 0 ? median(xt) : null,
      max_error: xt.length > 0 ? Math.max(...xt) : null,
    },
    ...(p.quantum_volume !== undefined ? { quantum_volume: p.quantum_volume } : {}),
    ...(p.algorithmic_qubits !== undefined ? { algorithmic_qubits: p.algorithmic_qubits } : {}),
    queue_median_wait_s: p.queue.median_wait_s,
    price: describePrice(p.price),
  };
}

/** One-line description of a price model, e.g. `$1.60 per second of QPU time`. */
export function describePrice(price: PriceModel): string {
  switch (price.kind) {
    case 'per_second':
      return `$${price.usd_per_second.toFixed(2)} per second of QPU time`;
    case 'per_task_per_shot':
      return `$${price.usd_per_task.toFixed(2)} per task + $${price.usd_per_shot} per shot (${price.marketplace})`;
    case 'hqc':
      return `HQC = ${price.base_hqc} + shots·(${price.weight_1q}·N1q + ${price.weight_2q}·N2q + ${price.weight_measure}·Nm)/${price.divisor}, ≈ $${price.usd_per_hqc} per HQC`;
  }
}
