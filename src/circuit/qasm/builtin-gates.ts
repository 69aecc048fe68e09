/**
 * The language built-ins and the two standard includes, `qelib1.inc` (OpenQASM 2, as Qiskit
 * ships it) and `stdgates.inc` (OpenQASM 3). Names the library has map to library gates
 * directly; the rest are macros over library gates, written for qmlsec from the gates'
 * definitions (see README.md for the derivations): each is exact, global phase included,
 * except the relative-phase Toffolis, which are what they are.
 */
import { findGate, gateNames, getGate } from '../gates.js';
import type { DefinitionContext } from './gate-definition.js';
import { parseDefinitionText } from './gate-definition.js';
import { type GateEntry, libraryEntry } from './gate-entry.js';

/** A macro of a standard include, over formal qubits q0, q1, ... */
interface MacroSource {
  readonly name: string;
  readonly params: readonly string[];
  readonly qubits: number;
  readonly body: string;
}

const QELIB1_LIBRARY: Readonly<Record<string, string>> = {
  u3: 'u3', u2: 'u2', u1: 'u1', cx: 'cx', id: 'id', u: 'u', p: 'p',
  x: 'x', y: 'y', z: 'z', h: 'h', s: 's', sdg: 'sdg', t: 't', tdg: 'tdg',
  rx: 'rx', ry: 'ry', rz: 'rz', sx: 'sx', sxdg: 'sxdg',
  cz: 'cz', cy: 'cy', swap: 'swap', ch: 'ch', ccx: 'ccx', cswap: 'cswap',
  crx: 'crx', cry: 'cry', crz: 'crz', cu1: 'cu1', cp: 'cp', cu3: 'cu3', csx: 'csx', rxx: 'rxx', rzz: 'rzz',
};

/** cu(θ, φ, λ, γ): controlled-U3 with the phase e^{iγ} on the control's |1⟩ subspace. */
const CU: MacroSource = { name: 'cu', params: ['theta', 'phi', 'lambda', 'gamma'], qubits: 2, body: 'p(gamma) q0; cu3(theta, phi, lambda) q0, q1;' };

const QELIB1_MACROS: readonly MacroSource[] = [
  // u0(γ) is an idle of γ gate lengths: the identity.
  { name: 'u0', params: ['gamma'], qubits: 1, body: 'id q0;' },
  CU,
  // Margolus' relative-phase Toffoli (3 CX).
  { name: 'rccx', params: [], qubits: 3, body: 'h q2; t q2; cx q1, q2; tdg q2; cx q0, q2; t q2; cx q1, q2; tdg q2; h q2;' },
  // Relative-phase 3-controlled X.
  {
    name: 'rc3x', params: [], qubits: 4,
    body: 'h q3; t q3; cx q2, q3; tdg q3; h q3; cx q0, q3; t q3; cx q1, q3; tdg q3; cx q0, q3; t q3; cx q1, q3; tdg q3; h q3; t q3; cx q2, q3; tdg q3; h q3;',
  },
  // C3X = H·C3Z·H; C3Z is the phase π·abcd, spread as ±π/8 over the parities of all 15
  // non-empty subsets of {a, b, c, d}, visited in Gray-code order with CX chains.
  {
    name: 'c3x', params: [], qubits: 4,
    body:
      'h q3; p(pi/8) q0; p(pi/8) q1; p(pi/8) q2; p(pi/8) q3; ' +
      'cx q0, q1; p(-pi/8) q1; cx q0, q1; ' +
      'cx q1, q2; p(-pi/8) q2; cx q0, q2; p(pi/8) q2; cx q1, q2; p(-pi/8) q2; cx q0, q2; ' +
      'cx q2, q3; p(-pi/8) q3; cx q1, q3; p(pi/8) q3; cx q2, q3; p(-pi/8) q3; cx q0, q3; p(pi/8) q3; ' +
      'cx q2, q3; p(-pi/8) q3; cx q1, q3; p(pi/8) q3; cx q2, q3; p(-pi/8) q3; cx q0, q3; h q3;',
  },
  // C3-SX = H·C3-S·H; C3-S is the phase (π/2)·abc·d, spread as ±π/8 controlled phases from
  // the parities of the 7 non-empty subsets of {a, b, c} onto d.
  {
    name: 'c3sqrtx', params: [], qubits: 4,
    body:
      'h q3; cu1(pi/8) q0, q3; cx q0, q1; cu1(-pi/8) q1, q3; cx q0, q1; cu1(pi/8) q1, q3; ' +
      'cx q1, q2; cu1(-pi/8) q2, q3; cx q0, q2; cu1(pi/8) q2, q3; cx q1, q2; cu1(-pi/8) q2, q3; cx q0, q2; cu1(pi/8) q2, q3; h q3;',
  },
  // C4X(a,b,c,d; e) = C_d(SX)_e · C3X(a,b,c; d) · C_d(SX†)_e · C3X(a,b,c; d) · C3-SX(a,b,c; e):
  // the target sees SX^(d − (d ⊕ abc) + abc), which is X exactly when abc = d = 1.
  {
    name: 'c4x', params: [], qubits: 5,
    body: 'h q4; cu1(pi/2) q3, q4; h q4; c3x q0, q1, q2, q3; h q4; cu1(-pi/2) q3, q4; h q4; c3x q0, q1, q2, q3; c3sqrtx q0, q1, q2, q4;',
  },
];

const STDGATES_LIBRARY: Readonly<Record<string, string>> = {
  p: 'p', x: 'x', y: 'y', z: 'z', h: 'h', s: 's', sdg: 'sdg', t: 't', tdg: 'tdg', sx: 'sx',
  rx: 'rx', ry: 'ry', rz: 'rz', cx: 'cx', cy: 'cy', cz: 'cz', cp: 'cp', crx: 'crx', cry: 'cry', crz: 'crz', ch: 'ch',
  swap: 'swap', ccx: 'ccx', cswap: 'cswap', CX: 'cx', phase: 'p', cphase: 'cp', id: 'id', u1: 'u1', u2: 'u2', u3: 'u3',
};

/** Every library gate under its library name (the vocabulary of the macros above). */
function libraryScope(): Map<string, GateEntry> {
  return new Map(gateNames().map((name) => [name, libraryEntry(name, getGate(name))]));
}

/** A definition context in which names are library gates plus `extra`. */
export function libraryContext(extra: ReadonlyMap<string, GateEntry> = new Map()): DefinitionContext {
  const lib = libraryScope();
  return { version: 2, resolve: (name) => extra.get(name) ?? lib.get(name) };
}

function buildInclude(direct: Readonly<Record<string, string>>, macros: readonly MacroSource[], file: string): ReadonlyMap<string, GateEntry> {
  const entries = new Map<string, GateEntry>();
  for (const [name, lib] of Object.entries(direct)) entries.set(name, libraryEntry(name, getGate(lib)));
  const defined = new Map<string, GateEntry>();
  for (const m of macros) {
    const entry = parseDefinitionText(m.body, m.name, m.params, m.qubits, libraryContext(defined), { file, line: 1, column: 1 });
    defined.set(m.name, entry);
    entries.set(m.name, entry);
  }
  return entries;
}

let qelib1Cache: ReadonlyMap<string, GateEntry> | undefined;
let stdgatesCache: ReadonlyMap<string, GateEntry> | undefined;

/** The gates of `qelib1.inc`. */
export function qelib1Gates(): ReadonlyMap<string, GateEntry> {
  qelib1Cache ??= buildInclude(QELIB1_LIBRARY, QELIB1_MACROS, 'qelib1.inc');
  return qelib1Cache;
}

/** The gates of `stdgates.inc`. */
export function stdgatesGates(): ReadonlyMap<string, GateEntry> {
  stdgatesCache ??= buildInclude(STDGATES_LIBRARY, [CU], 'stdgates.inc');
  return stdgatesCache;
}

/** The language's own gates: `U` and `CX` in OpenQASM 2, `U` in OpenQASM 3. */
export function builtinGates(version: 2 | 3): GateEntry[] {
  const u = libraryEntry('U', getGate('u'));
  return version === 2 ? [u, libraryEntry('CX', getGate('cx'))] : [u];
}

/** The standard include of a version. */
export const STANDARD_INCLUDE: Readonly<Record<2 | 3, string>> = { 2: 'qelib1.inc', 3: 'stdgates.inc' };

/** Extra words for an "unknown gate" error: a missing include, or a gate only the library has. */
export function unknownGateHint(name: string, version: 2 | 3, included: boolean): string {
  const include = STANDARD_INCLUDE[version];
  const standard = version === 2 ? qelib1Gates() : stdgatesGates();
  if (!included && standard.has(name)) return ` (it is defined in ${include}: add 'include "${include}";')`;
  if (findGate(name)) return ` (qmlsec's library has '${name}', but ${include} does not define it: add a 'gate ${name} ...' definition)`;
  return '';
}
