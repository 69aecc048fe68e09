/** Helpers shared by the OpenQASM tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ParseError } from '../../src/core/errors.js';
import type { Circuit } from '../../src/circuit/circuit.js';
import { getGate } from '../../src/circuit/gates.js';
import { maxAbsDiff, type Matrix } from '../../src/circuit/matrix.js';
import type { Operation } from '../../src/circuit/operation.js';

/** The text of a fixture in test/fixtures/qasm/. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/qasm/${name}`, import.meta.url)), 'utf8');
}

/** Asserts that `fn` throws a ParseError at `line`:`column` whose message matches `message`. */
export function expectParseError(fn: () => unknown, line: number, column: number, message: RegExp, code?: string): ParseError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, 'expected a ParseError').toBeInstanceOf(ParseError);
  const pe = error as ParseError;
  expect(pe.message).toMatch(message);
  expect({ line: pe.location.line, column: pe.location.column }).toEqual({ line, column });
  expect(pe.message.startsWith(`${pe.location.file ? `${pe.location.file}:` : ''}${line}:${column}: `)).toBe(true);
  if (code) expect(pe.code).toBe(code);
  return pe;
}

/** The gate matrix of a bound gate operation. */
export function opMatrix(op: Operation): Matrix {
  if (op.kind !== 'gate') throw new Error('not a gate');
  return getGate(op.name).matrix(op.params.map((p) => p.constant));
}

/**
 * Asserts that two circuits have the same operations: same kinds, qubits, bits, conditions
 * and, for gates, the same name and bit-identical parameters, or (when the names differ, as
 * `u` exported as `u3`) exactly equal matrices.
 */
export function expectSameOperations(actual: Circuit, expected: Circuit): void {
  expect(actual.numQubits).toBe(expected.numQubits);
  expect(actual.numClbits).toBe(expected.numClbits);
  expect(actual.ops.length).toBe(expected.ops.length);
  actual.ops.forEach((a, i) => {
    const e = expected.ops[i] as Operation;
    const where = `operation ${i}`;
    expect(a.kind, where).toBe(e.kind);
    if (a.kind === 'gate' && e.kind === 'gate') {
      expect(a.qubits, where).toEqual(e.qubits);
      expect(a.condition, where).toEqual(e.condition);
      if (a.name === e.name) {
        expect(a.params.length, where).toBe(e.params.length);
        a.params.forEach((p, j) => expect(p.equals(e.params[j] as never), `${where} param ${j}: ${p.toString()} vs ${e.params[j]?.toString()}`).toBe(true));
      } else {
        expect(maxAbsDiff(opMatrix(a), opMatrix(e)), `${where}: ${a.name} vs ${e.name}`).toBe(0);
      }
    } else {
      expect(a, where).toEqual(e);
    }
  });
}
