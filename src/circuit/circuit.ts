/**
 * The immutable circuit value: qubits, classical bits, registers and a list of operations
 * whose gate parameters may refer to input features and trainable weights.
 */
import { InputError } from '../core/errors.js';
import { getGate } from './gates.js';
import { type Condition, type GateOp, type Operation, type Register, opClbits, opQubits } from './operation.js';
import { Param } from './param.js';
import { drawCircuit } from './draw.js';

export interface CircuitInit {
  readonly numQubits: number;
  readonly numClbits?: number;
  readonly ops?: readonly Operation[];
  readonly qregs?: readonly Register[];
  readonly cregs?: readonly Register[];
  readonly name?: string;
  /** Global phase in radians (kept exact by transpiler passes that change it). */
  readonly globalPhase?: number;
}

/** Upper bound on qubits in a circuit value (simulators have their own, lower, limits). */
export const MAX_CIRCUIT_QUBITS = 1024;

export class Circuit {
  readonly numQubits: number;
  readonly numClbits: number;
  readonly ops: readonly Operation[];
  readonly qregs: readonly Register[];
  readonly cregs: readonly Register[];
  readonly name: string;
  readonly globalPhase: number;

  constructor(init: CircuitInit) {
    const { numQubits } = init;
    const numClbits = init.numClbits ?? 0;
    if (!Number.isInteger(numQubits) || numQubits < 0 || numQubits > MAX_CIRCUIT_QUBITS) {
      throw new InputError(`number of qubits must be an integer in [0, ${MAX_CIRCUIT_QUBITS}], got ${numQubits}`, 'SHAPE');
    }
    if (!Number.isInteger(numClbits) || numClbits < 0) throw new InputError(`number of classical bits must be a non-negative integer, got ${numClbits}`, 'SHAPE');
    this.numQubits = numQubits;
    this.numClbits = numClbits;
    this.ops = Object.freeze([...(init.ops ?? [])]);
    this.qregs = Object.freeze([...(init.qregs ?? (numQubits > 0 ? [{ name: 'q', size: numQubits, offset: 0 }] : []))]);
    this.cregs = Object.freeze([...(init.cregs ?? (numClbits > 0 ? [{ name: 'c', size: numClbits, offset: 0 }] : []))]);
    this.name = init.name ?? 'circuit';
    this.globalPhase = init.globalPhase ?? 0;
    if (!Number.isFinite(this.globalPhase)) throw new InputError(`global phase must be finite, got ${this.globalPhase}`, 'NOT_FINITE');
    for (let i = 0; i < this.ops.length; i++) validateOp(this.ops[i] as Operation, i, numQubits, numClbits);
  }

  /** A copy with other operations (registers, name and phase kept unless overridden). */
  with(changes: Partial<CircuitInit>): Circuit {
    const numQubits = changes.numQubits ?? this.numQubits;
    const numClbits = changes.numClbits ?? this.numClbits;
    const qregs = changes.qregs ?? (numQubits === this.numQubits ? this.qregs : undefined);
    const cregs = changes.cregs ?? (numClbits === this.numClbits ? this.cregs : undefined);
    return new Circuit({
      numQubits,
      numClbits,
      ops: changes.ops ?? this.ops,
      ...(qregs ? { qregs } : {}),
      ...(cregs ? { cregs } : {}),
      name: changes.name ?? this.name,
      globalPhase: changes.globalPhase ?? this.globalPhase,
    });
  }

  /** Number of operations (barriers included). */
  get size(): number {
    return this.ops.length;
  }

  /** 1 + the largest input-feature index any parameter reads (0 if none). */
  get numInputs(): number {
    return this.maxIndex('x') + 1;
  }

  /** 1 + the largest weight index any parameter reads (0 if none). */
  get numWeights(): number {
    return this.maxIndex('w') + 1;
  }

  private maxIndex(source: 'x' | 'w'): number {
    let m = -1;
    for (const op of this.ops) {
      if (op.kind !== 'gate') continue;
      for (const p of op.params) {
        for (const t of p.terms) {
          if (t.source === source && t.index > m) m = t.index;
          if (t.factor && t.factor.source === source && t.factor.index > m) m = t.factor.index;
        }
      }
    }
    return m;
  }

  /** True when every parameter is a constant. */
  get isBound(): boolean {
    return this.ops.every((op) => op.kind !== 'gate' || op.params.every((p) => p.isConstant));
  }

  /** True when the circuit is a pure unitary (gates and barriers only, no conditions). */
  get isUnitary(): boolean {
    return this.ops.every((op) => op.kind === 'barrier' || (op.kind === 'gate' && !op.condition));
  }

  /** Gate counts by name (measure, reset and barrier included under their own names). */
  countOps(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const op of this.ops) {
      const key = op.kind === 'gate' ? op.name : op.kind;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** Number of gates acting on two or more qubits. */
  get numMultiQubitGates(): number {
    return this.ops.filter((op) => op.kind === 'gate' && op.qubits.length >= 2).length;
  }

  /**
   * Circuit depth: the longest path of operations through shared qubits and classical bits.
   * Barriers do not count as layers. `filter` restricts which operations count (e.g. only
   * two-qubit gates for the two-qubit depth), as in Qiskit's `depth(filter_function)`.
   */
  depth(filter: (op: Operation) => boolean = () => true): number {
    const qLevel = new Int32Array(this.numQubits);
    const cLevel = new Int32Array(this.numClbits);
    let depth = 0;
    for (const op of this.ops) {
      const qs = opQubits(op);
      const cs = opClbits(op);
      let level = 0;
      for (const q of qs) level = Math.max(level, qLevel[q] as number);
      for (const cb of cs) level = Math.max(level, cLevel[cb] as number);
      if (op.kind !== 'barrier' && filter(op)) level += 1;
      for (const q of qs) qLevel[q] = level;
      for (const cb of cs) cLevel[cb] = level;
      if (level > depth) depth = level;
    }
    return depth;
  }

  /**
   * The inverse circuit (each gate inverted, order reversed). Throws when the circuit has
   * measurements, resets or conditions, which have no inverse.
   */
  inverse(): Circuit {
    const ops: Operation[] = [];
    for (let i = this.ops.length - 1; i >= 0; i--) {
      const op = this.ops[i] as Operation;
      if (op.kind === 'barrier') {
        ops.push(op);
        continue;
      }
      if (op.kind !== 'gate' || op.condition) throw new InputError(`cannot invert operation ${i} (${op.kind === 'gate' ? 'conditioned gate' : op.kind}): it is not unitary`, 'NOT_UNITARY');
      const def = getGate(op.name);
      for (const callInv of def.inverse(op.params)) {
        ops.push({ kind: 'gate', name: callInv.name, qubits: callInv.qubits.map((j) => op.qubits[j] as number), params: callInv.params });
      }
    }
    return this.with({ ops, name: `${this.name}_dg`, globalPhase: -this.globalPhase });
  }

  /**
   * Appends `other` after this circuit. `qubits[i]` is where other's qubit i goes (default:
   * the same index); likewise `clbits`.
   */
  compose(other: Circuit, qubits?: readonly number[], clbits?: readonly number[]): Circuit {
    const qmap = qubits ?? Array.from({ length: other.numQubits }, (_, i) => i);
    const cmap = clbits ?? Array.from({ length: other.numClbits }, (_, i) => i);
    if (qmap.length !== other.numQubits) throw new InputError(`compose: qubit map has ${qmap.length} entries for a ${other.numQubits}-qubit circuit`, 'SHAPE');
    if (cmap.length !== other.numClbits) throw new InputError(`compose: clbit map has ${cmap.length} entries for ${other.numClbits} classical bits`, 'SHAPE');
    const ops = [...this.ops, ...other.ops.map((op) => remapOp(op, qmap, cmap))];
    return this.with({ ops, globalPhase: this.globalPhase + other.globalPhase });
  }

  /** The same circuit with every parameter evaluated at (x, w): all-constant parameters. */
  bind(x?: ArrayLike<number>, w?: ArrayLike<number>): Circuit {
    const ops = this.ops.map((op): Operation => {
      if (op.kind !== 'gate' || op.params.every((p) => p.isConstant)) return op;
      return { ...op, params: op.params.map((p) => Param.constant(p.evaluate(x, w))) };
    });
    return this.with({ ops });
  }

  /**
   * Splits off measurements at the end of the circuit: returns the circuit without them and
   * the (qubit, clbit) pairs they measured, or `null` when some measurement is followed by
   * another operation on its qubit or bit (mid-circuit), or there are resets or conditions.
   */
  splitFinalMeasurements(): { circuit: Circuit; measurements: { qubit: number; clbit: number }[] } | null {
    const measured = new Set<number>();
    const written = new Set<number>();
    const body: Operation[] = [];
    const measurements: { qubit: number; clbit: number }[] = [];
    for (const op of this.ops) {
      if (op.kind === 'reset' || (op.kind !== 'barrier' && op.condition)) return null;
      if (op.kind === 'measure') {
        if (measured.has(op.qubit)) return null;
        measured.add(op.qubit);
        written.add(op.clbit);
        measurements.push({ qubit: op.qubit, clbit: op.clbit });
        continue;
      }
      if (op.kind === 'barrier') {
        body.push(op);
        continue;
      }
      if (op.qubits.some((q) => measured.has(q))) return null;
      body.push(op);
    }
    // Nothing to split off: the circuit itself (the same value, so callers can cache by it).
    return { circuit: measurements.length === 0 ? this : this.with({ ops: body }), measurements };
  }

  /** Text drawing (one line per qubit, as Qiskit's text drawer). */
  draw(options?: { maxWidth?: number }): string {
    return drawCircuit(this, options);
  }

  toString(): string {
    return this.draw();
  }
}

function remapOp(op: Operation, qmap: readonly number[], cmap: readonly number[]): Operation {
  const q = (i: number) => {
    const v = qmap[i];
    if (v === undefined) throw new InputError(`compose: qubit ${i} has no target`, 'SHAPE');
    return v;
  };
  const cb = (i: number) => {
    const v = cmap[i];
    if (v === undefined) throw new InputError(`compose: classical bit ${i} has no target`, 'SHAPE');
    return v;
  };
  const cond = (c?: Condition) => (c ? { condition: { clbits: c.clbits.map(cb), value: c.value } } : {});
  switch (op.kind) {
    case 'gate':
      return { kind: 'gate', name: op.name, qubits: op.qubits.map(q), params: op.params, ...cond(op.condition) };
    case 'measure':
      return { kind: 'measure', qubit: q(op.qubit), clbit: cb(op.clbit), ...cond(op.condition) };
    case 'reset':
      return { kind: 'reset', qubit: q(op.qubit), ...cond(op.condition) };
    case 'barrier':
      return { kind: 'barrier', qubits: op.qubits.map(q) };
  }
}

function checkQubit(qb: number, index: number, numQubits: number): void {
  if (!Number.isInteger(qb) || qb < 0 || qb >= numQubits) throw new InputError(`operation ${index}: qubit ${qb} out of range (circuit has ${numQubits} qubits)`, 'QUBIT_RANGE');
}

function checkClbit(cb: number, index: number, numClbits: number): void {
  if (!Number.isInteger(cb) || cb < 0 || cb >= numClbits) throw new InputError(`operation ${index}: classical bit ${cb} out of range (circuit has ${numClbits})`, 'CLBIT_RANGE');
}

/** Validates one operation (hot when passes rebuild large circuits: no closures, no allocation). */
function validateOp(op: Operation, index: number, numQubits: number, numClbits: number): void {
  if (op.kind !== 'barrier' && op.condition) {
    const { value, clbits } = op.condition;
    for (const cb of clbits) checkClbit(cb, index, numClbits);
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** clbits.length) {
      throw new InputError(`operation ${index}: condition value ${value} does not fit in ${clbits.length} bit(s)`, 'CONDITION');
    }
  }
  switch (op.kind) {
    case 'gate': {
      const def = getGate(op.name);
      if (op.qubits.length !== def.numQubits) throw new InputError(`operation ${index}: gate ${op.name} acts on ${def.numQubits} qubit(s), got ${op.qubits.length}`, 'ARITY');
      if (op.params.length !== def.numParams) throw new InputError(`operation ${index}: gate ${op.name} takes ${def.numParams} parameter(s), got ${op.params.length}`, 'ARITY');
      for (let k = 0; k < op.qubits.length; k++) checkQubit(op.qubits[k] as number, index, numQubits);
      if (hasDuplicate(op.qubits)) throw new InputError(`operation ${index}: gate ${op.name} uses a qubit twice (${op.qubits.join(', ')})`, 'ARITY');
      for (let k = 0; k < op.params.length; k++) if (!(op.params[k] instanceof Param)) throw new InputError(`operation ${index}: parameters must be Param values`, 'TYPE');
      return;
    }
    case 'measure':
      checkQubit(op.qubit, index, numQubits);
      checkClbit(op.clbit, index, numClbits);
      return;
    case 'reset':
      checkQubit(op.qubit, index, numQubits);
      return;
    case 'barrier':
      for (const q of op.qubits) checkQubit(q, index, numQubits);
      return;
  }
}

function hasDuplicate(qubits: readonly number[]): boolean {
  for (let i = 1; i < qubits.length; i++) for (let j = 0; j < i; j++) if (qubits[i] === qubits[j]) return true;
  return false;
}

/** Narrowing helper. */
export function isGate(op: Operation): op is GateOp {
  return op.kind === 'gate';
}
