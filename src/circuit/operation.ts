/** The operations a circuit is made of. */
import type { Param } from './param.js';

/** `if (clbits == value)`: the little-endian integer read from `clbits` must equal `value`. */
export interface Condition {
  readonly clbits: readonly number[];
  readonly value: number;
}

export interface GateOp {
  readonly kind: 'gate';
  readonly name: string;
  readonly qubits: readonly number[];
  readonly params: readonly Param[];
  readonly condition?: Condition;
}

export interface MeasureOp {
  readonly kind: 'measure';
  readonly qubit: number;
  readonly clbit: number;
  readonly condition?: Condition;
}

export interface ResetOp {
  readonly kind: 'reset';
  readonly qubit: number;
  readonly condition?: Condition;
}

export interface BarrierOp {
  readonly kind: 'barrier';
  readonly qubits: readonly number[];
}

export type Operation = GateOp | MeasureOp | ResetOp | BarrierOp;

/** A named slice of qubits or classical bits (kept for OpenQASM round trips). */
export interface Register {
  readonly name: string;
  readonly size: number;
  readonly offset: number;
}

/** The qubits an operation touches. */
export function opQubits(op: Operation): readonly number[] {
  switch (op.kind) {
    case 'gate':
    case 'barrier':
      return op.qubits;
    case 'measure':
    case 'reset':
      return [op.qubit];
  }
}

/** The classical bits an operation reads or writes. */
export function opClbits(op: Operation): readonly number[] {
  const cond = op.kind === 'barrier' ? [] : (op.condition?.clbits ?? []);
  return op.kind === 'measure' ? [...cond, op.clbit] : cond;
}
