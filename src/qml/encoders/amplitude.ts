/**
 * Amplitude encoding (PennyLane's AmplitudeEmbedding with normalize and pad): the feature
 * vector, padded to 2^n and normalised, becomes the state's amplitudes. Basis order:
 * `pennylane` (default) puts feature i on the basis state whose wire 0 is the most
 * significant bit, as PennyLane does, so models transfer wire by wire; `qiskit` puts it on
 * qmlsec's (and Qiskit's) little-endian index i. Real amplitudes are
 * prepared by a binary tree of RY rotations — the qubit of highest index first, each lower
 * one by a uniformly controlled RY decomposed into RY and CNOT gates (Möttönen et al.,
 * quant-ph/0407010) — whose angles are computed classically from the features (`mapRow`).
 */
import { InputError } from '../../core/errors.js';
import type { CircuitBuilder } from '../../circuit/builder.js';
import { Param } from '../../circuit/param.js';
import type { Encoder, EncoderAppendOptions } from './encoder.js';

export class AmplitudeEncoder implements Encoder {
  readonly kind = 'amplitude' as const;
  readonly numCircuitInputs: number;
  readonly mapIsIdentity = false;
  readonly supportsScaling = false;
  private readonly work: Float64Array;
  private readonly alpha: Float64Array;

  constructor(readonly numQubits: number, readonly numFeatures = 2 ** numQubits, readonly pad = 0, readonly order: 'pennylane' | 'qiskit' = 'pennylane') {
    if (!Number.isInteger(numFeatures) || numFeatures < 1 || numFeatures > 2 ** numQubits) {
      throw new InputError(`amplitude encoding on ${numQubits} qubit(s) holds at most ${2 ** numQubits} features, got ${numFeatures}`, 'SHAPE');
    }
    if (!Number.isFinite(pad)) throw new InputError(`amplitude padding value must be finite, got ${pad}`, 'SPEC');
    this.numCircuitInputs = 2 ** numQubits - 1;
    this.work = new Float64Array(2 ** numQubits);
    this.alpha = new Float64Array(2 ** Math.max(0, numQubits - 1));
  }

  mapRow(row: ArrayLike<number>, out: Float64Array): void {
    const n = this.numQubits;
    const a = this.work;
    let norm = 0;
    const reverse = this.order === 'pennylane';
    for (let i = 0; i < a.length; i++) {
      const v = i < this.numFeatures ? (row[i] as number) : this.pad;
      a[reverse ? reverseBits(i, n) : i] = v;
      norm += v * v;
    }
    if (!(norm > 0)) throw new InputError('amplitude encoding: the (padded) feature vector has zero norm', 'SHAPE');
    norm = Math.sqrt(norm);
    for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) / norm;
    let o = 0;
    for (let t = n - 1; t >= 0; t--) {
      const k = n - 1 - t;
      const half = 2 ** t;
      for (let c = 0; c < 2 ** k; c++) {
        const base = c * 2 * half;
        if (t === 0) {
          this.alpha[c] = 2 * Math.atan2(a[base + 1] as number, a[base] as number);
        } else {
          let lo = 0;
          let hi = 0;
          for (let r = 0; r < half; r++) {
            lo += (a[base + r] as number) ** 2;
            hi += (a[base + half + r] as number) ** 2;
          }
          this.alpha[c] = 2 * Math.atan2(Math.sqrt(hi), Math.sqrt(lo));
        }
      }
      // θ = 2^{-k} Mᵀ α with M_ij = (−1)^{popcount(j & gray(i))}
      for (let i = 0; i < 2 ** k; i++) {
        const g = i ^ (i >> 1);
        let s = 0;
        for (let j = 0; j < 2 ** k; j++) s += popcount(j & g) % 2 === 0 ? (this.alpha[j] as number) : -(this.alpha[j] as number);
        out[o++] = s / 2 ** k;
      }
    }
  }

  append(b: CircuitBuilder, options: EncoderAppendOptions = {}): void {
    const n = this.numQubits;
    let o = options.inputOffset ?? 0;
    for (let t = n - 1; t >= 0; t--) {
      const k = n - 1 - t;
      const controls = Array.from({ length: k }, (_, i) => t + 1 + i);
      if (k === 0) {
        b.ry(Param.input(o++), t);
        continue;
      }
      for (let i = 0; i < 2 ** k; i++) {
        b.ry(Param.input(o++), t);
        // The control whose Gray-code bit changes between i and i + 1 (cyclically).
        const bit = i === 2 ** k - 1 ? k - 1 : ctz(i + 1);
        b.cx(controls[bit] as number, t);
      }
    }
  }
}

function reverseBits(i: number, n: number): number {
  let r = 0;
  for (let b = 0; b < n; b++) if ((i >> b) & 1) r |= 1 << (n - 1 - b);
  return r;
}

function popcount(v: number): number {
  let c = 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}

function ctz(v: number): number {
  return 31 - Math.clz32(v & -v);
}
