/**
 * Builds a profile for a vendor that publishes only headline figures (median T1/T2, readout,
 * one- and two-qubit gate error and time): per-qubit and per-coupler values are generated
 * deterministically around those medians (see synthetic.ts) and the calibration is marked
 * `synthetic`.
 */
import { Rng } from '../../core/rng.js';
import { noCrosstalk, spectatorCrosstalk, type CrosstalkTechnology } from '../crosstalk.js';
import type { Lattice } from '../lattices.js';
import { measureAndFlipReset, opticalPumpingReset } from '../reset.js';
import type { DeviceProfile, GateCalibration, QubitCalibration, ProfileSource } from '../schema.js';
import { RESET_MEASURE_AND_FLIP, RESET_OPTICAL_PUMPING } from '../sources.js';
import { valuesAroundMedian } from '../synthetic.js';

/** Published (or stated) medians a synthetic calibration is generated around. */
export interface HeadlineMedians {
  readonly t1_us: number;
  readonly t2_us: number;
  /** Mean assignment error; split evenly between P(0|1) and P(1|0) (no public asymmetry). */
  readonly readout_error: number;
  readonly one_qubit_error: number;
  readonly one_qubit_duration_ns: number;
  readonly two_qubit_error: number;
  readonly two_qubit_duration_ns: number;
}

/** Spread (σ of ln) of the generated values. */
export const HEADLINE_SPREAD = { coherence: 0.15, error: 0.25 } as const;

/** Everything a headline-figure device needs besides the generated calibration. */
export interface HeadlineSpec {
  readonly id: string;
  readonly vendor: string;
  readonly name: string;
  readonly processor: DeviceProfile['processor'];
  readonly modality: DeviceProfile['modality'];
  readonly lattice: Lattice;
  readonly topology: DeviceProfile['topology'];
  readonly nativeGates: DeviceProfile['native_gates'];
  readonly medians: HeadlineMedians;
  /** Crosstalk technology, or the reason there is none. */
  readonly crosstalk: CrosstalkTechnology | { readonly none: string };
  readonly reset: { readonly model: 'measure_and_flip' } | { readonly model: 'optical_pumping'; readonly residual: number };
  readonly queue: DeviceProfile['queue'];
  readonly execution: DeviceProfile['execution'];
  readonly price: DeviceProfile['price'];
  readonly quantumVolume?: number;
  readonly algorithmicQubits?: number;
  /** Date of the headline figures. */
  readonly calibrationDate: string;
  readonly sources: readonly ProfileSource[];
  readonly notes: readonly string[];
}

const sig = (v: number): number => Number(v.toPrecision(6));

/** Builds and returns the (not yet validated) profile of a headline-figure device. */
export function buildHeadlineProfile(spec: HeadlineSpec): DeviceProfile {
  const n = spec.lattice.numQubits;
  const m = spec.medians;
  const rng = new Rng(`calibration:${spec.id}`);
  const coherence = { logSpread: HEADLINE_SPREAD.coherence };
  const errors = { logSpread: HEADLINE_SPREAD.error, max: 0.5 };
  const t1 = valuesAroundMedian(m.t1_us, n, rng.fork('t1'), coherence);
  const t2 = valuesAroundMedian(m.t2_us, n, rng.fork('t2'), coherence);
  const readout = valuesAroundMedian(m.readout_error, n, rng.fork('readout'), errors);
  const oneQubit = valuesAroundMedian(m.one_qubit_error, n, rng.fork('1q'), errors);
  const twoQubit = valuesAroundMedian(m.two_qubit_error, spec.lattice.edges.length, rng.fork('2q'), errors);

  const qubits: QubitCalibration[] = t1.map((_, qubit) => {
    const r = sig(readout[qubit]!);
    return { qubit, t1_us: sig(t1[qubit]!), t2_us: sig(t2[qubit]!), readout_error: r, prob_meas0_prep1: r, prob_meas1_prep0: r };
  });
  const gates: GateCalibration[] = [];
  const physical1q = spec.nativeGates.one_qubit.filter((g) => !spec.nativeGates.virtual.includes(g));
  for (let q = 0; q < n; q++) {
    for (const gate of physical1q) gates.push({ gate, qubits: [q], error: sig(oneQubit[q]!), duration_ns: m.one_qubit_duration_ns });
  }
  spec.lattice.edges.forEach(([a, b], i) => {
    for (const gate of spec.nativeGates.two_qubit) gates.push({ gate, qubits: [a, b], error: sig(twoQubit[i]!), duration_ns: m.two_qubit_duration_ns });
  });

  const crosstalk =
    'none' in spec.crosstalk
      ? noCrosstalk(spec.crosstalk.none)
      : spectatorCrosstalk({
          deviceId: spec.id,
          numQubits: n,
          physicalEdges: spec.lattice.edges,
          couplingMap: spec.lattice.edges,
          gateDurationNs: () => m.two_qubit_duration_ns,
          technology: spec.crosstalk,
        });
  const reset =
    spec.reset.model === 'optical_pumping'
      ? {
          model: 'optical_pumping' as const,
          description: 'Optical pumping into |0⟩ before every shot: a small residual, independent of the previous state.',
          qubits: opticalPumpingReset(n, spec.reset.residual),
        }
      : {
          model: 'measure_and_flip' as const,
          description: 'Active reset = measure, then flip if 1; residuals are the qubit’s assignment errors (upper bound).',
          qubits: measureAndFlipReset(qubits),
        };

  return {
    schema_version: 1,
    id: spec.id,
    vendor: spec.vendor,
    name: spec.name,
    processor: spec.processor,
    modality: spec.modality,
    num_qubits: n,
    native_gates: spec.nativeGates,
    topology: spec.topology,
    coupling_map: spec.lattice.edges.map(([a, b]) => [a, b]),
    directed: false,
    dropped_couplers: [],
    calibration: {
      date: spec.calibrationDate,
      synthetic: true,
      qubits,
      gates,
      notes: [
        `per-qubit and per-coupler values are synthetic: log-normal around the published medians (σ_ln ${HEADLINE_SPREAD.coherence} for T1/T2, ${HEADLINE_SPREAD.error} for errors), rescaled so each median equals the published figure; seeded with "calibration:${spec.id}"`,
        ...spec.notes,
      ],
    },
    crosstalk,
    reset,
    queue: spec.queue,
    execution: spec.execution,
    price: spec.price,
    ...(spec.quantumVolume !== undefined ? { quantum_volume: spec.quantumVolume } : {}),
    ...(spec.algorithmicQubits !== undefined ? { algorithmic_qubits: spec.algorithmicQubits } : {}),
    sources: [
      ...spec.sources,
      ...('none' in spec.crosstalk ? [] : [spec.crosstalk.source]),
      spec.reset.model === 'optical_pumping' ? RESET_OPTICAL_PUMPING : RESET_MEASURE_AND_FLIP,
    ],
  };
}
