export * from './pauli.js';
export * from './backend.js';
export * from './bindings.js';
export { StatevectorSimulator, type StatevectorOptions, probabilitiesOf, extractBinding, bindingMajor } from './statevector.js';
export { compile, type Program, type Instr, type RotationInstr, type CompileOptions } from './program.js';
export { sampleFromProbabilities, countsFromHistogram, bitString } from './sampling.js';
export { defaultMemoryLimit } from './memory.js';
export { adjointGradient, adjointJacobian, type AdjointResult, type AdjointOptions } from './adjoint.js';
