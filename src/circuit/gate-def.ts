/** The shape of a gate definition in qmlsec's gate library. */
import type { Matrix } from './matrix.js';
import type { Param } from './param.js';

/** One Pauli letter. */
export type PauliLetter = 'I' | 'X' | 'Y' | 'Z';

/**
 * The generator G of a one-parameter gate U(θ) = exp(-iθG), in the form
 * `coeff · Π(projector qubits = |1⟩) ⊗ P` where P is a Pauli string on the gate's local
 * qubits. Rotations are `0.5 · P`; the phase gate is `-1 · Π(q0)`; controlled rotations are
 * `0.5 · Π(c) ⊗ P(t)`. Adjoint differentiation and shift rules are derived from it.
 */
export interface Generator {
  readonly coeff: number;
  /** Local qubit indices that must be |1⟩ (projector part). */
  readonly projector: readonly number[];
  /** One letter per local qubit (I on projector qubits). */
  readonly paulis: readonly PauliLetter[];
}

/** A gate applied to local qubits with given parameters (used by decompositions and inverses). */
export interface GateCall {
  readonly name: string;
  /** Local qubit indices (0..numQubits-1 of the gate being decomposed). */
  readonly qubits: readonly number[];
  readonly params: readonly Param[];
}

/** A gate of the library. */
export interface GateDef {
  /** Canonical lowercase name (also the OpenQASM 3 stdgates name when one exists). */
  readonly name: string;
  readonly numQubits: number;
  readonly numParams: number;
  readonly paramNames: readonly string[];
  /** Name in OpenQASM 2 qelib1.inc, or null when export must emit a `gate` definition. */
  readonly qasm2: string | null;
  /** Name in OpenQASM 3 stdgates.inc, or null when export must emit a `gate` definition. */
  readonly qasm3: string | null;
  /** Number of leading control qubits; the rest is the target part. */
  readonly controls: number;
  /** True when the matrix is diagonal for every parameter value. */
  readonly diagonal: boolean;
  /** The full unitary (local little-endian ordering). */
  matrix(params: readonly number[]): Matrix;
  /** For controlled gates: the unitary applied to the target qubits when all controls are 1. */
  targetMatrix?(params: readonly number[]): Matrix;
  /** One-parameter gates: U(θ) = exp(-iθG) (exactly, no extra global phase). */
  readonly generator?: Generator;
  /**
   * An exact decomposition (global phase aside): for multi-parameter gates into gates that
   * have generators or no parameters; for three-qubit gates into one- and two-qubit gates.
   * (The simulators use `matrix`; transpilers and noise models use this.)
   */
  decompose?(params: readonly Param[]): readonly GateCall[];
  /** The inverse as a sequence of gate calls on the same local qubits. */
  inverse(params: readonly Param[]): readonly GateCall[];
  /**
   * A definition in terms of more basic gates, as OpenQASM 2 body text over formal
   * parameters and qubits, for exporting gates that qelib1.inc lacks.
   */
  readonly qasmDefinition?: string;
}
