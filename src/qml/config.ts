/** Plain-data descriptions of a QNN's parts (what model specs and artifacts store). */
import type { Entanglement } from './encoders/zz.js';
import type { MeasurementSpec } from './measurement.js';

export type EncoderSpec =
  | { readonly kind: 'angle'; readonly rotation?: 'X' | 'Y' | 'Z'; readonly hadamard?: boolean; readonly features?: number }
  | { readonly kind: 'dense_angle'; readonly features?: number }
  | { readonly kind: 'amplitude'; readonly features?: number; readonly pad?: number; readonly order?: 'pennylane' | 'qiskit' }
  | { readonly kind: 'zz'; readonly reps?: number; readonly entanglement?: Entanglement };

export type AnsatzSpec =
  | { readonly kind: 'strongly_entangling'; readonly layers: number; readonly ranges?: readonly number[] }
  | { readonly kind: 'basic_entangler'; readonly layers: number; readonly rotation?: 'X' | 'Y' | 'Z' }
  | { readonly kind: 'real_amplitudes'; readonly reps?: number; readonly entanglement?: Entanglement }
  | { readonly kind: 'efficient_su2'; readonly reps?: number; readonly entanglement?: Entanglement }
  | { readonly kind: 'hardware_efficient'; readonly layers: number; readonly edges: readonly (readonly [number, number])[] };

/** Data re-uploading: the encoding is repeated before every ansatz layer. */
export interface ReuploadSpec {
  /** Multiply each encoded feature by its own trainable weight per layer (initialised to 1). */
  readonly trainableScaling?: boolean;
}

export interface QnnConfig {
  readonly numQubits: number;
  readonly encoder: EncoderSpec;
  readonly ansatz: AnsatzSpec;
  /** Default: ⟨Z⟩ on every qubit. */
  readonly measurement?: MeasurementSpec;
  readonly reupload?: ReuploadSpec;
}
