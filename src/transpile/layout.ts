/**
 * Layouts: which physical qubit holds each virtual qubit. A layout always covers every
 * physical qubit of the target; virtual qubits beyond the circuit's width are ancillas.
 */
import { InputError } from '../core/errors.js';

/** A bijection between virtual and physical qubits (both 0..size-1). */
export class Layout {
  /** `toPhysical[v]` is the physical qubit of virtual qubit v. */
  readonly toPhysical: Int32Array;
  /** `toVirtual[p]` is the virtual qubit on physical qubit p. */
  readonly toVirtual: Int32Array;

  private constructor(toPhysical: Int32Array) {
    this.toPhysical = toPhysical;
    this.toVirtual = new Int32Array(toPhysical.length);
    toPhysical.forEach((p, v) => (this.toVirtual[p] = v));
  }

  /** The identity layout on `size` qubits. */
  static trivial(size: number): Layout {
    return new Layout(Int32Array.from({ length: size }, (_, i) => i));
  }

  /**
   * From `v2p[v]` for the circuit's virtual qubits (possibly fewer than `size`); the
   * remaining physical qubits go to ancillas in increasing order.
   */
  static fromVirtualToPhysical(v2p: ArrayLike<number>, size: number): Layout {
    if (v2p.length > size) throw new InputError(`layout: ${v2p.length} virtual qubits do not fit on ${size} physical qubits`, 'LAYOUT');
    const used = new Uint8Array(size);
    const out = new Int32Array(size);
    for (let v = 0; v < v2p.length; v++) {
      const p = v2p[v] as number;
      if (!Number.isInteger(p) || p < 0 || p >= size) throw new InputError(`layout: virtual qubit ${v} maps to ${p}, outside 0..${size - 1}`, 'LAYOUT');
      if (used[p]) throw new InputError(`layout: physical qubit ${p} is used twice`, 'LAYOUT');
      used[p] = 1;
      out[v] = p;
    }
    let next = 0;
    for (let v = v2p.length; v < size; v++) {
      while (used[next]) next++;
      used[next] = 1;
      out[v] = next;
    }
    return new Layout(out);
  }

  /** Number of physical qubits covered. */
  get size(): number {
    return this.toPhysical.length;
  }

  /** Physical qubit of virtual qubit v. */
  physical(v: number): number {
    return this.toPhysical[v] as number;
  }

  /** Virtual qubit on physical qubit p. */
  virtual(p: number): number {
    return this.toVirtual[p] as number;
  }

  /** The first `count` entries of toPhysical as a plain array (the circuit's own qubits). */
  slice(count: number): number[] {
    return Array.from(this.toPhysical.subarray(0, count));
  }

  /** This layout followed by a permutation of physical qubits (`perm[p]` = where p's state goes). */
  permuted(perm: ArrayLike<number>): Layout {
    return new Layout(this.toPhysical.map((p) => perm[p] as number));
  }
}
