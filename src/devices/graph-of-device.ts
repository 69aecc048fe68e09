/** Graph helpers taking a device profile directly (over its usable couplers). */
import { CouplingGraph } from './graph.js';
import type { DeviceProfile } from './schema.js';

const graphs = new WeakMap<DeviceProfile, CouplingGraph>();

/** The coupling graph of a device's usable couplers (cached per profile object). */
export function couplingGraph(p: DeviceProfile): CouplingGraph {
  let g = graphs.get(p);
  if (!g) {
    g = new CouplingGraph(p.num_qubits, p.coupling_map);
    graphs.set(p, g);
  }
  return g;
}

/** Qubits coupled to `qubit` on the device, ascending. */
export function deviceNeighbours(p: DeviceProfile, qubit: number): readonly number[] {
  return couplingGraph(p).neighbours(qubit);
}

/** Row-major n×n hop-distance matrix of the device (BFS; −1 between components). */
export function deviceDistances(p: DeviceProfile): Int32Array {
  return couplingGraph(p).distanceMatrix();
}
