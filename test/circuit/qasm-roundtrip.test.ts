import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Circuit } from '../../src/circuit/circuit.js';
import { gateNames, getGate } from '../../src/circuit/gates.js';
import { phaseDistance } from '../../src/circuit/matrix.js';
import type { Condition, Operation, Register } from '../../src/circuit/operation.js';
import { Param, type ParamTerm } from '../../src/circuit/param.js';
import { parseQasm, parseQasm2, parseQasm3, toQasm2, toQasm3 } from '../../src/circuit/qasm/index.js';
import { circuitUnitary } from '../helpers/reference-sim.js';
import { expectSameOperations, fixture } from './qasm-test-utils.js';

const FIXTURES = ['qft_n5.qasm', 'cuccaro_adder_n10.qasm', 'fredkin_n5.qasm', 'qaoa_ring_n6.qasm', 'ghz_n12.qasm', 'bernstein_vazirani_n9.qasm', 'teleport_n3.qasm', 'mcx_vchain_n20.qasm', 'layered_n27.qasm', 'qnn_template.qasm'];

/** Renames every gate the program defines, so that re-import expands the definitions instead of recognising them. */
function renameDefinitions(text: string): string {
  const names = [...text.matchAll(/^gate (\w+)/gm)].map((m) => m[1] as string);
  let out = text;
  for (const n of names) out = out.replace(new RegExp(`\\b${n}\\b(?=[ (])`, 'g'), `${n}_def`);
  return out;
}

describe('round trip of the fixtures', () => {
  it.each(FIXTURES)('%s: import -> export -> import gives the same circuit', (name) => {
    const original = parseQasm(fixture(name), { file: name });
    const via3 = parseQasm3(toQasm3(original));
    expectSameOperations(via3, original);
    expect(via3.qregs).toEqual(original.qregs);
    expect(via3.cregs).toEqual(original.cregs);
    expect(via3.globalPhase).toBe(original.globalPhase);
    if (original.isBound) {
      const via2 = parseQasm2(toQasm2(original));
      expectSameOperations(via2, original);
      expect(via2.qregs).toEqual(original.qregs);
      // Exporting again gives the same text: the text is a fixed point.
      expect(toQasm2(via2)).toBe(toQasm2(original));
    }
    expect(toQasm3(via3)).toBe(toQasm3(original));
  });
});

// ---- random circuits over every library gate

const ALL_GATES = gateNames();

const angle = fc.oneof(
  fc.double({ min: -20, max: 20, noNaN: true }),
  fc.integer({ min: -16, max: 16 }).map((n) => (n * Math.PI) / 4),
  fc.constantFrom(0, Math.PI, -Math.PI / 2, 1e-9, 123456.789),
);

interface Shape {
  numQubits: number;
  cregSizes: number[];
}

function opArbitrary(shape: Shape, cregs: readonly Register[]): fc.Arbitrary<Operation> {
  const numClbits = shape.cregSizes.reduce((a, b) => a + b, 0);
  const qubit = fc.integer({ min: 0, max: shape.numQubits - 1 });
  const condition: fc.Arbitrary<Condition | undefined> =
    cregs.length === 0
      ? fc.constant(undefined)
      : fc.option(
          fc.integer({ min: 0, max: cregs.length - 1 }).chain((r) => {
            const reg = cregs[r] as Register;
            return fc.integer({ min: 0, max: 2 ** reg.size - 1 }).map((value) => ({ clbits: Array.from({ length: reg.size }, (_, i) => reg.offset + i), value }));
          }),
          { nil: undefined, freq: 4 },
        );
  const usable = ALL_GATES.filter((g) => getGate(g).numQubits <= shape.numQubits);
  const gate = fc.constantFrom(...usable).chain((name) => {
    const def = getGate(name);
    return fc.record({
      qubits: fc.shuffledSubarray(Array.from({ length: shape.numQubits }, (_, i) => i), { minLength: def.numQubits, maxLength: def.numQubits }),
      params: fc.array(angle, { minLength: def.numParams, maxLength: def.numParams }),
      condition,
    }).map(({ qubits, params, condition: cond }): Operation => ({ kind: 'gate', name, qubits, params: params.map((p) => Param.constant(p)), ...(cond ? { condition: cond } : {}) }));
  });
  const choices: fc.Arbitrary<Operation>[] = [
    gate,
    gate,
    gate,
    fc.record({ qubit, condition }).map(({ qubit: q, condition: cond }): Operation => ({ kind: 'reset', qubit: q, ...(cond ? { condition: cond } : {}) })),
    fc.shuffledSubarray(Array.from({ length: shape.numQubits }, (_, i) => i), { minLength: 1 }).map((qubits): Operation => ({ kind: 'barrier', qubits })),
  ];
  if (numClbits > 0) {
    choices.push(fc.record({ qubit, clbit: fc.integer({ min: 0, max: numClbits - 1 }), condition }).map(({ qubit: q, clbit, condition: cond }): Operation => ({ kind: 'measure', qubit: q, clbit, ...(cond ? { condition: cond } : {}) })));
  }
  return fc.oneof(...choices);
}

const circuitArbitrary = fc
  .record({ numQubits: fc.integer({ min: 1, max: 4 }), cregSizes: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }) })
  .chain((shape) => {
    let offset = 0;
    const cregs: Register[] = shape.cregSizes.map((size, i) => {
      const r = { name: `c${i}`, size, offset };
      offset += size;
      return r;
    });
    return fc.record({
      ops: fc.array(opArbitrary(shape, cregs), { maxLength: 14 }),
      globalPhase: fc.oneof(fc.constant(0), fc.double({ min: -3, max: 3, noNaN: true })),
    }).map(({ ops, globalPhase }) => new Circuit({ numQubits: shape.numQubits, numClbits: offset, cregs, ops, globalPhase }));
  });

describe('round trip of random circuits over every library gate (property)', () => {
  it('toQasm2 and toQasm3 re-import to the same operations', () => {
    fc.assert(
      fc.property(circuitArbitrary, (c) => {
        expectSameOperations(parseQasm(toQasm2(c)), c);
        const via3 = parseQasm(toQasm3(c));
        expectSameOperations(via3, c);
        expect(via3.globalPhase + 0).toBe(c.globalPhase + 0);
        expect(via3.cregs).toEqual(c.cregs);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('expanding the exported gate definitions gives the same unitary up to global phase', () => {
    const unitaryCircuits = circuitArbitrary.map((c) => c.with({ ops: c.ops.filter((o) => o.kind === 'gate' && !o.condition) }));
    fc.assert(
      fc.property(unitaryCircuits, (c) => {
        const target = circuitUnitary(c);
        for (const text of [toQasm2(c), toQasm3(c)]) {
          const expanded = parseQasm(renameDefinitions(text));
          expect(phaseDistance(circuitUnitary(expanded), target).distance).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('every library gate survives both exporters, expanded through its definition', () => {
    for (const name of ALL_GATES) {
      const def = getGate(name);
      const params = Array.from({ length: def.numParams }, (_, i) => 0.37 + 0.91 * i);
      const qubits = Array.from({ length: def.numQubits }, (_, i) => def.numQubits - 1 - i);
      const c = new Circuit({ numQubits: def.numQubits, ops: [{ kind: 'gate', name, qubits, params: params.map((p) => Param.constant(p)) }] });
      for (const text of [toQasm2(c), toQasm3(c)]) {
        expectSameOperations(parseQasm(text), c);
        const expanded = parseQasm(renameDefinitions(text));
        expect(phaseDistance(circuitUnitary(expanded), circuitUnitary(c)).distance, `${name}\n${text}`).toBeLessThan(1e-12);
      }
    }
  });
});

describe('round trip of templates with inputs and weights (property)', () => {
  const term = fc.record({
    source: fc.constantFrom<'x' | 'w'>('x', 'w'),
    index: fc.integer({ min: 0, max: 5 }),
    coeff: fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(1, -1, Math.PI, -Math.PI / 2, 0.5)),
  });
  const param = fc.record({ constant: fc.oneof(fc.constant(0), angle), terms: fc.array(term, { maxLength: 3 }) }).map(({ constant, terms }) => Param.affine(constant, terms as ParamTerm[]));
  const template = fc
    .array(
      fc.constantFrom(...ALL_GATES.filter((g) => getGate(g).numParams > 0 && getGate(g).numQubits <= 3)).chain((name) =>
        fc.array(param, { minLength: getGate(name).numParams, maxLength: getGate(name).numParams }).map((params): Operation => ({ kind: 'gate', name, qubits: Array.from({ length: getGate(name).numQubits }, (_, i) => i), params })),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((ops) => new Circuit({ numQubits: 3, ops }));

  it('toQasm3 re-imports every affine parameter exactly', () => {
    fc.assert(
      fc.property(template, (c) => {
        expectSameOperations(parseQasm3(toQasm3(c)), c);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('bilinear parameters (trainable input scaling)', () => {
  it('survive an OpenQASM 3 round trip', async () => {
    const { CircuitBuilder } = await import('../../src/circuit/builder.js');
    const { Param } = await import('../../src/circuit/param.js');
    const { parseQasm3, toQasm3 } = await import('../../src/circuit/qasm/index.js');
    const scaled = Param.bilinear({ source: 'w', index: 2 }, { source: 'x', index: 1 }, 0.5).add(Param.weight(0)).add(0.25);
    const c = new CircuitBuilder(1).rx(scaled, 0).build();
    const back = parseQasm3(toQasm3(c));
    const op = back.ops[0];
    expect(op?.kind === 'gate' && op.params[0]?.equals(scaled)).toBe(true);
  });
});
