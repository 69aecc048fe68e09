/**
 * qmlsec — security toolkit and service for Quantum Machine Learning as a Service.
 *
 * The public API: every room's exports are re-exported here.
 * @packageDocumentation
 */
export { VERSION } from './version.js';
export * from './core/index.js';
export * from './circuit/index.js';
export * from './sim/index.js';
export * from './devices/index.js';
export * from './transpile/index.js';
export * from './data/index.js';
export * from './deploy/index.js';
export * from './threat/index.js';
export * from './store/index.js';
export * from './queue/index.js';
export * from './service/index.js';
export * from './qml/index.js';
export * from './cloud/index.js';
export * from './lab/index.js';
export * from './report/index.js';
