/**
 * The QNN designs of scenario 3: the encoding families an attacker tells apart, the population
 * of victim designs (and the attacker's own reference designs, drawn the same way from another
 * seed), and the library of ansatz configurations the attacker searches.
 */
import { Rng } from '../../../core/rng.js';
import type { AnsatzSpec, EncoderSpec, QnnConfig } from '../../../qml/config.js';
import type { Entanglement } from '../../../qml/encoders/zz.js';

/** The encoding families of qmlsec's encoders that encoding inference distinguishes. */
export const ENCODING_FAMILIES = ['angle_x', 'angle_y', 'angle_z', 'dense_angle', 'amplitude', 'zz'] as const;
/** One encoding family. */
export type EncodingFamily = (typeof ENCODING_FAMILIES)[number];

/** The family of an encoder spec (angle encodings by rotation axis). */
export function encodingFamilyOf(spec: EncoderSpec): EncodingFamily {
  switch (spec.kind) {
    case 'angle':
      return spec.rotation === 'X' ? 'angle_x' : spec.rotation === 'Z' ? 'angle_z' : 'angle_y';
    case 'dense_angle':
    case 'amplitude':
    case 'zz':
      return spec.kind;
  }
}

const ENTANGLEMENTS: readonly Entanglement[] = ['linear', 'reverse_linear', 'circular', 'full'];

/** Nearest-neighbour couplers of a line of `n` qubits (what a hardware-efficient victim follows). */
export function lineEdges(n: number): [number, number][] {
  return Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]);
}

/** An encoder of `family` on `n` qubits, with the family's usual options drawn from `rng`. */
export function randomEncoder(family: EncodingFamily, n: number, rng: Rng): EncoderSpec {
  switch (family) {
    case 'angle_x':
      return { kind: 'angle', rotation: 'X' };
    case 'angle_y':
      return { kind: 'angle', rotation: 'Y' };
    case 'angle_z':
      // Z rotations on |0⟩ do nothing: a Z-angle encoding always comes after a Hadamard layer.
      return { kind: 'angle', rotation: 'Z', hadamard: true };
    case 'dense_angle':
      return { kind: 'dense_angle' };
    case 'amplitude':
      return { kind: 'amplitude', features: 2 ** n - rng.int(2) };
    case 'zz':
      return { kind: 'zz', reps: 1 + rng.int(2), entanglement: rng.choice(n > 2 ? ENTANGLEMENTS : ['linear']) };
  }
}

/** A random trainable ansatz on `n` qubits, 1–3 layers. */
export function randomAnsatz(n: number, rng: Rng): AnsatzSpec {
  const layers = 1 + rng.int(3);
  switch (rng.int(5)) {
    case 0:
      return { kind: 'strongly_entangling', layers };
    case 1:
      return { kind: 'basic_entangler', layers, rotation: rng.choice(['X', 'Y', 'Z'] as const) };
    case 2:
      return { kind: 'real_amplitudes', reps: layers, entanglement: rng.choice(ENTANGLEMENTS) };
    case 3:
      return { kind: 'efficient_su2', reps: Math.min(layers, 2), entanglement: rng.choice(ENTANGLEMENTS) };
    default:
      return { kind: 'hardware_efficient', layers, edges: lineEdges(n) };
  }
}

/** One QNN design with its encoding family (the label encoding inference must find). */
export interface LabelledDesign {
  readonly config: QnnConfig;
  readonly family: EncodingFamily;
}

/**
 * `count` designs on 3–4 qubits, cycling through the encoding families (so every family is
 * represented equally) with random ansätze; ⟨Z⟩ read on every qubit.
 */
export function designPopulation(count: number, seed: string | number): LabelledDesign[] {
  const rng = new Rng(`s3-designs:${seed}`);
  const out: LabelledDesign[] = [];
  for (let i = 0; i < count; i++) {
    const family = ENCODING_FAMILIES[i % ENCODING_FAMILIES.length] as EncodingFamily;
    const n = 3 + rng.int(2);
    out.push({ family, config: { numQubits: n, encoder: randomEncoder(family, n, rng), ansatz: randomAnsatz(n, rng) } });
  }
  return out;
}

/**
 * The ansatz configurations the attacker tries on `n` qubits: every family of qmlsec with 1 to
 * `maxLayers` layers, every rotation axis and entanglement pattern, hardware-efficient ones on a
 * line and a ring of couplers.
 */
export function ansatzLibrary(n: number, maxLayers = 6): AnsatzSpec[] {
  const out: AnsatzSpec[] = [];
  const ring: [number, number][] = n > 2 ? [...lineEdges(n), [n - 1, 0]] : lineEdges(n);
  for (let layers = 1; layers <= maxLayers; layers++) {
    out.push({ kind: 'strongly_entangling', layers });
    for (const rotation of ['X', 'Y', 'Z'] as const) out.push({ kind: 'basic_entangler', layers, rotation });
    for (const entanglement of ENTANGLEMENTS) {
      out.push({ kind: 'real_amplitudes', reps: layers, entanglement });
      out.push({ kind: 'efficient_su2', reps: layers, entanglement });
    }
    out.push({ kind: 'hardware_efficient', layers, edges: lineEdges(n) });
    out.push({ kind: 'hardware_efficient', layers, edges: ring });
  }
  return out;
}

/**
 * The encoder configurations the attacker tries on `n` qubits with `inputs` circuit inputs (the
 * template says how many it reads).
 */
export function encoderLibrary(n: number, inputs: number): EncoderSpec[] {
  const out: EncoderSpec[] = [];
  if (inputs >= 1 && inputs <= n) {
    for (const rotation of ['X', 'Y', 'Z'] as const) {
      for (const hadamard of [false, true]) out.push({ kind: 'angle', rotation, hadamard, features: inputs });
    }
  }
  if (inputs >= 1 && inputs <= 2 * n) out.push({ kind: 'dense_angle', features: inputs });
  if (inputs === 2 ** n - 1) out.push({ kind: 'amplitude' });
  if (inputs === n) for (const reps of [1, 2, 3]) for (const entanglement of ENTANGLEMENTS) out.push({ kind: 'zz', reps, entanglement });
  return out;
}
