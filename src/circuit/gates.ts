/**
 * The standard gate library: every gate's matrix, inverse, parameters, generator (for
 * adjoint differentiation and shift rules), decomposition and OpenQASM names. Matrices follow
 * Qiskit's conventions (little-endian local ordering), so circuits exchanged through OpenQASM
 * mean the same thing in both.
 */
import { InputError } from '../core/errors.js';
import type { GateCall, GateDef, Generator, PauliLetter } from './gate-def.js';
import { fromRows, diagonal, identity, kron, type Matrix, zeros } from './matrix.js';
import { Param } from './param.js';

const S2 = Math.SQRT1_2;
const PI = Math.PI;

type Entry = number | readonly [number, number];
const cis = (t: number): readonly [number, number] => [Math.cos(t), Math.sin(t)];
const mulc = (a: readonly [number, number], k: number): readonly [number, number] => [a[0] * k, a[1] * k];

const call = (name: string, qubits: readonly number[], ...params: Param[]): GateCall => ({ name, qubits, params });
const c = (v: number): Param => Param.constant(v);
const same = (name: string) => (params: readonly Param[]): GateCall[] => [call(name, range(0, countQubits(name)), ...params)];
const negated = (name: string) => (params: readonly Param[]): GateCall[] => [call(name, range(0, countQubits(name)), ...params.map((p) => p.neg()))];

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}

/** Full matrix of a gate with `controls` leading controls and the given target matrix. */
function controlled(controls: number, target: Matrix): Matrix {
  const tdim = Math.round(Math.sqrt(target.length / 2));
  const dim = tdim << controls;
  const m = identity(dim);
  const cmask = (1 << controls) - 1;
  for (let r = 0; r < dim; r++) {
    if ((r & cmask) !== cmask) continue;
    const tr = r >> controls;
    for (let col = 0; col < dim; col++) {
      if ((col & cmask) !== cmask) continue;
      const tc = col >> controls;
      m[2 * (r * dim + col)] = target[2 * (tr * tdim + tc)] as number;
      m[2 * (r * dim + col) + 1] = target[2 * (tr * tdim + tc) + 1] as number;
    }
  }
  return m;
}

/** exp(-iθG) for a generator in projector ⊗ Pauli form. */
export function generatorExp(g: Generator, theta: number): Matrix {
  const k = g.paulis.length;
  const dim = 1 << k;
  // P as a matrix (local little-endian: letter j acts on bit j).
  let p = fromRows([[1]]);
  for (let j = k - 1; j >= 0; j--) p = kron(p, pauliMatrix(g.paulis[j] as PauliLetter));
  const m = zeros(dim);
  const a = g.coeff * theta;
  const isIdentity = g.paulis.every((l) => l === 'I');
  for (let r = 0; r < dim; r++) {
    const active = g.projector.every((q) => (r >> q) & 1);
    for (let col = 0; col < dim; col++) {
      const idx = 2 * (r * dim + col);
      if (!active) {
        if (r === col) m[idx] = 1;
        continue;
      }
      if (!g.projector.every((q) => (col >> q) & 1)) continue;
      if (isIdentity) {
        if (r === col) {
          m[idx] = Math.cos(a);
          m[idx + 1] = -Math.sin(a);
        }
        continue;
      }
      // exp(-i a P) = cos a · I − i sin a · P  (P² = I)
      const pr = p[idx] as number;
      const pi = p[idx + 1] as number;
      m[idx] = Math.sin(a) * pi + (r === col ? Math.cos(a) : 0);
      m[idx + 1] = -Math.sin(a) * pr;
    }
  }
  return m;
}

export function pauliMatrix(letter: PauliLetter): Matrix {
  switch (letter) {
    case 'I':
      return identity(2);
    case 'X':
      return fromRows([[0, 1], [1, 0]]);
    case 'Y':
      return fromRows([[0, [0, -1]], [[0, 1], 0]]);
    case 'Z':
      return fromRows([[1, 0], [0, -1]]);
  }
}

function u3Matrix(theta: number, phi: number, lambda: number): Matrix {
  const ct = Math.cos(theta / 2);
  const st = Math.sin(theta / 2);
  return fromRows([
    [ct, mulc(cis(lambda), -st)],
    [mulc(cis(phi), st), mulc(cis(phi + lambda), ct)],
  ]);
}

const MATRICES = {
  x: fromRows([[0, 1], [1, 0]]),
  y: fromRows([[0, [0, -1]], [[0, 1], 0]]),
  z: diagonal([[1, 0], [-1, 0]]),
  h: fromRows([[S2, S2], [S2, -S2]]),
  s: diagonal([[1, 0], [0, 1]]),
  sdg: diagonal([[1, 0], [0, -1]]),
  t: diagonal([[1, 0], [S2, S2]]),
  tdg: diagonal([[1, 0], [S2, -S2]]),
  sx: fromRows([[[0.5, 0.5], [0.5, -0.5]], [[0.5, -0.5], [0.5, 0.5]]]),
  sxdg: fromRows([[[0.5, -0.5], [0.5, 0.5]], [[0.5, 0.5], [0.5, -0.5]]]),
  swap: fromRows([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]),
  iswap: fromRows([[1, 0, 0, 0], [0, 0, [0, 1], 0], [0, [0, 1], 0, 0], [0, 0, 0, 1]]),
  ecr: fromRows([
    [0, S2, 0, [0, S2]],
    [S2, 0, [0, -S2], 0],
    [0, [0, S2], 0, S2],
    [[0, -S2], 0, S2, 0],
  ] as Entry[][]),
} as const;

interface Spec {
  name: string;
  numQubits: number;
  paramNames?: string[];
  qasm2?: string | null;
  qasm3?: string | null;
  controls?: number;
  diagonal?: boolean;
  matrix?: (p: readonly number[]) => Matrix;
  targetMatrix?: (p: readonly number[]) => Matrix;
  generator?: Generator;
  decompose?: (p: readonly Param[]) => readonly GateCall[];
  inverse: (p: readonly Param[]) => readonly GateCall[];
  qasmDefinition?: string;
}

const gen = (coeff: number, paulis: PauliLetter[], projector: number[] = []): Generator => ({ coeff, paulis, projector });

function define(spec: Spec): GateDef {
  const numParams = spec.paramNames?.length ?? 0;
  const controls = spec.controls ?? 0;
  let matrix = spec.matrix;
  if (!matrix && spec.targetMatrix) {
    const tm = spec.targetMatrix;
    matrix = (p) => controlled(controls, tm(p));
  }
  if (!matrix && spec.generator) {
    const g = spec.generator;
    matrix = (p) => generatorExp(g, p[0] as number);
  }
  if (!matrix) throw new Error(`gate ${spec.name}: no matrix`);
  const def: GateDef = {
    name: spec.name,
    numQubits: spec.numQubits,
    numParams,
    paramNames: spec.paramNames ?? [],
    qasm2: spec.qasm2 === undefined ? spec.name : spec.qasm2,
    qasm3: spec.qasm3 === undefined ? spec.name : spec.qasm3,
    controls,
    diagonal: spec.diagonal ?? false,
    matrix,
    inverse: spec.inverse,
    ...(spec.targetMatrix ? { targetMatrix: spec.targetMatrix } : {}),
    ...(spec.generator ? { generator: spec.generator } : {}),
    ...(spec.decompose ? { decompose: spec.decompose } : {}),
    ...(spec.qasmDefinition ? { qasmDefinition: spec.qasmDefinition } : {}),
  };
  return def;
}

const numQubitsOf = new Map<string, number>();
function countQubits(name: string): number {
  const n = numQubitsOf.get(name);
  if (n === undefined) throw new Error(`internal: gate ${name} not yet defined`);
  return n;
}

const SPECS: Spec[] = [
  // ---- one-qubit, no parameters
  { name: 'id', numQubits: 1, diagonal: true, matrix: () => identity(2), inverse: same('id') },
  { name: 'x', numQubits: 1, matrix: () => MATRICES.x, inverse: same('x') },
  { name: 'y', numQubits: 1, matrix: () => MATRICES.y, inverse: same('y') },
  { name: 'z', numQubits: 1, diagonal: true, matrix: () => MATRICES.z, inverse: same('z') },
  { name: 'h', numQubits: 1, matrix: () => MATRICES.h, inverse: same('h') },
  { name: 's', numQubits: 1, diagonal: true, matrix: () => MATRICES.s, inverse: () => [call('sdg', [0])] },
  { name: 'sdg', numQubits: 1, diagonal: true, matrix: () => MATRICES.sdg, inverse: () => [call('s', [0])] },
  { name: 't', numQubits: 1, diagonal: true, matrix: () => MATRICES.t, inverse: () => [call('tdg', [0])] },
  { name: 'tdg', numQubits: 1, diagonal: true, matrix: () => MATRICES.tdg, inverse: () => [call('t', [0])] },
  { name: 'sx', numQubits: 1, matrix: () => MATRICES.sx, inverse: () => [call('sxdg', [0])] },
  { name: 'sxdg', numQubits: 1, qasm3: null, matrix: () => MATRICES.sxdg, inverse: () => [call('sx', [0])], qasmDefinition: 's q0; h q0; s q0;' },
  // ---- one-qubit, parameterised
  { name: 'rx', numQubits: 1, paramNames: ['theta'], generator: gen(0.5, ['X']), inverse: negated('rx') },
  { name: 'ry', numQubits: 1, paramNames: ['theta'], generator: gen(0.5, ['Y']), inverse: negated('ry') },
  { name: 'rz', numQubits: 1, paramNames: ['phi'], diagonal: true, generator: gen(0.5, ['Z']), inverse: negated('rz') },
  { name: 'p', numQubits: 1, paramNames: ['lambda'], diagonal: true, generator: gen(-1, ['I'], [0]), inverse: negated('p') },
  { name: 'u1', numQubits: 1, paramNames: ['lambda'], diagonal: true, generator: gen(-1, ['I'], [0]), inverse: negated('u1'), qasmDefinition: 'p(lambda) q0;' },
  {
    name: 'u2', numQubits: 1, paramNames: ['phi', 'lambda'],
    matrix: (p) => u3Matrix(PI / 2, p[0] as number, p[1] as number),
    decompose: ([phi, lambda]) => [call('p', [0], lambda as Param), call('ry', [0], c(PI / 2)), call('p', [0], phi as Param)],
    inverse: ([phi, lambda]) => [call('u3', [0], c(-PI / 2), (lambda as Param).neg(), (phi as Param).neg())],
    qasmDefinition: 'u(pi/2, phi, lambda) q0;',
  },
  {
    name: 'u3', numQubits: 1, paramNames: ['theta', 'phi', 'lambda'],
    matrix: (p) => u3Matrix(p[0] as number, p[1] as number, p[2] as number),
    decompose: ([theta, phi, lambda]) => [call('p', [0], lambda as Param), call('ry', [0], theta as Param), call('p', [0], phi as Param)],
    inverse: ([theta, phi, lambda]) => [call('u3', [0], (theta as Param).neg(), (lambda as Param).neg(), (phi as Param).neg())],
    qasmDefinition: 'u(theta, phi, lambda) q0;',
  },
  {
    name: 'u', numQubits: 1, paramNames: ['theta', 'phi', 'lambda'], qasm2: 'u3', qasm3: 'U',
    matrix: (p) => u3Matrix(p[0] as number, p[1] as number, p[2] as number),
    decompose: ([theta, phi, lambda]) => [call('p', [0], lambda as Param), call('ry', [0], theta as Param), call('p', [0], phi as Param)],
    inverse: ([theta, phi, lambda]) => [call('u', [0], (theta as Param).neg(), (lambda as Param).neg(), (phi as Param).neg())],
  },
  {
    // Qiskit RGate / IQM PRX / Quantinuum U1q: exp(-iθ/2 (cos φ X + sin φ Y)).
    name: 'r', numQubits: 1, paramNames: ['theta', 'phi'], qasm2: null, qasm3: null,
    matrix: ([theta, phi]) => {
      const ct = Math.cos((theta as number) / 2);
      const st = Math.sin((theta as number) / 2);
      return fromRows([[ct, mulc(cis(-(phi as number) + PI / 2), -st)], [mulc(cis((phi as number) + PI / 2), -st), ct]]);
    },
    decompose: ([theta, phi]) => [call('rz', [0], (phi as Param).neg()), call('rx', [0], theta as Param), call('rz', [0], phi as Param)],
    inverse: ([theta, phi]) => [call('r', [0], (theta as Param).neg(), phi as Param)],
    qasmDefinition: 'u3(theta, phi - pi/2, -phi + pi/2) q0;',
  },
  {
    name: 'prx', numQubits: 1, paramNames: ['theta', 'phi'], qasm2: null, qasm3: null,
    matrix: ([theta, phi]) => {
      const ct = Math.cos((theta as number) / 2);
      const st = Math.sin((theta as number) / 2);
      return fromRows([[ct, mulc(cis(-(phi as number) + PI / 2), -st)], [mulc(cis((phi as number) + PI / 2), -st), ct]]);
    },
    decompose: ([theta, phi]) => [call('rz', [0], (phi as Param).neg()), call('rx', [0], theta as Param), call('rz', [0], phi as Param)],
    inverse: ([theta, phi]) => [call('prx', [0], (theta as Param).neg(), phi as Param)],
    qasmDefinition: 'u3(theta, phi - pi/2, -phi + pi/2) q0;',
  },
  {
    // IonQ GPI(φ) = [[0, e^{-iφ}], [e^{iφ}, 0]] (φ in radians).
    name: 'gpi', numQubits: 1, paramNames: ['phi'], qasm2: null, qasm3: null,
    matrix: ([phi]) => fromRows([[0, cis(-(phi as number))], [cis(phi as number), 0]]),
    decompose: ([phi]) => [call('rz', [0], (phi as Param).neg()), call('x', [0]), call('rz', [0], phi as Param)],
    inverse: ([phi]) => [call('gpi', [0], phi as Param)],
    qasmDefinition: 'u3(pi, phi, -phi + pi) q0;',
  },
  {
    // IonQ GPI2(φ) = 1/√2 [[1, -i e^{-iφ}], [-i e^{iφ}, 1]].
    name: 'gpi2', numQubits: 1, paramNames: ['phi'], qasm2: null, qasm3: null,
    matrix: ([phi]) => fromRows([[S2, mulc(cis(-(phi as number) - PI / 2), S2)], [mulc(cis((phi as number) - PI / 2), S2), S2]]),
    decompose: ([phi]) => [call('rz', [0], (phi as Param).neg()), call('rx', [0], c(PI / 2)), call('rz', [0], phi as Param)],
    inverse: ([phi]) => [call('gpi2', [0], (phi as Param).add(PI))],
    qasmDefinition: 'u3(pi/2, phi - pi/2, -phi + pi/2) q0;',
  },
  // ---- two-qubit, no parameters
  { name: 'cx', numQubits: 2, controls: 1, targetMatrix: () => MATRICES.x, inverse: same('cx') },
  { name: 'cy', numQubits: 2, controls: 1, targetMatrix: () => MATRICES.y, inverse: same('cy') },
  { name: 'cz', numQubits: 2, controls: 1, diagonal: true, targetMatrix: () => MATRICES.z, inverse: same('cz') },
  { name: 'ch', numQubits: 2, controls: 1, targetMatrix: () => MATRICES.h, inverse: same('ch') },
  { name: 'csx', numQubits: 2, controls: 1, targetMatrix: () => MATRICES.sx, inverse: () => [call('csx', [0, 1]), call('cx', [0, 1])], qasm3: null, qasmDefinition: 'h q1; cu1(pi/2) q0, q1; h q1;' },
  { name: 'swap', numQubits: 2, matrix: () => MATRICES.swap, inverse: same('swap') },
  {
    name: 'iswap', numQubits: 2, qasm2: null, qasm3: null, matrix: () => MATRICES.iswap,
    inverse: () => [call('z', [0]), call('z', [1]), call('iswap', [0, 1])],
    qasmDefinition: 's q0; s q1; h q0; cx q0, q1; cx q1, q0; h q1;',
  },
  {
    name: 'ecr', numQubits: 2, qasm2: null, qasm3: null, matrix: () => MATRICES.ecr, inverse: same('ecr'),
    qasmDefinition: 'rzx(pi/4) q0, q1; x q0; rzx(-pi/4) q0, q1;',
  },
  // ---- two-qubit, parameterised
  { name: 'crx', numQubits: 2, paramNames: ['theta'], controls: 1, generator: gen(0.5, ['I', 'X'], [0]), inverse: negated('crx') },
  { name: 'cry', numQubits: 2, paramNames: ['theta'], controls: 1, generator: gen(0.5, ['I', 'Y'], [0]), inverse: negated('cry') },
  { name: 'crz', numQubits: 2, paramNames: ['theta'], controls: 1, diagonal: true, generator: gen(0.5, ['I', 'Z'], [0]), inverse: negated('crz') },
  { name: 'cp', numQubits: 2, paramNames: ['lambda'], controls: 1, diagonal: true, generator: gen(-1, ['I', 'I'], [0, 1]), inverse: negated('cp') },
  { name: 'cu1', numQubits: 2, paramNames: ['lambda'], controls: 1, qasm3: null, diagonal: true, generator: gen(-1, ['I', 'I'], [0, 1]), inverse: negated('cu1'), qasmDefinition: 'cp(lambda) q0, q1;' },
  {
    name: 'cu3', numQubits: 2, paramNames: ['theta', 'phi', 'lambda'], controls: 1, qasm3: null,
    targetMatrix: (p) => u3Matrix(p[0] as number, p[1] as number, p[2] as number),
    decompose: ([theta, phi, lambda]) => [call('cp', [0, 1], lambda as Param), call('cry', [0, 1], theta as Param), call('cp', [0, 1], phi as Param)],
    inverse: ([theta, phi, lambda]) => [call('cu3', [0, 1], (theta as Param).neg(), (lambda as Param).neg(), (phi as Param).neg())],
    qasmDefinition: 'u1((lambda + phi)/2) q0; u1((lambda - phi)/2) q1; cx q0, q1; u3(-theta/2, 0, -(phi + lambda)/2) q1; cx q0, q1; u3(theta/2, phi, 0) q1;',
  },
  { name: 'rxx', numQubits: 2, paramNames: ['theta'], qasm3: null, generator: gen(0.5, ['X', 'X']), inverse: negated('rxx'), qasmDefinition: 'h q0; h q1; cx q0, q1; rz(theta) q1; cx q0, q1; h q1; h q0;' },
  { name: 'ryy', numQubits: 2, paramNames: ['theta'], qasm2: null, qasm3: null, generator: gen(0.5, ['Y', 'Y']), inverse: negated('ryy'), qasmDefinition: 'rx(pi/2) q0; rx(pi/2) q1; cx q0, q1; rz(theta) q1; cx q0, q1; rx(-pi/2) q0; rx(-pi/2) q1;' },
  { name: 'rzz', numQubits: 2, paramNames: ['theta'], qasm3: null, diagonal: true, generator: gen(0.5, ['Z', 'Z']), inverse: negated('rzz'), qasmDefinition: 'cx q0, q1; u1(theta) q1; cx q0, q1;' },
  // Qiskit RZXGate: exp(-iθ/2 Z⊗X) with Z on the first qubit and X on the second.
  { name: 'rzx', numQubits: 2, paramNames: ['theta'], qasm2: null, qasm3: null, generator: gen(0.5, ['Z', 'X']), inverse: negated('rzx'), qasmDefinition: 'h q1; cx q0, q1; rz(theta) q1; cx q0, q1; h q1;' },
  {
    // IonQ Mølmer–Sørensen MS(φ0, φ1, θ): XX-type interaction of angle θ in rotated frames (radians).
    name: 'ms', numQubits: 2, paramNames: ['phi0', 'phi1', 'theta'], qasm2: null, qasm3: null,
    matrix: ([p0, p1, th]) => msMatrix(p0 as number, p1 as number, th as number),
    decompose: ([p0, p1, th]) => [
      call('rz', [0], (p0 as Param).neg()), call('rz', [1], (p1 as Param).neg()),
      call('rxx', [0, 1], th as Param),
      call('rz', [0], p0 as Param), call('rz', [1], p1 as Param),
    ],
    inverse: ([p0, p1, th]) => [call('ms', [0, 1], p0 as Param, p1 as Param, (th as Param).neg())],
    qasmDefinition: 'rz(-phi0) q0; rz(-phi1) q1; h q0; h q1; cx q0, q1; rz(theta) q1; cx q0, q1; h q1; h q0; rz(phi0) q0; rz(phi1) q1;',
  },
  // ---- three-qubit
  {
    name: 'ccx', numQubits: 3, controls: 2, targetMatrix: () => MATRICES.x, inverse: same('ccx'),
    decompose: () => toffoli(0, 1, 2),
  },
  {
    name: 'cswap', numQubits: 3, controls: 1, targetMatrix: () => MATRICES.swap, inverse: same('cswap'),
    // Fredkin = CX(b→a) · Toffoli(c, a → b) · CX(b→a).
    decompose: () => [call('cx', [2, 1]), ...toffoli(0, 1, 2), call('cx', [2, 1])],
  },
];

/** The standard 6-CNOT Toffoli (Nielsen & Chuang Fig. 4.9), exact, on local qubits (a, b → c). */
function toffoli(a: number, b: number, c: number): GateCall[] {
  return [
    call('h', [c]), call('cx', [b, c]), call('tdg', [c]), call('cx', [a, c]), call('t', [c]), call('cx', [b, c]),
    call('tdg', [c]), call('cx', [a, c]), call('t', [b]), call('t', [c]), call('h', [c]), call('cx', [a, b]),
    call('t', [a]), call('tdg', [b]), call('cx', [a, b]),
  ];
}

function msMatrix(p0: number, p1: number, theta: number): Matrix {
  // (RZ(p0) ⊗ RZ(p1)) · RXX(θ) · (RZ(-p0) ⊗ RZ(-p1)); qubit 0 is the low bit.
  const rz = (t: number) => diagonal([cis(-t / 2), cis(t / 2)]);
  const rxx = generatorExp(gen(0.5, ['X', 'X']), theta);
  const left = kron(rz(p1), rz(p0));
  const right = kron(rz(-p1), rz(-p0));
  const tmp = multiply(left, multiply(rxx, right));
  return tmp;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const n = Math.round(Math.sqrt(a.length / 2));
  const out = zeros(n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const ar = a[2 * (i * n + k)] as number;
      const ai = a[2 * (i * n + k) + 1] as number;
      for (let j = 0; j < n; j++) {
        const br = b[2 * (k * n + j)] as number;
        const bi = b[2 * (k * n + j) + 1] as number;
        out[2 * (i * n + j)] += ar * br - ai * bi;
        out[2 * (i * n + j) + 1] += ar * bi + ai * br;
      }
    }
  return out;
}

for (const s of SPECS) numQubitsOf.set(s.name, s.numQubits);
const LIBRARY: ReadonlyMap<string, GateDef> = new Map(SPECS.map((s) => [s.name, define(s)]));

/** Alternative names accepted on input (OpenQASM and the builder), mapped to library names. */
const ALIASES: Readonly<Record<string, string>> = { cnot: 'cx', i: 'id', toffoli: 'ccx', fredkin: 'cswap', phase: 'p', cphase: 'cp' };

/** Every gate name in the library. */
export function gateNames(): string[] {
  return [...LIBRARY.keys()];
}

/** Looks a gate up by name or alias; undefined when unknown. */
export function findGate(name: string): GateDef | undefined {
  return LIBRARY.get(name) ?? LIBRARY.get(ALIASES[name] ?? '');
}

/** Looks a gate up by name; throws an InputError naming it when unknown. */
export function getGate(name: string): GateDef {
  const g = findGate(name);
  if (!g) throw new InputError(`unknown gate "${name}"`, 'UNKNOWN_GATE');
  return g;
}

/** The gate's unitary for numeric parameter values. */
export function gateMatrix(name: string, params: readonly number[] = []): Matrix {
  const g = getGate(name);
  if (params.length !== g.numParams) throw new InputError(`gate ${name} takes ${g.numParams} parameter(s), got ${params.length}`, 'ARITY');
  return g.matrix(params);
}
