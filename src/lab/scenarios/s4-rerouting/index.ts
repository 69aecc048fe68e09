/**
 * Scenario 4 — rerouting to a lower-quality QPU: the malicious provider, the two client-side
 * defenses and their building blocks, and the scenario's registration.
 */
import { registerScenario } from '../../registry.js';
import { reroutingScenario } from './scenario.js';

registerScenario(reroutingScenario);

export { reroutingScenario, runRerouting, pairKey, REROUTING_BUDGETS, type ReroutingBudget } from './scenario.js';
export { ReroutingProvider, type ReroutingOptions, type RerouteRecord } from './rerouting-provider.js';
export { FingerprintingClient, type FingerprintClientOptions, type ProbeRecord } from './fingerprint-client.js';
export { TrapClient, type TrapClientOptions, type TrapRecord } from './trap-client.js';
export { buildFingerprintProbe, predictedSurvival, survivalFromCounts, manhattanDistance, WU_MANHATTAN_THRESHOLD, type FingerprintProbe, type ProbeOptions } from './fingerprint.js';
export { mirrorCircuit, buildTrapTemplate, drawTrap, trapSuccess, predictedTrapSuccess, type Trap, type TrapTemplate } from './trap.js';
export { equivalentRegion, usedCouplers } from './region-map.js';
export { REROUTE_TARGETS, reroutePlan, defaultReroutingDeployment, type ReroutePair, type ReroutePlan } from './setup.js';
