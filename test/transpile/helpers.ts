/** Shared fixtures for the transpiler tests: targets, random circuits, native-gate checks. */
import { Rng } from '../../src/core/rng.js';
import { Circuit } from '../../src/circuit/circuit.js';
import { getGate, gateNames } from '../../src/circuit/gates.js';
import type { Operation } from '../../src/circuit/operation.js';
import { Param } from '../../src/circuit/param.js';
import { Target, type TargetInit } from '../../src/transpile/target.js';
import { NATIVE_GATE_SETS, allToAllCoupling, gridCoupling, lineCoupling, ringCoupling } from '../../src/transpile/topologies.js';

/** A 16-qubit heavy-hex fragment: the coupling map of IBM's 16-qubit Falcon r4P (ibmq_guadalupe). */
export const HEAVY_HEX_FRAGMENT: [number, number][] = [
  [0, 1], [1, 2], [1, 4], [2, 3], [3, 5], [4, 7], [5, 8], [6, 7], [7, 10], [8, 9], [8, 11], [10, 12], [11, 14], [12, 13], [12, 15], [13, 14],
];

export function makeTarget(init: Omit<TargetInit, 'basis'> & { basis?: readonly string[] }): Target {
  return new Target({ basis: NATIVE_GATE_SETS.ibm_heron, ...init });
}

/** Directions for ECR targets: the lower-numbered qubit first on every coupler. */
export function lowFirst(couplers: readonly (readonly [number, number])[]): [number, number][] {
  return couplers.map(([a, b]) => (a < b ? [a, b] : [b, a]));
}

/** The targets every preset is exercised on. */
export function testTargets(): Target[] {
  return [
    new Target({ name: 'line9-falcon', numQubits: 9, couplers: lineCoupling(9), basis: NATIVE_GATE_SETS.ibm_falcon }),
    new Target({ name: 'ring8-heron', numQubits: 8, couplers: ringCoupling(8), basis: NATIVE_GATE_SETS.ibm_heron }),
    new Target({ name: 'grid3x3-iqm', numQubits: 9, couplers: gridCoupling(3, 3), basis: NATIVE_GATE_SETS.iqm }),
    new Target({ name: 'heavyhex16-eagle', numQubits: 16, couplers: HEAVY_HEX_FRAGMENT, directions: lowFirst(HEAVY_HEX_FRAGMENT), basis: NATIVE_GATE_SETS.ibm_eagle }),
    new Target({ name: 'all6-ionq', numQubits: 6, couplers: allToAllCoupling(6), basis: NATIVE_GATE_SETS.ionq }),
    new Target({ name: 'grid2x4-rigetti', numQubits: 8, couplers: gridCoupling(2, 4), basis: NATIVE_GATE_SETS.rigetti_iswap }),
    new Target({ name: 'all5-quantinuum', numQubits: 5, couplers: allToAllCoupling(5), basis: NATIVE_GATE_SETS.quantinuum }),
    new Target({ name: 'line7-u3cx', numQubits: 7, couplers: lineCoupling(7), basis: NATIVE_GATE_SETS.u3_cx }),
  ];
}

export interface RandomCircuitOptions {
  readonly numQubits: number;
  readonly numGates: number;
  /** Share of gates with input/weight-dependent parameters (default 0). */
  readonly parametric?: number;
  /** Append a measurement of every qubit (default false). */
  readonly measure?: boolean;
  /** Insert a barrier now and then (default false). */
  readonly barriers?: boolean;
}

/** A random circuit over the whole gate library. */
export function randomCircuit(rng: Rng, options: RandomCircuitOptions): Circuit {
  const n = options.numQubits;
  const names = gateNames().filter((g) => getGate(g).numQubits <= n);
  const ops: Operation[] = [];
  for (let i = 0; i < options.numGates; i++) {
    if (options.barriers && rng.random() < 0.05) {
      ops.push({ kind: 'barrier', qubits: rng.permutation(n).slice(0, 1 + rng.int(n)) });
      continue;
    }
    const name = rng.choice(names);
    const def = getGate(name);
    const qubits = rng.permutation(n).slice(0, def.numQubits);
    const params = def.paramNames.map(() => {
      if (rng.random() < (options.parametric ?? 0)) {
        const base = rng.random() < 0.5 ? Param.input(rng.int(3)) : Param.weight(rng.int(3));
        return base.mul(rng.uniform(-2, 2)).add(rng.uniform(-1, 1));
      }
      return Param.constant(rng.uniform(-Math.PI, Math.PI));
    });
    ops.push({ kind: 'gate', name, qubits, params });
  }
  if (options.measure) for (let q = 0; q < n; q++) ops.push({ kind: 'measure', qubit: q, clbit: q });
  return new Circuit({ numQubits: n, numClbits: options.measure ? n : 0, ops });
}

/** Problems with a transpiled circuit: non-native gates, gates off couplers or in a non-native direction. */
export function nativeViolations(circuit: Circuit, target: Target): string[] {
  const out: string[] = [];
  circuit.ops.forEach((op, i) => {
    if (op.kind !== 'gate') return;
    if (!target.isNative(op.name)) out.push(`op ${i}: ${op.name} is not native`);
    if (op.qubits.length === 2) {
      const [a, b] = op.qubits as [number, number];
      if (!target.isCoupled(a, b)) out.push(`op ${i}: ${op.name} on ${a},${b} which are not coupled`);
      else if (!target.isNativeDirection(a, b)) out.push(`op ${i}: ${op.name} on ${a}->${b} is not a native direction`);
    }
    if (op.qubits.length > 2) out.push(`op ${i}: ${op.name} acts on ${op.qubits.length} qubits`);
  });
  return out;
}

export { Rng };
