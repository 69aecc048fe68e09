/** Public API of the devices room: the QPU catalog, the profile format and the models around it. */
export * from './schema.js';
export { checkDeviceConsistency, type ProfileIssue } from './consistency.js';
export { loadDeviceProfile } from './load.js';
export * from './lattices.js';
export { CouplingGraph, NO_PATH } from './graph.js';
export { couplingGraph, deviceNeighbours, deviceDistances } from './graph-of-device.js';
export { zzPhaseError, spectatorCrosstalk, noCrosstalk, FIXED_COUPLING_CR, TUNABLE_COUPLER } from './crosstalk.js';
export type { CrosstalkTechnology, SpectatorCrosstalkInput, CrosstalkSection } from './crosstalk.js';
export { measureAndFlipReset, opticalPumpingReset, meanResetResidual } from './reset.js';
export { valuesAroundMedian, type SpreadOptions } from './synthetic.js';
export * from './job-estimates.js';
export { summarizeDevice, describePrice, type DeviceSummary } from './summary.js';
export { deviceJson, type DeviceJson } from './view.js';
export { getDevice, listDevices, isDeviceId, DEVICE_IDS, type DeviceId, type DeviceListing } from './catalog.js';
export { IBM_USD_PER_SECOND } from './builders/ibm.js';
export { errorFromDepolarizing, garnetLattice, GARNET_ROW_SPANS } from './profiles/iqm-garnet.js';
export { ankaa3Lattice, ANKAA_3_MISSING_COUPLERS } from './profiles/rigetti-ankaa-3.js';
export { HQC_FORMULA } from './profiles/quantinuum-h1.js';
