/**
 * Model spec YAML: every bad value is a ValidationError naming the field path (and YAML syntax
 * errors name line:column); dataset/encoder width mismatches and CSV label problems are
 * explained before any training starts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError, ParseError, UsageError, ValidationError } from '../../src/core/errors.js';
import type { Transformer } from '../../src/data/preprocess/transformer.js';
import { trainFromSpec } from '../../src/qml/runner.js';
import { angleValue, buildPreprocessing, loadModelSpec, parseModelSpec, qnnConfigOf } from '../../src/qml/spec.js';

const iris = readFileSync(new URL('../../examples/iris.yaml', import.meta.url), 'utf8');

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

async function rejectionOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

/** Replaces `from` (which must occur) in the iris example. */
function variant(from: string, to: string): string {
  expect(iris).toContain(from);
  return iris.replace(from, to);
}

describe('spec validation names the field', () => {
  const cases: [string, string, string, RegExp?][] = [
    ['unknown top-level field', '(root)', `${iris}colour: blue\n`, /unknown field\(s\) "colour"/],
    ['unknown model field', 'model', variant('qubits: 4', 'qubits: 4\n  depth: 3'), /unknown field\(s\) "depth"/],
    ['unknown ansatz field', 'model.ansatz', variant('layers: 2 }', 'layers: 2, reps: 3 }'), /unknown field\(s\) "reps"/],
    ['negative layers', 'model.ansatz.layers', variant('layers: 2', 'layers: -1')],
    ['unknown encoder kind', 'model.encoder.kind', variant('kind: angle, rotation: Y', 'kind: fourier'), /angle.*dense_angle.*amplitude.*zz/],
    ['unknown rotation', 'model.encoder.rotation', variant('rotation: Y', 'rotation: W'), /"X"\|"Y"\|"Z"/],
    ['too many qubits', 'model.qubits', variant('qubits: 4', 'qubits: 30')],
    ['bad measurement wire', 'model.measurement.wires[0]', variant('{ kind: z }', '{ kind: z, wires: [-1] }')],
    ['unknown head', 'model.head', variant('head: linear', 'head: mlp')],
    ['bad backend string', 'execution.backend', `${iris}execution: { backend: gpu }\n`, /statevector, density-matrix, trajectories or device:ID/],
    ['zero shots', 'execution.shots', `${iris}execution: { backend: statevector, shots: 0 }\n`],
    ['minmax range "pie"', 'preprocess[1].range[1]', variant('range: [0, pi]', 'range: [0, pie]'), /multiple of pi/],
    ['unknown preprocessing kind', 'preprocess[0].kind', variant('{ kind: standard }', '{ kind: robust }')],
    ['negative epochs', 'training.epochs', variant('epochs: 40', 'epochs: -3')],
    ['zero batch size', 'training.batch_size', variant('batch_size: 16', 'batch_size: 0')],
    ['zero learning rate', 'training.optimizer.lr', variant('lr: 0.05', 'lr: 0')],
    ['beta1 = 1', 'training.optimizer.beta1', variant('lr: 0.05', 'lr: 0.05, beta1: 1')],
    ['unknown optimizer', 'training.optimizer.kind', variant('kind: adam', 'kind: lbfgs')],
    ['unknown loss', 'training.loss', variant('loss: cross_entropy', 'loss: hinge')],
    ['unknown gradient method', 'training.gradient', variant('seed: 1', 'seed: 1\n  gradient: backprop')],
    ['patience 0', 'training.early_stopping.patience', variant('seed: 1', 'seed: 1\n  early_stopping: { patience: 0 }')],
    ['test_size 1', 'split.test_size', variant('test_size: 0.3', 'test_size: 1')],
    ['bad name', 'name', variant('name: iris', 'name: "my model!"')],
    ['unknown dataset option', 'dataset', variant('dataset: iris', 'dataset: { name: moons, sample: 3 }'), /"sample"/],
  ];

  it.each(cases)('%s → ValidationError at %s', (_what, path, text, message) => {
    const err = errorOf(() => parseModelSpec(text, 'spec.yaml'));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(`at ${path}:`);
    expect(err.message).toMatch(/^invalid model spec spec\.yaml/);
    if (message) expect(err.message).toMatch(message);
  });

  // Regression (fixed): src/qml/spec-schema.ts wraps the ansatz in z.union([ansatzSchema, hardware_efficient-by-
  // device]); when both branches fail on a type error or an unknown kind, zod reports only
  // "at model.ansatz: Invalid input" — no leaf field, no list of valid kinds.
  it('an unknown ansatz kind lists the valid kinds at model.ansatz.kind', () => {
    const err = errorOf(() => parseModelSpec(variant('kind: strongly_entangling', 'kind: qaoa'), 'spec.yaml'));
    expect(err.message).toContain('at model.ansatz.kind:');
    expect(err.message).toMatch(/strongly_entangling/);
  });

  it('a non-integer layer count is reported at model.ansatz.layers', () => {
    const err = errorOf(() => parseModelSpec(variant('layers: 2', 'layers: 1.5'), 'spec.yaml'));
    expect(err.message).toContain('at model.ansatz.layers:');
  });

  it('a YAML syntax error is a ParseError with file:line:column', () => {
    const err = errorOf(() => parseModelSpec(variant('qubits: 4', 'qubits: [4'), 'spec.yaml'));
    expect(err).toBeInstanceOf(ParseError);
    expect(err.message).toMatch(/^spec\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a missing spec file is an InputError that says so', () => {
    expect(() => loadModelSpec('/nonexistent/spec.yaml')).toThrow(/cannot read model spec \/nonexistent\/spec\.yaml: no such file/);
  });
});

describe('angles written with pi', () => {
  it('minmax range "2pi" is accepted and means 2π', () => {
    const spec = parseModelSpec(variant('range: [0, pi]', 'range: ["-pi/4", 2pi]'));
    const pre = buildPreprocessing(spec.preprocess) as Transformer & { steps: readonly Transformer[] };
    const scaler = pre.steps[1] as unknown as { featureRange: readonly [number, number] };
    expect(scaler.featureRange[0]).toBeCloseTo(-Math.PI / 4, 15);
    expect(scaler.featureRange[1]).toBeCloseTo(2 * Math.PI, 15);
  });

  it('angleValue reads multiples and fractions of π, and numbers', () => {
    expect(angleValue('pi')).toBe(Math.PI);
    expect(angleValue('2pi')).toBe(2 * Math.PI);
    expect(angleValue('3*pi')).toBe(3 * Math.PI);
    expect(angleValue('1.5 pi')).toBe(1.5 * Math.PI);
    expect(angleValue('pi/2')).toBe(Math.PI / 2);
    expect(angleValue('-pi/4')).toBe(-Math.PI / 4);
    expect(angleValue(0.25)).toBe(0.25);
    expect(() => angleValue('pie')).toThrow(/"pie" is not an angle/);
    expect(() => angleValue('2 pi pi')).toThrow(InputError);
  });

  // Regression (fixed): src/qml/spec-schema.ts does not check that range[0] < range[1]; a reversed range
  // passes validation and MinMaxScaler then throws a UsageError (exit code 2, no field path)
  // from buildPreprocessing.
  it('a reversed minmax range is refused as a ValidationError at preprocess[i].range', () => {
    const err = errorOf(() => buildPreprocessing(parseModelSpec(variant('range: [0, pi]', 'range: [pi, 0]'), 'spec.yaml').preprocess));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain('at preprocess[1].range');
  });
});

describe('dataset and model must fit together', () => {
  it('iris (4 features) with preprocessing on a 3-qubit angle encoder: explained before training', async () => {
    const spec = parseModelSpec(variant('qubits: 4', 'qubits: 3'));
    const err = await rejectionOf(trainFromSpec(spec));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/preprocessing produces 4 feature\(s\) but the encoder takes 3/);
  });

  it('iris without preprocessing on 3 qubits: the message suggests a pca step', async () => {
    const text = variant('qubits: 4', 'qubits: 3').replace(/preprocess:\n(  - .*\n)+/, '');
    const err = await rejectionOf(trainFromSpec(parseModelSpec(text)));
    expect(err.message).toMatch(/dataset has 4 feature\(s\) but the model \(after preprocessing\) takes 3; add a pca step/);
  });

  it('an encoder that cannot hold its features says so', async () => {
    const spec = parseModelSpec(variant('kind: angle, rotation: Y', 'kind: angle, features: 5'));
    await expect(trainFromSpec(spec)).rejects.toThrow(/5 feature\(s\) do not fit on 4 qubit\(s\)/);
    expect(() => qnnConfigOf(parseModelSpec(variant('layers: 2 }', 'kind: hardware_efficient, layers: 1, device: ibm_x }').replace('kind: strongly_entangling, ', '')))).toThrow(/needs the device catalog/);
  });

  it('unknown data sets list the available ones; device backends need the CLI', async () => {
    const e1 = await rejectionOf(trainFromSpec(parseModelSpec(variant('dataset: iris', 'dataset: irises'))));
    expect(e1).toBeInstanceOf(NotFoundError);
    expect(e1.message).toMatch(/no built-in data set "irises"; available: .*iris/);
    const e2 = await rejectionOf(trainFromSpec(parseModelSpec(`${iris}execution: { backend: "device:ibm_brisbane" }\n`)));
    expect(e2).toBeInstanceOf(UsageError);
    expect(e2.message).toMatch(/needs the device catalog/);
  });
});

describe('CSV data sets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qmlsec-qml-spec-'));
  const specFor = (csv: string, extra = '') => parseModelSpec([
    'name: csv-model',
    `dataset: { csv: ${csv}, label_column: label, classes: [cat, dog]${extra} }`,
    'split: { test_size: 0.25, seed: 1 }',
    'model:',
    '  qubits: 2',
    '  encoder: { kind: angle }',
    '  ansatz: { kind: basic_entangler, layers: 1 }',
    'training: { epochs: 1, optimizer: { kind: adam, lr: 0.1 } }',
  ].join('\n'), 'csv.yaml');
  const rows = (labels: string[]) => ['a,b,label', ...labels.map((l, i) => `${(i % 4) * 0.3},${((i * 7) % 5) * 0.2},${l}`)].join('\n');

  it('a label not in the class list is refused, naming the row, column and line', async () => {
    writeFileSync(join(dir, 'bad.csv'), rows(['cat', 'dog', 'cat', 'dog', 'cow', 'cat', 'dog', 'cat']));
    const err = await rejectionOf(trainFromSpec(specFor('bad.csv'), { baseDir: dir }));
    expect(err).toBeInstanceOf(ParseError);
    expect(err.message).toMatch(/bad\.csv:6:\d+: row 4, column "label": label "cow" is not one of the classes "cat", "dog"/);
  });

  it('a non-numeric or NaN feature is refused, naming the row and column', async () => {
    writeFileSync(join(dir, 'nan.csv'), rows(['cat', 'dog', 'cat', 'dog']).replace('0.3,', 'NaN,'));
    const err = await rejectionOf(trainFromSpec(specFor('nan.csv'), { baseDir: dir }));
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/nan\.csv:3:\d+/);
    expect(err.message).toMatch(/column "a"/);
  });

  it('a good CSV (relative to baseDir) trains and keeps the class order of the spec', async () => {
    writeFileSync(join(dir, 'good.csv'), rows(['dog', 'cat', 'dog', 'cat', 'dog', 'cat', 'dog', 'cat']));
    const r = await trainFromSpec(specFor('good.csv'), { baseDir: dir });
    expect(r.artifact.classes).toEqual(['cat', 'dog']);
    expect(r.artifact.feature_names).toEqual(['a', 'b']);
    expect(r.epochs).toBe(1);
  });
});
