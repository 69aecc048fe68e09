import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError, ValidationError } from '../../src/core/errors.js';
import { loadDeployment, performersOf } from '../../src/deploy/index.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/deployments');

const MINIMAL = `name: tiny
dataset: iris
model: { qubits: 2, encoder: angle, ansatz: hea, layers: 1 }
parties:
  - { id: lab, role: data-owner }
  - { id: qc, role: quantum-cloud, trust: untrusted, devices: [ibmq_manila] }
workflow: { S1: lab, S2: lab, S3: lab, S4: qc, S5: lab, S6: lab }
`;

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('loadDeployment', () => {
  it('loads every example deployment', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const d = loadDeployment({ file: join(EXAMPLES, f) });
      expect(d.name).toBe(f.replace(/\.yaml$/, ''));
    }
  });

  it('fills defaults and expands shorthands', () => {
    const d = loadDeployment({ text: MINIMAL });
    expect(d.dataset).toEqual({ kind: 'builtin', name: 'iris' });
    expect(d.model).toEqual({ kind: 'inline', spec: { qubits: 2, encoder: 'angle', ansatz: 'hea', layers: 1 } });
    expect(d.execution.shots).toBe(1024);
    expect(d.mitigations).toEqual([]);
    expect(d.parties[0]?.trust).toBe('trusted'); // data-owner default
    expect(d.parties[1]?.tenancy).toBe('dedicated');
    expect(performersOf(d, 'S4')).toEqual(['qc']);
    expect(performersOf(d, 'I1')).toEqual([]);
  });

  it('keeps unknown inline model fields for the qml room and accepts a model path', () => {
    const inline = loadDeployment({ text: MINIMAL.replace('layers: 1 }', 'layers: 1, readout: parity }') });
    expect(inline.model).toMatchObject({ kind: 'inline', spec: { readout: 'parity' } });
    const byPath = loadDeployment({ text: MINIMAL.replace(/model: .*\n/, 'model: ./models/m.yaml\n') });
    expect(byPath.model).toEqual({ kind: 'file', path: './models/m.yaml' });
  });

  it('accepts CSV datasets in shorthand and object form', () => {
    expect(loadDeployment({ text: MINIMAL.replace('dataset: iris', 'dataset: data/x.csv') }).dataset).toEqual({ kind: 'csv', path: 'data/x.csv' });
    const obj = loadDeployment({ text: MINIMAL.replace('dataset: iris', 'dataset: { csv: x.csv, labelColumn: y }') });
    expect(obj.dataset).toEqual({ kind: 'csv', path: 'x.csv', labelColumn: 'y' });
  });

  it('reports YAML syntax errors with line and column', () => {
    try {
      loadDeployment({ text: 'name: x\nparties: [\n  - a\n', file: 'bad.yaml' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).location.file).toBe('bad.yaml');
      // The block sequence item "- a" inside the flow sequence is at line 3, column 3.
      expect((err as ParseError).location).toMatchObject({ line: 3, column: 3 });
      expect((err as ParseError).message).toMatch(/^bad\.yaml:3:3: YAML syntax error/);
    }
  });

  it('rejects unknown fields with their path and position', () => {
    const text = MINIMAL.replace('  - { id: lab, role: data-owner }', '  - { id: lab, role: data-owner, colour: red }');
    const err = errorOf(() => loadDeployment({ text, file: 'd.yaml' }));
    expect(err.message).toContain('at parties[0]: unknown field(s) "colour"');
    expect(err.message).toContain('d.yaml:5:5');
  });

  it('explains a bad inline model field instead of a bare union failure', () => {
    const err = errorOf(() => loadDeployment({ text: MINIMAL.replace('qubits: 2', 'qubits: two') }));
    expect(err.message).toMatch(/at model\.qubits: .*number/);
  });

  it('reports a step that names an unknown party, listing the valid ones', () => {
    const err = errorOf(() => loadDeployment({ text: MINIMAL.replace('S3: lab', 'S3: qc2') }));
    expect(err.message).toContain('at workflow.S3: unknown party "qc2" (valid: lab, qc)');
    expect(err.issues[0]?.path).toEqual(['workflow', 'S3']);
  });

  it('reports a role that cannot perform a step', () => {
    const err = errorOf(() => loadDeployment({ text: MINIMAL.replace('S4: qc', 'S4: lab') }));
    expect(err.message).toContain('party "lab" is a data-owner and cannot perform S4');
  });

  it('checks mitigation IDs against the set the caller knows', () => {
    const text = `${MINIMAL}mitigations: [AML.M0004, QML.M0999]\n`;
    expect(loadDeployment({ text }).mitigations).toEqual(['AML.M0004', 'QML.M0999']);
    const err = errorOf(() => loadDeployment({ text }, { knownMitigations: new Set(['AML.M0004', 'QML.M0001']) }));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]?.path).toEqual(['mitigations', 1]);
    expect(err.message).toContain('unknown mitigation "QML.M0999" (valid: AML.M0004, QML.M0001)');
    const badFormat = errorOf(() => loadDeployment({ text: `${MINIMAL}mitigations: [M4]\n` }));
    expect(badFormat.issues[0]?.path).toEqual(['mitigations', 0]);
  });

  it('checks device IDs when a catalog is given', () => {
    const err = errorOf(() => loadDeployment({ text: MINIMAL }, { knownDevices: new Set(['ibm_fez']) }));
    expect(err.message).toContain('at parties[1].devices[0]: unknown device "ibmq_manila"');
  });

  it('collects several semantic problems at once', () => {
    const text = MINIMAL.replace('trust: untrusted, ', '').replace('S1: lab', 'S1: nobody') + 'serving: { publicApi: true }\n';
    const err = errorOf(() => loadDeployment({ text }));
    const paths = err.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['parties.1.trust', 'workflow.S1', 'workflow.I1', 'workflow.I2']));
  });

  it('rejects duplicate party IDs and a missing data owner', () => {
    const dup = errorOf(() => loadDeployment({ text: MINIMAL.replace('id: qc,', 'id: lab,') }));
    expect(dup.message).toContain('duplicate party ID "lab"');
    const noOwner = errorOf(() => loadDeployment({ text: MINIMAL.replace('role: data-owner', 'role: classical-cloud, trust: trusted') }));
    expect(noOwner.message).toContain('exactly one party must have role data-owner (found 0)');
  });
});
