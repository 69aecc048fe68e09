/**
 * Scenario 2 — adversarial evasion: the scenario's registration and its building blocks (the
 * anchor model, ε sweeps, budgets).
 */
import { registerScenario } from '../../registry.js';
import { adversarialEvasionScenario } from './scenario.js';

registerScenario(adversarialEvasionScenario);

export { adversarialEvasionScenario, runAdversarialEvasion, S2_ID } from './scenario.js';
export { EVASION_BUDGETS, ANCHOR_PGD, S2_CHARTS, HARDENED, checkEvasionBudget, type EvasionBudget, type AnchorModelBudget } from './settings.js';
export { anchorModelSpec, trainAnchorVictim, type AnchorVictim } from './anchor-model.js';
export { epsilonSweep, sweepSeries, type EpsilonSweep, type EpsilonPoint, type SweepTarget } from './epsilon-sweep.js';
