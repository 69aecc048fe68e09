export * from './errors.js';
export * from './rng.js';
export * from './schema.js';
export * from './numeric.js';
export * from './canonical-json.js';
