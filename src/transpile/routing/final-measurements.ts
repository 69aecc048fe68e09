/**
 * Final measurements are routed after everything else: a measurement that is the last
 * operation on its qubit and on its classical bit is taken out before routing and appended
 * at the end on wherever its qubit's state finally sits, so that routing never moves a qubit
 * that was already measured (Qiskit gets the same effect with BarrierBeforeFinalMeasurements).
 */
import type { MeasureOp, Operation } from '../../circuit/operation.js';
import { opClbits, opQubits } from '../../circuit/operation.js';

/** Splits `ops` into the body and the trailing measurements (kept in order). */
export function splitTrailingMeasurements(ops: readonly Operation[], numQubits: number, numClbits: number): { body: Operation[]; tail: MeasureOp[] } {
  const qubitBusy = new Uint8Array(numQubits);
  const clbitBusy = new Uint8Array(numClbits);
  const isTail = new Uint8Array(ops.length);
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i] as Operation;
    if (op.kind === 'measure' && !op.condition && !qubitBusy[op.qubit] && !clbitBusy[op.clbit]) isTail[i] = 1;
    for (const q of opQubits(op)) qubitBusy[q] = 1;
    for (const c of opClbits(op)) clbitBusy[c] = 1;
  }
  const body: Operation[] = [];
  const tail: MeasureOp[] = [];
  ops.forEach((op, i) => (isTail[i] ? tail.push(op as MeasureOp) : body.push(op)));
  return { body, tail };
}

/** The trailing measurements mapped through a logical → physical layout. */
export function placeMeasurements(tail: readonly MeasureOp[], l2p: ArrayLike<number>): MeasureOp[] {
  return tail.map((m) => ({ ...m, qubit: l2p[m.qubit] as number }));
}
