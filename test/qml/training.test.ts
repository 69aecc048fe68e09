import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArtifact } from '../../src/qml/artifact.js';
import { trainFromSpec } from '../../src/qml/runner.js';
import { parseModelSpec } from '../../src/qml/spec.js';
import { runCli } from '../cli/run-cli.js';

const spec = (file: string) => parseModelSpec(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'), file);

describe('hybrid models reach the accuracy the issue asks for (noiseless simulator)', () => {
  it.each([
    ['iris.yaml', 0.93],
    ['breast-cancer.yaml', 0.93],
    ['wine.yaml', 0.9],
  ])('%s: test accuracy ≥ %f', async (file, target) => {
    const r = await trainFromSpec(spec(file));
    expect(r.test.accuracy).toBeGreaterThanOrEqual(target);
  });
});

describe('model artifacts', () => {
  it('load back and predict identically; tampering is refused', async () => {
    const r = await trainFromSpec({ ...spec('iris.yaml'), training: { ...spec('iris.yaml').training, epochs: 3 } });
    const json = JSON.stringify(r.artifact);
    const { model } = loadArtifact(json);
    const { simulatorExecutor } = await import('../../src/qml/runner.js');
    const rows = [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3], [5.9, 3.0, 4.2, 1.5]];
    const ex = simulatorExecutor();
    expect(Array.from(model.predictProba(rows, ex))).toEqual(Array.from(r.model.predictProba(rows, ex)));
    const tampered = JSON.parse(json);
    tampered.params[0] += 0.01;
    expect(() => loadArtifact(tampered)).toThrow(/checksum/);
    expect(() => loadArtifact('{"format": "qmlsec-model"')).toThrow(/JSON/);
    expect(() => loadArtifact({ ...JSON.parse(json), head: 'mlp' })).toThrow(/head/);
  });
});

describe('qmlsec train', () => {
  it('prints the JSON contract', async () => {
    const out = `/tmp/qmlsec-test-${process.pid}.json`;
    const r = await runCli(['train', 'examples/iris.yaml', '--epochs', '5', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['epochs', 'seconds', 'test', 'train']);
    expect(Object.keys(j.train).sort()).toEqual(['accuracy', 'loss']);
    expect(Object.keys(j.test).sort()).toEqual(['accuracy', 'macro_f1']);
    expect(j.epochs).toBe(5);
  });

  it('rejects a spec with unknown fields, naming them', async () => {
    const bad = '/tmp/qmlsec-bad-spec.yaml';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, readFileSync('examples/iris.yaml', 'utf8').replace('qubits: 4', 'qubits: 4\n  colour: blue'));
    const r = await runCli(['train', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/model: unknown field\(s\) "colour"/);
  });
});
