/**
 * Architecture recovery (QML.T0025): which encoder, ansatz (family, layers, entanglement) and
 * re-uploading a template was built from. The insider enumerates qmlsec's designs that read as
 * many inputs and weights as the template and compares:
 *
 * - structurally: the candidate's circuit must have the template's skeleton (gates, qubits and
 *   how every angle reads inputs and weights) — what a pattern-matching insider does;
 * - functionally (an adaptive insider): the candidate must give the template's outputs on the
 *   bindings the jobs carried — immune to rewrites that keep the function, at the price of
 *   simulating every candidate.
 */
import type { Circuit } from '../../../circuit/circuit.js';
import type { AnsatzSpec, EncoderSpec, QnnConfig, ReuploadSpec } from '../../../qml/config.js';
import { buildAnsatz, buildEncoder, QNN } from '../../../qml/qnn.js';
import type { Observable } from '../../../sim/pauli.js';
import { StatevectorSimulator } from '../../../sim/statevector.js';
import { circuitSkeleton } from './model-view.js';
import { ansatzLibrary, encoderLibrary } from './victims.js';

/** Designs with the template's width and numbers of inputs and weights. */
export function candidateDesigns(numQubits: number, numInputs: number, numWeights: number, maxLayers = 6): QnnConfig[] {
  const out: QnnConfig[] = [];
  const reuploads: (ReuploadSpec | undefined)[] = [undefined, {}, { trainableScaling: true }];
  for (const encoder of encoderLibrary(numQubits, numInputs)) {
    let features: number;
    let scalable: boolean;
    try {
      const e = buildEncoder(encoder, numQubits);
      features = e.numFeatures;
      scalable = e.supportsScaling;
    } catch {
      continue;
    }
    for (const ansatz of ansatzLibrary(numQubits, maxLayers)) {
      const a = buildAnsatz(ansatz, numQubits);
      for (const reupload of reuploads) {
        if (reupload?.trainableScaling && !scalable) continue;
        const weights = a.numWeights + (reupload?.trainableScaling ? a.layers * features : 0);
        if (weights !== numWeights) continue;
        out.push({ numQubits, encoder, ansatz, ...(reupload ? { reupload } : {}) });
      }
    }
  }
  return out;
}

function tryCircuit(config: QnnConfig): Circuit | undefined {
  try {
    return new QNN(config).circuit;
  } catch {
    return undefined;
  }
}

/** The first design whose circuit has `template`'s skeleton, or undefined. */
export function matchStructure(template: Circuit, maxLayers = 6): QnnConfig | undefined {
  const target = circuitSkeleton(template);
  for (const config of candidateDesigns(template.numQubits, template.numInputs, template.numWeights, maxLayers)) {
    const c = tryCircuit(config);
    if (c && circuitSkeleton(c) === target) return config;
  }
  return undefined;
}

/** Expectation values of `circuit` (B × K) on the statevector. */
export function exactOutputs(circuit: Circuit, observables: readonly Observable[], inputs: readonly ArrayLike<number>[], weights: ArrayLike<number>): Float64Array {
  const r = new StatevectorSimulator().run({ circuit, output: 'expectations', observables, inputs, weights });
  return r.expectations as Float64Array;
}

/**
 * The first design that reproduces `template`'s outputs (with `observables`) on `inputs` and
 * `weights` to 1e-8, or undefined. Works on logical templates (virtual qubits).
 */
export function matchFunction(template: Circuit, observables: readonly Observable[], inputs: readonly ArrayLike<number>[], weights: ArrayLike<number>, maxLayers = 6): QnnConfig | undefined {
  if (observables.length === 0 || inputs.length === 0) return undefined;
  const want = exactOutputs(template, observables, inputs, weights);
  for (const config of candidateDesigns(template.numQubits, template.numInputs, template.numWeights, maxLayers)) {
    const c = tryCircuit(config);
    if (!c) continue;
    const got = exactOutputs(c, observables, inputs, weights);
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) ok = Math.abs((want[i] as number) - (got[i] as number)) < 1e-8;
    if (ok) return config;
  }
  return undefined;
}

function layersOf(a: AnsatzSpec): number {
  return a.kind === 'real_amplitudes' || a.kind === 'efficient_su2' ? a.reps ?? 3 : a.layers;
}

/**
 * Whether `recovered` identifies `truth` exactly: same ansatz family and number of layers, and
 * the same circuit (so entanglement, rotation axes and re-uploading agree wherever they change
 * what the circuit does).
 */
export function sameArchitecture(recovered: QnnConfig | undefined, truth: QnnConfig): boolean {
  if (!recovered) return false;
  if (recovered.ansatz.kind !== truth.ansatz.kind || layersOf(recovered.ansatz) !== layersOf(truth.ansatz)) return false;
  const a = tryCircuit(recovered);
  const b = tryCircuit(truth);
  return a !== undefined && b !== undefined && circuitSkeleton(a) === circuitSkeleton(b);
}

/** Whether two encoder specs build the same encoding circuit on `n` qubits. */
export function sameEncoder(a: EncoderSpec, b: EncoderSpec, n: number): boolean {
  try {
    const ca = new QNN({ numQubits: n, encoder: a, ansatz: { kind: 'basic_entangler', layers: 1 } }).circuit;
    const cb = new QNN({ numQubits: n, encoder: b, ansatz: { kind: 'basic_entangler', layers: 1 } }).circuit;
    return circuitSkeleton(ca) === circuitSkeleton(cb);
  } catch {
    return false;
  }
}
