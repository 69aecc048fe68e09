import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareLedgers, exposureByParty, firstExposures } from '../../src/cloud/ledger-summary.js';
import { trainDeployment, type TrainDeploymentOptions } from '../../src/cloud/train-deployment.js';
import { deriveLedger } from '../../src/deploy/derive-ledger.js';
import { assertLedgerMatches, parseLedgerValue } from '../../src/deploy/ledger.js';
import { loadDeployment } from '../../src/deploy/load.js';
import type { Deployment } from '../../src/deploy/deployment.js';

const DIR = new URL('../../examples/deployments/', import.meta.url);
const examples = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const load = (file: string) => loadDeployment({ file: new URL(file, DIR).pathname });

/** A short run: one epoch on 32 training rows (two minibatches, so both of hardened's clouds get jobs). */
function quick(d: Deployment, extra: TrainDeploymentOptions = {}): TrainDeploymentOptions {
  return { epochs: 1, trainingRows: 32, simulation: 'ideal', ...(d.serving ? { queries: 2 } : {}), ...extra };
}

describe('the ledger recorded by running each example deployment', () => {
  it.each(examples)('%s: matches deriveLedger', async (file) => {
    const d = load(file);
    const r = await trainDeployment(d, quick(d));
    const diff = compareLedgers(r.ledger, deriveLedger(d));
    expect(diff.onlyRecorded).toEqual([]);
    expect(diff.onlyExpected).toEqual([]);
    // It is a valid ledger file for this deployment.
    const reread = parseLedgerValue(JSON.parse(JSON.stringify(r.ledger)));
    expect(() => assertLedgerMatches(reread, d)).not.toThrow();
    expect(reread.source).toBe('recorded');
  }, 60_000);

  it('does not depend on how faithfully the devices are simulated', async () => {
    const d = load('trusted-single-provider.yaml');
    const ideal = await trainDeployment(d, quick(d));
    const noisy = await trainDeployment(d, quick(d, { simulation: 'noisy', shots: 200 }));
    expect(firstExposures(noisy.ledger)).toEqual(firstExposures(ideal.ledger));
  }, 60_000);
});

describe('who receives what, per trust setting', () => {
  const assets = async (file: string) => {
    const d = load(file);
    const r = await trainDeployment(d, quick(d));
    return Object.fromEntries(exposureByParty(r.ledger, d).map((p) => [p.party, p.assets]));
  };

  it('provider-side transpilation: the quantum cloud sees encoding, PQC, features and weights — not the data itself', async () => {
    const a = await assets('untrusted-quantum-cloud.yaml');
    expect(a['cheap-qpu']).toEqual(['preprocessed-features', 'encoding-circuit', 'pqc-architecture', 'trained-weights']);
    expect(a['lab']).toEqual(['measurement-outputs']);
  });

  it('client-side transpilation: the quantum clouds see the transpiled circuit and the bound values, not the logical design', async () => {
    const a = await assets('hardened.yaml');
    for (const q of ['quantum-a', 'quantum-b']) expect(a[q]).toEqual(['preprocessed-features', 'trained-weights', 'transpiled-circuit', 'inference-features']);
    expect(a['ml-cloud']).toEqual(['labels', 'encoding-circuit', 'pqc-architecture', 'trained-weights', 'measurement-outputs', 'inference-queries']);
    // The owner transpiles the serving endpoint's inference circuits too.
    expect(a['owner']).toEqual(['encoding-circuit', 'pqc-architecture', 'trained-weights', 'inference-features']);
    expect(a['public']).toEqual(['predictions']);
    expect(a['qcompile']).toEqual([]);
    expect(a['label-vendor']).toEqual([]);
  });

  it('a classical cloud that preprocesses and transpiles sees raw data and the whole design', async () => {
    const a = await assets('public-inference-api.yaml');
    expect(a['ml-cloud']).toEqual(['raw-data', 'labels', 'preprocessed-features', 'encoding-circuit', 'pqc-architecture', 'trained-weights', 'measurement-outputs', 'provider-credentials', 'inference-queries']);
    expect(a['owner']).toEqual(['preprocessed-features', 'trained-weights']);
    expect(a['quantum-co']).toEqual(['preprocessed-features', 'trained-weights', 'transpiled-circuit', 'inference-features']);
  });
});
