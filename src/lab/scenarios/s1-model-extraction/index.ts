/**
 * Scenario 1 — model extraction through the inference API: the scenario's registration and
 * its building blocks (budgets, defenses, the substitute sweep).
 */
import { registerScenario } from '../../registry.js';
import { modelExtractionScenario } from './scenario.js';

registerScenario(modelExtractionScenario);

export { modelExtractionScenario, runModelExtraction, checkPublicApi, S1_ID } from './scenario.js';
export { S1_CHARTS } from './charts.js';
export { EXTRACTION_BUDGETS, checkExtractionBudget, servingSetup, deploymentNote, type ExtractionBudget, type ServingSetup } from './settings.js';
export { sweepBudgets, scorer, type SweepPoint, type SubstituteScores, type Scorer } from './sweep.js';
export { brierScore, calibratePradaDelta, type DefenseOutcome, type DefenseRunContext } from './defenses.js';
