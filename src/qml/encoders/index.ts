export type { Encoder, EncoderKind, EncoderAppendOptions } from './encoder.js';
export { AngleEncoder, type AngleEncoderOptions } from './angle.js';
export { DenseAngleEncoder } from './dense-angle.js';
export { AmplitudeEncoder } from './amplitude.js';
export { ZZFeatureMap, entanglementPairs, type Entanglement } from './zz.js';
