/**
 * The victim: a deployment trained through the cloud room's pipeline (`trainDeployment`), with
 * the attacker's quantum cloud wrapped in a {@link CuriousProvider} behind the trust boundary and
 * the defenses plugged in where they live (client side of the provider channel, or the loss
 * party). Also the scenario's default deployment and the checks on a given one.
 */
import { InputError } from '../../../core/errors.js';
import { findParty, type Deployment, type Party } from '../../../deploy/deployment.js';
import { loadDeployment } from '../../../deploy/load.js';
import type { ClassicalProvider } from '../../../cloud/classical-provider.js';
import { DataOwner } from '../../../cloud/data-owner.js';
import type { QuantumProvider } from '../../../cloud/job.js';
import { loadDeploymentDataset } from '../../../cloud/model-resolution.js';
import type { ClientRoute } from '../../../cloud/pipeline.js';
import { trainDeployment, type TrainDeploymentResult } from '../../../cloud/train-deployment.js';
import { CuriousProvider } from '../../common/curious-provider.js';
import type { VictimTruth } from './attack-chain.js';
import { encodingFamilyOf } from './victims.js';

/**
 * The default victim: iris on a 4-qubit angle-encoded QNN read head-less (⟨Z⟩ of wires 0–2 are
 * the class scores), trained in house, with an untrusted quantum cloud that transpiles and runs.
 */
export function defaultVictimDeployment(quick: boolean): Deployment {
  return loadDeployment({
    file: 's3-untrusted-provider (built in)',
    text: `
name: s3-untrusted-provider
description: In-house training whose circuits are transpiled and run by an untrusted quantum cloud.
dataset: iris
model:
  qubits: 4
  encoder: angle
  ansatz: strongly-entangling
  layers: ${quick ? 2 : 3}
  head: none
  measurement: { kind: z, wires: [0, 1, 2] }
  training: { epochs: 10, batch_size: 16, optimizer: { kind: adam, lr: 0.1 } }
parties:
  - id: lab
    role: data-owner
  - id: cheap-qpu
    role: quantum-cloud
    name: Budget quantum cloud
    trust: untrusted
    devices: [ibm_torino]
workflow: { S1: lab, S2: lab, S3: cheap-qpu, S4: cheap-qpu, S5: lab, S6: lab }
execution: { shots: 1000 }
`,
  });
}

/** Executing quantum clouds of a deployment (S4 performers with role quantum-cloud). */
function executingClouds(d: Deployment): Party[] {
  return d.workflow.S4.map((id) => findParty(d, id)).filter((p): p is Party => p !== undefined && p.role === 'quantum-cloud');
}

/**
 * The quantum cloud the insider works in: the first executing cloud that is not trusted. Throws a
 * clear error when the deployment has no quantum cloud, or trusts every one.
 */
export function insiderCloud(d: Deployment): Party {
  const clouds = executingClouds(d);
  if (clouds.length === 0) {
    throw new InputError(`scenario s3-untrusted-provider needs a quantum cloud that executes the circuits (S4), and deployment "${d.name}" has none: the quantum-cloud-insider has no position in it`, 'DEPLOYMENT');
  }
  const untrusted = clouds.find((p) => p.trust !== 'trusted');
  if (!untrusted) {
    throw new InputError(`scenario s3-untrusted-provider attacks from inside an untrusted quantum cloud, but deployment "${d.name}" trusts every quantum cloud it uses (${clouds.map((p) => `${p.id}: ${p.trust}`).join(', ')}); mark one "honest-but-curious" or "untrusted"`, 'DEPLOYMENT');
  }
  return untrusted;
}

/**
 * The deployment with a second, trusted quantum cloud on the same device (what a client that
 * splits its jobs contracts), listed first so that the pipeline opens its channel first.
 */
export function withSecondCloud(d: Deployment, insider: Party): Deployment {
  const id = `${insider.id}-second`;
  const second: Party = { id, role: 'quantum-cloud', name: 'Second quantum cloud', trust: 'trusted', devices: [...insider.devices], tenancy: 'dedicated', pulseLevelAccess: false };
  const s3 = d.workflow.S3.includes(insider.id) ? [id, ...d.workflow.S3] : d.workflow.S3;
  return { ...d, parties: [...d.parties, second], workflow: { ...d.workflow, S3: s3, S4: [id, ...d.workflow.S4] } };
}

/** How to train the victim. */
export interface VictimOptions {
  readonly seed: number;
  readonly insider: string;
  readonly simulation: 'ideal' | 'noisy';
  readonly epochs?: number;
  readonly trainingRows?: number;
  readonly client?: (provider: QuantumProvider, route: ClientRoute) => QuantumProvider;
  readonly classical?: (provider: ClassicalProvider, party: Party) => ClassicalProvider;
}

/** A trained victim, what its insider kept, and the truth to score the attack with. */
export interface VictimRun {
  readonly result: TrainDeploymentResult;
  readonly curious: CuriousProvider;
  readonly truth: VictimTruth;
}

/** Trains the victim through the pipeline (see the module comment). */
export async function trainVictim(deployment: Deployment, o: VictimOptions): Promise<VictimRun> {
  const kept: { curious?: CuriousProvider } = {};
  const result = await trainDeployment(deployment, {
    seed: o.seed, simulation: o.simulation, queue: 'median',
    ...(o.epochs !== undefined ? { epochs: o.epochs } : {}), ...(o.trainingRows !== undefined ? { trainingRows: o.trainingRows } : {}),
    provider: (p, party) => (party.id === o.insider ? (kept.curious = new CuriousProvider(p)) : p),
    ...(o.client ? { client: o.client } : {}), ...(o.classical ? { classical: o.classical } : {}),
  });
  const curious = kept.curious;
  if (!curious) throw new InputError(`quantum cloud "${o.insider}" received no jobs from deployment "${deployment.name}"`, 'DEPLOYMENT');
  const model = result.model;
  const split = new DataOwner(result.pipeline.roles.owner, loadDeploymentDataset(deployment)).split(result.spec, o.seed, o.trainingRows);
  const trainFeatures = model.features(split.train.features);
  const testFeatures = model.features(split.test.features);
  const truth: VictimTruth = {
    tenant: result.pipeline.roles.owner,
    config: model.qnn.config,
    family: encodingFamilyOf(model.qnn.config.encoder),
    weights: Float64Array.from(model.qnnWeights),
    trainFeatures,
    trainInputs: model.qnn.encode(trainFeatures),
    trainLabels: split.train.labels,
    testInputs: model.qnn.encode(testFeatures),
    testLabels: split.test.labels,
    testAccuracy: result.test.accuracy,
    jobsSent: result.invoice.jobs,
  };
  return { result, curious, truth };
}
