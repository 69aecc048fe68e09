/**
 * Training-data harvest (QML.T0027): the feature rows bound to a victim's state-preparation
 * circuits, turned back into features with the encoding the attacker inferred. Angle, dense-angle
 * and ZZ encodings bind the (preprocessed) features themselves; amplitude encoding binds the
 * rotation angles of a state-preparation tree, which the attacker runs to read the amplitudes —
 * the feature vector divided by its norm (the norm itself is not in the circuit). Which feature
 * sits on which basis state is a convention the circuit does not show; the attacker assumes
 * PennyLane's (qmlsec's default: wire 0 is the most significant bit).
 */
import { CircuitBuilder } from '../../../circuit/builder.js';
import { AmplitudeEncoder } from '../../../qml/encoders/amplitude.js';
import { StatevectorSimulator } from '../../../sim/statevector.js';
import type { EncodingFamily } from './victims.js';

function reverseBits(i: number, n: number): number {
  let r = 0;
  for (let b = 0; b < n; b++) if ((i >> b) & 1) r |= 1 << (n - 1 - b);
  return r;
}

/**
 * Features from bound circuit-input rows, under the assumed encoding `family` on `numQubits`
 * qubits (amplitude rows in `order`, default PennyLane's).
 */
export function invertEncoding(inputs: readonly Float64Array[], family: EncodingFamily, numQubits: number, order: 'pennylane' | 'qiskit' = 'pennylane'): Float64Array[] {
  if (family !== 'amplitude') return inputs.map((r) => Float64Array.from(r));
  const b = new CircuitBuilder(numQubits, 0, 'amplitude-encoding');
  new AmplitudeEncoder(numQubits).append(b);
  const circuit = b.build();
  const dim = 2 ** numQubits;
  return inputs.map((row) => {
    if (row.length !== dim - 1) return new Float64Array(dim).fill(Number.NaN);
    const r = new StatevectorSimulator().run({ circuit, output: 'statevector', inputs: [row] });
    const sv = r.statevectors as Float64Array;
    return Float64Array.from({ length: dim }, (_, j) => sv[2 * (order === 'pennylane' ? reverseBits(j, numQubits) : j)] as number);
  });
}

/** The unit vector along `v` (for comparing amplitude-encoded rows, which lose their norm). */
export function normalised(v: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  const n = Math.sqrt(s) || 1;
  return Float64Array.from(v, (x) => x / n);
}

/** How well harvested rows reproduce the victim's training rows. */
export interface HarvestQuality {
  /** Fraction of training rows with a harvested row within `tolerance` (max-abs). */
  readonly fraction: number;
  /** Mean over training rows of the max-abs error to the nearest harvested row. */
  readonly meanError: number;
  /** Harvested rows that match no training row (test or inference rows, or garbage). */
  readonly extraRows: number;
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = Math.abs(((a[i] as number | undefined) ?? 0) - ((b[i] as number | undefined) ?? 0));
    m = Math.max(m, Number.isNaN(d) ? Infinity : d);
  }
  return m;
}

/**
 * Compares harvested feature rows with the true training rows. With `unitNorm`, both are
 * normalised first (amplitude encoding keeps only the direction).
 */
export function harvestQuality(harvested: readonly ArrayLike<number>[], truth: readonly ArrayLike<number>[], options: { unitNorm?: boolean; tolerance?: number } = {}): HarvestQuality {
  const tol = options.tolerance ?? 1e-6;
  const h = options.unitNorm ? harvested.map(normalised) : harvested;
  const t = options.unitNorm ? truth.map(normalised) : truth;
  const used = new Set<number>();
  let hits = 0;
  let errSum = 0;
  for (const row of t) {
    let best = Infinity;
    let at = -1;
    h.forEach((c, i) => {
      const d = maxAbs(row, c);
      if (d < best) {
        best = d;
        at = i;
      }
    });
    if (best <= tol) {
      hits++;
      used.add(at);
    }
    errSum += Number.isFinite(best) ? best : Math.PI;
  }
  return { fraction: t.length > 0 ? hits / t.length : 0, meanError: t.length > 0 ? errSum / t.length : 0, extraRows: h.length - used.size };
}
