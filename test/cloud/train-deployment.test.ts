import { describe, expect, it } from 'vitest';
import { deviceSubgraphEdges } from '../../src/cloud/device-executor.js';
import type { JobResult, QuantumJob, QuantumProvider } from '../../src/cloud/job.js';
import { trainDeployment, type DeploymentCheckpoint } from '../../src/cloud/train-deployment.js';
import { loadDeployment } from '../../src/deploy/load.js';
import { Rng } from '../../src/core/rng.js';
import { HybridModel } from '../../src/qml/model.js';
import { trainFromSpec } from '../../src/qml/runner.js';
import { qnnConfigOf } from '../../src/qml/spec.js';
import { PauliSum } from '../../src/sim/pauli.js';

const load = (file: string) => loadDeployment({ file: new URL(`../../examples/deployments/${file}`, import.meta.url).pathname });
const trusted = load('trusted-single-provider.yaml');
const untrusted = load('untrusted-quantum-cloud.yaml');

describe('training through the pipeline', () => {
  it('a trusted deployment on an ideal cloud gives exactly the parameters of trainFromSpec', async () => {
    const cloud = await trainDeployment(trusted, { simulation: 'ideal', epochs: 3 });
    // The cloud cannot run adjoint differentiation (it needs the state on the client), so the
    // pipeline uses parameter shift; with the same method, the parameters agree bit for bit.
    const spec = { ...cloud.spec, training: { ...cloud.spec.training, gradient: 'parameter-shift' as const } };
    const plain = await trainFromSpec(spec, { seed: 7, deviceEdges: deviceSubgraphEdges });
    expect(Array.from(cloud.model.params)).toEqual(Array.from(plain.model.params));
    expect(cloud.test.accuracy).toBe(plain.test.accuracy);
    expect(cloud.train.accuracy).toBe(plain.train.accuracy);
    // With trainFromSpec's default (adjoint), only rounding differs.
    const adjoint = await trainFromSpec(cloud.spec, { seed: 7, deviceEdges: deviceSubgraphEdges });
    cloud.model.params.forEach((v, i) => expect(Math.abs(v - (adjoint.model.params[i] as number))).toBeLessThan(1e-9));
    // Time and money are still the device's.
    expect(cloud.time_s).toBeGreaterThan(0);
    expect(cloud.cost_usd).toBeGreaterThan(0);
    expect(cloud.artifact.training?.['deployment']).toBe('trusted-single-provider');
  }, 60_000);

  it('trains on a noisy device with shots and reports time and money per run', async () => {
    const r = await trainDeployment(trusted, { epochs: 4, trainingRows: 48, shots: 256 });
    expect(r.test.accuracy).toBeGreaterThan(0.6); // three classes: chance is 1/3
    expect(r.invoice.jobs).toBeGreaterThan(0);
    expect(r.invoice.shots % 256).toBe(0);
    expect(r.cost_usd).toBeCloseTo(r.invoice.cost_usd, 12);
    // Every minibatch waits in the queue, so the run takes longer than its billed device time.
    expect(r.time_s).toBeGreaterThan(r.invoice.billable_s);
    const usage = r.pipeline.clouds.get('acme-quantum')?.usage();
    expect(usage?.total.jobs).toBe(r.invoice.jobs);
    expect(usage?.total.cost_usd).toBeCloseTo(r.cost_usd, 9);
  }, 60_000);

  it('resumes from a checkpoint exactly, clock and bill included', async () => {
    const checkpoints: DeploymentCheckpoint[] = [];
    const options = { simulation: 'ideal' as const, epochs: 2, trainingRows: 32 };
    const full = await trainDeployment(trusted, { ...options, saveCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c)) as DeploymentCheckpoint) });
    const resumed = await trainDeployment(trusted, { ...options, resumeFrom: checkpoints[0] as DeploymentCheckpoint });
    expect(Array.from(resumed.model.params)).toEqual(Array.from(full.model.params));
    expect(resumed.time_s).toBe(full.time_s);
    expect(resumed.cost_usd).toBeCloseTo(full.cost_usd, 9);
    expect(resumed.ledger.records.map((r) => [r.step, r.from, r.to, r.asset])).toEqual(full.ledger.records.map((r) => [r.step, r.from, r.to, r.asset]));
  }, 60_000);
});

describe('serving a trained deployment', () => {
  it('answers API queries through the quantum clouds in the form the deployment returns', async () => {
    const quick = { simulation: 'ideal' as const, epochs: 1, trainingRows: 32, queries: 3 };
    const pub = await trainDeployment(load('public-inference-api.yaml'), quick);
    expect(pub.answers).toHaveLength(3);
    for (const a of pub.answers ?? []) {
      expect(a.probabilities).toHaveLength(10);
      for (const p of a.probabilities ?? []) expect(Math.round(p * 100) / 100).toBe(p); // rounded to 2 digits
    }
    const hardened = await trainDeployment(load('hardened.yaml'), quick);
    for (const a of hardened.answers ?? []) expect(Object.keys(a)).toEqual(['label']);
    // A query from someone who is not an API client of the deployment is refused.
    await expect(hardened.host?.answer('ml-cloud', [[0]])).rejects.toThrow(/not an API client/);
  }, 60_000);
});

/** An adversary: a provider decorator that keeps what it is sent and returns the honest result. */
class Eavesdropper implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  readonly seen: QuantumJob[] = [];
  constructor(private readonly inner: QuantumProvider) {
    this.id = inner.id;
    this.devices = inner.devices;
  }
  submit(job: QuantumJob): Promise<JobResult> {
    this.seen.push(job);
    return this.inner.submit(job);
  }
}

/** An adversary that tampers: every expectation value comes back halved. */
class Damper implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  constructor(private readonly inner: QuantumProvider) {
    this.id = inner.id;
    this.devices = inner.devices;
  }
  async submit(job: QuantumJob): Promise<JobResult> {
    const r = await this.inner.submit(job);
    return { ...r, ...(r.expectations ? { expectations: r.expectations.map((v) => v / 2) } : {}) };
  }
}

/** A client-side defense: sends −O instead of O and negates the answers, so the provider never sees the real observables. */
class FlippedObservables implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  constructor(private readonly inner: QuantumProvider) {
    this.id = inner.id;
    this.devices = inner.devices;
  }
  async submit(job: QuantumJob): Promise<JobResult> {
    const flipped = job.observables?.map((o) => PauliSum.parse(`-1*${o.toString()}`.replace('-1*-', '')));
    const r = await this.inner.submit({ ...job, ...(flipped ? { observables: flipped } : {}) });
    return { ...r, ...(r.expectations ? { expectations: r.expectations.map((v) => -v) } : {}) };
  }
}

describe('the decorator seam', () => {
  const options = { simulation: 'ideal' as const, epochs: 1, trainingRows: 32 };

  it('a malicious provider wraps the honest one and sees what crossed the boundary', async () => {
    let thief: Eavesdropper | undefined;
    const honest = await trainDeployment(untrusted, options);
    const r = await trainDeployment(untrusted, { ...options, provider: (p) => (thief = new Eavesdropper(p)) });
    expect(Array.from(r.model.params)).toEqual(Array.from(honest.model.params));
    expect(r.ledger).toEqual(honest.ledger);
    // It holds the logical design and the very first weights the designer drew.
    const first = thief?.seen[0] as QuantumJob;
    expect(first.form).toBe('logical');
    const model = new HybridModel({ qnn: qnnConfigOf(r.spec, deviceSubgraphEdges), head: 'linear', classes: ['a', 'b'] });
    model.initialize(new Rng(`${r.artifact.training?.['seed'] as number}:init`));
    expect(Array.from(first.weights as ArrayLike<number>)).toEqual(Array.from(model.qnnWeights));
    expect(thief?.seen.length).toBe(r.invoice.jobs);
  }, 60_000);

  it('a tampering provider changes what the client learns, without the client code knowing', async () => {
    const honest = await trainDeployment(untrusted, options);
    const r = await trainDeployment(untrusted, { ...options, provider: (p) => new Damper(p) });
    expect(Array.from(r.model.params)).not.toEqual(Array.from(honest.model.params));
  }, 60_000);

  it('a client-side defense alters jobs before they cross; the honest result is unchanged', async () => {
    let thief: Eavesdropper | undefined;
    const honest = await trainDeployment(untrusted, options);
    const r = await trainDeployment(untrusted, { ...options, provider: (p) => (thief = new Eavesdropper(p)), client: (p) => new FlippedObservables(p) });
    r.model.params.forEach((v, i) => expect(v).toBeCloseTo(honest.model.params[i] as number, 10));
    expect(thief?.seen[0]?.observables?.[0]?.toString()).toBe(PauliSum.parse('-1*Z0').toString());
  }, 60_000);
});
