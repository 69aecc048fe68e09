/**
 * Angle encoding: feature j rotates qubit j about X, Y or Z (optionally after a Hadamard
 * layer, which makes Z rotations visible) — PennyLane's AngleEmbedding.
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Encoder, EncoderAppendOptions } from './encoder.js';

export interface AngleEncoderOptions {
  readonly numQubits: number;
  /** Features to encode (default numQubits; at most numQubits). */
  readonly numFeatures?: number;
  readonly rotation?: 'X' | 'Y' | 'Z';
  /** Hadamard on every qubit first (default false). */
  readonly hadamard?: boolean;
}

export class AngleEncoder implements Encoder {
  readonly kind = 'angle' as const;
  readonly numQubits: number;
  readonly numFeatures: number;
  readonly numCircuitInputs: number;
  readonly mapIsIdentity = true;
  readonly supportsScaling = true;
  readonly rotation: 'X' | 'Y' | 'Z';
  readonly hadamard: boolean;

  constructor(o: AngleEncoderOptions) {
    this.numQubits = o.numQubits;
    this.numFeatures = o.numFeatures ?? o.numQubits;
    if (!Number.isInteger(this.numFeatures) || this.numFeatures < 1 || this.numFeatures > this.numQubits) {
      throw new InputError(`angle encoding puts one feature on each qubit: ${this.numFeatures} feature(s) do not fit on ${this.numQubits} qubit(s)`, 'SHAPE');
    }
    this.numCircuitInputs = this.numFeatures;
    this.rotation = o.rotation ?? 'Y';
    this.hadamard = o.hadamard ?? false;
  }

  mapRow(row: ArrayLike<number>, out: Float64Array): void {
    for (let j = 0; j < this.numFeatures; j++) out[j] = row[j] as number;
  }

  append(b: CircuitBuilder, options: EncoderAppendOptions = {}): void {
    const off = options.inputOffset ?? 0;
    if (this.hadamard) for (let q = 0; q < this.numQubits; q++) b.h(q);
    for (let j = 0; j < this.numFeatures; j++) {
      const s = options.scale?.(j);
      const angle = s ? s.times(Param.input(off + j)) : Param.input(off + j);
      if (this.rotation === 'X') b.rx(angle, j);
      else if (this.rotation === 'Y') b.ry(angle, j);
      else b.rz(angle, j);
    }
  }
}
