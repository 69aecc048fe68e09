/**
 * Executors for the CLI's `--backend` option: the simulators, and catalog devices (whose
 * circuits are transpiled to the device and run with its calibrated noise).
 */
import { UsageError } from '../core/errors.js';
import type { QnnExecutor } from '../qml/gradients/executor.js';
import { simulatorExecutor } from '../qml/runner.js';
import { deviceExecutor, deviceSubgraphEdges } from '../cloud/device-executor.js';

export const SIMULATOR_BACKENDS = ['statevector', 'density-matrix', 'trajectories'] as const;

export function parseBackendName(value: string): string {
  if ((SIMULATOR_BACKENDS as readonly string[]).includes(value) || /^device:[a-z][a-z0-9_]*$/.test(value)) return value;
  throw new UsageError(`--backend must be one of ${SIMULATOR_BACKENDS.join(', ')} or device:ID; got "${value}"`);
}

export interface CliExecutor {
  readonly executor: QnnExecutor;
  readonly info: Record<string, unknown>;
  readonly deviceEdges: (deviceId: string, numQubits: number) => [number, number][];
}

export function executorForBackend(backend: string, shots: number | undefined, seed: number): CliExecutor {
  if (backend.startsWith('device:')) {
    const id = backend.slice('device:'.length);
    const executor = deviceExecutor(id, { shots: shots ?? 1000, seed });
    return { executor, info: { device: id }, deviceEdges: deviceSubgraphEdges };
  }
  return { executor: simulatorExecutor(backend as (typeof SIMULATOR_BACKENDS)[number], shots), info: {}, deviceEdges: deviceSubgraphEdges };
}
