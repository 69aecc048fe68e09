/**
 * PennyLane's StronglyEntanglingLayers (Schuld et al., arXiv 1804.00633): per layer, Rot(φ, θ,
 * ω) = RZ(ω)·RY(θ)·RZ(φ) on every wire, then CNOT(i → (i + r) mod n) for every wire i, with
 * range r = (l mod (n − 1)) + 1 by default. Weights of shape (L, n, 3), flat row-major over
 * (layer, wire, [φ, θ, ω]).
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Ansatz } from './ansatz.js';

export class StronglyEntanglingLayers implements Ansatz {
  readonly kind = 'strongly_entangling' as const;
  readonly numWeights: number;
  readonly weightShape: readonly number[];
  readonly weightsPerLayer: number;
  readonly finalLayerWeights = 0;
  readonly ranges: readonly number[];

  constructor(readonly numQubits: number, readonly layers: number, ranges?: readonly number[]) {
    if (!Number.isInteger(layers) || layers < 1) throw new InputError(`layers must be a positive integer, got ${layers}`, 'SPEC');
    this.ranges = ranges ?? Array.from({ length: layers }, (_, l) => (numQubits > 1 ? (l % (numQubits - 1)) + 1 : 0));
    if (this.ranges.length !== layers) throw new InputError(`ranges must have one entry per layer (${layers}), got ${this.ranges.length}`, 'SPEC');
    if (numQubits > 1) {
      this.ranges.forEach((r, l) => {
        if (!Number.isInteger(r) || r < 1 || r >= numQubits) throw new InputError(`ranges[${l}] must be an integer in 1..${numQubits - 1} (PennyLane's 0 < r < n), got ${r}`, 'SPEC');
      });
    }
    this.weightsPerLayer = 3 * numQubits;
    this.numWeights = layers * this.weightsPerLayer;
    this.weightShape = [layers, numQubits, 3];
  }

  append(b: CircuitBuilder, weightOffset = 0): void {
    for (let l = 0; l < this.layers; l++) this.appendLayer(b, l, weightOffset);
  }

  appendLayer(b: CircuitBuilder, l: number, weightOffset = 0): void {
    const n = this.numQubits;
    for (let i = 0; i < n; i++) {
      const base = weightOffset + (l * n + i) * 3;
      b.rot(Param.weight(base), Param.weight(base + 1), Param.weight(base + 2), i);
    }
    if (n > 1) {
      const r = this.ranges[l] as number;
      for (let i = 0; i < n; i++) b.cx(i, (i + r) % n);
    }
  }

  appendFinalLayer(): void {}
}
