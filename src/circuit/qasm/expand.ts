/**
 * Expansion of gate calls down to library gates, and the dense unitary of a macro (used to
 * recognise a program's definition of a gate the library already has).
 */
import type { SourceLocation } from '../../core/errors.js';
import type { GateDef } from '../gate-def.js';
import { embed, identity, type Matrix, matmul, phaseDistance } from '../matrix.js';
import { evaluate, type Value } from './evaluate.js';
import type { GateEntry, MacroEntry } from './gate-entry.js';

/** Receives the library-level result of an expansion. */
export interface ExpansionSink {
  gate(gate: GateDef, qubits: readonly number[], params: readonly Value[]): void;
  barrier(qubits: readonly number[]): void;
  /** An OpenQASM 3 `gphase` inside a definition. */
  phase(value: Value): void;
}

/** The call being expanded, for error messages from inside the definition. */
export interface CallSite {
  readonly name: string;
  readonly loc: SourceLocation;
}

/** Applies `entry` with parameter values `params` to `qubits`, recursively. */
export function expandGate(entry: GateEntry, params: readonly Value[], qubits: readonly number[], sink: ExpansionSink, site?: CallSite): void {
  if (entry.kind === 'library') {
    sink.gate(entry.gate, qubits, params);
    return;
  }
  const context = site ? ` (while expanding gate '${site.name}' called at ${site.loc.line}:${site.loc.column})` : '';
  for (const stmt of entry.body) {
    switch (stmt.kind) {
      case 'call': {
        const values = stmt.params.map((e) => evaluate(e, params, context));
        const mapped = stmt.qubits.map((q) => qubits[q] as number);
        expandGate(stmt.entry, values, mapped, sink, site);
        break;
      }
      case 'barrier':
        sink.barrier(stmt.qubits.map((q) => qubits[q] as number));
        break;
      case 'gphase':
        sink.phase(evaluate(stmt.expr, params, context));
        break;
    }
  }
}

/** The unitary of a macro at numeric parameters (global phase from `gphase` included). */
export function macroUnitary(entry: MacroEntry, params: readonly number[]): Matrix {
  const k = entry.numQubits;
  let u = identity(1 << k);
  let phase = 0;
  const locals = Array.from({ length: k }, (_, i) => i);
  expandGate(entry, params, locals, {
    gate(gate, qubits, values) {
      const numeric = values.map((v) => {
        if (typeof v !== 'number') throw new TypeError('symbolic parameter in a numeric expansion');
        return v;
      });
      u = matmul(embed(gate.matrix(numeric), qubits, k), u);
    },
    barrier() {},
    phase(v) {
      if (typeof v === 'number') phase += v;
    },
  });
  if (phase === 0) return u;
  const c = Math.cos(phase);
  const s = Math.sin(phase);
  for (let i = 0; i < u.length; i += 2) {
    const re = u[i] as number;
    const im = u[i + 1] as number;
    u[i] = re * c - im * s;
    u[i + 1] = re * s + im * c;
  }
  return u;
}

/** Parameter values at which definitions are compared with library gates. */
const SAMPLE_ANGLES: readonly (readonly number[])[] = [
  [0.7390851332151607, -1.2247448713915890, 2.4142135623730951, 0.5772156649015329],
  [-2.0943951023931957, 0.3183098861837907, 1.6180339887498949, -0.9189385332046727],
];

/** Largest definition compared numerically with a library gate (dense 2^k × 2^k matrices). */
const MAX_COMPARED_QUBITS = 6;

/**
 * True when `entry` has the library gate's shape and equals its matrix up to global phase
 * at two generic parameter points (so that a definition written for an exporter, or by
 * Qiskit, becomes one library operation instead of its expansion).
 */
export function definesLibraryGate(entry: MacroEntry, gate: GateDef): boolean {
  if (entry.numParams !== gate.numParams || entry.numQubits !== gate.numQubits) return false;
  if (entry.numQubits > MAX_COMPARED_QUBITS || entry.numParams > (SAMPLE_ANGLES[0] as readonly number[]).length) return false;
  try {
    return SAMPLE_ANGLES.every((angles) => {
      const params = angles.slice(0, entry.numParams);
      return phaseDistance(macroUnitary(entry, params), gate.matrix(params)).distance <= 1e-9;
    });
  } catch {
    // A body that fails to evaluate at generic angles (e.g. divides by a parameter) is kept
    // as a macro; its calls report their own errors when expanded with real values.
    return false;
  }
}
