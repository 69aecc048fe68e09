/**
 * PennyLane's BasicEntanglerLayers: per layer, a one-parameter rotation (RX by default) on
 * every wire, then a ring of CNOTs (a single CNOT for two wires). Weights (L, n).
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Ansatz } from './ansatz.js';

export class BasicEntanglerLayers implements Ansatz {
  readonly kind = 'basic_entangler' as const;
  readonly numWeights: number;
  readonly weightShape: readonly number[];
  readonly weightsPerLayer: number;
  readonly finalLayerWeights = 0;

  constructor(readonly numQubits: number, readonly layers: number, readonly rotation: 'X' | 'Y' | 'Z' = 'X') {
    if (!Number.isInteger(layers) || layers < 1) throw new InputError(`layers must be a positive integer, got ${layers}`, 'SPEC');
    this.weightsPerLayer = numQubits;
    this.numWeights = layers * numQubits;
    this.weightShape = [layers, numQubits];
  }

  append(b: CircuitBuilder, weightOffset = 0): void {
    for (let l = 0; l < this.layers; l++) this.appendLayer(b, l, weightOffset);
  }

  appendLayer(b: CircuitBuilder, l: number, weightOffset = 0): void {
    const n = this.numQubits;
    for (let i = 0; i < n; i++) {
      const p = Param.weight(weightOffset + l * n + i);
      if (this.rotation === 'X') b.rx(p, i);
      else if (this.rotation === 'Y') b.ry(p, i);
      else b.rz(p, i);
    }
    if (n === 2) b.cx(0, 1);
    else if (n > 2) for (let i = 0; i < n; i++) b.cx(i, (i + 1) % n);
  }

  appendFinalLayer(): void {}
}
