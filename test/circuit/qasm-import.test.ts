import { describe, expect, it } from 'vitest';
import { getGate } from '../../src/circuit/gates.js';
import { fromRows, identity, type Matrix, maxAbsDiff, phaseDistance } from '../../src/circuit/matrix.js';
import type { GateOp, Operation } from '../../src/circuit/operation.js';
import { Param } from '../../src/circuit/param.js';
import { parseQasm, parseQasm2, parseQasm3 } from '../../src/circuit/qasm/index.js';
import { circuitUnitary } from '../helpers/reference-sim.js';

const HEAD = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const q2 = (body: string) => parseQasm2(HEAD + body);
const gates = (ops: readonly Operation[]) => ops.filter((o): o is GateOp => o.kind === 'gate');
const summary = (ops: readonly Operation[]) =>
  ops.map((o) => {
    switch (o.kind) {
      case 'gate':
        return `${o.name}${o.params.length ? `(${o.params.map((p) => p.constant).join(',')})` : ''} ${o.qubits.join(',')}${o.condition ? ` if ${o.condition.clbits.join('')}=${o.condition.value}` : ''}`;
      case 'measure':
        return `measure ${o.qubit}->${o.clbit}${o.condition ? ` if ${o.condition.clbits.join('')}=${o.condition.value}` : ''}`;
      case 'reset':
        return `reset ${o.qubit}`;
      case 'barrier':
        return `barrier ${o.qubits.join(',')}`;
    }
  });

/** The matrix of X (or `target`) on the last of n qubits, controlled by all the others. */
function controlled(n: number, target: Matrix): Matrix {
  const dim = 1 << n;
  const m = identity(dim);
  const controls = (1 << (n - 1)) - 1;
  const t = n - 1;
  for (let col = 0; col < dim; col++) {
    if ((col & controls) !== controls) continue;
    const tc = (col >> t) & 1;
    for (let tr = 0; tr < 2; tr++) {
      const row = (col & ~(1 << t)) | (tr << t);
      m[2 * (row * dim + col)] = target[2 * (tr * 2 + tc)] as number;
      m[2 * (row * dim + col) + 1] = target[2 * (tr * 2 + tc) + 1] as number;
    }
  }
  return m;
}

const X = fromRows([[0, 1], [1, 0]]);
const SX = fromRows([[[0.5, 0.5], [0.5, -0.5]], [[0.5, -0.5], [0.5, 0.5]]]);

describe('OpenQASM 2 import: structure', () => {
  it('keeps several registers in declaration order', () => {
    const c = q2('qreg a[2];\ncreg m[3];\nqreg b[3];\ncreg n[1];\nx b[1];\nmeasure b[2] -> m[0];\nmeasure a[1] -> n[0];');
    expect(c.numQubits).toBe(5);
    expect(c.numClbits).toBe(4);
    expect(c.qregs).toEqual([{ name: 'a', size: 2, offset: 0 }, { name: 'b', size: 3, offset: 2 }]);
    expect(c.cregs).toEqual([{ name: 'm', size: 3, offset: 0 }, { name: 'n', size: 1, offset: 3 }]);
    expect(summary(c.ops)).toEqual(['x 3', 'measure 4->0', 'measure 1->3']);
  });

  it('broadcasts gates, measurements and resets over registers', () => {
    const c = q2('qreg a[3];\nqreg b[3];\ncreg c[3];\nh a;\ncx a, b;\ncx a[0], b;\nmeasure b -> c;\nreset a;');
    expect(summary(c.ops)).toEqual([
      'h 0', 'h 1', 'h 2',
      'cx 0,3', 'cx 1,4', 'cx 2,5',
      'cx 0,3', 'cx 0,4', 'cx 0,5',
      'measure 3->0', 'measure 4->1', 'measure 5->2',
      'reset 0', 'reset 1', 'reset 2',
    ]);
  });

  it('barriers take registers and single qubits (one operation, no repeats)', () => {
    const c = q2('qreg q[3];\nqreg r[2];\nbarrier q, r[1];\nbarrier r[0], r;\nbarrier q[2];');
    expect(summary(c.ops)).toEqual(['barrier 0,1,2,4', 'barrier 3,4', 'barrier 2']);
  });

  it('maps every qelib1.inc gate the library has to that gate, and U/CX to u/cx', () => {
    const calls: [string, number, number, string][] = [
      ['u3', 3, 1, 'u3'], ['u2', 2, 1, 'u2'], ['u1', 1, 1, 'u1'], ['cx', 0, 2, 'cx'], ['id', 0, 1, 'id'], ['u', 3, 1, 'u'], ['p', 1, 1, 'p'],
      ['x', 0, 1, 'x'], ['y', 0, 1, 'y'], ['z', 0, 1, 'z'], ['h', 0, 1, 'h'], ['s', 0, 1, 's'], ['sdg', 0, 1, 'sdg'], ['t', 0, 1, 't'], ['tdg', 0, 1, 'tdg'],
      ['rx', 1, 1, 'rx'], ['ry', 1, 1, 'ry'], ['rz', 1, 1, 'rz'], ['sx', 0, 1, 'sx'], ['sxdg', 0, 1, 'sxdg'], ['cz', 0, 2, 'cz'], ['cy', 0, 2, 'cy'],
      ['swap', 0, 2, 'swap'], ['ch', 0, 2, 'ch'], ['ccx', 0, 3, 'ccx'], ['cswap', 0, 3, 'cswap'], ['crx', 1, 2, 'crx'], ['cry', 1, 2, 'cry'],
      ['crz', 1, 2, 'crz'], ['cu1', 1, 2, 'cu1'], ['cp', 1, 2, 'cp'], ['cu3', 3, 2, 'cu3'], ['csx', 0, 2, 'csx'], ['rxx', 1, 2, 'rxx'], ['rzz', 1, 2, 'rzz'],
      ['U', 3, 1, 'u'], ['CX', 0, 2, 'cx'],
    ];
    for (const [name, np, nq, lib] of calls) {
      const params = np ? `(${Array.from({ length: np }, (_, i) => 0.1 * (i + 1)).join(',')})` : '';
      const qubits = Array.from({ length: nq }, (_, i) => `q[${i}]`).join(',');
      const c = q2(`qreg q[3];\n${name}${params} ${qubits};`);
      expect(c.ops, name).toHaveLength(1);
      const op = c.ops[0] as GateOp;
      expect(op.name, name).toBe(lib);
      expect(op.qubits).toEqual(Array.from({ length: nq }, (_, i) => i));
      expect(op.params.map((p) => p.constant)).toEqual(Array.from({ length: np }, (_, i) => 0.1 * (i + 1)));
    }
  });

  it('skips comments and keeps line:column right after them', () => {
    const c = q2('// line comment\nqreg q[2]; /* block\n comment */ h q[0]; // trailing\n/**/cx q[0],q[1];');
    expect(summary(c.ops)).toEqual(['h 0', 'cx 0,1']);
  });

  it('names the circuit after the file', () => {
    expect(parseQasm(`${HEAD}qreg q[1];`, { file: 'dir/sub/bell_pair.qasm' }).name).toBe('bell_pair');
    expect(parseQasm(`${HEAD}qreg q[1];`, { file: 'x.qasm', name: 'given' }).name).toBe('given');
    expect(parseQasm(`${HEAD}qreg q[1];`).name).toBe('circuit');
  });
});

describe('OpenQASM 2 import: expressions', () => {
  const value = (expr: string) => (q2(`qreg q[1];\nrz(${expr}) q[0];`).ops[0] as GateOp).params[0]?.constant;
  const cases: [string, number][] = [
    ['pi', Math.PI],
    ['-pi/2', -Math.PI / 2],
    ['3*pi/4', (3 * Math.PI) / 4],
    ['pi*-0.5', Math.PI * -0.5],
    ['2*-pi', 2 * -Math.PI],
    ['2^3', 8],
    ['2^-1', 0.5],
    ['-2^2', -4],
    ['2^3^2', 512],
    ['(2^3)^2', 64],
    ['1e-3', 0.001],
    ['2.5E+2', 250],
    ['.5', 0.5],
    ['1.', 1],
    ['10/4/5', 10 / 4 / 5],
    ['1+2*3', 7],
    ['(1+2)*3', 9],
    ['1-2-3', -4],
    ['-(-3)', 3],
    ['sin(pi/6)', Math.sin(Math.PI / 6)],
    ['cos(0.3)', Math.cos(0.3)],
    ['tan(pi/4)', Math.tan(Math.PI / 4)],
    ['exp(1)', Math.E],
    ['ln(exp(2))', Math.log(Math.exp(2))],
    ['sqrt(16)+sqrt(2)', 4 + Math.SQRT2],
    ['pi*1.79986', Math.PI * 1.79986],
  ];
  it.each(cases)('%s', (expr, expected) => {
    expect(value(expr)).toBe(expected);
  });
});

describe('OpenQASM 2 import: gate definitions', () => {
  it('expands nested definitions with parameters', () => {
    const c = q2(`qreg q[2];
gate rot(a, b) r { rz(a) r; ry(b/2) r; }
gate pair(t) x, y { rot(t, 2*t) x; cx x, y; rot(-t, t+1) y; }
pair(0.3) q[1], q[0];`);
    expect(summary(c.ops)).toEqual([`rz(0.3) 1`, `ry(${(2 * 0.3) / 2}) 1`, 'cx 1,0', `rz(-0.3) 0`, `ry(${(0.3 + 1) / 2}) 0`]);
  });

  it('allows empty bodies, unused parameters, barriers in bodies and gate names as qubit names', () => {
    const c = q2(`qreg q[2];
gate post a { }
gate mcphase(unused) a, b { cp(pi/8) a, b; }
gate fence(t) x, h { rz(t) x; barrier x, h; h h; }
post q[0];
mcphase(0.9) q[0], q[1];
fence(0.5) q[1], q[0];`);
    expect(summary(c.ops)).toEqual([`cp(${Math.PI / 8}) 0,1`, 'rz(0.5) 1', 'barrier 1,0', 'h 0']);
  });

  it('lets OpenQASM 2 programs name gates like OpenQASM 3 keywords', () => {
    const c = q2('qreg q[1];\ngate delay(t) a { id a; }\ngate box a { x a; }\ndelay(5) q[0];\nbox q[0];');
    expect(summary(c.ops)).toEqual(['id 0', 'x 0']);
  });

  it('binds a body to the gates defined when it was read', () => {
    const c = q2(`qreg q[1];
gate a1 r { x r; }
gate b1 r { a1 r; }
b1 q[0];`);
    expect(summary(c.ops)).toEqual(['x 0']);
  });

  it('turns a definition of a library gate into that gate (Qiskit-style exports)', () => {
    const c = q2(`qreg q[2];
gate rzx(param0) q0,q1 { h q1; cx q0,q1; rz(param0) q1; cx q0,q1; h q1; }
gate ryy(t) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(t) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }
rzx(0.25) q[1], q[0];
ryy(-1.5) q[0], q[1];`);
    expect(summary(c.ops)).toEqual(['rzx(0.25) 1,0', 'ryy(-1.5) 0,1']);
  });

  it('expands a definition whose name is a library gate but whose body is different', () => {
    const c = q2(`qreg q[2];
gate rzx(t) a, b { rz(t) b; }
rzx(0.25) q[0], q[1];`);
    expect(summary(c.ops)).toEqual(['rz(0.25) 1']);
  });

  it("lets a program redefine a qelib1 gate (old benchmarks define their own 'cu')", () => {
    const c = q2(`qreg q[2];
gate cu1fixed c, t { u1(-3*pi/8) t; cx c, t; u1(3*pi/8) t; cx c, t; }
gate cu c, t { cu1fixed c, t; }
cu q[0], q[1];`);
    expect(summary(c.ops)).toEqual([`u1(${(-3 * Math.PI) / 8}) 1`, 'cx 0,1', `u1(${(3 * Math.PI) / 8}) 1`, 'cx 0,1']);
  });
});

describe('OpenQASM 2 import: qelib1.inc gates the library lacks', () => {
  const unitaryOf = (call: string, n: number) => circuitUnitary(q2(`qreg q[${n}];\n${call}`));

  it('u0(γ) is the identity', () => {
    const c = q2('qreg q[1];\nu0(0.5) q[0];');
    expect(summary(c.ops)).toEqual(['id 0']);
  });

  it('cu(θ, φ, λ, γ) is controlled-U3 with phase e^{iγ} on the control', () => {
    const [th, phi, lam, gam] = [0.7, -0.4, 1.9, 0.35];
    const u3 = getGate('u3').matrix([th, phi, lam]);
    const target = Float64Array.from(u3);
    for (let i = 0; i < 8; i += 2) {
      const [re, im] = [target[i] as number, target[i + 1] as number];
      target[i] = re * Math.cos(gam) - im * Math.sin(gam);
      target[i + 1] = re * Math.sin(gam) + im * Math.cos(gam);
    }
    expect(maxAbsDiff(unitaryOf(`cu(${th},${phi},${lam},${gam}) q[0],q[1];`, 2), controlled(2, target))).toBeLessThan(1e-14);
  });

  it('c3x, c3sqrtx and c4x are exact multi-controlled X and SX (global phase included)', () => {
    expect(maxAbsDiff(unitaryOf('c3x q[0],q[1],q[2],q[3];', 4), controlled(4, X))).toBeLessThan(1e-13);
    expect(maxAbsDiff(unitaryOf('c3sqrtx q[0],q[1],q[2],q[3];', 4), controlled(4, SX))).toBeLessThan(1e-13);
    expect(maxAbsDiff(unitaryOf('c4x q[0],q[1],q[2],q[3],q[4];', 5), controlled(5, X))).toBeLessThan(1e-13);
  });

  it("rccx and rc3x are Qiskit's relative-phase Toffolis (documented matrices)", () => {
    // RCCXGate: identity except (3,7) = -i, (5,5) = -1, (7,3) = i.
    const rccx = identity(8);
    for (const i of [3, 5, 7]) rccx[2 * (i * 8 + i)] = 0;
    rccx[2 * (3 * 8 + 7) + 1] = -1;
    rccx[2 * (5 * 8 + 5)] = -1;
    rccx[2 * (7 * 8 + 3) + 1] = 1;
    expect(maxAbsDiff(unitaryOf('rccx q[0],q[1],q[2];', 3), rccx)).toBeLessThan(1e-14);
    // RC3XGate: identity except (3,3) = i, (7,15) = 1, (11,11) = -i, (15,7) = -1.
    const rc3x = identity(16);
    for (const i of [3, 7, 11, 15]) rc3x[2 * (i * 16 + i)] = 0;
    rc3x[2 * (3 * 16 + 3) + 1] = 1;
    rc3x[2 * (7 * 16 + 15)] = 1;
    rc3x[2 * (11 * 16 + 11) + 1] = -1;
    rc3x[2 * (15 * 16 + 7)] = -1;
    expect(maxAbsDiff(unitaryOf('rc3x q[0],q[1],q[2],q[3];', 4), rc3x)).toBeLessThan(1e-14);
  });
});

describe('OpenQASM 2 import: conditions', () => {
  it('conditions gates, measurements and resets on a whole register, little-endian', () => {
    const c = q2(`qreg q[2];
creg a[1];
creg c[3];
gate pair x, y { h x; cx x, y; }
if(c==5) x q[0];
if (c == 2) pair q[0], q[1];
if(a==1) measure q[1] -> c[2];
if(c==0) reset q[0];`);
    expect(summary(c.ops)).toEqual(['x 0 if 123=5', 'h 0 if 123=2', 'cx 0,1 if 123=2', 'measure 1->3 if 0=1', 'reset 0']);
    expect((c.ops[4] as Extract<Operation, { kind: 'reset' }>).condition).toEqual({ clbits: [1, 2, 3], value: 0 });
  });
});

describe('includes', () => {
  it('reads other includes through the resolver, nested, with their own file names in errors', () => {
    const files: Record<string, string> = {
      'mygates.inc': 'include "inner.inc";\ngate twice(t) a { inner(t) a; inner(t) a; }',
      'inner.inc': 'gate inner(t) a { rz(t) a; }',
    };
    const c = parseQasm(`${HEAD}include "mygates.inc";\nqreg q[1];\ntwice(0.5) q[0];`, { includeResolver: (p) => files[p] });
    expect(summary(c.ops)).toEqual(['rz(0.5) 0', 'rz(0.5) 0']);
  });
});

describe('OpenQASM 3 import', () => {
  it('reads qubit/bit declarations, both measurement forms, ranges and negative indices', () => {
    const c = parseQasm(`OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
qubit r;
bit[4] c;
bit flag;
h q[0:2];
cx q[-1], r;
c = measure q;
c[0] = measure q[1];
measure r -> flag;
c[1:2] = measure q[2:3];
x q[0:2:3];`);
    expect(c.numQubits).toBe(5);
    expect(c.qregs).toEqual([{ name: 'q', size: 4, offset: 0 }, { name: 'r', size: 1, offset: 4 }]);
    expect(c.cregs).toEqual([{ name: 'c', size: 4, offset: 0 }, { name: 'flag', size: 1, offset: 4 }]);
    expect(summary(c.ops)).toEqual([
      'h 0', 'h 1', 'h 2', 'cx 3,4',
      'measure 0->0', 'measure 1->1', 'measure 2->2', 'measure 3->3',
      'measure 1->0', 'measure 4->4', 'measure 2->1', 'measure 3->2',
      'x 0', 'x 2',
    ]);
  });

  it('reads if blocks, single-bit conditions and integer casts', () => {
    const c = parseQasm3(`include "stdgates.inc";
qubit[2] q;
bit[2] c;
if (c == 1) { x q[0]; h q[1]; }
if (c[1] == 1) z q[0];
if (int[2](c) == 3) y q[1];
if (c == 2) c[0] = measure q[0];`);
    expect(summary(c.ops)).toEqual(['x 0 if 01=1', 'h 1 if 01=1', 'z 0 if 1=1', 'y 1 if 01=3', 'measure 0->0 if 01=2']);
  });

  it('maps stdgates.inc names, U, gphase and unicode identifiers', () => {
    const c = parseQasm(`OPENQASM 3;
include "stdgates.inc";
gate g(θ) a { rx(θ / 2) a; gphase(-θ / 2); }
qubit[2] q;
phase(0.5) q[0];
cphase(π / 2) q[0], q[1];
CX q[1], q[0];
U(0.1, 0.2, 0.3) q[1];
g(0.8) q[0];
u1(2 ** 3) q[1];
gphase(0.25);
barrier;`);
    expect(summary(c.ops)).toEqual(['p(0.5) 0', `cp(${Math.PI / 2}) 0,1`, 'cx 1,0', 'u(0.1,0.2,0.3) 1', 'rx(0.4) 0', 'u1(8) 1', 'barrier 0,1']);
    expect(c.globalPhase).toBe(-0.4 + 0.25);
  });

  it('maps the 4-parameter cu of stdgates.inc', () => {
    const c = parseQasm3('include "stdgates.inc";\nqubit[2] q;\ncu(0.1, 0.2, 0.3, 0.4) q[0], q[1];');
    expect(summary(c.ops)).toEqual(['p(0.4) 0', 'cu3(0.1,0.2,0.3) 0,1']);
  });

  it('turns input float[64] x_i / w_j into inputs and weights (affine expressions)', () => {
    const c = parseQasm3(`include "stdgates.inc";
input float[64] x_0;
input angle[32] x_1;
input float w_2;
qubit[1] q;
rz(0.5*w_2 + x_1 - 0.25) q[0];
ry(-x_0 / 4) q[0];
rx(2 * (x_0 + pi)) q[0];`);
    const [a, b, d] = gates(c.ops).map((o) => o.params[0] as Param);
    expect(a?.equals(Param.affine(-0.25, [{ source: 'x', index: 1, coeff: 1 }, { source: 'w', index: 2, coeff: 0.5 }]))).toBe(true);
    expect(b?.equals(Param.affine(0, [{ source: 'x', index: 0, coeff: -0.25 }]))).toBe(true);
    expect(d?.equals(Param.affine(2 * Math.PI, [{ source: 'x', index: 0, coeff: 2 }]))).toBe(true);
    expect(c.numInputs).toBe(2);
    expect(c.numWeights).toBe(3);
    expect(c.isBound).toBe(false);
  });

  it('parseQasm detects the version from the header', () => {
    expect(parseQasm('OPENQASM 3.0;\nqubit[2] q;\nU(0,0,0) q[1];').numQubits).toBe(2);
    expect(parseQasm(`${HEAD}qreg q[2];`).numQubits).toBe(2);
  });
});

describe('recognising library gates compares matrices, not names', () => {
  it('a definition equal to the library gate only up to global phase still maps to it', () => {
    // cx; u1(θ); cx is RZZ(θ) times e^{iθ/2}.
    const c = q2('qreg q[2];\ngate rzz(t) a, b { cx a, b; u1(t) b; cx a, b; }\nrzz(0.6) q[0], q[1];');
    expect(summary(c.ops)).toEqual(['rzz(0.6) 0,1']);
    const expanded = q2('qreg q[2];\ncx q[0], q[1]; u1(0.6) q[1]; cx q[0], q[1];');
    expect(phaseDistance(circuitUnitary(c), circuitUnitary(expanded)).distance).toBeLessThan(1e-14);
  });
});
