export * from './param.js';
export * from './matrix.js';
export type * from './gate-def.js';
export * from './gates.js';
export * from './operation.js';
export * from './circuit.js';
export * from './builder.js';
export { drawCircuit, formatAngle } from './draw.js';
export * from './qasm/index.js';
