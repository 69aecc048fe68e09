import { describe, expect, it } from 'vitest';
import { describePolicy, withOutputPolicy } from '../../src/lab/common/output-policy.js';
import type { ServedModel } from '../../src/service/model-runtime.js';

const model: ServedModel = {
  numFeatures: 1,
  classes: ['a', 'b', 'c'],
  predict: (inputs) => inputs.map(() => ({ label: 'b', probabilities: [0.2649, 0.4851, 0.25] })),
};

describe('output obfuscation', () => {
  it('passes full probabilities through unchanged', async () => {
    expect(withOutputPolicy(model, { kind: 'probabilities' })).toBe(model);
  });

  it('returns the label as a one-hot vector when only the label may leave', async () => {
    expect(await withOutputPolicy(model, { kind: 'label' }).predict([[1]])).toEqual([{ label: 'b', probabilities: [0, 1, 0] }]);
  });

  it('rounds probabilities to d decimals', async () => {
    expect(await withOutputPolicy(model, { kind: 'rounded', digits: 1 }).predict([[1]])).toEqual([{ label: 'b', probabilities: [0.3, 0.5, 0.3] }]);
    expect(await withOutputPolicy(model, { kind: 'rounded', digits: 2 }).predict([[1]])).toEqual([{ label: 'b', probabilities: [0.26, 0.49, 0.25] }]);
    expect(() => withOutputPolicy(model, { kind: 'rounded', digits: -1 })).toThrow(/0\.\.15/);
    expect(describePolicy({ kind: 'rounded', digits: 2 })).toBe('probabilities rounded to 2 decimal(s)');
  });
});
