/**
 * Model artifacts: a round trip predicts identically; any single-field change is refused by
 * the checksum; unknown fields are refused by name; broken JSON is refused with line:column.
 */
import { describe, expect, it } from 'vitest';
import { InputError, ParseError, ValidationError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { MinMaxScaler } from '../../src/data/preprocess/min-max-scaler.js';
import { Pipeline } from '../../src/data/preprocess/pipeline.js';
import { StandardScaler } from '../../src/data/preprocess/standard-scaler.js';
import { artifactChecksum, createArtifact, loadArtifact, type ModelArtifact } from '../../src/qml/artifact.js';
import type { QnnConfig } from '../../src/qml/config.js';
import type { QnnExecutor } from '../../src/qml/gradients/executor.js';
import { HybridModel } from '../../src/qml/model.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';

const exact: QnnExecutor = { backend: new StatevectorSimulator() };
const rng = new Rng('qml-artifact');
const raw = Array.from({ length: 12 }, () => [rng.normal(5, 1), rng.normal(-2, 3)]);

function trainedLikeModel(): HybridModel {
  const pre = new Pipeline([new StandardScaler(), new MinMaxScaler({ featureRange: [0, Math.PI] })]).fit(raw);
  const m = new HybridModel({
    qnn: { numQubits: 2, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 2 }, measurement: { kind: 'z' } },
    head: 'linear', classes: ['setosa', 'versicolor', 'virginica'], preprocessing: pre, featureNames: ['f0', 'f1'],
  });
  m.initialize(new Rng(9));
  return m;
}

const model = trainedLikeModel();
const artifact = createArtifact(model, { name: 'unit', training: { test_accuracy: 0.9, epochs: 3 }, created: new Date('2024-01-02T03:04:05Z') });
const text = JSON.stringify(artifact, null, 2);
const fresh = (): ModelArtifact => JSON.parse(text) as ModelArtifact;

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** The first number inside a nested value (to tamper with preprocessing state). */
function bumpFirstNumber(v: unknown): boolean {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] === 'number') {
        v[i] += 1e-12 * Math.max(1, Math.abs(v[i] as number));
        return true;
      }
      if (bumpFirstNumber(v[i])) return true;
    }
    return false;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'number' && k !== 'version') {
        o[k] = (o[k] as number) + 1e-12 * Math.max(1, Math.abs(o[k] as number));
        return true;
      }
      if (bumpFirstNumber(o[k])) return true;
    }
  }
  return false;
}

describe('model artifacts', () => {
  it('round trip: the loaded model predicts exactly as the saved one, with the same parameters and classes', () => {
    const { model: loaded, artifact: a } = loadArtifact(text, 'unit.json');
    expect(a.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Array.from(loaded.params)).toEqual(Array.from(model.params));
    expect(loaded.classes).toEqual(model.classes);
    expect(loaded.numInputFeatures).toBe(2);
    const rows = [[5.3, -1.0], [4.1, 2.2], [6.6, -7.5]];
    expect(Array.from(loaded.predictProba(rows, exact))).toEqual(Array.from(model.predictProba(rows, exact)));
    expect(a.circuit_qasm3).toMatch(/OPENQASM 3/);
    // Loading a parsed value works too; the checksum is over the canonical content.
    expect(loadArtifact(fresh()).artifact.checksum).toBe(artifactChecksum((({ checksum: _c, ...rest }) => rest)(fresh())));
  });

  it.each([
    ['amplitude + probabilities readout', { numQubits: 2, encoder: { kind: 'amplitude', features: 3, pad: 0.25 }, ansatz: { kind: 'efficient_su2', reps: 1, entanglement: 'circular' }, measurement: { kind: 'probabilities', wires: [1, 0] } }],
    ['ZZ + hardware-efficient on a coupling map + parity', { numQubits: 3, encoder: { kind: 'zz', reps: 1, entanglement: 'linear' }, ansatz: { kind: 'hardware_efficient', layers: 2, edges: [[0, 1], [1, 2]] }, measurement: { kind: 'parity', wires: [0, 2] } }],
    ['re-uploading with scales, explicit ranges, Pauli readout', { numQubits: 2, encoder: { kind: 'angle', rotation: 'X', hadamard: true }, ansatz: { kind: 'strongly_entangling', layers: 2, ranges: [1, 1] }, measurement: { kind: 'pauli', observables: ['Z0Z1', '0.5*X0 + Y1'] }, reupload: { trainableScaling: true } }],
  ] as [string, QnnConfig][])('round trip of %s', (_name, qnn) => {
    const m = new HybridModel({ qnn, head: 'linear', classes: ['a', 'b'] });
    m.initialize(new Rng(2));
    const { model: loaded } = loadArtifact(JSON.stringify(createArtifact(m, { name: 'cfg' })));
    const rows = [[0.3, 1.1, -0.4].slice(0, m.numInputFeatures), [1.2, -0.7, 0.9].slice(0, m.numInputFeatures)];
    expect(Array.from(loaded.predictProba(rows, exact))).toEqual(Array.from(m.predictProba(rows, exact)));
  });

  const tampers: [string, (a: ModelArtifact & Record<string, unknown>) => void][] = [
    ['a parameter (+1e-9)', (a) => void (a.params[3] = (a.params[3] as number) + 1e-9)],
    ['the class names', (a) => void (a.classes[0] = 'setosa2')],
    ['the class order', (a) => void a.classes.reverse()],
    ['a preprocessing number (+1e-12 relative)', (a) => void expect(bumpFirstNumber(a.preprocessing)).toBe(true)],
    ['the qnn ansatz layers', (a) => void ((a.qnn.ansatz as { layers: number }).layers = 1)],
    ['the qnn encoder rotation', (a) => void ((a.qnn.encoder as { rotation: string }).rotation = 'X')],
    ['the qnn measurement', (a) => void (a.qnn.measurement = { kind: 'parity' })],
    ['the head', (a) => void (a.head = 'none')],
    ['the name', (a) => void (a.name = 'other')],
    ['the creation time', (a) => void (a.created = '2025-01-01T00:00:00.000Z')],
    ['the feature names', (a) => void (a.feature_names = ['x', 'y'])],
    ['the training facts', (a) => void ((a.training as Record<string, unknown>).test_accuracy = 1)],
    ['the circuit text', (a) => void (a.circuit_qasm3 = a.circuit_qasm3.replace('ry', 'rx'))],
    ['the checksum itself', (a) => void (a.checksum = a.checksum.replace(/.$/, (c) => (c === '0' ? '1' : '0')))],
  ];

  it.each(tampers)('changing %s is refused with a checksum error', (_what, tamper) => {
    const a = fresh() as ModelArtifact & Record<string, unknown>;
    tamper(a);
    const err = errorOf(() => loadArtifact(JSON.stringify(a), 'unit.json'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('CHECKSUM');
    expect(err.message).toMatch(/unit\.json failed its checksum.*corrupted or tampered/);
  });

  it('unknown fields are refused, naming them (top level and nested)', () => {
    const top = errorOf(() => loadArtifact({ ...fresh(), backdoor: true }));
    expect(top).toBeInstanceOf(ValidationError);
    expect(top.message).toMatch(/unknown field\(s\) "backdoor"/);
    const nested = fresh();
    (nested.qnn.encoder as Record<string, unknown>).trigger = 1;
    const e2 = errorOf(() => loadArtifact(nested));
    expect(e2).toBeInstanceOf(ValidationError);
    expect(e2.message).toMatch(/qnn\.encoder: unknown field\(s\) "trigger"/);
  });

  it('wrong format, version, head or checksum shape are refused, naming the field', () => {
    expect(errorOf(() => loadArtifact({ ...fresh(), format: 'onnx' })).message).toMatch(/at format/);
    expect(errorOf(() => loadArtifact({ ...fresh(), version: 2 })).message).toMatch(/at version/);
    expect(errorOf(() => loadArtifact({ ...fresh(), head: 'mlp' })).message).toMatch(/at head/);
    expect(errorOf(() => loadArtifact({ ...fresh(), checksum: 'md5:abc' })).message).toMatch(/at checksum: must be "sha256:"/);
    expect(errorOf(() => loadArtifact({ ...fresh(), params: [1, 'two'] })).message).toMatch(/at params\[1\]/);
  });

  it('a JSON syntax error is refused with its line:column and the file name', () => {
    const broken = text.replace('"head": "linear",', '"head": "linear"');
    const err = errorOf(() => loadArtifact(broken, 'unit.json'));
    expect(err).toBeInstanceOf(ParseError);
    // The parser stops at the next property, on the line after "head".
    const lines = broken.split('\n');
    const headLine = lines.findIndex((l) => l.includes('"head": "linear"')) + 1;
    expect((err as ParseError).location.line).toBe(headLine + 1);
    expect(err.message).toMatch(new RegExp(`^unit\\.json:${headLine + 1}:\\d+: JSON syntax error`));
  });

  it('a truncated single-line artifact is refused with the column where it breaks off', () => {
    const one = JSON.stringify(artifact);
    const at = one.indexOf('"params":[');
    const cut = one.slice(0, at + 14); // inside the first parameter's digits
    const err = errorOf(() => loadArtifact(cut)) as ParseError;
    expect(err).toBeInstanceOf(ParseError);
    expect(err.location.line).toBe(1);
    expect(err.location.column).toBeGreaterThan(at);
  });

  // Regression (fixed): src/core/schema.ts parseJson takes the position from Node's message; Node 20 says
  // only "Unexpected end of JSON input" for input that stops after a complete token, so a
  // truncated pretty-printed artifact is reported at 1:1 instead of where it ends.
  it('a truncated pretty-printed artifact is refused at the line:column where the text ends', () => {
    const at = text.indexOf('\n  "params": [');
    expect(at).toBeGreaterThan(0);
    const cut = text.slice(0, text.indexOf(',', at + 20) + 1); // ends after a complete array element
    const err = errorOf(() => loadArtifact(cut, 'unit.json')) as ParseError;
    expect(err).toBeInstanceOf(ParseError);
    const lines = cut.split('\n');
    expect(err.location.line).toBe(lines.length);
  });

  it('num_features that does not match the preprocessing is refused (after a valid checksum)', () => {
    const a = fresh();
    const { checksum: _c, ...content } = { ...a, num_features: 3 };
    const err = errorOf(() => loadArtifact({ ...content, checksum: artifactChecksum(content) }));
    expect(err.message).toMatch(/num_features is 3 but the model takes 2/);
  });
});
