/**
 * Builds an IBM device profile from a transcribed calibration table and a generated lattice:
 * couplers the snapshot reports at error 1.0 are dropped (and listed), every other figure is
 * carried over per qubit and per gate, and crosstalk, reset, queue, execution and price models
 * are attached.
 */
import { InputError } from '../../core/errors.js';
import { median } from '../../core/numeric.js';
import type { IbmCalibrationTable, TwoQubitRow } from '../calibration-tables.js';
import { FIXED_COUPLING_CR, spectatorCrosstalk, TUNABLE_COUPLER } from '../crosstalk.js';
import { normalizeEdges, type Coupler, type Lattice } from '../lattices.js';
import { measureAndFlipReset } from '../reset.js';
import type { DeviceProfile, DroppedCoupler, GateCalibration, QubitCalibration, ProfileSource } from '../schema.js';
import { IBM_STATIC_ZZ, QUEUE_BASIS, RESET_MEASURE_AND_FLIP, SOK_IBM_PRICE } from '../sources.js';

/** The catalog-specific parts of an IBM device that the snapshot does not hold. */
export interface IbmDeviceSpec {
  readonly id: string;
  readonly name: string;
  readonly table: IbmCalibrationTable;
  readonly lattice: Lattice;
  readonly topologyKind: DeviceProfile['topology']['kind'];
  /** The generator call, for the profile's record. */
  readonly generator: string;
  readonly queue: { readonly median_wait_s: number; readonly wait_log_sigma: number; readonly note: string };
  readonly notes?: readonly string[];
}

/** Rate quoted by the QMLaaS SoK for IBM QPU time. */
export const IBM_USD_PER_SECOND = 1.6;

const TWO_QUBIT_BASIS = ['ecr', 'cz', 'cx'];
const key = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
const sig = (v: number): number => Number(v.toPrecision(7));

/** Builds and returns the (not yet validated) profile of an IBM device. */
export function buildIbmProfile(spec: IbmDeviceSpec): DeviceProfile {
  const t = spec.table;
  const n = t.qubits.length;
  if (spec.lattice.numQubits !== n) throw new InputError(`${spec.id}: lattice has ${spec.lattice.numQubits} qubits, calibration ${n}`, 'DEVICE_BUILD');
  const basis2q = t.basisGates.filter((g) => TWO_QUBIT_BASIS.includes(g));
  if (basis2q.length !== 1) throw new InputError(`${spec.id}: expected one two-qubit basis gate, got [${basis2q.join(', ')}]`, 'DEVICE_BUILD');
  const gate2q = basis2q[0]!;
  const directed = gate2q === 'ecr';

  const latticeKeys = new Set(spec.lattice.edges.map(([a, b]) => key(a, b)));
  for (const [gate, a, b] of [...t.twoQubitGates, ...t.extraTwoQubitGates]) {
    if (!latticeKeys.has(key(a, b))) throw new InputError(`${spec.id}: calibrated ${gate} on [${a}, ${b}] is not a coupler of ${spec.generator}`, 'DEVICE_BUILD');
  }

  const dead = t.twoQubitGates.filter((r) => r[3] === 1);
  const deadKeys = new Set(dead.map(([, a, b]) => key(a, b)));
  const dropped: DroppedCoupler[] = normalizeEdges(dead.map(([, a, b]) => [a, b] as const)).map((qubits) => ({
    qubits: [qubits[0], qubits[1]],
    gate: gate2q,
    reported_error: 1,
    reason: 'snapshot reports gate_error 1.0 (coupler not to be used)',
  }));
  const couplingMap = spec.lattice.edges.filter(([a, b]) => !deadKeys.has(key(a, b)));
  const live = t.twoQubitGates.filter((r) => r[3] !== 1);

  const qubits: QubitCalibration[] = t.qubits.map((row, qubit) => ({
    qubit,
    t1_us: row[0],
    t2_us: row[1],
    readout_error: row[2],
    prob_meas0_prep1: row[3],
    prob_meas1_prep0: row[4],
    readout_length_ns: row[5],
    ...(row[6] !== null ? { frequency_ghz: row[6] } : {}),
    ...(row[7] !== null ? { anharmonicity_ghz: row[7] } : {}),
  }));

  const oneQubitDefaults = t.basisGates.filter((g) => !TWO_QUBIT_BASIS.includes(g));
  const oneQubitExtras = t.oneQubitGates.filter((g) => !oneQubitDefaults.includes(g));
  const gates: GateCalibration[] = [];
  t.qubits.forEach((row, qubit) => {
    for (const gate of t.oneQubitGates) gates.push({ gate, qubits: [qubit], error: row[9], duration_ns: row[10] });
  });
  const usableExtras = t.extraTwoQubitGates.filter(([, a, b]) => !deadKeys.has(key(a, b)));
  for (const [gate, a, b, error, duration] of [...live, ...usableExtras]) gates.push({ gate, qubits: [a, b], error, duration_ns: duration });
  const twoQubitExtras = [...new Set(usableExtras.map((r) => r[0]))];

  const durations = new Map<string, number[]>();
  for (const [, a, b, , duration] of live) durations.set(key(a, b), [...(durations.get(key(a, b)) ?? []), duration]);
  const publishedZz = new Map(t.staticZz.map(([a, b, khz]) => [key(a, b), khz] as const));
  const crosstalk = spectatorCrosstalk({
    deviceId: spec.id,
    numQubits: n,
    physicalEdges: spec.lattice.edges,
    couplingMap,
    gateDurationNs: ([a, b]: Coupler) => median(durations.get(key(a, b)) ?? []),
    publishedZzKhz: publishedZz,
    technology: gate2q === 'cz' ? TUNABLE_COUPLER : FIXED_COUPLING_CR,
  });

  const medianReadoutUs = median(t.qubits.map((r) => r[5])) / 1000;
  const medianResetUs = median(t.qubits.map((r) => r[8])) / 1000;
  const snapshot: ProfileSource = {
    what: 'topology check, per-qubit T1/T2/readout/frequency, per-gate error and length, reset length, dead couplers, static ZZ, dt, CLOPS, QV, limits',
    citation: `${t.source.repo} @ ${t.source.commit}, qiskit_ibm_runtime/fake_provider/backends/*/${t.source.files.join(' + ')} (${t.source.license}); backend_version ${t.backendVersion}`,
    date: t.propsDate,
    confidence: 'transcribed',
  };
  const notes = [
    ...(t.deadTwoQubitEntries > 0
      ? [`${t.deadTwoQubitEntries} ${gate2q} entries (${dropped.length} couplers) reported at error 1.0 were dropped from coupling_map: ${dropped.map((d) => `${d.qubits[0]}-${d.qubits[1]}`).join(', ')}`]
      : []),
    ...(t.deadExtraEntries > 0 ? [`${t.deadExtraEntries} fractional two-qubit entries are at error 1.0 in the snapshot and are not listed`] : []),
    ...(t.extraTwoQubitGates.length > usableExtras.length ? [`${t.extraTwoQubitGates.length - usableExtras.length} calibrated extras sit on dropped couplers and are not listed`] : []),
    `${t.qubits.filter((r) => r[1] > 2 * r[0]).length} qubit(s) report T2 > 2·T1 (separate measurements); noise derivation clamps T2 to 2·T1`,
    `id, sx and x${oneQubitExtras.length > 0 ? ` (and ${oneQubitExtras.join(', ')})` : ''} share one error and length per qubit in the snapshot; rz is virtual (error 0, length 0)`,
    ...(t.staticZz.length === 0 ? ['the snapshot reports zz_* = 0 on every coupler (not published for tunable couplers): static ZZ is modelled'] : []),
    ...(spec.notes ?? []),
  ];

  return {
    schema_version: 1,
    id: spec.id,
    vendor: 'IBM',
    name: spec.name,
    processor: { family: t.processor.family, revision: t.processor.revision, ...(t.processor.segment ? { segment: t.processor.segment } : {}) },
    modality: 'superconducting',
    num_qubits: n,
    native_gates: {
      one_qubit: oneQubitDefaults,
      two_qubit: [gate2q],
      virtual: oneQubitDefaults.filter((g) => g === 'rz'),
      extras: [...oneQubitExtras, ...twoQubitExtras],
    },
    topology: { kind: spec.topologyKind, generator: spec.generator, synthetic: false },
    coupling_map: couplingMap.map(([a, b]) => [a, b]),
    directed,
    ...(directed ? { directed_couplers: live.map(([, a, b]) => [a, b] as [number, number]).sort((x, y) => Math.min(...x) - Math.min(...y) || Math.max(...x) - Math.max(...y)) } : {}),
    dropped_couplers: dropped,
    calibration: { date: t.propsDate, synthetic: false, qubits, gates, notes },
    crosstalk,
    reset: {
      model: 'measure_and_flip',
      description: 'IBM reset = measure, then X if the outcome is 1; residuals are the qubit’s assignment errors (upper bound). duration_ns is the snapshot’s reset length.',
      qubits: measureAndFlipReset(qubits, t.qubits.map((r) => r[8])),
    },
    queue: {
      median_wait_s: spec.queue.median_wait_s,
      wait_log_sigma: spec.queue.wait_log_sigma,
      per_job_overhead_s: 2,
      per_circuit_overhead_s: 0.02,
      basis: `${spec.queue.note}; overheads assumed (IBM Runtime job start-up ≈ 2 s, ≈ 20 ms per circuit for loading)`,
    },
    execution: {
      shot_overhead_us: sig(t.defaultRepDelayUs + medianReadoutUs + medianResetUs),
      layer_time_ns: sig(median(live.map((r: TwoQubitRow) => r[4]))),
      max_shots: t.maxShots,
      max_circuits: t.maxExperiments,
      ...(t.clopsH !== null ? { clops: t.clopsH } : {}),
    },
    price: { kind: 'per_second', usd_per_second: IBM_USD_PER_SECOND, billed_time: 'QPU usage time of the job (overhead + execution), not queue time' },
    ...(t.quantumVolume !== null ? { quantum_volume: t.quantumVolume } : {}),
    sources: [
      snapshot,
      ...(t.staticZz.length > 0 ? [{ ...IBM_STATIC_ZZ, date: t.propsDate }] : []),
      crosstalkSource(gate2q),
      RESET_MEASURE_AND_FLIP,
      QUEUE_BASIS,
      {
        what: 'execution: shot time = default_rep_delay + median readout length + median reset length + depth × median two-qubit gate length',
        citation: `model over the snapshot figures (default_rep_delay ${t.defaultRepDelayUs} µs)`,
        date: t.propsDate,
        confidence: 'modelled',
      },
      SOK_IBM_PRICE,
    ],
  };
}

function crosstalkSource(gate2q: string): ProfileSource {
  return gate2q === 'cz' ? TUNABLE_COUPLER.source : FIXED_COUPLING_CR.source;
}
