/**
 * Regions of a device: a job occupies a few physical qubits of a large chip, and only those are
 * simulated. A region is described by its physical qubits in ascending order; circuits placed on
 * a region are written on qubits 0..k-1 (index i is physical qubit `qubits[i]`), and the
 * region's profile is the device's profile restricted to those qubits and renumbered the same
 * way — its couplers, calibration, crosstalk among them and reset. Running a placed circuit on
 * the region's `DeviceBackend` therefore gives exactly what the device would give, while
 * observables and circuits never carry indices like 126 (Pauli strings stop at qubit 52).
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import type { DeviceProfile } from '../devices/schema.js';
import { PauliString, PauliSum, type Observable } from '../sim/pauli.js';

/** A circuit placed on a region of a device. */
export interface PlacedCircuit {
  /** The circuit on the region's qubits, renumbered 0..k-1. */
  readonly circuit: Circuit;
  /** Physical qubit of each circuit qubit, ascending. */
  readonly qubits: readonly number[];
  /** Observables on the circuit's (renumbered) qubits. */
  readonly observables: readonly Observable[];
}

/** Checks that `qubits` are distinct physical qubits of `profile` and returns them ascending. */
export function checkRegion(profile: DeviceProfile, qubits: readonly number[]): number[] {
  const seen = new Set<number>();
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0 || q >= profile.num_qubits) {
      throw new InputError(`device ${profile.id} has no qubit ${q} (it has 0..${profile.num_qubits - 1})`, 'QUBIT_RANGE');
    }
    if (seen.has(q)) throw new InputError(`qubit ${q} appears twice in a region of ${profile.id}`, 'QUBIT_RANGE');
    seen.add(q);
  }
  if (seen.size === 0) throw new InputError(`a region of ${profile.id} needs at least one qubit`, 'QUBIT_RANGE');
  return [...seen].sort((a, b) => a - b);
}

/**
 * The profile of a region: the device restricted to `qubits` (ascending) and renumbered so that
 * qubit `qubits[i]` becomes i. Couplers, gate calibrations, crosstalk entries and reset figures
 * that involve a qubit outside the region are dropped.
 */
export function regionProfile(profile: DeviceProfile, qubits: readonly number[]): DeviceProfile {
  const sorted = checkRegion(profile, qubits);
  const index = new Map(sorted.map((q, i) => [q, i]));
  const has = (qs: readonly number[]) => qs.every((q) => index.has(q));
  const map = (q: number) => index.get(q) as number;
  const pair = ([a, b]: readonly [number, number] | readonly number[]): [number, number] => [map(a as number), map(b as number)];
  return {
    ...profile,
    num_qubits: sorted.length,
    coupling_map: profile.coupling_map.filter(has).map(pair),
    ...(profile.directed_couplers ? { directed_couplers: profile.directed_couplers.filter(has).map(pair) } : {}),
    dropped_couplers: profile.dropped_couplers.filter((d) => has(d.qubits)).map((d) => ({ ...d, qubits: pair(d.qubits) })),
    calibration: {
      ...profile.calibration,
      qubits: profile.calibration.qubits.filter((q) => index.has(q.qubit)).map((q) => ({ ...q, qubit: map(q.qubit) })),
      gates: profile.calibration.gates.filter((g) => has(g.qubits)).map((g) => ({ ...g, qubits: g.qubits.map(map) })),
    },
    crosstalk: {
      ...profile.crosstalk,
      entries: profile.crosstalk.entries
        .filter((e) => has(e.coupler) && index.has(e.spectator) && index.has(e.via))
        .map((e) => ({ ...e, coupler: pair(e.coupler), spectator: map(e.spectator), via: map(e.via) })),
    },
    reset: { ...profile.reset, qubits: profile.reset.qubits.filter((r) => index.has(r.qubit)).map((r) => ({ ...r, qubit: map(r.qubit) })) },
  };
}

/** Qubits an operation acts on (barriers excluded: they do nothing on hardware). */
function touched(op: Operation): readonly number[] {
  switch (op.kind) {
    case 'gate': return op.qubits;
    case 'measure':
    case 'reset': return [op.qubit];
    case 'barrier': return [];
  }
}

/** Rewrites `circuit` onto `numQubits` qubits through `map` (barriers keep only mapped qubits). */
export function remapCircuit(circuit: Circuit, map: (q: number) => number | undefined, numQubits: number): Circuit {
  const at = (q: number): number => {
    const v = map(q);
    if (v === undefined) throw new InputError(`qubit ${q} of circuit "${circuit.name}" lies outside its region`, 'QUBIT_RANGE');
    return v;
  };
  const ops = circuit.ops.flatMap((op): Operation[] => {
    switch (op.kind) {
      case 'gate': return [{ ...op, qubits: op.qubits.map(at) }];
      case 'measure': return [{ ...op, qubit: at(op.qubit) }];
      case 'reset': return [{ ...op, qubit: at(op.qubit) }];
      case 'barrier': {
        const qs = op.qubits.map(map).filter((q): q is number => q !== undefined);
        return qs.length > 0 ? [{ kind: 'barrier', qubits: qs }] : [];
      }
    }
  });
  return circuit.with({ numQubits, ops, qregs: numQubits > 0 ? [{ name: 'q', size: numQubits, offset: 0 }] : [] });
}

/** Maps every Pauli of `o` through `map` (which must be defined on the qubits `o` reads). */
export function remapObservable(o: Observable, map: (q: number) => number): Observable {
  return new PauliSum(o.terms.map((t) => new PauliString(t.coeff, t.paulis.map((p) => ({ qubit: map(p.qubit), pauli: p.pauli })))));
}

/**
 * Places a circuit written on a device's physical qubits onto the region it touches.
 * `observables` are on the circuit's *virtual* qubits and `finalLayout[v]` is the physical qubit
 * that holds virtual qubit v at the end (what the transpiler reports); a virtual qubit that is
 * observed but never acted on still belongs to the region.
 */
export function placeOnRegion(physical: Circuit, observables: readonly Observable[], finalLayout: readonly number[]): PlacedCircuit {
  const used = new Set<number>();
  for (const op of physical.ops) for (const q of touched(op)) used.add(q);
  const physicalOf = (v: number): number => {
    const p = finalLayout[v];
    if (p === undefined) throw new InputError(`observable qubit ${v} has no physical qubit in the final layout (${finalLayout.length} virtual qubits)`, 'QUBIT_RANGE');
    return p;
  };
  for (const o of observables) for (const t of o.terms) for (const p of t.paulis) used.add(physicalOf(p.qubit));
  if (used.size === 0) used.add(finalLayout[0] ?? 0);
  const qubits = [...used].sort((a, b) => a - b);
  const index = new Map(qubits.map((q, i) => [q, i]));
  return {
    circuit: remapCircuit(physical, (q) => index.get(q), qubits.length),
    qubits,
    observables: observables.map((o) => remapObservable(o, (v) => index.get(physicalOf(v)) as number)),
  };
}

/**
 * A structural fingerprint of a circuit — gate names and qubits, not parameters — shared by a
 * template and every parameter-shifted copy of it. Used to find the region a circuit was placed on.
 */
export function circuitShape(circuit: Circuit): string {
  const parts: string[] = [`${circuit.numQubits}/${circuit.numClbits}`];
  for (const op of circuit.ops) {
    switch (op.kind) {
      case 'gate': parts.push(`${op.name}${op.qubits.join(',')}`); break;
      case 'measure': parts.push(`m${op.qubit}>${op.clbit}`); break;
      case 'reset': parts.push(`r${op.qubit}`); break;
      case 'barrier': parts.push('|'); break;
    }
  }
  return parts.join(';');
}
