/**
 * qmlsec's device-profile format: a typed, strictly validated description of one cloud QPU —
 * topology, native gates, per-qubit and per-gate calibration, crosstalk, reset, queue, execution
 * and price models, and the sources of every figure. Field names are snake_case because the
 * format is also the JSON that `qmlsec devices show --format json` and the HTTP API emit.
 *
 * The zod schema checks each field's shape; {@link checkDeviceConsistency} then checks the
 * relations between fields (couplers inside the qubit range, a calibration for every native
 * gate on every qubit and coupler, crosstalk only on real couplers …) and reports the field
 * path of each violation.
 */
import { z } from 'zod';

const qubit = z.number().int().min(0);
const pair = z.tuple([qubit, qubit]);
const probability = z.number().min(0).max(1);
const positive = z.number().positive();
const nonNegative = z.number().min(0);

/** How a figure was obtained: the stronger the word, the closer to a primary source. */
export const SOURCE_CONFIDENCE = ['transcribed', 'doc', 'recall', 'modelled', 'assumed'] as const;

/** Where a figure comes from. */
export const SourceSchema = z
  .object({
    /** Which fields or figures this source backs. */
    what: z.string().min(1),
    /** Citation: file + commit, URL, or paper. */
    citation: z.string().min(1),
    /** Date of the data (calibration date, page date, paper year). */
    date: z.string().min(1),
    /**
     * `transcribed` copied from a reference file; `doc` read in a public document; `recall` a
     * widely reported vendor claim not re-verified; `modelled` derived by a documented model;
     * `assumed` a stated assumption where no public figure exists.
     */
    confidence: z.enum(SOURCE_CONFIDENCE),
  })
  .strict();

/** Calibration of one physical qubit. */
export const QubitCalibrationSchema = z
  .object({
    qubit,
    /** Energy-relaxation time T1, µs. */
    t1_us: positive,
    /** Dephasing time T2 (Ramsey or echo as the vendor reports it), µs. */
    t2_us: positive,
    /** Mean assignment error, (prob_meas0_prep1 + prob_meas1_prep0) / 2. */
    readout_error: probability,
    /** P(read 0 | prepared 1). */
    prob_meas0_prep1: probability,
    /** P(read 1 | prepared 0). */
    prob_meas1_prep0: probability,
    frequency_ghz: positive.optional(),
    anharmonicity_ghz: z.number().optional(),
    readout_length_ns: positive.optional(),
  })
  .strict();

/** Calibration of one gate on specific qubits (directional for two-qubit gates when listed so). */
export const GateCalibrationSchema = z
  .object({
    /** Gate-library name (e.g. `sx`, `ecr`, `cz`, `ms`). */
    gate: z.string().min(1),
    qubits: z.array(qubit).min(1).max(2),
    /** Average gate infidelity (the RB "gate error" IBM reports), not a depolarizing parameter. */
    error: probability,
    duration_ns: nonNegative,
  })
  .strict();

/** A coupler left out of `coupling_map` because the vendor reports it unusable. */
export const DroppedCouplerSchema = z
  .object({
    qubits: pair,
    gate: z.string().min(1),
    reported_error: probability,
    reason: z.string().min(1),
  })
  .strict();

/** Error induced on a spectator qubit next to an active two-qubit gate. */
export const CrosstalkEntrySchema = z
  .object({
    /** The active coupler (as in `coupling_map`). */
    coupler: pair,
    /** The idle neighbouring qubit that suffers the error. */
    spectator: qubit,
    /** The coupler qubit the spectator is coupled to. */
    via: qubit,
    /** Static ZZ between `via` and `spectator`, kHz. */
    zz_khz: nonNegative,
    zz_source: z.enum(['published', 'modelled']),
    /** Probability of an error on the spectator per gate on the coupler (ZZ phase + drive). */
    error: probability,
  })
  .strict();

/** Per-qubit outcome of the reset between shots and jobs. */
export const ResetQubitSchema = z
  .object({
    qubit,
    /** P(qubit reads as |1⟩ after reset | it was |0⟩ before). */
    residual_from_0: probability,
    /** P(qubit is |1⟩ after reset | it was |1⟩ before) — the state-dependent leakage. */
    residual_from_1: probability,
    duration_ns: nonNegative.optional(),
  })
  .strict();

/** Price model: per second of QPU time, per task + per shot, or Quantinuum HQC. */
export const PriceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('per_second'),
      usd_per_second: positive,
      /** What the seconds count (IBM bills QPU usage time, not queue time). */
      billed_time: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('per_task_per_shot'),
      usd_per_task: nonNegative,
      usd_per_shot: nonNegative,
      marketplace: z.string().min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('hqc'),
      /** HQC = base + shots × (N1q·w1 + N2q·w2 + Nm·wm) / divisor. */
      base_hqc: nonNegative,
      weight_1q: nonNegative,
      weight_2q: nonNegative,
      weight_measure: nonNegative,
      divisor: positive,
      usd_per_hqc: positive,
      usd_conversion: z.string().min(1),
    })
    .strict(),
]);

/** A device profile. */
export const DeviceProfileSchema = z
  .object({
    schema_version: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lowercase letters, digits and underscores, starting with a letter'),
    vendor: z.string().min(1),
    name: z.string().min(1),
    processor: z
      .object({ family: z.string().min(1), revision: z.string().optional(), segment: z.string().optional() })
      .strict(),
    modality: z.enum(['superconducting', 'trapped_ion']),
    num_qubits: z.number().int().min(1).max(1024),
    native_gates: z
      .object({
        /** Default native single-qubit gates (gate-library names). */
        one_qubit: z.array(z.string().min(1)).min(1),
        /** Default native two-qubit gates. */
        two_qubit: z.array(z.string().min(1)).min(1),
        /** Members of `one_qubit` that are error-free frame changes (e.g. `rz` on IBM). */
        virtual: z.array(z.string().min(1)),
        /** Optional extras outside the default set (e.g. fractional `rzz`/`rx` on IBM Heron). */
        extras: z.array(z.string().min(1)),
      })
      .strict(),
    topology: z
      .object({
        kind: z.enum(['heavy_hex', 'square', 'line', 'falcon_h', 'all_to_all']),
        /** The generator call that produced the lattice, e.g. `heavyHex(EAGLE_R3_127)`. */
        generator: z.string().min(1),
        /** True when the graph is a model, not the vendor's published coupling map. */
        synthetic: z.boolean(),
        note: z.string().optional(),
      })
      .strict(),
    /** Usable undirected couplers `[a, b]`, a < b. */
    coupling_map: z.array(pair),
    /** True when the native two-qubit gate is only calibrated in one direction per coupler. */
    directed: z.boolean(),
    /** When `directed`: the calibrated `[control, target]` of every usable coupler. */
    directed_couplers: z.array(pair).optional(),
    dropped_couplers: z.array(DroppedCouplerSchema),
    calibration: z
      .object({
        date: z.string().min(1),
        /** True when per-qubit values were generated around published medians. */
        synthetic: z.boolean(),
        qubits: z.array(QubitCalibrationSchema),
        gates: z.array(GateCalibrationSchema),
        notes: z.array(z.string()),
      })
      .strict(),
    crosstalk: z
      .object({
        model: z.enum(['none', 'spectator']),
        description: z.string().min(1),
        seed: z.string(),
        entries: z.array(CrosstalkEntrySchema),
      })
      .strict(),
    reset: z
      .object({
        model: z.enum(['measure_and_flip', 'optical_pumping']),
        description: z.string().min(1),
        qubits: z.array(ResetQubitSchema),
      })
      .strict(),
    queue: z
      .object({
        /** Median wait before a job starts, seconds. */
        median_wait_s: nonNegative,
        /** σ of ln(wait): waits are log-normal around the median. */
        wait_log_sigma: nonNegative,
        /** Fixed per-job cost (validation, loading, result upload), seconds. */
        per_job_overhead_s: nonNegative,
        /** Per-circuit cost (compilation, waveform loading), seconds. */
        per_circuit_overhead_s: nonNegative,
        basis: z.string().min(1),
      })
      .strict(),
    execution: z
      .object({
        /** Time per shot not spent in gates: reset/repetition delay plus readout, µs. */
        shot_overhead_us: nonNegative,
        /** Duration of one circuit layer (its slowest gate), ns. */
        layer_time_ns: positive,
        max_shots: z.number().int().min(1),
        max_circuits: z.number().int().min(1),
        /** Published circuit-layer-operations-per-second figure, when one exists. */
        clops: positive.optional(),
      })
      .strict(),
    price: PriceSchema,
    quantum_volume: z.number().int().min(1).optional(),
    algorithmic_qubits: z.number().int().min(1).optional(),
    sources: z.array(SourceSchema).min(1),
  })
  .strict();

/** A validated device profile. */
export type DeviceProfile = z.infer<typeof DeviceProfileSchema>;
/** Per-qubit calibration record. */
export type QubitCalibration = z.infer<typeof QubitCalibrationSchema>;
/** Per-gate calibration record. */
export type GateCalibration = z.infer<typeof GateCalibrationSchema>;
/** One crosstalk entry. */
export type CrosstalkEntry = z.infer<typeof CrosstalkEntrySchema>;
/** Per-qubit reset record. */
export type ResetQubit = z.infer<typeof ResetQubitSchema>;
/** A dropped coupler. */
export type DroppedCoupler = z.infer<typeof DroppedCouplerSchema>;
/** A price model. */
export type PriceModel = z.infer<typeof PriceSchema>;
/** A source record. */
export type ProfileSource = z.infer<typeof SourceSchema>;
/** A confidence level of a source. */
export type SourceConfidence = (typeof SOURCE_CONFIDENCE)[number];
