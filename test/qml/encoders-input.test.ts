/** Encoder and QNN input checks: widths that do not fit, NaN/Inf named by row and feature. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { AmplitudeEncoder } from '../../src/qml/encoders/amplitude.js';
import { AngleEncoder } from '../../src/qml/encoders/angle.js';
import { DenseAngleEncoder } from '../../src/qml/encoders/dense-angle.js';
import { ZZFeatureMap } from '../../src/qml/encoders/zz.js';
import { QNN } from '../../src/qml/qnn.js';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('encoder widths', () => {
  it('too many features for the qubits are refused with both numbers', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => new AngleEncoder({ numQubits: 4, numFeatures: 5 }), /5 feature\(s\) do not fit on 4 qubit\(s\)/],
      [() => new DenseAngleEncoder(2, 5), /two features per qubit: 5 feature\(s\) do not fit on 2 qubit\(s\)/],
      [() => new AmplitudeEncoder(2, 5), /2 qubit\(s\) holds at most 4 features, got 5/],
      [() => new AngleEncoder({ numQubits: 3, numFeatures: 0 }), /0 feature\(s\)/],
      [() => new ZZFeatureMap(3, 0), /repetitions must be a positive integer, got 0/],
    ];
    for (const [fn, re] of cases) {
      const err = errorOf(fn);
      expect(err).toBeInstanceOf(InputError);
      expect(err.message).toMatch(re);
    }
  });

  it('QNN width limits and unsupported re-uploading scales are explained', () => {
    expect(() => new QNN({ numQubits: 0, encoder: { kind: 'angle' }, ansatz: { kind: 'basic_entangler', layers: 1 } })).toThrow(/1 to 29 qubits, got 0/);
    expect(() => new QNN({ numQubits: 2, encoder: { kind: 'amplitude' }, ansatz: { kind: 'basic_entangler', layers: 1 }, reupload: { trainableScaling: true } }))
      .toThrow(/angle-type encoder, not amplitude/);
    expect(() => new QNN({ numQubits: 2, encoder: { kind: 'angle' }, ansatz: { kind: 'basic_entangler', layers: 0 } })).toThrow(/layers must be a positive integer/);
    expect(() => new QNN({ numQubits: 2, encoder: { kind: 'angle' }, ansatz: { kind: 'hardware_efficient', layers: 1, edges: [[0, 2]] } })).toThrow(/coupler 0 \(0, 2\)/);
  });
});

describe('QNN.encode', () => {
  const qnn = new QNN({ numQubits: 3, encoder: { kind: 'angle' }, ansatz: { kind: 'basic_entangler', layers: 1 } });
  const amp = new QNN({ numQubits: 2, encoder: { kind: 'amplitude', features: 3 }, ansatz: { kind: 'basic_entangler', layers: 1 } });

  it('a row of the wrong width is named', () => {
    expect(() => qnn.encode([[1, 2, 3], [1, 2]])).toThrow(/row 1 has 2 feature\(s\); the model's encoder takes 3/);
    expect(() => amp.encode([[1, 2, 3, 4]])).toThrow(/row 0 has 4 feature\(s\); the model's encoder takes 3/);
  });

  it.each([Number.NaN, Infinity, -Infinity])('%f is named by row and feature', (bad) => {
    const err = errorOf(() => qnn.encode([[0, 1, 2], [3, 4, 5], [6, bad, 8]]));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(new RegExp(`row 2, feature 1 must be a finite number, got ${String(bad)}`));
    expect(() => amp.encode([[0.1, 0.2, bad]])).toThrow(/row 0, feature 2/);
  });

  it('direct encodings pass features through; amplitude encoding maps 3 features to 2^n − 1 angles', () => {
    expect(Array.from(qnn.encode([[0.1, 0.2, 0.3]])[0]!)).toEqual([0.1, 0.2, 0.3]);
    expect(amp.encode([[0.1, 0.2, 0.3]])[0]!.length).toBe(3);
    expect(amp.encoder.numCircuitInputs).toBe(3);
  });
});
