import './scenarios/index.js';

export * from './scenario.js';
export * from './stats.js';
export * from './results.js';
export { runScenario, type RunOptions } from './runner.js';
export { registerScenario, listScenarios, getScenario } from './registry.js';
export { scenarioLayer } from './navigator.js';
export { runLab, writeLabResults, type LabRunOptions } from './lab-run.js';
export { recordLabResults } from './store-results.js';
