/**
 * Cross-field checks of a device profile that a per-field schema cannot express. Each problem
 * is reported with the field path where it sits, so `loadDeviceProfile` can raise one
 * ValidationError naming all of them.
 */
import { findGate } from '../circuit/gates.js';
import type { DeviceProfile } from './schema.js';

/** One consistency problem: where it is and what is wrong. */
export interface ProfileIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Stop collecting after this many problems (a broken generator would otherwise list thousands). */
const MAX_ISSUES = 25;

const key = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Returns every consistency problem of a schema-valid profile (empty when consistent). */
export function checkDeviceConsistency(p: DeviceProfile): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const add = (path: (string | number)[], message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };
  const n = p.num_qubits;
  const inRange = (q: number): boolean => q < n;

  // Native gates: canonical library names of the right arity.
  const lists = [
    ['one_qubit', 1],
    ['two_qubit', 2],
    ['extras', 0],
  ] as const;
  const seenGates = new Set<string>();
  for (const [field, arity] of lists) {
    p.native_gates[field].forEach((name, i) => {
      const def = findGate(name);
      if (!def || def.name !== name) add(['native_gates', field, i], `"${name}" is not a gate-library name`);
      else if (arity !== 0 && def.numQubits !== arity) add(['native_gates', field, i], `"${name}" acts on ${def.numQubits} qubit(s), expected ${arity}`);
      if (seenGates.has(name)) add(['native_gates', field, i], `"${name}" is listed twice`);
      seenGates.add(name);
    });
  }
  p.native_gates.virtual.forEach((name, i) => {
    if (!p.native_gates.one_qubit.includes(name)) add(['native_gates', 'virtual', i], `"${name}" must also be listed in native_gates.one_qubit`);
  });

  // Couplers.
  const couplers = new Set<string>();
  p.coupling_map.forEach(([a, b], i) => {
    if (!inRange(a) || !inRange(b)) add(['coupling_map', i], `coupler [${a}, ${b}] names a qubit outside 0..${n - 1}`);
    if (a >= b) add(['coupling_map', i], `coupler [${a}, ${b}] must be written [smaller, larger]`);
    if (couplers.has(key(a, b))) add(['coupling_map', i], `coupler [${a}, ${b}] is listed twice`);
    couplers.add(key(a, b));
  });
  if (p.topology.kind === 'all_to_all' && p.coupling_map.length !== (n * (n - 1)) / 2) {
    add(['coupling_map'], `an all-to-all device of ${n} qubits has ${(n * (n - 1)) / 2} couplers, found ${p.coupling_map.length}`);
  }
  const direction = new Map<string, readonly [number, number]>();
  if (p.directed && !p.directed_couplers) add(['directed_couplers'], 'required when directed is true');
  if (!p.directed && p.directed_couplers) add(['directed_couplers'], 'only allowed when directed is true');
  p.directed_couplers?.forEach(([c, t], i) => {
    if (!couplers.has(key(c, t))) add(['directed_couplers', i], `[${c}, ${t}] is not a coupler of coupling_map`);
    else if (direction.has(key(c, t))) add(['directed_couplers', i], `coupler [${c}, ${t}] has two directions`);
    direction.set(key(c, t), [c, t]);
  });
  if (p.directed_couplers && direction.size !== couplers.size) add(['directed_couplers'], `must give one direction for each of the ${couplers.size} couplers, found ${direction.size}`);
  p.dropped_couplers.forEach(({ qubits: [a, b] }, i) => {
    if (!inRange(a) || !inRange(b)) add(['dropped_couplers', i, 'qubits'], `names a qubit outside 0..${n - 1}`);
    if (couplers.has(key(a, b))) add(['dropped_couplers', i, 'qubits'], `[${a}, ${b}] is dropped but still in coupling_map`);
  });

  // Per-qubit calibration.
  if (p.calibration.qubits.length !== n) add(['calibration', 'qubits'], `must have one entry per qubit (${n}), found ${p.calibration.qubits.length}`);
  p.calibration.qubits.forEach((q, i) => {
    if (q.qubit !== i) add(['calibration', 'qubits', i, 'qubit'], `entry ${i} describes qubit ${q.qubit}; entries must be in qubit order`);
    const mean = (q.prob_meas0_prep1 + q.prob_meas1_prep0) / 2;
    if (Math.abs(q.readout_error - mean) > 1e-6) add(['calibration', 'qubits', i, 'readout_error'], `${q.readout_error} differs from the mean of the assignment errors (${mean})`);
  });

  // Per-gate calibration and coverage of the default native set.
  const defaults1q = p.native_gates.one_qubit.filter((g) => !p.native_gates.virtual.includes(g));
  const covered1q = new Set<string>();
  const covered2q = new Set<string>();
  p.calibration.gates.forEach((g, i) => {
    const path = ['calibration', 'gates', i];
    const def = findGate(g.gate);
    const known = p.native_gates.one_qubit.includes(g.gate) || p.native_gates.two_qubit.includes(g.gate) || p.native_gates.extras.includes(g.gate);
    if (!known || !def) {
      add([...path, 'gate'], `"${g.gate}" is not among the device's native gates`);
      return;
    }
    if (p.native_gates.virtual.includes(g.gate)) add([...path, 'gate'], `"${g.gate}" is virtual (error-free) and takes no calibration`);
    if (g.qubits.length !== def.numQubits) {
      add([...path, 'qubits'], `${g.gate} acts on ${def.numQubits} qubit(s), got ${g.qubits.length}`);
      return;
    }
    if (g.qubits.some((q) => !inRange(q))) {
      add([...path, 'qubits'], `names a qubit outside 0..${n - 1}`);
      return;
    }
    if (g.qubits.length === 1) {
      covered1q.add(`${g.gate}@${g.qubits[0]}`);
      return;
    }
    const [a, b] = g.qubits as [number, number];
    if (!couplers.has(key(a, b))) {
      add([...path, 'qubits'], `[${a}, ${b}] is not a usable coupler`);
      return;
    }
    if (p.native_gates.two_qubit.includes(g.gate)) {
      const dir = direction.get(key(a, b));
      if (dir && (dir[0] !== a || dir[1] !== b)) add([...path, 'qubits'], `[${a}, ${b}] runs against the calibrated direction [${dir[0]}, ${dir[1]}]`);
      covered2q.add(key(a, b));
    }
  });
  for (let q = 0; q < n && issues.length < MAX_ISSUES; q++) {
    for (const g of defaults1q) if (!covered1q.has(`${g}@${q}`)) add(['calibration', 'gates'], `no calibration of ${g} on qubit ${q}`);
  }
  p.coupling_map.forEach(([a, b], i) => {
    if (!covered2q.has(key(a, b))) add(['coupling_map', i], `coupler [${a}, ${b}] has no calibration of a native two-qubit gate`);
  });

  // Crosstalk.
  if (p.crosstalk.model === 'none' && p.crosstalk.entries.length > 0) add(['crosstalk', 'entries'], 'must be empty when model is "none"');
  p.crosstalk.entries.forEach((e, i) => {
    const [a, b] = e.coupler;
    if (a >= b || !couplers.has(key(a, b))) add(['crosstalk', 'entries', i, 'coupler'], `[${a}, ${b}] is not a coupler of coupling_map`);
    if (e.via !== a && e.via !== b) add(['crosstalk', 'entries', i, 'via'], `${e.via} is not a qubit of coupler [${a}, ${b}]`);
    if (e.spectator === a || e.spectator === b || !inRange(e.spectator)) add(['crosstalk', 'entries', i, 'spectator'], `${e.spectator} must be a qubit outside the coupler, within 0..${n - 1}`);
  });

  // Reset.
  if (p.reset.qubits.length !== n) add(['reset', 'qubits'], `must have one entry per qubit (${n}), found ${p.reset.qubits.length}`);
  p.reset.qubits.forEach((r, i) => {
    if (r.qubit !== i) add(['reset', 'qubits', i, 'qubit'], `entry ${i} describes qubit ${r.qubit}; entries must be in qubit order`);
  });
  return issues;
}
