export type { Transformer } from './transformer.js';
export { StandardScaler, type StandardScalerOptions } from './standard-scaler.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
export { MaxAbsScaler } from './max-abs-scaler.js';
export { PCA, type PCAOptions } from './pca.js';
export { LinearDiscriminantAnalysis, type LDAOptions } from './lda.js';
export { Pipeline } from './pipeline.js';
export { transformerFromJSON } from './from-json.js';
export {
  transformerStateSchema,
  type TransformerState,
  type TransformerKind,
  type StepState,
  type PipelineState,
  type StandardScalerState,
  type MinMaxScalerState,
  type MaxAbsScalerState,
  type PCAState,
  type LDAState,
} from './state.js';
