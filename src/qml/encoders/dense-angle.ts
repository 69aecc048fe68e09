/**
 * Dense angle encoding (LaRose & Coyle, arXiv 2003.01695): two features per qubit, one as the
 * polar angle and one as the phase: RY(x_{2j}) then RZ(x_{2j+1}) on qubit j.
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Encoder, EncoderAppendOptions } from './encoder.js';

export class DenseAngleEncoder implements Encoder {
  readonly kind = 'dense_angle' as const;
  readonly numFeatures: number;
  readonly numCircuitInputs: number;
  readonly mapIsIdentity = true;
  readonly supportsScaling = true;

  constructor(readonly numQubits: number, numFeatures = 2 * numQubits) {
    if (!Number.isInteger(numFeatures) || numFeatures < 1 || numFeatures > 2 * numQubits) {
      throw new InputError(`dense angle encoding holds two features per qubit: ${numFeatures} feature(s) do not fit on ${numQubits} qubit(s)`, 'SHAPE');
    }
    this.numFeatures = numFeatures;
    this.numCircuitInputs = numFeatures;
  }

  mapRow(row: ArrayLike<number>, out: Float64Array): void {
    for (let j = 0; j < this.numFeatures; j++) out[j] = row[j] as number;
  }

  append(b: CircuitBuilder, options: EncoderAppendOptions = {}): void {
    const off = options.inputOffset ?? 0;
    for (let j = 0; j < this.numFeatures; j++) {
      const s = options.scale?.(j);
      const angle = s ? s.times(Param.input(off + j)) : Param.input(off + j);
      const q = j >> 1;
      if (j % 2 === 0) b.ry(angle, q);
      else b.rz(angle, q);
    }
  }
}
