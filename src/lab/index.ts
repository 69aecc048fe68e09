import './scenarios/index.js';

export * from './scenario.js';
export * from './stats.js';
export * from './results.js';
export { runScenario, type RunOptions } from './runner.js';
export { registerScenario, listScenarios, getScenario } from './registry.js';
export { scenarioLayer } from './navigator.js';
export { runLab, writeLabResults, type LabRunOptions } from './lab-run.js';
export { recordLabResults } from './store-results.js';
/**
 * Building blocks of the scenarios, for writing new ones: the live platform (`serveVictim`,
 * `ApiClient`), attacks (extraction, FGSM/PGD, substitutes, query synthesis, the curious
 * provider), defenses (output policy, PRADA, OOD-CUSUM) and their statistics (ROC).
 */
export * as labKit from './common/index.js';
