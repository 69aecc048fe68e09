/**
 * The ZZ feature map (Havlíček et al., Nature 567, 209 (2019); Qiskit's ZZFeatureMap): per
 * repetition, H on every qubit, P(2·x_i) on qubit i, then for each entangled pair (i, j)
 * CX(i, j) · P(2·(π − x_i)(π − x_j)) on j · CX(i, j). The pair angle is bilinear in the
 * inputs, which qmlsec parameters express directly.
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Encoder, EncoderAppendOptions } from './encoder.js';

export type Entanglement = 'full' | 'linear' | 'reverse_linear' | 'circular';

/** Qubit pairs of an entanglement pattern on n qubits (Qiskit's conventions). */
export function entanglementPairs(n: number, pattern: Entanglement): [number, number][] {
  const pairs: [number, number][] = [];
  switch (pattern) {
    case 'full':
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
      break;
    case 'linear':
      for (let i = 0; i < n - 1; i++) pairs.push([i, i + 1]);
      break;
    case 'reverse_linear':
      for (let i = n - 2; i >= 0; i--) pairs.push([i, i + 1]);
      break;
    case 'circular':
      if (n > 2) pairs.push([n - 1, 0]);
      for (let i = 0; i < n - 1; i++) pairs.push([i, i + 1]);
      break;
  }
  return pairs;
}

export class ZZFeatureMap implements Encoder {
  readonly kind = 'zz' as const;
  readonly numFeatures: number;
  readonly numCircuitInputs: number;
  readonly mapIsIdentity = true;
  readonly supportsScaling = false;

  constructor(readonly numQubits: number, readonly reps = 2, readonly entanglement: Entanglement = 'full') {
    if (!Number.isInteger(reps) || reps < 1) throw new InputError(`ZZ feature map repetitions must be a positive integer, got ${reps}`, 'SPEC');
    this.numFeatures = numQubits;
    this.numCircuitInputs = numQubits;
  }

  mapRow(row: ArrayLike<number>, out: Float64Array): void {
    for (let j = 0; j < this.numFeatures; j++) out[j] = row[j] as number;
  }

  append(b: CircuitBuilder, options: EncoderAppendOptions = {}): void {
    const off = options.inputOffset ?? 0;
    const xi = (i: number) => Param.input(off + i);
    for (let r = 0; r < this.reps; r++) {
      for (let q = 0; q < this.numQubits; q++) b.h(q);
      for (let q = 0; q < this.numQubits; q++) b.p(xi(q).mul(2), q);
      for (const [i, j] of entanglementPairs(this.numQubits, this.entanglement)) {
        const angle = Param.constant(Math.PI).sub(xi(i)).times(Param.constant(Math.PI).sub(xi(j))).mul(2);
        b.cx(i, j).p(angle, j).cx(i, j);
      }
    }
  }
}
