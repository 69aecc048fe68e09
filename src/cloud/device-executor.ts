/**
 * A QNN executor on a catalog device: the logical template is transpiled once to the device
 * (its native gates, couplers and directions; parameters stay symbolic so one transpilation
 * serves every binding and every parameter shift), placed on the region of qubits it touches
 * (observables follow the final layout), and run on that region's noisy DeviceBackend with
 * shots. Placing on a region keeps qubit numbers small, so templates routed onto qubit 126 of a
 * 127-qubit chip still work.
 */
import type { Circuit } from '../circuit/circuit.js';
import { getDevice } from '../devices/catalog.js';
import type { DeviceBackendOptions } from '../devices/device-backend.js';
import type { DeviceProfile } from '../devices/schema.js';
import type { PreparedCircuit, QnnExecutor } from '../qml/gradients/executor.js';
import { PauliString, PauliSum, type Observable } from '../sim/pauli.js';
import { targetFromDevice } from '../transpile/target-from-device.js';
import { transpile, type TranspileResult } from '../transpile/transpile.js';
import { placeOnRegion } from './device-region.js';
import { PlacedDeviceBackend, PlacementRegistry } from './region-backend.js';

/** Options of {@link deviceExecutor}. */
export interface DeviceExecutorOptions extends DeviceBackendOptions {
  readonly shots?: number;
  readonly seed?: number;
  /** Transpiler optimisation level (default 1). */
  readonly level?: number;
}

/**
 * Observables on virtual qubits → the physical qubits that hold them after routing. Pauli
 * strings reach qubit 52 at most; for larger chips place the circuit on its region instead
 * ({@link placeOnRegion}).
 */
export function mapObservables(observables: readonly Observable[], finalLayout: readonly number[]): Observable[] {
  return observables.map((o) => new PauliSum(o.terms.map((t) => new PauliString(t.coeff, t.paulis.map((p) => ({ qubit: finalLayout[p.qubit] as number, pauli: p.pauli }))))));
}

/** A QNN executor on one catalog device. */
export interface DeviceExecutor extends QnnExecutor {
  readonly profile: DeviceProfile;
  /** Where each prepared template sits on the chip. */
  readonly placements: PlacementRegistry;
  /** The transpilation of each template prepared so far. */
  readonly transpilations: ReadonlyMap<Circuit, TranspileResult>;
}

/** An executor that transpiles to `deviceId` once per template and runs with its noise. */
export function deviceExecutor(deviceId: string, options: DeviceExecutorOptions = {}): DeviceExecutor {
  const profile = getDevice(deviceId);
  const target = targetFromDevice(profile);
  const placements = new PlacementRegistry();
  const backend = new PlacedDeviceBackend(profile, placements, options);
  const transpilations = new Map<Circuit, TranspileResult>();
  const prepared = new WeakMap<Circuit, PreparedCircuit>();
  return {
    backend,
    profile,
    placements,
    transpilations,
    shots: options.shots ?? 1000,
    prepare(circuit: Circuit, observables: readonly Observable[]): PreparedCircuit {
      const hit = prepared.get(circuit);
      if (hit && hit.observables.length === observables.length) return hit;
      const t = transpile(circuit, target, { level: options.level ?? 1, seed: options.seed ?? 0 });
      transpilations.set(circuit, t);
      const placed = placeOnRegion(t.circuit, observables, t.finalLayout);
      placements.register(placed.circuit, placed.qubits);
      const p = { circuit: placed.circuit, observables: placed.observables };
      prepared.set(circuit, p);
      return p;
    },
  };
}

/**
 * A connected set of `n` qubits of a device (breadth-first from its best-connected qubit) and
 * the couplers among them, renumbered 0..n-1 — what a hardware-efficient ansatz follows.
 */
export function deviceSubgraphEdges(deviceId: string, n: number): [number, number][] {
  const profile = getDevice(deviceId);
  const adj = new Map<number, number[]>();
  for (const [a, b] of profile.coupling_map) {
    adj.set(a, [...(adj.get(a) ?? []), b]);
    adj.set(b, [...(adj.get(b) ?? []), a]);
  }
  if (profile.topology.kind === 'all_to_all') {
    const edges: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j]);
    return edges;
  }
  const start = [...adj.keys()].sort((a, b) => (adj.get(b)?.length ?? 0) - (adj.get(a)?.length ?? 0) || a - b)[0] ?? 0;
  const order: number[] = [start];
  const seen = new Set(order);
  for (let i = 0; i < order.length && order.length < n; i++) {
    for (const nb of (adj.get(order[i] as number) ?? []).sort((a, b) => a - b)) {
      if (!seen.has(nb) && order.length < n) {
        seen.add(nb);
        order.push(nb);
      }
    }
  }
  const index = new Map(order.map((q, i) => [q, i]));
  return profile.coupling_map.filter(([a, b]) => index.has(a) && index.has(b)).map(([a, b]) => [index.get(a) as number, index.get(b) as number]);
}
