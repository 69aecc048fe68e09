/**
 * Qiskit's TwoLocal family: RealAmplitudes (RY rotations) and EfficientSU2 (RY then RZ), reps
 * repetitions of [rotation layer, CX entanglement] followed by a final rotation layer.
 * Parameters θ[k] are numbered in the order Qiskit adds the gates: per repetition, per
 * rotation gate kind, per qubit. Default entanglement 'reverse_linear' as in current Qiskit.
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import { entanglementPairs, type Entanglement } from '../encoders/zz.js';
import type { Ansatz } from './ansatz.js';

abstract class TwoLocal implements Ansatz {
  abstract readonly kind: 'real_amplitudes' | 'efficient_su2';
  protected abstract readonly gates: readonly ('ry' | 'rz')[];
  readonly finalLayerWeights: number;
  readonly weightsPerLayer: number;
  readonly numWeights: number;
  readonly weightShape: readonly number[];

  constructor(readonly numQubits: number, readonly layers: number, readonly entanglement: Entanglement, gatesPerQubit: number) {
    if (!Number.isInteger(layers) || layers < 1) throw new InputError(`reps must be a positive integer, got ${layers}`, 'SPEC');
    this.weightsPerLayer = gatesPerQubit * numQubits;
    this.finalLayerWeights = this.weightsPerLayer;
    this.numWeights = (layers + 1) * this.weightsPerLayer;
    this.weightShape = [layers + 1, gatesPerQubit, numQubits];
  }

  append(b: CircuitBuilder, weightOffset = 0): void {
    for (let l = 0; l < this.layers; l++) this.appendLayer(b, l, weightOffset);
    this.appendFinalLayer(b, weightOffset);
  }

  private rotations(b: CircuitBuilder, l: number, weightOffset: number): void {
    let k = weightOffset + l * this.weightsPerLayer;
    for (const g of this.gates) {
      for (let q = 0; q < this.numQubits; q++) {
        const p = Param.weight(k++);
        if (g === 'ry') b.ry(p, q);
        else b.rz(p, q);
      }
    }
  }

  appendLayer(b: CircuitBuilder, l: number, weightOffset = 0): void {
    this.rotations(b, l, weightOffset);
    for (const [i, j] of entanglementPairs(this.numQubits, this.entanglement)) b.cx(i, j);
  }

  appendFinalLayer(b: CircuitBuilder, weightOffset = 0): void {
    this.rotations(b, this.layers, weightOffset);
  }
}

export class RealAmplitudes extends TwoLocal {
  readonly kind = 'real_amplitudes' as const;
  protected readonly gates = ['ry'] as const;
  constructor(numQubits: number, reps = 3, entanglement: Entanglement = 'reverse_linear') {
    super(numQubits, reps, entanglement, 1);
  }
}

export class EfficientSU2 extends TwoLocal {
  readonly kind = 'efficient_su2' as const;
  protected readonly gates = ['ry', 'rz'] as const;
  constructor(numQubits: number, reps = 3, entanglement: Entanglement = 'reverse_linear') {
    super(numQubits, reps, entanglement, 2);
  }
}
