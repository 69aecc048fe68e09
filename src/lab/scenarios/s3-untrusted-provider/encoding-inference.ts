/**
 * Encoding inference (QML.T0023), after Upadhyay & Ghosh (arXiv 2502.01486): the insider builds
 * its own labelled corpus — QNNs of every encoding family with random ansätze, transpiled by its
 * own compiler for its own device — fits a classifier on their transpilation artifacts, and
 * classifies the circuits its customers send. The classifier is a nearest-neighbour vote on
 * standardised artifact features (the paper's classifier is not specified beyond "ML-based";
 * 1-NN is the simplest that reaches its accuracy here; 3-NN did worse on a 48-design corpus). An *adaptive* insider who expects
 * obfuscation builds its corpus from circuits it obfuscated itself.
 */
import type { Circuit } from '../../../circuit/circuit.js';
import { QNN } from '../../../qml/qnn.js';
import type { Target } from '../../../transpile/target.js';
import { transpile } from '../../../transpile/transpile.js';
import { KnnClassifier } from '../../common/knn.js';
import { encodingArtifacts } from './artifacts.js';
import { obfuscateCircuit } from './obfuscation.js';
import { designPopulation, ENCODING_FAMILIES, type EncodingFamily } from './victims.js';

/** How the insider builds its classifier. */
export interface InspectorOptions {
  /** Reference designs (default 60, ten per family). */
  readonly references?: number;
  /** Transpiler optimisation level of the provider (default 1). */
  readonly level?: number;
  readonly seed: string | number;
  /** Obfuscate the reference circuits first (the adaptive insider). */
  readonly adaptive?: boolean;
}

/** The insider's encoding classifier for one device. */
export class EncodingInspector {
  private readonly knn: KnnClassifier;

  constructor(private readonly target: Target, private readonly options: InspectorOptions) {
    const designs = designPopulation(options.references ?? 60, `attacker:${options.seed}`);
    const features = designs.map((d, i) => {
      const q = new QNN(d.config);
      const c = options.adaptive ? obfuscateCircuit(q.circuit, q.observables, `attacker-reference:${options.seed}:${i}`).circuit : q.circuit;
      return encodingArtifacts(this.compile(c));
    });
    this.knn = new KnnClassifier(features, designs.map((d) => ENCODING_FAMILIES.indexOf(d.family)), 1);
  }

  /** The provider's transpilation of a logical circuit (what the insider inspects). */
  compile(circuit: Circuit, seed = 0): Circuit {
    return transpile(circuit, this.target, { level: this.options.level ?? 1, seed }).circuit;
  }

  /** The encoding family of a circuit as a job carried it (logical circuits are transpiled first). */
  infer(circuit: Circuit, form: 'logical' | 'native'): EncodingFamily {
    return this.inspect(circuit, form).family;
  }

  /** The inferred family and the depth of the native circuit it was inferred from. */
  inspect(circuit: Circuit, form: 'logical' | 'native'): { family: EncodingFamily; nativeDepth: number } {
    const native = form === 'logical' ? this.compile(circuit) : circuit;
    return { family: ENCODING_FAMILIES[this.knn.predict(encodingArtifacts(native))] as EncodingFamily, nativeDepth: native.depth() };
  }
}
