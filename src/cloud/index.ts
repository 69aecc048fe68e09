export { deviceExecutor, deviceSubgraphEdges, mapObservables, type DeviceExecutor, type DeviceExecutorOptions } from './device-executor.js';
