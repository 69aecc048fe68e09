/**
 * Encoding inference and architecture recovery over many victims: each design of a population
 * is submitted once, as its designer would (a logical job with one binding), through an optional
 * client-side obfuscation, to a curious provider in front of an honest quantum cloud; the
 * insider then inspects every kept job.
 */
import { Rng } from '../../../core/rng.js';
import { QuantumCloud } from '../../../cloud/quantum-cloud.js';
import type { QuantumProvider } from '../../../cloud/job.js';
import { QNN } from '../../../qml/qnn.js';
import type { Metrics, SeriesPoint } from '../../scenario.js';
import { CuriousProvider } from '../../common/curious-provider.js';
import { matchFunction, matchStructure, sameArchitecture } from './architecture.js';
import type { EncodingInspector } from './encoding-inference.js';
import { ObfuscatingClient } from './obfuscation.js';
import { ENCODING_FAMILIES, type LabelledDesign } from './victims.js';

/** How to run a population. */
export interface PopulationOptions {
  readonly designs: readonly LabelledDesign[];
  readonly device: string;
  /** Party id of the curious provider. */
  readonly provider: string;
  readonly inspector: EncodingInspector;
  /** An insider trained on obfuscated references, scored alongside. */
  readonly adaptiveInspector?: EncodingInspector;
  /** Client secret: obfuscate every job with it. */
  readonly obfuscationSecret?: string;
  /** Designs (from the first) on which the functional architecture match is also tried. */
  readonly functional: number;
  readonly seed: string | number;
}

/** What the insider achieved over the population. */
export interface PopulationResult {
  readonly metrics: Metrics;
  readonly series: SeriesPoint[];
  /** Depth of each design's native circuit as the provider compiled it. */
  readonly nativeDepths: number[];
}

/** Runs the population (see the module comment). */
export async function inspectPopulation(o: PopulationOptions): Promise<PopulationResult> {
  const cloud = new QuantumCloud({ id: o.provider, devices: [o.device], simulation: 'ideal', queue: 'median', seed: o.seed });
  const curious = new CuriousProvider(cloud);
  const client: QuantumProvider = o.obfuscationSecret ? new ObfuscatingClient(curious, o.obfuscationSecret) : curious;
  const rng = new Rng(`${o.seed}:population-bindings`);
  for (let i = 0; i < o.designs.length; i++) {
    const q = new QNN((o.designs[i] as LabelledDesign).config);
    await client.submit({
      tenant: `designer-${i}`, device: o.device, form: 'logical', circuit: q.circuit, output: 'expectations', observables: q.observables,
      inputs: [Float64Array.from({ length: q.circuit.numInputs }, () => rng.uniform(0.1, Math.PI))],
      weights: q.initialWeights(rng), shots: 1000, exact: true, label: 'population',
    });
  }
  const perFamily = new Map<string, { ok: number; total: number }>();
  let encOk = 0;
  let adaptiveOk = 0;
  let archOk = 0;
  let funcOk = 0;
  let funcTried = 0;
  const depths: number[] = [];
  curious.records.forEach((r, i) => {
    const d = o.designs[i] as LabelledDesign;
    const seen = o.inspector.inspect(r.job.circuit, r.job.form);
    depths.push(seen.nativeDepth);
    const ok = seen.family === d.family;
    if (ok) encOk++;
    const f = perFamily.get(d.family) ?? { ok: 0, total: 0 };
    perFamily.set(d.family, { ok: f.ok + (ok ? 1 : 0), total: f.total + 1 });
    if (o.adaptiveInspector && o.adaptiveInspector.infer(r.job.circuit, r.job.form) === d.family) adaptiveOk++;
    if (sameArchitecture(matchStructure(r.job.circuit), d.config)) archOk++;
    if (i < o.functional) {
      funcTried++;
      const w = r.job.weights as ArrayLike<number>;
      if (sameArchitecture(matchFunction(r.job.circuit, r.job.observables ?? [], r.job.inputs ?? [], w), d.config)) funcOk++;
    }
  });
  const N = Math.max(1, o.designs.length);
  const metrics: Metrics = {
    encoding_inference_accuracy: encOk / N,
    encoding_inference_chance_level: 1 / ENCODING_FAMILIES.length,
    architecture_recovery_rate: archOk / N,
    victims_inspected: o.designs.length,
  };
  if (o.adaptiveInspector) metrics['encoding_inference_accuracy_adaptive'] = adaptiveOk / N;
  if (funcTried > 0) metrics['architecture_recovery_rate_functional'] = funcOk / funcTried;
  const tag = o.obfuscationSecret ? 'obfuscated' : 'clean';
  const series: SeriesPoint[] = ENCODING_FAMILIES.map((fam, x) => {
    const f = perFamily.get(fam);
    return { series: `encoding_accuracy_by_family_${tag}`, x, y: f && f.total > 0 ? f.ok / f.total : Number.NaN };
  }).filter((p) => Number.isFinite(p.y));
  return { metrics, series, nativeDepths: depths };
}
