/** Random circuits over every library gate, for property tests. */
import { Circuit } from '../../src/circuit/circuit.js';
import { gateNames, getGate } from '../../src/circuit/gates.js';
import type { Operation } from '../../src/circuit/operation.js';
import { Param } from '../../src/circuit/param.js';
import { Rng } from '../../src/core/rng.js';

export interface RandomCircuitOptions {
  readonly numQubits: number;
  readonly numGates: number;
  /** Probability that a parameter reads an input feature / a weight (affine). */
  readonly symbolic?: number;
  readonly numInputs?: number;
  readonly numWeights?: number;
  readonly gates?: readonly string[];
}

export function randomCircuit(rng: Rng, o: RandomCircuitOptions): Circuit {
  const names = (o.gates ?? gateNames()).filter((g) => getGate(g).numQubits <= o.numQubits);
  const ops: Operation[] = [];
  for (let i = 0; i < o.numGates; i++) {
    const def = getGate(rng.choice(names));
    const qubits = rng.permutation(o.numQubits).slice(0, def.numQubits);
    const params = Array.from({ length: def.numParams }, () => {
      const r = rng.random();
      const c = rng.uniform(-Math.PI, Math.PI);
      if (o.symbolic && r < o.symbolic / 2 && (o.numInputs ?? 0) > 0) return Param.input(rng.int(o.numInputs as number)).mul(rng.uniform(-2, 2)).add(c);
      if (o.symbolic && r < o.symbolic && (o.numWeights ?? 0) > 0) return Param.weight(rng.int(o.numWeights as number)).mul(rng.uniform(-2, 2)).add(c);
      return Param.constant(c);
    });
    ops.push({ kind: 'gate', name: def.name, qubits, params });
  }
  return new Circuit({ numQubits: o.numQubits, ops });
}
