export type { Ansatz, AnsatzKind } from './ansatz.js';
export { StronglyEntanglingLayers } from './strongly-entangling.js';
export { BasicEntanglerLayers } from './basic-entangler.js';
export { RealAmplitudes, EfficientSU2 } from './two-local.js';
export { HardwareEfficientAnsatz } from './hardware-efficient.js';
