import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../src/core/errors.js';
import { CircuitBuilder } from '../../src/circuit/builder.js';
import { Circuit } from '../../src/circuit/circuit.js';
import type { GateOp } from '../../src/circuit/operation.js';
import { Param, w, x } from '../../src/circuit/param.js';
import { formatReal } from '../../src/circuit/qasm/format.js';
import { parseQasm, parseQasm3, toQasm2, toQasm3 } from '../../src/circuit/qasm/index.js';

const bell = () => new CircuitBuilder(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
const lines = (text: string) => text.trimEnd().split('\n');

describe('toQasm2 / toQasm3: program text', () => {
  it('writes a Bell circuit', () => {
    expect(toQasm2(bell())).toBe('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n');
    expect(toQasm3(bell())).toBe('OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc[0] = measure q[0];\nc[1] = measure q[1];\n');
  });

  it('keeps the registers in order and names whole-register barriers', () => {
    const c = new CircuitBuilder(5, 3)
      .registers([{ name: 'anc', size: 2, offset: 0 }, { name: 'data', size: 3, offset: 2 }], [{ name: 'out', size: 3, offset: 0 }])
      .x(3).barrier().barrier(2, 3, 4).barrier(0, 4).measure(4, 2).build();
    expect(lines(toQasm2(c))).toEqual([
      'OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg anc[2];', 'qreg data[3];', 'creg out[3];',
      'x data[1];', 'barrier anc, data;', 'barrier data;', 'barrier anc[0], data[2];', 'measure data[2] -> out[2];',
    ]);
  });

  it('writes u as u3 in OpenQASM 2 and as U in OpenQASM 3', () => {
    const c = new CircuitBuilder(1).u(0.1, 0.2, 0.3, 0).build();
    expect(lines(toQasm2(c)).at(-1)).toBe('u3(0.1, 0.2, 0.3) q[0];');
    expect(lines(toQasm3(c)).at(-1)).toBe('U(0.1, 0.2, 0.3) q[0];');
  });

  it('defines gates the include lacks once, after the gates they use', () => {
    const c = new CircuitBuilder(2).ecr(0, 1).rzx(0.5, 1, 0).ecr(1, 0).build();
    expect(lines(toQasm2(c))).toEqual([
      'OPENQASM 2.0;', 'include "qelib1.inc";',
      'gate rzx(theta) q0, q1 { h q1; cx q0, q1; rz(theta) q1; cx q0, q1; h q1; }',
      'gate ecr q0, q1 { rzx(pi/4) q0, q1; x q0; rzx(-pi/4) q0, q1; }',
      'qreg q[2];', 'ecr q[0], q[1];', 'rzx(0.5) q[1], q[0];', 'ecr q[1], q[0];',
    ]);
    const d = new CircuitBuilder(2).csx(0, 1).r(0.3, 0.2, 1).build();
    expect(lines(toQasm3(d)).slice(2, 6)).toEqual([
      'gate cu1(lambda) q0, q1 { cp(lambda) q0, q1; }',
      'gate csx q0, q1 { h q1; cu1(pi/2) q0, q1; h q1; }',
      'gate r(theta, phi) q0 { u3(theta, phi - pi/2, -phi + pi/2) q0; }',
      'qubit[2] q;',
    ]);
  });

  it('writes conditions on whole registers, and on single bits in OpenQASM 3', () => {
    const c = new CircuitBuilder(2, 3)
      .registers([{ name: 'q', size: 2, offset: 0 }], [{ name: 'm', size: 2, offset: 0 }, { name: 'f', size: 1, offset: 2 }])
      .ifEquals([0, 1], 2, (b) => b.x(0).measure(1, 2))
      .ifEquals([2], 1, (b) => b.reset(0))
      .ifEquals([1], 1, (b) => b.z(1))
      .build();
    expect(lines(toQasm3(c)).slice(-4)).toEqual(['if (m == 2) x q[0];', 'if (m == 2) f[0] = measure q[1];', 'if (f == 1) reset q[0];', 'if (m[1] == 1) z q[1];']);
    const noLast = c.with({ ops: c.ops.slice(0, 3) });
    expect(lines(toQasm2(noLast)).slice(-3)).toEqual(['if(m==2) x q[0];', 'if(m==2) measure q[1] -> f[0];', 'if(f==1) reset q[0];']);
    expect(() => toQasm2(c)).toThrow(/operation 3 is conditioned on bits \[1\], which are not a whole classical register; OpenQASM 2 cannot express that condition/);
  });

  it('writes the global phase as gphase in OpenQASM 3 only', () => {
    const c = new CircuitBuilder(1).addGlobalPhase(0.75).x(0).build();
    expect(lines(toQasm3(c))).toContain('gphase(0.75);');
    expect(toQasm2(c)).not.toContain('gphase');
    expect(parseQasm(toQasm3(c)).globalPhase).toBe(0.75);
  });
});

describe('parameters that depend on inputs and weights', () => {
  const template = () => new CircuitBuilder(2).ry(x(0), 0).ry(x(1).mul(Math.PI), 1).cx(0, 1).rz(w(3).mul(0.5).add(x(1)), 1).rx(w(0).neg().add(0.25), 0).build();

  it('OpenQASM 2 refuses them: bind the circuit first', () => {
    expect(() => toQasm2(template())).toThrow(InputError);
    expect(() => toQasm2(template())).toThrow(/bind the circuit first/);
    expect(() => toQasm2(template().bind([0.1, 0.2], [1, 2, 3, 4]))).not.toThrow();
  });

  it('OpenQASM 3 declares x_i / w_j inputs and writes affine expressions', () => {
    const text = toQasm3(template());
    expect(lines(text)).toEqual([
      'OPENQASM 3.0;', 'include "stdgates.inc";',
      'input float[64] x_0;', 'input float[64] x_1;', 'input float[64] w_0;', 'input float[64] w_1;', 'input float[64] w_2;', 'input float[64] w_3;',
      'qubit[2] q;',
      'ry(x_0) q[0];', 'ry(pi*x_1) q[1];', 'cx q[0], q[1];', 'rz(x_1 + 0.5*w_3) q[1];', 'rx(-w_0 + 0.25) q[0];',
    ]);
    const back = parseQasm3(text);
    const original = template();
    back.ops.forEach((op, i) => {
      const o = original.ops[i] as GateOp;
      (op as GateOp).params.forEach((p, j) => expect(p.equals(o.params[j] as Param), `op ${i}`).toBe(true));
    });
    expect(back.numInputs).toBe(2);
    expect(back.numWeights).toBe(4);
  });

  it('rejects a register named like an input variable', () => {
    const c = new CircuitBuilder(1).registers([{ name: 'x_0', size: 1, offset: 0 }]).ry(x(0), 0).build();
    expect(() => toQasm3(c)).toThrow(/register 'x_0' has the name of an input variable/);
  });
});

describe('register checks', () => {
  it('rejects names that are not identifiers or are keywords', () => {
    const named = (name: string) => new Circuit({ numQubits: 1, qregs: [{ name, size: 1, offset: 0 }] });
    expect(() => toQasm2(named('Q'))).toThrow(/register name 'Q' is not a valid OpenQASM 2 identifier/);
    expect(() => toQasm3(named('Q'))).not.toThrow();
    expect(() => toQasm3(named('qubit'))).toThrow(/not a valid OpenQASM 3 identifier/);
    expect(() => toQasm2(named('measure'))).toThrow(/not a valid OpenQASM 2 identifier/);
  });

  it('rejects registers that do not tile the qubits', () => {
    const gap = new Circuit({ numQubits: 3, qregs: [{ name: 'a', size: 2, offset: 0 }] });
    expect(() => toQasm2(gap)).toThrow(/qubit 2 belongs to no register/);
    const overlap = new Circuit({ numQubits: 2, qregs: [{ name: 'a', size: 2, offset: 0 }, { name: 'b', size: 1, offset: 1 }] });
    expect(() => toQasm3(overlap)).toThrow(/qubit 1 is in two registers/);
  });
});

describe('numbers', () => {
  it.each([
    [0.1, '0.1'],
    [3, '3'],
    [Math.PI, 'pi'],
    [-Math.PI / 2, '-pi/2'],
    [(3 * Math.PI) / 4, '3*pi/4'],
    [2 * Math.PI, '2*pi'],
    [Math.PI / 1024, 'pi/1024'],
    [0.785398163397448, '0.785398163397448'],
    [1e-7, '1.0e-7'],
    [-2.5e-12, '-2.5e-12'],
    [1e21, '1.0e+21'],
    [0, '0'],
    [-0, '-0.0'],
  ])('%d is written %s', (v, text) => {
    expect(formatReal(v)).toBe(text);
  });

  it('every double reads back bit-exactly (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -64, max: 64 }).chain((n) => fc.constantFrom((n * Math.PI) / 8, (n * Math.PI) / 3, n * Math.PI))), (v) => {
        const c = new CircuitBuilder(1).rz(v, 0).build();
        for (const text of [toQasm2(c), toQasm3(c)]) {
          const back = (parseQasm(text).ops[0] as GateOp).params[0] as Param;
          expect(Object.is(back.constant, v), `${v} -> ${text}`).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });
});
