/**
 * A hardware-efficient ansatz that follows a device's coupling map (Kandala et al., Nature
 * 549, 242 (2017)): per layer, RY and RZ on every qubit, then CZ on every coupler among the
 * chosen qubits, so that no SWAP is ever needed. Weights (L, n, 2): [RY, RZ] per qubit.
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Ansatz } from './ansatz.js';

export class HardwareEfficientAnsatz implements Ansatz {
  readonly kind = 'hardware_efficient' as const;
  readonly numWeights: number;
  readonly weightShape: readonly number[];
  readonly weightsPerLayer: number;
  readonly finalLayerWeights = 0;
  readonly edges: readonly (readonly [number, number])[];

  /** `edges`: couplers among qubits 0..n-1 (e.g. a device's coupling map restricted and renumbered). */
  constructor(readonly numQubits: number, readonly layers: number, edges: readonly (readonly [number, number])[]) {
    if (!Number.isInteger(layers) || layers < 1) throw new InputError(`layers must be a positive integer, got ${layers}`, 'SPEC');
    edges.forEach(([a, b], i) => {
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= numQubits || b >= numQubits || a === b) {
        throw new InputError(`coupler ${i} (${a}, ${b}) is not a pair of distinct qubits in 0..${numQubits - 1}`, 'SPEC');
      }
    });
    this.edges = edges.map(([a, b]) => [a, b] as const);
    this.weightsPerLayer = 2 * numQubits;
    this.numWeights = layers * this.weightsPerLayer;
    this.weightShape = [layers, numQubits, 2];
  }

  append(b: CircuitBuilder, weightOffset = 0): void {
    for (let l = 0; l < this.layers; l++) this.appendLayer(b, l, weightOffset);
  }

  appendLayer(b: CircuitBuilder, l: number, weightOffset = 0): void {
    for (let q = 0; q < this.numQubits; q++) {
      const base = weightOffset + (l * this.numQubits + q) * 2;
      b.ry(Param.weight(base), q).rz(Param.weight(base + 1), q);
    }
    for (const [a, c] of this.edges) b.cz(a, c);
  }

  appendFinalLayer(): void {}
}
