/**
 * Small dense complex matrices, stored as Float64Array with interleaved (re, im) entries in
 * row-major order. Used for gate definitions, fusion, resynthesis and tests; the simulator's
 * hot kernels read these arrays directly.
 *
 * Convention for a k-qubit gate acting on qubits [q_0, ..., q_{k-1}]: bit j of the local
 * basis index is the state of q_j (little-endian, as in Qiskit).
 */

/** A square complex matrix, interleaved re/im, row-major. */
export type Matrix = Float64Array;

export function dimOf(m: Matrix): number {
  return Math.round(Math.sqrt(m.length / 2));
}

export function zeros(dim: number): Matrix {
  return new Float64Array(2 * dim * dim);
}

export function identity(dim: number): Matrix {
  const m = zeros(dim);
  for (let i = 0; i < dim; i++) m[2 * (i * dim + i)] = 1;
  return m;
}

/** Builds a matrix from rows of [re, im] pairs or plain reals. */
export function fromRows(rows: readonly (readonly (number | readonly [number, number])[])[]): Matrix {
  const dim = rows.length;
  const m = zeros(dim);
  rows.forEach((row, i) => {
    if (row.length !== dim) throw new RangeError(`fromRows: row ${i} has ${row.length} entries, expected ${dim}`);
    row.forEach((v, j) => {
      const [re, im] = typeof v === 'number' ? [v, 0] : v;
      m[2 * (i * dim + j)] = re;
      m[2 * (i * dim + j) + 1] = im;
    });
  });
  return m;
}

/** Diagonal matrix from [re, im] entries. */
export function diagonal(entries: readonly (readonly [number, number])[]): Matrix {
  const dim = entries.length;
  const m = zeros(dim);
  entries.forEach(([re, im], i) => {
    m[2 * (i * dim + i)] = re;
    m[2 * (i * dim + i) + 1] = im;
  });
  return m;
}

/** a · b */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const n = dimOf(a);
  const out = zeros(n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const ar = a[2 * (i * n + k)] as number;
      const ai = a[2 * (i * n + k) + 1] as number;
      if (ar === 0 && ai === 0) continue;
      for (let j = 0; j < n; j++) {
        const br = b[2 * (k * n + j)] as number;
        const bi = b[2 * (k * n + j) + 1] as number;
        out[2 * (i * n + j)] += ar * br - ai * bi;
        out[2 * (i * n + j) + 1] += ar * bi + ai * br;
      }
    }
  }
  return out;
}

/** Conjugate transpose. */
export function dagger(a: Matrix): Matrix {
  const n = dimOf(a);
  const out = zeros(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[2 * (j * n + i)] = a[2 * (i * n + j)] as number;
      out[2 * (j * n + i) + 1] = -(a[2 * (i * n + j) + 1] as number);
    }
  }
  return out;
}

/** Entry-wise complex conjugate. */
export function conjugate(a: Matrix): Matrix {
  const out = Float64Array.from(a);
  for (let i = 1; i < out.length; i += 2) out[i] = -(out[i] as number);
  return out;
}

/** Kronecker product a ⊗ b (b acts on the low bits). */
export function kron(a: Matrix, b: Matrix): Matrix {
  const na = dimOf(a);
  const nb = dimOf(b);
  const n = na * nb;
  const out = zeros(n);
  for (let i1 = 0; i1 < na; i1++)
    for (let j1 = 0; j1 < na; j1++) {
      const ar = a[2 * (i1 * na + j1)] as number;
      const ai = a[2 * (i1 * na + j1) + 1] as number;
      for (let i2 = 0; i2 < nb; i2++)
        for (let j2 = 0; j2 < nb; j2++) {
          const br = b[2 * (i2 * nb + j2)] as number;
          const bi = b[2 * (i2 * nb + j2) + 1] as number;
          const idx = 2 * ((i1 * nb + i2) * n + (j1 * nb + j2));
          out[idx] = ar * br - ai * bi;
          out[idx + 1] = ar * bi + ai * br;
        }
    }
  return out;
}

/** Multiplies every entry by the complex scalar (re, im). */
export function scale(a: Matrix, re: number, im = 0): Matrix {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i += 2) {
    const xr = a[i] as number;
    const xi = a[i + 1] as number;
    out[i] = xr * re - xi * im;
    out[i + 1] = xr * im + xi * re;
  }
  return out;
}

export function add(a: Matrix, b: Matrix): Matrix {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** Max |a_ij - b_ij|. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.length; i += 2) {
    const dr = (a[i] as number) - (b[i] as number);
    const di = (a[i + 1] as number) - (b[i + 1] as number);
    m = Math.max(m, Math.hypot(dr, di));
  }
  return m;
}

/** True when a†a = I within `tol`. */
export function isUnitary(a: Matrix, tol = 1e-10): boolean {
  return maxAbsDiff(matmul(dagger(a), a), identity(dimOf(a))) <= tol;
}

/** True when the matrix has no off-diagonal entries above `tol`. */
export function isDiagonal(a: Matrix, tol = 0): boolean {
  const n = dimOf(a);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      if (Math.abs(a[2 * (i * n + j)] as number) > tol || Math.abs(a[2 * (i * n + j) + 1] as number) > tol) return false;
    }
  return true;
}

/**
 * The phase e^{iφ} minimising ‖a − e^{iφ} b‖, and the remaining distance. Two unitaries are
 * equal up to global phase when the distance is ~0.
 */
export function phaseDistance(a: Matrix, b: Matrix): { phase: number; distance: number } {
  // tr(b† a) = |t| e^{iφ}
  let tr = 0;
  let ti = 0;
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i] as number;
    const ai = a[i + 1] as number;
    const br = b[i] as number;
    const bi = b[i + 1] as number;
    tr += br * ar + bi * ai;
    ti += br * ai - bi * ar;
  }
  const phase = Math.atan2(ti, tr);
  const d = maxAbsDiff(a, scale(b, Math.cos(phase), Math.sin(phase)));
  return { phase, distance: d };
}

/** True when a = e^{iφ} b for some φ, within `tol` (max-entry norm). */
export function equalUpToPhase(a: Matrix, b: Matrix, tol = 1e-9): boolean {
  return a.length === b.length && phaseDistance(a, b).distance <= tol;
}

/**
 * Expands a k-qubit matrix acting on `qubits` (local bit j = qubits[j]) to the full
 * 2^n-dimensional operator. For tests and small equivalence checks only.
 */
export function embed(m: Matrix, qubits: readonly number[], numQubits: number): Matrix {
  const k = qubits.length;
  const dimLocal = 1 << k;
  const dim = 1 << numQubits;
  const out = zeros(dim);
  let mask = 0;
  for (const q of qubits) mask |= 1 << q;
  for (let col = 0; col < dim; col++) {
    let lc = 0;
    for (let j = 0; j < k; j++) if (col & (1 << (qubits[j] as number))) lc |= 1 << j;
    const rest = col & ~mask;
    for (let lr = 0; lr < dimLocal; lr++) {
      let row = rest;
      for (let j = 0; j < k; j++) if (lr & (1 << j)) row |= 1 << (qubits[j] as number);
      const src = 2 * (lr * dimLocal + lc);
      out[2 * (row * dim + col)] = m[src] as number;
      out[2 * (row * dim + col) + 1] = m[src + 1] as number;
    }
  }
  return out;
}
