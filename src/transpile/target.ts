/**
 * What the transpiler compiles for: the physical qubits, the couplers between them (with
 * optional direction constraints), the native gate names, and optional calibration numbers
 * used by noise-aware layout and the estimated-success-probability metric.
 */
import { InputError } from '../core/errors.js';
import { findGate } from '../circuit/gates.js';
import { CouplingGraph, NO_PATH } from '../devices/graph.js';

/** Per-gate and per-qubit calibration figures; every field is optional. */
export interface TargetCalibration {
  /** Readout (assignment) error per qubit. */
  readonly readoutError?: readonly number[];
  /** Error of each native one-qubit gate per qubit: `{ sx: [e0, e1, …] }`. */
  readonly gateError1q?: Readonly<Record<string, readonly number[]>>;
  /** Error of each native two-qubit gate per coupler: `{ cz: [{ qubits: [a, b], error }] }`. */
  readonly gateError2q?: Readonly<Record<string, readonly CouplerValue[]>>;
  /** Duration in seconds of each native one-qubit gate per qubit. */
  readonly gateDuration1q?: Readonly<Record<string, readonly number[]>>;
  /** Duration in seconds of each native two-qubit gate per coupler. */
  readonly gateDuration2q?: Readonly<Record<string, readonly CouplerValue[]>>;
  /** T1 and T2 in seconds per qubit. */
  readonly t1?: readonly number[];
  readonly t2?: readonly number[];
}

/** A number attached to one coupler (order matters only for directed gates). */
export interface CouplerValue {
  readonly qubits: readonly [number, number];
  readonly value: number;
}

/** Everything needed to build a {@link Target}. */
export interface TargetInit {
  readonly name?: string;
  readonly numQubits: number;
  /** Usable couplers, undirected (each pair once or in both orders). */
  readonly couplers: readonly (readonly [number, number])[];
  /**
   * When given, the native two-qubit gate runs only in these (first, second) orders; other
   * orders are reversed with one-qubit gates (ECR on IBM Eagle). Omit for symmetric couplers.
   */
  readonly directions?: readonly (readonly [number, number])[];
  /** Native gate names (qmlsec library names; `measure`, `reset`, `delay`, `barrier` ignored). */
  readonly basis: readonly string[];
  readonly calibration?: TargetCalibration;
}

const NON_GATES = new Set(['measure', 'reset', 'delay', 'barrier', 'if_else', 'for_loop', 'switch_case', 'while_loop']);
/** Distance value for qubits in different connected components. */
export const UNREACHABLE = 1 << 20;

/** An immutable compilation target with precomputed adjacency and distances. */
export class Target {
  readonly name: string;
  readonly numQubits: number;
  /** Undirected couplers, each once, as [min, max], sorted. */
  readonly couplers: readonly (readonly [number, number])[];
  /** Native one-qubit gate names. */
  readonly basis1q: ReadonlySet<string>;
  /** Native two-qubit gate names (in the order given). */
  readonly basis2q: readonly string[];
  /** Native gate names with three or more qubits (rare; kept so they are not unrolled). */
  readonly basisMulti: ReadonlySet<string>;
  readonly calibration: TargetCalibration;
  /** CSR adjacency: neighbours of q are `adjacency[adjacencyStart[q] .. adjacencyStart[q+1])`. */
  readonly adjacencyStart: Int32Array;
  readonly adjacency: Int32Array;
  /** Hop distance matrix, row-major `distance[a * numQubits + b]`; {@link UNREACHABLE} across components. */
  readonly distance: Int32Array;
  /** Connected component index of each qubit; components are numbered by decreasing size. */
  readonly component: Int32Array;
  readonly componentSizes: readonly number[];
  private readonly coupled: Uint8Array;
  private readonly directed: Uint8Array | undefined;
  private readonly error2q = new Map<string, Float64Array>();

  constructor(init: TargetInit) {
    const n = init.numQubits;
    if (!Number.isInteger(n) || n < 1) throw new InputError(`target: numQubits must be a positive integer, got ${n}`, 'TARGET');
    this.name = init.name ?? `target${n}`;
    this.numQubits = n;
    this.calibration = init.calibration ?? {};
    this.coupled = new Uint8Array(n * n);
    const pairs: [number, number][] = [];
    init.couplers.forEach((c, i) => {
      const [a, b] = c;
      checkPair(a, b, n, `couplers[${i}]`);
      if (this.coupled[a * n + b]) return;
      this.coupled[a * n + b] = 1;
      this.coupled[b * n + a] = 1;
      pairs.push(a < b ? [a, b] : [b, a]);
    });
    pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    this.couplers = pairs;
    if (init.directions) {
      this.directed = new Uint8Array(n * n);
      init.directions.forEach((d, i) => {
        checkPair(d[0], d[1], n, `directions[${i}]`);
        if (!this.coupled[d[0] * n + d[1]]) throw new InputError(`target: directions[${i}] = [${d[0]}, ${d[1]}] is not a coupler`, 'TARGET');
        (this.directed as Uint8Array)[d[0] * n + d[1]] = 1;
      });
    }
    const b1 = new Set<string>();
    const b2: string[] = [];
    const bm = new Set<string>();
    for (const raw of init.basis) {
      const name = raw.toLowerCase();
      if (NON_GATES.has(name)) continue;
      const def = findGate(name);
      if (!def) throw new InputError(`target: unknown native gate "${raw}"`, 'TARGET');
      if (def.numQubits === 1) b1.add(def.name);
      else if (def.numQubits === 2) {
        if (!b2.includes(def.name)) b2.push(def.name);
      } else bm.add(def.name);
    }
    this.basis1q = b1;
    this.basis2q = b2;
    this.basisMulti = bm;
    const { start, list } = buildCsr(n, pairs);
    this.adjacencyStart = start;
    this.adjacency = list;
    this.distance = new CouplingGraph(n, pairs).distanceMatrix().map((d) => (d === NO_PATH ? UNREACHABLE : d));
    const { component, sizes } = components(n, start, list);
    this.component = component;
    this.componentSizes = sizes;
    for (const [gate, values] of Object.entries(this.calibration.gateError2q ?? {})) {
      const m = new Float64Array(n * n).fill(Number.NaN);
      for (const v of values) {
        const [a, b] = v.qubits;
        if (a < n && b < n) m[a * n + b] = v.value;
      }
      this.error2q.set(gate, m);
    }
  }

  /** True when a and b share a coupler. */
  isCoupled(a: number, b: number): boolean {
    return this.coupled[a * this.numQubits + b] === 1;
  }

  /** True when the native two-qubit gate may run with `a` first and `b` second. */
  isNativeDirection(a: number, b: number): boolean {
    if (!this.isCoupled(a, b)) return false;
    return this.directed ? this.directed[a * this.numQubits + b] === 1 : true;
  }

  /** True when some couplers are usable in one direction only. */
  get hasDirections(): boolean {
    return this.directed !== undefined;
  }

  /** Neighbours of qubit q. */
  neighbors(q: number): Int32Array {
    return this.adjacency.subarray(this.adjacencyStart[q] as number, this.adjacencyStart[q + 1] as number);
  }

  /** Hop distance between physical qubits. */
  dist(a: number, b: number): number {
    return this.distance[a * this.numQubits + b] as number;
  }

  /** True when `name` is a native gate of any arity. */
  isNative(name: string): boolean {
    return this.basis1q.has(name) || this.basis2q.includes(name) || this.basisMulti.has(name);
  }

  /** All native gate names. */
  get basis(): string[] {
    return [...this.basis1q, ...this.basis2q, ...this.basisMulti];
  }

  /** Calibrated error of a one-qubit gate (0 for virtual `rz`/`id` or when unknown). */
  error1q(name: string, q: number): number {
    const table = this.calibration.gateError1q?.[name];
    const v = table?.[q];
    return v !== undefined && Number.isFinite(v) ? v : 0;
  }

  /** Calibrated error of a two-qubit gate on (a, b), either order; 0 when unknown. */
  errorOf2q(name: string, a: number, b: number): number {
    const m = this.error2q.get(name);
    if (!m) return 0;
    const n = this.numQubits;
    const v = m[a * n + b] as number;
    if (!Number.isNaN(v)) return v;
    const w = m[b * n + a] as number;
    return Number.isNaN(w) ? 0 : w;
  }

  /** The best-known error of any native two-qubit gate on (a, b) (0 when uncalibrated). */
  couplerError(a: number, b: number): number {
    let best = Number.POSITIVE_INFINITY;
    for (const g of this.basis2q) {
      const m = this.error2q.get(g);
      if (!m) continue;
      const v = this.errorOf2q(g, a, b);
      if (v < best) best = v;
    }
    return Number.isFinite(best) ? best : 0;
  }

  /** Mean error of the native non-virtual one-qubit gates on q (0 when uncalibrated). */
  qubitError(q: number): number {
    let sum = 0;
    let count = 0;
    for (const [name, table] of Object.entries(this.calibration.gateError1q ?? {})) {
      if (name === 'rz' || name === 'id') continue;
      const v = table[q];
      if (v !== undefined && Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count === 0 ? 0 : sum / count;
  }

  /** Readout error of q (0 when uncalibrated). */
  readoutError(q: number): number {
    const v = this.calibration.readoutError?.[q];
    return v !== undefined && Number.isFinite(v) ? v : 0;
  }

  /** True when any per-gate or readout calibration is present. */
  get hasCalibration(): boolean {
    const c = this.calibration;
    return Boolean(c.readoutError?.length || Object.keys(c.gateError1q ?? {}).length || Object.keys(c.gateError2q ?? {}).length);
  }
}

function checkPair(a: number, b: number, n: number, where: string): void {
  for (const q of [a, b]) {
    if (!Number.isInteger(q) || q < 0 || q >= n) throw new InputError(`target: ${where} names qubit ${q}, outside 0..${n - 1}`, 'TARGET');
  }
  if (a === b) throw new InputError(`target: ${where} couples qubit ${a} to itself`, 'TARGET');
}

function buildCsr(n: number, pairs: readonly (readonly [number, number])[]): { start: Int32Array; list: Int32Array } {
  const deg = new Int32Array(n);
  for (const [a, b] of pairs) {
    deg[a] = (deg[a] as number) + 1;
    deg[b] = (deg[b] as number) + 1;
  }
  const start = new Int32Array(n + 1);
  for (let q = 0; q < n; q++) start[q + 1] = (start[q] as number) + (deg[q] as number);
  const fill = start.slice(0, n);
  const list = new Int32Array(2 * pairs.length);
  for (const [a, b] of pairs) {
    list[fill[a]++ as number] = b;
    list[fill[b]++ as number] = a;
  }
  for (let q = 0; q < n; q++) list.subarray(start[q] as number, start[q + 1] as number).sort();
  return { start, list };
}

function components(n: number, start: Int32Array, list: Int32Array): { component: Int32Array; sizes: number[] } {
  const raw = new Int32Array(n).fill(-1);
  const rawSizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    const id = rawSizes.length;
    let size = 0;
    const stack = [s];
    raw[s] = id;
    while (stack.length > 0) {
      const u = stack.pop() as number;
      size++;
      for (let k = start[u] as number; k < (start[u + 1] as number); k++) {
        const v = list[k] as number;
        if (raw[v] === -1) {
          raw[v] = id;
          stack.push(v);
        }
      }
    }
    rawSizes.push(size);
  }
  const order = rawSizes.map((size, id) => ({ size, id })).sort((a, b) => b.size - a.size || a.id - b.id);
  const rename = new Int32Array(rawSizes.length);
  order.forEach((o, i) => (rename[o.id] = i));
  const component = raw.map((c) => rename[c] as number);
  return { component, sizes: order.map((o) => o.size) };
}
