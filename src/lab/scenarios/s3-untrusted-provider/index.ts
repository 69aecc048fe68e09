/** Scenario 3 — the untrusted quantum provider; registers itself with the lab. */
import { registerScenario } from '../../registry.js';
import { untrustedProviderScenario } from './scenario.js';

registerScenario(untrustedProviderScenario);

export { untrustedProviderScenario, runUntrustedProvider, s3Budget, S3_ID, S3_TECHNIQUES, S3_ATLAS, type S3Budget } from './scenario.js';
export { ObfuscatingClient, obfuscateCircuit, obfuscationPass, type ObfuscationOptions, type ObfuscatedCircuit, type ObfuscationStats } from './obfuscation.js';
export { LabelMaskingProvider, derangement, maskedScores, type LabelMask } from './label-masking.js';
export { EncodingInspector, type InspectorOptions } from './encoding-inference.js';
export { encodingArtifacts, ARTIFACT_FEATURES } from './artifacts.js';
export { attackChain, periodicError, type VictimTruth, type ChainOptions, type ChainResult } from './attack-chain.js';
export { modelView, harvestRows, circuitSkeleton, paramSkeleton, jobWeights, type ModelView, type HarvestedRow } from './model-view.js';
export { matchStructure, matchFunction, candidateDesigns, sameArchitecture, sameEncoder, exactOutputs } from './architecture.js';
export { invertEncoding, harvestQuality, normalised, type HarvestQuality } from './harvest.js';
export { labelsFromOutputs, labelsFromTrace, clusterLabels, agreement, agreementUpToNames } from './labels.js';
export { trainTemplate, predictTemplate, type TemplateModel, type CloneTraining } from './clone.js';
export { lossCircuit, withLabel, predictByFidelity, trainWithFidelityLoss, labelsFromBindings, type LossCircuit, type FidelityRun, type FidelityOptions } from './loss-circuit.js';
export { inspectPopulation, type PopulationOptions, type PopulationResult } from './population.js';
export { trainVictim, defaultVictimDeployment, insiderCloud, withSecondCloud, type VictimOptions, type VictimRun } from './victim.js';
export { ENCODING_FAMILIES, encodingFamilyOf, designPopulation, ansatzLibrary, encoderLibrary, randomEncoder, randomAnsatz, lineEdges, type EncodingFamily, type LabelledDesign } from './victims.js';
