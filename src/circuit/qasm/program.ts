/**
 * The circuit being built while a program is parsed: registers in declaration order, the
 * operations, and the global phase.
 */
import { ParseError, type SourceLocation } from '../../core/errors.js';
import { Circuit, MAX_CIRCUIT_QUBITS } from '../circuit.js';
import type { GateDef } from '../gate-def.js';
import type { Condition, Operation, Register } from '../operation.js';
import type { Param } from '../param.js';
import { toParam, type Value } from './evaluate.js';
import type { ExpansionSink } from './expand.js';

/** A declared register and where it was declared. */
export interface DeclaredRegister extends Register {
  readonly kind: 'qubit' | 'bit';
  readonly loc: SourceLocation;
}

/** Largest classical register (bits), so that conditions stay exact integers. */
const MAX_CREG_BITS = 1 << 20;

/** Accumulates registers and operations, then builds the immutable {@link Circuit}. */
export class ProgramBuilder {
  private readonly qregList: DeclaredRegister[] = [];
  private readonly cregList: DeclaredRegister[] = [];
  private readonly byName = new Map<string, DeclaredRegister>();
  private readonly ops: Operation[] = [];
  private readonly qubitNames: string[] = [];
  private numQubits = 0;
  private numClbits = 0;
  private phase = 0;
  private plainSink: ExpansionSink | undefined;

  /** The register called `name` (either kind). */
  register(name: string): DeclaredRegister | undefined {
    return this.byName.get(name);
  }

  /** Declares a register; `loc` is where its name is. */
  declare(kind: 'qubit' | 'bit', name: string, size: number, loc: SourceLocation, sizeLoc: SourceLocation): DeclaredRegister {
    const existing = this.byName.get(name);
    if (existing) throw new ParseError(`'${name}' is already declared at ${existing.loc.line}:${existing.loc.column}`, loc, 'QASM_REDECLARED');
    if (!Number.isInteger(size) || size < 1) throw new ParseError(`register '${name}' must have at least one ${kind}, got ${size}`, sizeLoc, 'QASM_RANGE');
    if (kind === 'qubit' && this.numQubits + size > MAX_CIRCUIT_QUBITS) {
      throw new ParseError(`register '${name}' brings the circuit to ${this.numQubits + size} qubits; at most ${MAX_CIRCUIT_QUBITS} are supported`, sizeLoc, 'QASM_RANGE');
    }
    if (kind === 'bit' && this.numClbits + size > MAX_CREG_BITS) {
      throw new ParseError(`register '${name}' brings the circuit to ${this.numClbits + size} classical bits; at most ${MAX_CREG_BITS} are supported`, sizeLoc, 'QASM_RANGE');
    }
    const offset = kind === 'qubit' ? this.numQubits : this.numClbits;
    const reg: DeclaredRegister = { kind, name, size, offset, loc };
    this.byName.set(name, reg);
    if (kind === 'qubit') {
      this.qregList.push(reg);
      this.numQubits += size;
      for (let i = 0; i < size; i++) this.qubitNames.push(`${name}[${i}]`);
    } else {
      this.cregList.push(reg);
      this.numClbits += size;
    }
    return reg;
  }

  /** Every qubit declared so far. */
  allQubits(): number[] {
    return Array.from({ length: this.numQubits }, (_, i) => i);
  }

  /** `q[3]` for qubit index 3 of register q (for messages). */
  qubitName(index: number): string {
    return this.qubitNames[index] ?? `qubit ${index}`;
  }

  /** A sink that appends the result of a gate expansion, under `condition` if given. */
  sink(condition: Condition | undefined, loc: SourceLocation): ExpansionSink {
    if (!condition) return (this.plainSink ??= new OperationSink(this.ops, undefined, loc, (v) => (this.phase += v)));
    return new OperationSink(this.ops, condition, loc, () => {});
  }

  measure(qubit: number, clbit: number, condition?: Condition): void {
    this.ops.push(condition ? { kind: 'measure', qubit, clbit, condition } : { kind: 'measure', qubit, clbit });
  }

  reset(qubit: number, condition?: Condition): void {
    this.ops.push(condition ? { kind: 'reset', qubit, condition } : { kind: 'reset', qubit });
  }

  barrier(qubits: readonly number[]): void {
    this.ops.push({ kind: 'barrier', qubits });
  }

  addGlobalPhase(value: number): void {
    this.phase += value;
  }

  build(name: string): Circuit {
    const strip = (r: DeclaredRegister): Register => ({ name: r.name, size: r.size, offset: r.offset });
    return new Circuit({
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      ops: this.ops,
      qregs: this.qregList.map(strip),
      cregs: this.cregList.map(strip),
      name,
      globalPhase: this.phase,
    });
  }
}

/** Constant Params are immutable, so the common angles of a program share one object each. */
const CONSTANT_CACHE = new Map<number, Param>();
const CONSTANT_CACHE_LIMIT = 4096;

function constantParam(v: Value): Param {
  if (typeof v !== 'number') return v;
  const cached = CONSTANT_CACHE.get(v);
  if (cached && Object.is(cached.constant, v)) return cached;
  const p = toParam(v);
  if (CONSTANT_CACHE.size < CONSTANT_CACHE_LIMIT) CONSTANT_CACHE.set(v, p);
  return p;
}

/** Appends expanded gates to the operation list. */
class OperationSink implements ExpansionSink {
  constructor(
    private readonly ops: Operation[],
    private readonly condition: Condition | undefined,
    private readonly loc: SourceLocation,
    private readonly addPhase: (v: number) => void,
  ) {}

  gate(gate: GateDef, qubits: readonly number[], params: readonly Value[]): void {
    const ps: Param[] = params.map(constantParam);
    this.ops.push(this.condition ? { kind: 'gate', name: gate.name, qubits, params: ps, condition: this.condition } : { kind: 'gate', name: gate.name, qubits, params: ps });
  }

  barrier(qubits: readonly number[]): void {
    if (this.condition) throw new ParseError('a gate with a barrier in its definition cannot be conditioned: barriers take no condition', this.loc, 'QASM_UNSUPPORTED');
    this.ops.push({ kind: 'barrier', qubits });
  }

  /** A global phase is unobservable, conditioned or not; only constant, unconditioned phases are kept. */
  phase(value: Value): void {
    if (typeof value === 'number') this.addPhase(value);
  }
}
