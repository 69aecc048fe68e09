/**
 * Running placed circuits on a device: one `DeviceBackend` per region (cached), built on the
 * region's profile, with results reported in physical qubit numbers.
 */
import { UsageError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import { DeviceBackend, type DeviceBackendOptions } from '../devices/device-backend.js';
import type { DeviceProfile } from '../devices/schema.js';
import { shiftableForm } from '../qml/gradients/shift-rules.js';
import type { Backend, ExecutionBatch, ExecutionResult, OutputKind } from '../sim/backend.js';
import { checkRegion, circuitShape, regionProfile } from './device-region.js';

/** Device backends for the regions of one device. */
export class RegionBackends {
  private readonly cache = new Map<string, DeviceBackend>();

  constructor(readonly profile: DeviceProfile, private readonly options: DeviceBackendOptions = {}) {}

  /** The backend of the region `qubits` (ascending physical qubits). */
  backendFor(qubits: readonly number[]): DeviceBackend {
    const sorted = checkRegion(this.profile, qubits);
    const key = sorted.join(',');
    let b = this.cache.get(key);
    if (!b) {
      b = new DeviceBackend(regionProfile(this.profile, sorted), this.options);
      this.cache.set(key, b);
    }
    return b;
  }

  /** Runs a batch whose circuit is placed on `qubits` (circuit qubit i = `qubits[i]`, ascending). */
  run(batch: ExecutionBatch, qubits: readonly number[]): ExecutionResult {
    if (batch.circuit.numQubits !== qubits.length) {
      throw new UsageError(`a circuit placed on ${qubits.length} qubit(s) of ${this.profile.id} must have ${qubits.length} qubits, not ${batch.circuit.numQubits}`);
    }
    const r = this.backendFor(qubits).run(batch);
    const local = (r.metadata['qubits'] as readonly number[] | undefined) ?? [];
    return { ...r, metadata: { ...r.metadata, qubits: local.map((q) => qubits[q] as number) } };
  }
}

/**
 * Remembers where circuits were placed, by shape (gates and qubits, not parameters), so that the
 * parameter-shifted copies a gradient method derives from a placed template find their region.
 */
export class PlacementRegistry {
  private readonly byShape = new Map<string, readonly number[]>();

  /** Registers a placed template (and its parameter-shift form). */
  register(circuit: Circuit, qubits: readonly number[]): void {
    this.byShape.set(circuitShape(circuit), qubits);
    this.byShape.set(circuitShape(shiftableForm(circuit)), qubits);
  }

  /** The region of `circuit`, if it (or the template it was derived from) was registered. */
  lookup(circuit: Circuit): readonly number[] | undefined {
    return this.byShape.get(circuitShape(circuit));
  }
}

const SUPPORTED: ReadonlySet<OutputKind> = new Set(['expectations', 'probabilities', 'counts']);

/** A `Backend` for circuits placed on regions of one device (see {@link PlacementRegistry}). */
export class PlacedDeviceBackend implements Backend {
  readonly name: string;
  readonly maxQubits: number;
  readonly supports = SUPPORTED;
  readonly regions: RegionBackends;

  constructor(profile: DeviceProfile, readonly placements: PlacementRegistry, options: DeviceBackendOptions = {}) {
    this.name = `device:${profile.id}`;
    this.maxQubits = profile.num_qubits;
    this.regions = new RegionBackends(profile, options);
  }

  run(batch: ExecutionBatch): ExecutionResult {
    const qubits = this.placements.lookup(batch.circuit);
    if (!qubits) throw new UsageError(`circuit "${batch.circuit.name}" was not prepared for ${this.regions.profile.id}: prepare (transpile and place) it through the executor first`);
    return this.regions.run(batch, qubits);
  }
}
