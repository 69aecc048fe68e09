/**
 * Coupling-map generators for common chip shapes (line, ring, square grid, IBM-style heavy
 * hex, all-to-all) and the native gate sets of the vendors qmlsec models. Used to build test
 * and what-if targets without the device catalog.
 */
import { InputError } from '../core/errors.js';

/** An undirected coupler list. */
export type Coupling = [number, number][];

function checkSize(what: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new InputError(`${what} must be an integer >= ${min}, got ${n}`, 'TARGET');
}

/** 0-1-2-…-(n-1). */
export function lineCoupling(n: number): Coupling {
  checkSize('line length', n);
  return Array.from({ length: n - 1 }, (_, i) => [i, i + 1]);
}

/** A line closed into a cycle (n >= 3). */
export function ringCoupling(n: number): Coupling {
  checkSize('ring length', n, 3);
  return [...lineCoupling(n), [n - 1, 0]];
}

/** rows × cols square lattice, qubit r*cols + c. */
export function gridCoupling(rows: number, cols: number): Coupling {
  checkSize('grid rows', rows);
  checkSize('grid cols', cols);
  const out: Coupling = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const q = r * cols + c;
      if (c + 1 < cols) out.push([q, q + 1]);
      if (r + 1 < rows) out.push([q, q + cols]);
    }
  return out;
}

/** Every pair coupled (trapped ions). */
export function allToAllCoupling(n: number): Coupling {
  checkSize('qubit count', n);
  const out: Coupling = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

/** Shape of an IBM-style heavy-hex lattice. */
export interface HeavyHexShape {
  /** Number of long rows. */
  readonly rows: number;
  /** Qubits per long row (before trimming). */
  readonly cols: number;
  /** Drop the last qubit of the first row and the first qubit of the last row (as IBM Eagle). */
  readonly trimCorners?: boolean;
}

/**
 * IBM heavy-hex lattice: long rows of qubits joined by single connector qubits at columns
 * 0, 4, 8, … below even rows and 2, 6, 10, … below odd rows. Numbering follows IBM's: a row,
 * then its connectors, then the next row. `{rows: 7, cols: 15, trimCorners: true}` gives the
 * 127-qubit Eagle graph (144 couplers).
 */
export function heavyHexCoupling(shape: HeavyHexShape): { numQubits: number; couplers: Coupling } {
  const { rows, cols } = shape;
  checkSize('heavy-hex rows', rows);
  checkSize('heavy-hex cols', cols, 3);
  const trim = shape.trimCorners ?? false;
  const rowIndex: Int32Array[] = [];
  const couplers: Coupling = [];
  let next = 0;
  const connectorsBelow: { col: number; q: number }[][] = [];
  for (let r = 0; r < rows; r++) {
    const idx = new Int32Array(cols).fill(-1);
    for (let c = 0; c < cols; c++) {
      if (trim && r === 0 && c === cols - 1 && rows > 1) continue;
      if (trim && r === rows - 1 && c === 0 && rows > 1) continue;
      idx[c] = next++;
    }
    rowIndex.push(idx);
    for (let c = 0; c + 1 < cols; c++) if (idx[c] !== -1 && idx[c + 1] !== -1) couplers.push([idx[c] as number, idx[c + 1] as number]);
    if (r > 0) {
      for (const { col, q } of connectorsBelow[r - 1] ?? []) if (idx[col] !== -1) couplers.push([q, idx[col] as number]);
    }
    if (r + 1 < rows) {
      const list: { col: number; q: number }[] = [];
      for (let c = r % 2 === 0 ? 0 : 2; c < cols; c += 4) {
        if (idx[c] === -1) continue;
        const q = next++;
        couplers.push([idx[c] as number, q]);
        list.push({ col: c, q });
      }
      connectorsBelow.push(list);
    }
  }
  return { numQubits: next, couplers };
}

/** Native gate sets (qmlsec gate names) of the vendors qmlsec models. */
export const NATIVE_GATE_SETS = {
  /** IBM Eagle (and OQC): echoed cross-resonance, directional. */
  ibm_eagle: ['ecr', 'rz', 'sx', 'x', 'id'],
  /** IBM Heron. */
  ibm_heron: ['cz', 'rz', 'sx', 'x', 'id'],
  /** IBM Falcon. */
  ibm_falcon: ['cx', 'rz', 'sx', 'x', 'id'],
  /** IQM Garnet: phased-RX and CZ. */
  iqm: ['prx', 'cz'],
  /** Rigetti Ankaa: RX(±π/2, π), virtual RZ, iSWAP and CZ. */
  rigetti: ['rx', 'rz', 'iswap', 'cz'],
  /** Rigetti with iSWAP as the only entangler. */
  rigetti_iswap: ['rx', 'rz', 'iswap'],
  /** IonQ: GPI, GPI2 and Mølmer–Sørensen. */
  ionq: ['gpi', 'gpi2', 'ms'],
  /** Quantinuum H1: U1q (= r), RZ and RZZ. */
  quantinuum: ['rz', 'r', 'rzz'],
  /** Generic U3 + CX. */
  u3_cx: ['u3', 'cx'],
  /** Generic RZ + SX + CX. */
  rz_sx_cx: ['rz', 'sx', 'cx'],
} as const satisfies Record<string, readonly string[]>;

/** The name of a native gate set in {@link NATIVE_GATE_SETS}. */
export type NativeGateSetName = keyof typeof NATIVE_GATE_SETS;
