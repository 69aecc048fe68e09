/**
 * The property set: what passes learn and pass on (layout, routing permutation, swap count,
 * per-pass timings) plus a free-form bag for user passes, as Qiskit's PropertySet.
 */
import type { Layout } from './layout.js';
import type { Target } from './target.js';

/** One entry of the pass log. */
export interface PassLogEntry {
  readonly point: string;
  readonly pass: string;
  readonly seconds: number;
  readonly opsAfter: number;
}

/** What passes share during one pass-manager run. */
export class PropertySet {
  /** The target being compiled for. */
  readonly target: Target;
  /** Seed for every randomised pass (each derives its own stream from it). */
  readonly seed: number;
  /** Width of the input circuit (virtual qubits that are not ancillas). */
  numVirtualQubits = 0;
  /** The initial layout, once the layout stage has chosen one. */
  layout: Layout | undefined;
  /**
   * Permutation applied by routing: the state that sat on physical qubit p after the layout
   * ends on physical qubit `routingPermutation[p]`. Undefined until a routing pass ran.
   */
  routingPermutation: Int32Array | undefined;
  /** SWAP gates inserted by routing. */
  swaps = 0;
  /** True once the circuit is expressed on physical qubits (after the layout is applied). */
  physical = false;
  readonly log: PassLogEntry[] = [];
  private readonly bag = new Map<string, unknown>();

  constructor(target: Target, seed = 0) {
    this.target = target;
    this.seed = seed;
  }

  /** Where each virtual qubit's state ends up (layout followed by the routing permutation). */
  get finalLayout(): Layout | undefined {
    if (!this.layout) return undefined;
    return this.routingPermutation ? this.layout.permuted(this.routingPermutation) : this.layout;
  }

  /** A user or pass property. */
  get<T>(key: string): T | undefined {
    return this.bag.get(key) as T | undefined;
  }

  /** Sets a user or pass property (namespace keys, e.g. `mylab.trojan_site`). */
  set(key: string, value: unknown): void {
    this.bag.set(key, value);
  }

  /** True when the property is set. */
  has(key: string): boolean {
    return this.bag.has(key);
  }

  /** Removes a property; returns whether it was there. */
  delete(key: string): boolean {
    return this.bag.delete(key);
  }
}
