/**
 * A tiny dense statevector written from first principles for the qml tests: hand-written
 * 2 × 2 gate matrices, CNOT / CZ as index permutations, and readouts. It shares nothing with
 * qmlsec's gate library or kernels, so the conventions it checks (PennyLane templates, Qiskit
 * circuits, embeddings) are checked against an independent source.
 *
 * State layout: interleaved (re, im); bit q of the basis index is qubit q (qmlsec's layout).
 */

/** 2 × 2 complex matrix as [[re, im], [re, im]] rows. */
export type M2 = readonly [readonly [readonly [number, number], readonly [number, number]], readonly [readonly [number, number], readonly [number, number]]];

const c = Math.cos;
const s = Math.sin;

export const RX = (t: number): M2 => [[[c(t / 2), 0], [0, -s(t / 2)]], [[0, -s(t / 2)], [c(t / 2), 0]]];
export const RY = (t: number): M2 => [[[c(t / 2), 0], [-s(t / 2), 0]], [[s(t / 2), 0], [c(t / 2), 0]]];
export const RZ = (t: number): M2 => [[[c(t / 2), -s(t / 2)], [0, 0]], [[0, 0], [c(t / 2), s(t / 2)]]];
/** Qiskit's phase gate P(λ) = diag(1, e^{iλ}). */
export const P = (l: number): M2 => [[[1, 0], [0, 0]], [[0, 0], [c(l), s(l)]]];
export const H: M2 = [[[Math.SQRT1_2, 0], [Math.SQRT1_2, 0]], [[Math.SQRT1_2, 0], [-Math.SQRT1_2, 0]]];

/** |0…0⟩ on n qubits. */
export function zeroState(n: number): Float64Array {
  const st = new Float64Array(2 << n);
  st[0] = 1;
  return st;
}

/** Applies a one-qubit matrix to qubit q in place. */
export function apply1(st: Float64Array, q: number, m: M2): Float64Array {
  const dim = st.length / 2;
  const bit = 1 << q;
  for (let i = 0; i < dim; i++) {
    if (i & bit) continue;
    const j = i | bit;
    const [ar, ai] = [st[2 * i] as number, st[2 * i + 1] as number];
    const [br, bi] = [st[2 * j] as number, st[2 * j + 1] as number];
    const [[m00, m01], [m10, m11]] = m;
    st[2 * i] = m00[0] * ar - m00[1] * ai + m01[0] * br - m01[1] * bi;
    st[2 * i + 1] = m00[0] * ai + m00[1] * ar + m01[0] * bi + m01[1] * br;
    st[2 * j] = m10[0] * ar - m10[1] * ai + m11[0] * br - m11[1] * bi;
    st[2 * j + 1] = m10[0] * ai + m10[1] * ar + m11[0] * bi + m11[1] * br;
  }
  return st;
}

/** CNOT with `control` and `target`, in place. */
export function cnot(st: Float64Array, control: number, target: number): Float64Array {
  if (control === target) throw new Error('dense: CNOT on one qubit');
  const dim = st.length / 2;
  for (let i = 0; i < dim; i++) {
    if (!((i >> control) & 1) || (i >> target) & 1) continue;
    const j = i | (1 << target);
    for (const k of [0, 1]) {
      const t = st[2 * i + k] as number;
      st[2 * i + k] = st[2 * j + k] as number;
      st[2 * j + k] = t;
    }
  }
  return st;
}

/** CZ, in place. */
export function cz(st: Float64Array, a: number, b: number): Float64Array {
  const dim = st.length / 2;
  for (let i = 0; i < dim; i++) {
    if ((i >> a) & 1 && (i >> b) & 1) {
      st[2 * i] = -(st[2 * i] as number);
      st[2 * i + 1] = -(st[2 * i + 1] as number);
    }
  }
  return st;
}

/** ⟨Z_q⟩. */
export function expZ(st: Float64Array, q: number): number {
  let e = 0;
  for (let i = 0; i < st.length / 2; i++) e += ((i >> q) & 1 ? -1 : 1) * ((st[2 * i] as number) ** 2 + (st[2 * i + 1] as number) ** 2);
  return e;
}

/** ⟨Z_{w0} Z_{w1} …⟩ (parity). */
export function expParity(st: Float64Array, wires: readonly number[]): number {
  let e = 0;
  for (let i = 0; i < st.length / 2; i++) {
    let sign = 1;
    for (const w of wires) if ((i >> w) & 1) sign = -sign;
    e += sign * ((st[2 * i] as number) ** 2 + (st[2 * i + 1] as number) ** 2);
  }
  return e;
}

/** Marginal probabilities of `wires`: outcome s has bit j equal to the value of wires[j]. */
export function marginal(st: Float64Array, wires: readonly number[]): Float64Array {
  const out = new Float64Array(2 ** wires.length);
  for (let i = 0; i < st.length / 2; i++) {
    let sIdx = 0;
    wires.forEach((w, j) => {
      if ((i >> w) & 1) sIdx |= 1 << j;
    });
    out[sIdx] = (out[sIdx] as number) + (st[2 * i] as number) ** 2 + (st[2 * i + 1] as number) ** 2;
  }
  return out;
}

/** |⟨a|b⟩|². */
export function overlap2(a: Float64Array, b: Float64Array): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.length; i += 2) {
    const [ar, ai, br, bi] = [a[i] as number, a[i + 1] as number, b[i] as number, b[i + 1] as number];
    re += ar * br + ai * bi;
    im += ar * bi - ai * br;
  }
  return re * re + im * im;
}

/** Largest |a_i − b_i| over the raw arrays. */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
