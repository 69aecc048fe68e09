/**
 * Shapes of the compact calibration tables under `data/`. The tables are transcriptions of
 * public calibration snapshots (written by `scripts/transcribe-device-calibrations.ts`); the
 * builders turn them into full {@link DeviceProfile}s. Rows are tuples to keep the files small
 * and readable as tables.
 */

/** Provenance of a transcribed table. */
export interface TableSource {
  readonly repo: string;
  readonly commit?: string;
  readonly files: readonly string[];
  readonly license: string;
}

/**
 * One IBM qubit: [T1 µs, T2 µs, readout_error, prob_meas0_prep1, prob_meas1_prep0,
 * readout_length ns, frequency GHz | null, anharmonicity GHz | null, reset length ns,
 * single-qubit gate error, single-qubit gate length ns]. IBM reports the same error and length
 * for `id`, `sx`, `x` (and `rx` on Heron) on a qubit; the transcription checks that.
 */
export type IbmQubitRow = readonly [
  t1Us: number,
  t2Us: number,
  readoutError: number,
  probMeas0Prep1: number,
  probMeas1Prep0: number,
  readoutLengthNs: number,
  frequencyGhz: number | null,
  anharmonicityGhz: number | null,
  resetLengthNs: number,
  oneQubitError: number,
  oneQubitLengthNs: number,
];

/** One two-qubit calibration: [gate, q0, q1, error, length ns]; error 1 marks a dead coupler. */
export type TwoQubitRow = readonly [gate: string, q0: number, q1: number, error: number, lengthNs: number];

/** Static ZZ between coupled qubits: [a, b, |ζ| kHz]. */
export type StaticZzRow = readonly [a: number, b: number, zzKhz: number];

/** Transcription of one IBM backend's `conf_*.json` + `props_*.json`. */
export interface IbmCalibrationTable {
  readonly backend: string;
  readonly backendVersion: string;
  /** `last_update_date` of the properties snapshot. */
  readonly propsDate: string;
  readonly source: TableSource;
  readonly processor: { readonly family: string; readonly revision: string; readonly segment?: string };
  readonly basisGates: readonly string[];
  /** Non-virtual single-qubit gates calibrated per qubit (share the row's error and length). */
  readonly oneQubitGates: readonly string[];
  readonly dtNs: number;
  readonly clopsH: number | null;
  readonly quantumVolume: number | null;
  readonly maxShots: number;
  readonly maxExperiments: number;
  readonly defaultRepDelayUs: number;
  readonly qubits: readonly IbmQubitRow[];
  /** The basis two-qubit gate, as listed (both directions collapsed to one row when identical). */
  readonly twoQubitGates: readonly TwoQubitRow[];
  /** Usable optional two-qubit extras (fractional `rzz` on Heron), collapsed likewise. */
  readonly extraTwoQubitGates: readonly TwoQubitRow[];
  /** How many extra-gate entries the snapshot reports at error 1 (not usable). */
  readonly deadExtraEntries: number;
  /** How many entries (directions counted) of the basis two-qubit gate are at error 1. */
  readonly deadTwoQubitEntries: number;
  readonly staticZz: readonly StaticZzRow[];
}

/** One IQM qubit: [T1 µs, T2 µs, P(read 0 | prep 1), P(read 1 | prep 0), PRX depolarizing λ]. */
export type IqmQubitRow = readonly [t1Us: number, t2Us: number, probMeas0Prep1: number, probMeas1Prep0: number, prxDepolarizing: number];

/** Transcription of IQM's public Garnet fake-backend error profile. */
export interface IqmCalibrationTable {
  readonly name: string;
  readonly source: TableSource;
  readonly qubits: readonly IqmQubitRow[];
  /** [a, b, CZ depolarizing λ] per coupler, in the upstream order. */
  readonly cz: readonly (readonly [number, number, number])[];
  readonly prxDurationNs: number;
  readonly czDurationNs: number;
}
