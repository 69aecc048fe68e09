/**
 * Encoders put classical features into a circuit. The circuit template reads "circuit
 * inputs" x[i]; most encoders read the features directly (x = features), amplitude encoding
 * first maps features to rotation angles classically (`mapRow`).
 */
import type { CircuitBuilder } from '../../circuit/builder.js';
import type { Param } from '../../circuit/param.js';

export type EncoderKind = 'angle' | 'dense_angle' | 'amplitude' | 'zz';

export interface EncoderAppendOptions {
  /** Index of the first circuit input this encoder reads (default 0). */
  readonly inputOffset?: number;
  /**
   * Trainable scaling for data re-uploading: returns a weight parameter that multiplies the
   * angle of feature j, or undefined for unscaled.
   */
  readonly scale?: (feature: number) => Param | undefined;
}

export interface Encoder {
  readonly kind: EncoderKind;
  readonly numQubits: number;
  /** Raw features consumed per sample. */
  readonly numFeatures: number;
  /** Circuit inputs x[i] the template reads per sample. */
  readonly numCircuitInputs: number;
  /** True when circuit inputs are the features themselves. */
  readonly mapIsIdentity: boolean;
  /** Writes the circuit inputs of one feature row into `out` (length numCircuitInputs). */
  mapRow(row: ArrayLike<number>, out: Float64Array): void;
  /** Appends the encoding gates to `b`. */
  append(b: CircuitBuilder, options?: EncoderAppendOptions): void;
  /** Whether `scale` (trainable re-uploading scaling) is meaningful for this encoder. */
  readonly supportsScaling: boolean;
}
