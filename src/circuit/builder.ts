/**
 * A fluent circuit builder, with Qiskit's argument order (angles first, then qubits):
 *
 * ```ts
 * const bell = new CircuitBuilder(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
 * const qnn = new CircuitBuilder(2).ry(x(0), 0).ry(x(1), 1).cx(0, 1).rz(w(0), 1).build();
 * ```
 */
import { Circuit } from './circuit.js';
import { getGate } from './gates.js';
import type { Condition, Operation, Register } from './operation.js';
import { Param, type ParamLike } from './param.js';

export class CircuitBuilder {
  private readonly ops: Operation[] = [];
  private condition: Condition | undefined;
  private globalPhase = 0;
  private qregs: Register[] | undefined;
  private cregs: Register[] | undefined;

  constructor(
    readonly numQubits: number,
    readonly numClbits = 0,
    private name = 'circuit',
  ) {}

  /** Any library gate by name. */
  gate(name: string, qubits: readonly number[], params: readonly ParamLike[] = []): this {
    const def = getGate(name);
    this.ops.push({
      kind: 'gate',
      name: def.name,
      qubits: [...qubits],
      params: params.map((p) => Param.from(p)),
      ...(this.condition ? { condition: this.condition } : {}),
    });
    return this;
  }

  id(q: number): this { return this.gate('id', [q]); }
  x(q: number): this { return this.gate('x', [q]); }
  y(q: number): this { return this.gate('y', [q]); }
  z(q: number): this { return this.gate('z', [q]); }
  h(q: number): this { return this.gate('h', [q]); }
  s(q: number): this { return this.gate('s', [q]); }
  sdg(q: number): this { return this.gate('sdg', [q]); }
  t(q: number): this { return this.gate('t', [q]); }
  tdg(q: number): this { return this.gate('tdg', [q]); }
  sx(q: number): this { return this.gate('sx', [q]); }
  sxdg(q: number): this { return this.gate('sxdg', [q]); }
  rx(theta: ParamLike, q: number): this { return this.gate('rx', [q], [theta]); }
  ry(theta: ParamLike, q: number): this { return this.gate('ry', [q], [theta]); }
  rz(phi: ParamLike, q: number): this { return this.gate('rz', [q], [phi]); }
  p(lambda: ParamLike, q: number): this { return this.gate('p', [q], [lambda]); }
  u1(lambda: ParamLike, q: number): this { return this.gate('u1', [q], [lambda]); }
  u2(phi: ParamLike, lambda: ParamLike, q: number): this { return this.gate('u2', [q], [phi, lambda]); }
  u3(theta: ParamLike, phi: ParamLike, lambda: ParamLike, q: number): this { return this.gate('u3', [q], [theta, phi, lambda]); }
  u(theta: ParamLike, phi: ParamLike, lambda: ParamLike, q: number): this { return this.gate('u', [q], [theta, phi, lambda]); }
  r(theta: ParamLike, phi: ParamLike, q: number): this { return this.gate('r', [q], [theta, phi]); }
  /** PennyLane's Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ), as three gates. */
  rot(phi: ParamLike, theta: ParamLike, omega: ParamLike, q: number): this { return this.rz(phi, q).ry(theta, q).rz(omega, q); }
  cx(control: number, target: number): this { return this.gate('cx', [control, target]); }
  cy(control: number, target: number): this { return this.gate('cy', [control, target]); }
  cz(control: number, target: number): this { return this.gate('cz', [control, target]); }
  ch(control: number, target: number): this { return this.gate('ch', [control, target]); }
  csx(control: number, target: number): this { return this.gate('csx', [control, target]); }
  swap(a: number, b: number): this { return this.gate('swap', [a, b]); }
  iswap(a: number, b: number): this { return this.gate('iswap', [a, b]); }
  ecr(a: number, b: number): this { return this.gate('ecr', [a, b]); }
  crx(theta: ParamLike, control: number, target: number): this { return this.gate('crx', [control, target], [theta]); }
  cry(theta: ParamLike, control: number, target: number): this { return this.gate('cry', [control, target], [theta]); }
  crz(theta: ParamLike, control: number, target: number): this { return this.gate('crz', [control, target], [theta]); }
  cp(lambda: ParamLike, control: number, target: number): this { return this.gate('cp', [control, target], [lambda]); }
  cu1(lambda: ParamLike, control: number, target: number): this { return this.gate('cu1', [control, target], [lambda]); }
  cu3(theta: ParamLike, phi: ParamLike, lambda: ParamLike, control: number, target: number): this { return this.gate('cu3', [control, target], [theta, phi, lambda]); }
  rxx(theta: ParamLike, a: number, b: number): this { return this.gate('rxx', [a, b], [theta]); }
  ryy(theta: ParamLike, a: number, b: number): this { return this.gate('ryy', [a, b], [theta]); }
  rzz(theta: ParamLike, a: number, b: number): this { return this.gate('rzz', [a, b], [theta]); }
  rzx(theta: ParamLike, a: number, b: number): this { return this.gate('rzx', [a, b], [theta]); }
  ccx(c1: number, c2: number, target: number): this { return this.gate('ccx', [c1, c2, target]); }
  cswap(control: number, a: number, b: number): this { return this.gate('cswap', [control, a, b]); }

  measure(qubit: number, clbit: number): this {
    this.ops.push({ kind: 'measure', qubit, clbit, ...(this.condition ? { condition: this.condition } : {}) });
    return this;
  }

  /** Measures qubit i into classical bit i for every qubit (needs numClbits >= numQubits). */
  measureAll(): this {
    for (let q = 0; q < this.numQubits; q++) this.measure(q, q);
    return this;
  }

  reset(qubit: number): this {
    this.ops.push({ kind: 'reset', qubit, ...(this.condition ? { condition: this.condition } : {}) });
    return this;
  }

  barrier(...qubits: number[]): this {
    const qs = qubits.length > 0 ? qubits : Array.from({ length: this.numQubits }, (_, i) => i);
    this.ops.push({ kind: 'barrier', qubits: qs });
    return this;
  }

  /**
   * Operations added inside `body` run only when the integer read from `clbits`
   * (little-endian) equals `value`, like OpenQASM 2's `if (c == value)`.
   */
  ifEquals(clbits: readonly number[], value: number, body: (b: this) => void): this {
    const outer = this.condition;
    this.condition = { clbits: [...clbits], value };
    try {
      body(this);
    } finally {
      this.condition = outer;
    }
    return this;
  }

  /** Appends another circuit (qubits[i] receives its qubit i). */
  append(other: Circuit, qubits?: readonly number[], clbits?: readonly number[]): this {
    const qmap = qubits ?? Array.from({ length: other.numQubits }, (_, i) => i);
    const cmap = clbits ?? Array.from({ length: other.numClbits }, (_, i) => i);
    const composed = new Circuit({ numQubits: this.numQubits, numClbits: this.numClbits }).compose(other, qmap, cmap);
    this.ops.push(...composed.ops);
    this.globalPhase += other.globalPhase;
    return this;
  }

  addGlobalPhase(phase: number): this {
    this.globalPhase += phase;
    return this;
  }

  /** Sets named registers (for OpenQASM export); they must tile the qubits / clbits. */
  registers(qregs: readonly Register[], cregs: readonly Register[] = []): this {
    this.qregs = [...qregs];
    this.cregs = [...cregs];
    return this;
  }

  build(): Circuit {
    return new Circuit({
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      ops: this.ops,
      name: this.name,
      globalPhase: this.globalPhase,
      ...(this.qregs ? { qregs: this.qregs } : {}),
      ...(this.cregs ? { cregs: this.cregs } : {}),
    });
  }
}

/** Starts a builder: `circuit(2).h(0).cx(0, 1).build()`. */
export function circuit(numQubits: number, numClbits = 0, name?: string): CircuitBuilder {
  return new CircuitBuilder(numQubits, numClbits, name);
}
