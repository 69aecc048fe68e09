/**
 * RepeatUntilStable: runs a list of passes until the circuit stops getting smaller or
 * shallower. When every pass works on bare operation lists ({@link OpsPass}) the loop chains
 * them on arrays and builds one Circuit at the end.
 */
import type { Circuit } from '../../circuit/circuit.js';
import type { Operation } from '../../circuit/operation.js';
import { opClbits, opQubits } from '../../circuit/operation.js';
import { type OpsPass, type Pass, isOpsPass } from '../pass.js';
import type { PropertySet } from '../property-set.js';

/** Runs passes repeatedly until the circuit stops shrinking. */
export class RepeatUntilStable implements Pass {
  readonly name: string;
  constructor(
    private readonly passes: readonly Pass[],
    private readonly maxIterations = 8,
  ) {
    this.name = `RepeatUntilStable(${passes.map((p) => p.name).join(', ')})`;
  }

  run(circuit: Circuit, props: PropertySet): Circuit {
    if (this.passes.every(isOpsPass)) return this.runOnOps(circuit, props, this.passes as readonly OpsPass[]);
    let current = circuit;
    let size = current.ops.length;
    let depth: number | undefined;
    for (let i = 0; i < this.maxIterations; i++) {
      const before = current;
      for (const p of this.passes) current = p.run(current, props);
      if (current === before) break;
      const newSize = current.ops.length;
      if (newSize < size) {
        size = newSize;
        depth = undefined;
        continue;
      }
      depth ??= before.depth();
      const newDepth = current.depth();
      if (newSize > size || newDepth >= depth) break;
      depth = newDepth;
    }
    return current;
  }

  private runOnOps(circuit: Circuit, props: PropertySet, passes: readonly OpsPass[]): Circuit {
    let ops = circuit.ops;
    let size = ops.length;
    let depth: number | undefined;
    for (let i = 0; i < this.maxIterations; i++) {
      const before = ops;
      for (const p of passes) ops = p.runOps(ops, circuit, props);
      if (ops === before) break;
      // Smaller: keep going (depth is computed only when the size stalls).
      if (ops.length < size) {
        size = ops.length;
        depth = undefined;
        continue;
      }
      depth ??= opsDepth(before, circuit.numQubits, circuit.numClbits);
      const newDepth = opsDepth(ops, circuit.numQubits, circuit.numClbits);
      if (ops.length > size || newDepth >= depth) {
        ops = ops.length > size ? before : ops;
        break;
      }
      depth = newDepth;
    }
    return ops === circuit.ops ? circuit : circuit.with({ ops });
  }
}

/** Circuit depth of an operation list (as Circuit.depth: barriers add no layer). */
export function opsDepth(ops: readonly Operation[], numQubits: number, numClbits: number): number {
  const qLevel = new Int32Array(numQubits);
  const cLevel = new Int32Array(numClbits);
  let depth = 0;
  for (const op of ops) {
    const qs = opQubits(op);
    const cs = opClbits(op);
    let level = 0;
    for (const q of qs) level = Math.max(level, qLevel[q] as number);
    for (const c of cs) level = Math.max(level, cLevel[c] as number);
    if (op.kind !== 'barrier') level += 1;
    for (const q of qs) qLevel[q] = level;
    for (const c of cs) cLevel[c] = level;
    if (level > depth) depth = level;
  }
  return depth;
}
