import { describe, expect, it } from 'vitest';
import { deviceSubgraphEdges } from '../../src/cloud/device-executor.js';
import { loadDeploymentDataset, resolveDeploymentModel } from '../../src/cloud/model-resolution.js';
import { deploymentRoles } from '../../src/cloud/roles.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { QNN } from '../../src/qml/qnn.js';
import { qnnConfigOf } from '../../src/qml/spec.js';

const base = `
name: t
dataset: breast-cancer
parties:
  - { id: lab, role: data-owner }
  - { id: qc, role: quantum-cloud, trust: untrusted, devices: [ibm_torino, ibm_nairobi] }
workflow: { S1: lab, S2: lab, S3: qc, S4: qc, S5: lab, S6: lab }
`;
const deployment = (model: string, extra = '') => loadDeployment({ text: `${base}model: ${model}\n${extra}` });

describe('the model of a deployment', () => {
  it('expands the inline shorthand, with PCA to the encoder width when the data is wider', () => {
    const d = deployment('{ qubits: 4, encoder: angle, ansatz: strongly-entangling, layers: 3 }');
    const ds = loadDeploymentDataset(d);
    expect(ds.features.cols).toBe(30);
    const spec = resolveDeploymentModel(d, ds.features.cols);
    expect(spec.model).toEqual({ qubits: 4, encoder: { kind: 'angle' }, ansatz: { kind: 'strongly_entangling', layers: 3 } });
    expect(spec.preprocess).toEqual([{ kind: 'standard' }, { kind: 'pca', components: 4 }, { kind: 'minmax', range: [0, 'pi'] }]);
    expect(spec.training.epochs).toBe(20);
    expect(spec.dataset).toBe('breast-cancer');
  });

  it('a hardware-efficient ansatz follows the couplers of the executing device', () => {
    const d = deployment('{ qubits: 4, encoder: angle, ansatz: hardware-efficient, layers: 2, training: { epochs: 3 } }');
    const spec = resolveDeploymentModel(d, 30);
    expect(spec.model.ansatz).toEqual({ kind: 'hardware_efficient', layers: 2, device: 'ibm_torino' });
    expect(spec.training).toEqual({ epochs: 3, batch_size: 16, optimizer: { kind: 'adam', lr: 0.05 } });
    const qnn = new QNN(qnnConfigOf(spec, deviceSubgraphEdges));
    expect(qnn.config.ansatz).toEqual({ kind: 'hardware_efficient', layers: 2, edges: deviceSubgraphEdges('ibm_torino', 4) });
  });

  it('names unknown and missing fields, and bad values, by path', () => {
    expect(() => resolveDeploymentModel(deployment('{ qubits: 4, encoder: angle, ansatz: strongly-entangling, colour: blue }'), 30)).toThrow(/model\.colour: unknown field/);
    expect(() => resolveDeploymentModel(deployment('{ qubits: 4, ansatz: strongly-entangling }'), 30)).toThrow(/model\.encoder: required/);
    expect(() => resolveDeploymentModel(deployment('{ qubits: 4, encoder: angel, ansatz: strongly-entangling }'), 30)).toThrow(/model\.encoder/);
  });

  it('a model-spec file is used as written, and must train on the deployment\'s data', () => {
    const iris = new URL('../../examples/iris.yaml', import.meta.url).pathname;
    const withIris = loadDeployment({ text: `${base.replace('breast-cancer', 'iris')}model: ${iris}\n` });
    const spec = resolveDeploymentModel(withIris, 4);
    expect(spec.model.ansatz).toEqual({ kind: 'strongly_entangling', layers: 2 });
    expect(spec.training.epochs).toBe(40);
    expect(() => resolveDeploymentModel(deployment(iris), 30)).toThrow(/trains on "iris" but deployment "t" holds "breast-cancer"/);
  });
});

describe('the roles of a deployment', () => {
  it('routes each executing cloud; the provider transpiles when it performs S3', () => {
    const d = deployment('{ qubits: 2, encoder: angle, ansatz: strongly-entangling }');
    expect(deploymentRoles(d).routes).toEqual([{ provider: 'qc', device: 'ibm_torino', providerTranspiles: true, transpiler: 'qc' }]);
    expect(deploymentRoles(d, { qc: 'ibm_nairobi' }).routes[0]?.device).toBe('ibm_nairobi');
    expect(() => deploymentRoles(d, { qc: 'ibm_fez' })).toThrow(/does not offer ibm_fez \(it offers: ibm_torino, ibm_nairobi\)/);
    expect(() => deploymentRoles(d, { lab: 'ibm_fez' })).toThrow(/not a quantum cloud executing S4/);
  });

  it('a cloud that does not transpile gets native circuits from the first other S3 party', () => {
    const d = loadDeployment({ text: `${base.replace('S3: qc', 'S3: lab')}model: { qubits: 2, encoder: angle, ansatz: basic-entangler }\n` });
    expect(deploymentRoles(d).routes[0]).toEqual({ provider: 'qc', device: 'ibm_torino', providerTranspiles: false, transpiler: 'lab' });
  });

  it('refuses a quantum cloud that nobody can transpile for', () => {
    const text = `${base.replace('S4: qc', 'S4: [qc, qc2]').replace('devices: [ibm_torino, ibm_nairobi] }', 'devices: [ibm_torino, ibm_nairobi] }\n  - { id: qc2, role: quantum-cloud, trust: untrusted, devices: [ibm_fez] }')}model: { qubits: 2, encoder: angle, ansatz: basic-entangler }\n`;
    expect(() => deploymentRoles(loadDeployment({ text }))).toThrow(/"qc2" executes \(S4\) but does not transpile/);
  });
});
