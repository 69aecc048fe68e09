/**
 * Pauli observables: a `PauliString` is a coefficient times a tensor product of Paulis on
 * given qubits; a `PauliSum` (the `Observable` type) is a weighted sum of them. Text form, as
 * on the command line: `Z0`, `0.5*Z0Z1 + X2`, `-1.5 * X0 Y3`, `2` (identity).
 */
import { InputError, ParseError } from '../core/errors.js';
import type { PauliLetter } from '../circuit/gate-def.js';

/** One term: coeff · ⊗_q P_q. Qubits absent from `paulis` carry the identity. */
export class PauliString {
  readonly coeff: number;
  /** Sorted by qubit; no identities. */
  readonly paulis: readonly { readonly qubit: number; readonly pauli: Exclude<PauliLetter, 'I'> }[];
  /** Bit mask of qubits with X or Y (these flip the basis state). */
  readonly xMask: number;
  /** Bit mask of qubits with Z or Y (these contribute a sign). */
  readonly zMask: number;
  /** Number of Y factors (each contributes a factor i). */
  readonly numY: number;

  constructor(coeff: number, paulis: Readonly<Record<number, PauliLetter>> | readonly { qubit: number; pauli: PauliLetter }[]) {
    if (!Number.isFinite(coeff)) throw new InputError(`Pauli coefficient must be finite, got ${coeff}`, 'NOT_FINITE');
    const entries = Array.isArray(paulis)
      ? (paulis as readonly { qubit: number; pauli: PauliLetter }[])
      : Object.entries(paulis as Record<number, PauliLetter>).map(([q, p]) => ({ qubit: Number(q), pauli: p }));
    const seen = new Set<number>();
    const list: { qubit: number; pauli: Exclude<PauliLetter, 'I'> }[] = [];
    for (const { qubit, pauli } of entries) {
      if (!Number.isInteger(qubit) || qubit < 0 || qubit > 52) throw new InputError(`Pauli qubit index must be an integer in [0, 52], got ${qubit}`, 'QUBIT_RANGE');
      if (seen.has(qubit)) throw new InputError(`Pauli string names qubit ${qubit} twice`, 'OBSERVABLE');
      seen.add(qubit);
      if (pauli === 'I') continue;
      if (pauli !== 'X' && pauli !== 'Y' && pauli !== 'Z') throw new InputError(`unknown Pauli "${String(pauli)}"`, 'OBSERVABLE');
      list.push({ qubit, pauli });
    }
    list.sort((a, b) => a.qubit - b.qubit);
    this.coeff = coeff;
    this.paulis = list;
    let xm = 0;
    let zm = 0;
    let ny = 0;
    for (const { qubit, pauli } of list) {
      if (qubit > 30) continue; // masks are only used by simulators (≤ 30 qubits); see maxQubit
      if (pauli === 'X' || pauli === 'Y') xm |= 1 << qubit;
      if (pauli === 'Z' || pauli === 'Y') zm |= 1 << qubit;
      if (pauli === 'Y') ny++;
    }
    this.xMask = xm >>> 0;
    this.zMask = zm >>> 0;
    this.numY = ny;
  }

  /** The largest qubit index used, or -1 for the identity. */
  get maxQubit(): number {
    return this.paulis.length ? (this.paulis[this.paulis.length - 1] as { qubit: number }).qubit : -1;
  }

  /** True when the string is diagonal in the computational basis (only Z and I). */
  get isDiagonal(): boolean {
    return this.xMask === 0;
  }

  toString(): string {
    const body = this.paulis.map((p) => `${p.pauli}${p.qubit}`).join('');
    if (body === '') return String(this.coeff);
    return this.coeff === 1 ? body : this.coeff === -1 ? `-${body}` : `${this.coeff}*${body}`;
  }
}

/** A weighted sum of Pauli strings: the observable type of qmlsec. */
export class PauliSum {
  readonly terms: readonly PauliString[];

  constructor(terms: readonly PauliString[]) {
    if (terms.length === 0) throw new InputError('an observable needs at least one term', 'OBSERVABLE');
    this.terms = terms;
  }

  /** Parses `0.5*Z0Z1 + X2 - Y3`; errors name the column. */
  static parse(text: string): PauliSum {
    return parsePauliSum(text);
  }

  /** Z on one qubit. */
  static z(qubit: number): PauliSum {
    return new PauliSum([new PauliString(1, [{ qubit, pauli: 'Z' }])]);
  }

  /** A single Pauli string, e.g. `PauliSum.of('ZZ', [0, 1])`. */
  static of(letters: string, qubits: readonly number[], coeff = 1): PauliSum {
    if (letters.length !== qubits.length) throw new InputError(`Pauli letters "${letters}" and ${qubits.length} qubit(s) do not match`, 'OBSERVABLE');
    return new PauliSum([new PauliString(coeff, [...letters].map((l, i) => ({ qubit: qubits[i] as number, pauli: l.toUpperCase() as PauliLetter })))]);
  }

  get maxQubit(): number {
    return Math.max(...this.terms.map((t) => t.maxQubit));
  }

  get isDiagonal(): boolean {
    return this.terms.every((t) => t.isDiagonal);
  }

  toString(): string {
    return this.terms.map((t, i) => {
      const s = t.toString();
      return i === 0 ? s : s.startsWith('-') ? `- ${s.slice(1)}` : `+ ${s}`;
    }).join(' ');
  }
}

/** An observable: a weighted sum of Pauli strings. */
export type Observable = PauliSum;

function parsePauliSum(text: string): PauliSum {
  const src = text;
  let pos = 0;
  const fail = (msg: string): never => {
    throw new ParseError(`${msg} in observable "${src}"`, { line: 1, column: pos + 1 }, 'OBSERVABLE');
  };
  const skip = () => {
    while (pos < src.length && /\s/.test(src[pos] as string)) pos++;
  };
  const terms: PauliString[] = [];
  skip();
  if (pos >= src.length) fail('empty observable');
  let sign = 1;
  let first = true;
  while (pos < src.length) {
    skip();
    if (!first || src[pos] === '-' || src[pos] === '+') {
      if (src[pos] === '+') sign = 1;
      else if (src[pos] === '-') sign = -1;
      else fail('expected "+" or "-"');
      pos++;
      skip();
    }
    first = false;
    let coeff = 1;
    const num = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(src.slice(pos));
    let hadNumber = false;
    if (num) {
      coeff = Number(num[1]);
      pos += (num[1] as string).length;
      hadNumber = true;
      skip();
      if (src[pos] === '*') {
        pos++;
        skip();
      } else if (pos < src.length && /[XYZIxyzi]/.test(src[pos] as string)) {
        // "0.5 Z0" without '*' is accepted
      } else {
        terms.push(new PauliString(sign * coeff, []));
        continue;
      }
    }
    const factors: { qubit: number; pauli: PauliLetter }[] = [];
    while (pos < src.length) {
      const m = /^([XYZIxyzi])\s*(\d+)/.exec(src.slice(pos));
      if (!m) break;
      factors.push({ qubit: Number(m[2]), pauli: (m[1] as string).toUpperCase() as PauliLetter });
      pos += (m[0] as string).length;
      skip();
      if (src[pos] === '*' && /^\*\s*[XYZIxyzi]/.test(src.slice(pos))) {
        pos++;
        skip();
      }
    }
    if (factors.length === 0 && !hadNumber) fail('expected a Pauli factor such as Z0 or a coefficient');
    try {
      terms.push(new PauliString(sign * coeff, factors));
    } catch (e) {
      if (e instanceof InputError) fail(e.message);
      throw e;
    }
    skip();
  }
  return new PauliSum(terms);
}
