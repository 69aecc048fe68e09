/**
 * Qubit-connectivity generators. Catalog topologies are generated from a few parameters rather
 * than typed as edge lists, and the tests check the generated edge sets against the vendors'
 * published coupling maps. Every generator returns undirected edges `[a, b]` with `a < b`,
 * sorted, without duplicates.
 */
import { InputError } from '../core/errors.js';

/** An undirected coupler between two physical qubits, smaller index first. */
export type Coupler = readonly [number, number];

/** A connectivity graph: `numQubits` physical qubits and the couplers between them. */
export interface Lattice {
  readonly numQubits: number;
  readonly edges: readonly Coupler[];
}

/** Normalises, de-duplicates and sorts a list of couplers. */
export function normalizeEdges(edges: Iterable<readonly [number, number]>): Coupler[] {
  const seen = new Set<string>();
  const out: Coupler[] = [];
  for (const [x, y] of edges) {
    if (x === y) throw new InputError(`a coupler must join two different qubits, got [${x}, ${y}]`, 'TOPOLOGY');
    const e: Coupler = x < y ? [x, y] : [y, x];
    const key = `${e[0]}-${e[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function assertCount(n: number, what: string, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new InputError(`${what} must be an integer ≥ ${min}, got ${n}`, 'TOPOLOGY');
}

/** A chain 0–1–…–(n−1) (IBM Falcon r5.11L "line" of 5 qubits is `line(5)`). */
export function line(n: number): Lattice {
  assertCount(n, 'line length');
  const edges: Coupler[] = [];
  for (let q = 0; q + 1 < n; q++) edges.push([q, q + 1]);
  return { numQubits: n, edges };
}

/** Every pair of qubits coupled (trapped-ion devices): n(n−1)/2 couplers. */
export function allToAll(n: number): Lattice {
  assertCount(n, 'qubit count');
  const edges: Coupler[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b]);
  return { numQubits: n, edges };
}

/** Options of {@link squareLattice}. */
export interface SquareLatticeOptions {
  /**
   * Inclusive column span `[first, last]` of the sites present in each row (one entry per
   * row); by default every row has all `cols` sites. Used for chips whose outline is not a
   * rectangle, such as IQM's 20-qubit "crystal".
   */
  readonly rowSpans?: readonly (readonly [number, number])[];
}

/**
 * A square grid of `rows × cols` sites, numbered row-major over the sites that are present;
 * each site couples to its right-hand and lower neighbours when they are present.
 * `squareLattice(12, 7)` is Rigetti's Ankaa layout (qubit i couples to i+1 and i+7).
 */
export function squareLattice(rows: number, cols: number, options: SquareLatticeOptions = {}): Lattice {
  assertCount(rows, 'rows');
  assertCount(cols, 'columns');
  const spans = options.rowSpans ?? Array.from({ length: rows }, () => [0, cols - 1] as const);
  if (spans.length !== rows) throw new InputError(`rowSpans must have one entry per row (${rows}), got ${spans.length}`, 'TOPOLOGY');
  const index: number[][] = [];
  let next = 0;
  spans.forEach(([first, last], r) => {
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last >= cols || first > last) {
      throw new InputError(`rowSpans[${r}] must be columns [first, last] within 0..${cols - 1}, got [${first}, ${last}]`, 'TOPOLOGY');
    }
    const row: number[] = new Array<number>(cols).fill(-1);
    for (let c = first; c <= last; c++) row[c] = next++;
    index.push(row);
  });
  const edges: Coupler[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const here = index[r]![c]!;
      if (here < 0) continue;
      const right = c + 1 < cols ? index[r]![c + 1]! : -1;
      const below = r + 1 < rows ? index[r + 1]![c]! : -1;
      if (right >= 0) edges.push([here, right]);
      if (below >= 0) edges.push([here, below]);
    }
  }
  return { numQubits: next, edges: normalizeEdges(edges) };
}

/**
 * The 7-qubit IBM Falcon r5.11H "H": two vertical bars 0–1–2 and 4–5–6 joined through qubit 3
 * (1–3–5).
 */
export function falconH7(): Lattice {
  return { numQubits: 7, edges: normalizeEdges([[0, 1], [1, 2], [1, 3], [3, 5], [4, 5], [5, 6]]) };
}

/**
 * Parameters of an IBM heavy-hex lattice in IBM's numbering: long rows of qubits numbered left
 * to right, each followed by a row of "bridge" qubits (numbered left to right) that join the
 * row above to the row below at every fourth column.
 */
export interface HeavyHexLayout {
  /** Number of long rows. */
  readonly rows: number;
  /** Number of columns of a full long row. */
  readonly columns: number;
  /** Inclusive column span of the first long row, when it is shorter than `columns`. */
  readonly firstRowSpan?: readonly [number, number];
  /** Inclusive column span of the last long row, when it is shorter than `columns`. */
  readonly lastRowSpan?: readonly [number, number];
  /**
   * Column of the first bridge in even gaps (between rows 0–1, 2–3, …) and in odd gaps;
   * bridges repeat every four columns.
   */
  readonly bridgeOffsets: readonly [number, number];
  /** A last row of bridge qubits hanging below the last long row (IBM Heron r1). */
  readonly trailingBridges?: boolean;
}

/** IBM Eagle r3, 127 qubits (ibm_sherbrooke): 7 rows of 15 with shortened first and last rows. */
export const EAGLE_R3_127: HeavyHexLayout = {
  rows: 7,
  columns: 15,
  firstRowSpan: [0, 13],
  lastRowSpan: [1, 14],
  bridgeOffsets: [0, 2],
};

/** IBM Heron r1, 133 qubits (ibm_torino): 7 rows of 15 and a trailing row of bridge qubits. */
export const HERON_R1_133: HeavyHexLayout = { rows: 7, columns: 15, bridgeOffsets: [0, 2], trailingBridges: true };

/** IBM Heron r2, 156 qubits (ibm_fez): 8 rows of 16. */
export const HERON_R2_156: HeavyHexLayout = { rows: 8, columns: 16, bridgeOffsets: [3, 1] };

/** Generates a heavy-hex lattice in IBM's qubit numbering. */
export function heavyHex(layout: HeavyHexLayout): Lattice {
  assertCount(layout.rows, 'heavy-hex rows');
  assertCount(layout.columns, 'heavy-hex columns', 2);
  const spanOf = (r: number): readonly [number, number] => {
    if (r === 0 && layout.firstRowSpan) return layout.firstRowSpan;
    if (r === layout.rows - 1 && layout.lastRowSpan) return layout.lastRowSpan;
    return [0, layout.columns - 1];
  };
  const edges: Coupler[] = [];
  let next = 0;
  let pendingBridges: Map<number, number> | undefined;
  for (let r = 0; r < layout.rows; r++) {
    const [first, last] = spanOf(r);
    const row = new Map<number, number>();
    for (let c = first; c <= last; c++) {
      row.set(c, next);
      if (c > first) edges.push([next - 1, next]);
      next++;
    }
    if (pendingBridges) {
      for (const [c, bridge] of pendingBridges) {
        const below = row.get(c);
        if (below === undefined) throw new InputError(`heavy-hex bridge at column ${c} has no qubit below it in row ${r}`, 'TOPOLOGY');
        edges.push([bridge, below]);
      }
    }
    const hasGapBelow = r + 1 < layout.rows || layout.trailingBridges === true;
    pendingBridges = undefined;
    if (!hasGapBelow) continue;
    const nextSpan = r + 1 < layout.rows ? spanOf(r + 1) : spanOf(r);
    const lo = Math.max(first, nextSpan[0]);
    const hi = Math.min(last, nextSpan[1]);
    const bridges = new Map<number, number>();
    for (let c = layout.bridgeOffsets[r % 2]!; c <= hi; c += 4) {
      if (c < lo) continue;
      bridges.set(c, next);
      edges.push([row.get(c)!, next]);
      next++;
    }
    if (r + 1 < layout.rows) pendingBridges = bridges;
  }
  return { numQubits: next, edges: normalizeEdges(edges) };
}
