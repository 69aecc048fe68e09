/**
 * The exposure ledger a deployment implies, derived statically from who performs each workflow
 * step. It follows the data flow of the QMLaaS workflow (SoK, arXiv:2408.09562, §3–4):
 *
 * - S1: the data owner sends raw data and labels to the preprocessing party (labels are needed
 *   to fit supervised feature extractors).
 * - S2: preprocessed features go to the circuit designer, who produces the encoding circuit, the
 *   PQC architecture and the (initial) weights.
 * - S3: the transpiling party receives the logical circuits with features and weights bound.
 * - S4: each executing quantum cloud receives the transpiled circuit (features and weights are
 *   in it as rotation angles) unless it transpiled itself, in which case it already holds the
 *   logical circuits; the submitting party also holds the owner's provider credentials.
 * - S5/S6: measurement outputs and labels go to the gradient party, gradients to the optimiser,
 *   and updated weights back to whoever builds and transpiles the circuits.
 * - I1/I2: the host receives the trained model; clients send queries and receive predictions;
 *   inference circuits travel to the transpiler and the quantum cloud just as in training.
 *
 * A third-party transpiler vendor (`transpiler.vendor`) supplies software only and receives no
 * data, so it never appears in the ledger. Each (from, to, asset) message is recorded once, at
 * the first step where it happens; times are logical ticks 0, 1, 2, ….
 */
import { dataOwnerOf, partiesWithRole, performersOf, type Deployment } from './deployment.js';
import type { ExposureLedger, ExposureRecord } from './ledger.js';
import type { LedgerAsset, WorkflowStep } from './vocabulary.js';

class LedgerBuilder {
  readonly records: ExposureRecord[] = [];
  private readonly seen = new Set<string>();

  send(step: WorkflowStep, from: string, to: string, asset: LedgerAsset, note?: string): void {
    if (from === to) return;
    const key = `${from}\u0000${to}\u0000${asset}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.records.push({ step, from, to, asset, time: this.records.length, ...(note !== undefined ? { note } : {}) });
  }

  sendAll(step: WorkflowStep, from: readonly string[], to: readonly string[], assets: readonly LedgerAsset[], note?: string): void {
    for (const f of from) for (const t of to) for (const a of assets) this.send(step, f, t, a, note);
  }
}

const CIRCUIT_ASSETS: readonly LedgerAsset[] = ['encoding-circuit', 'pqc-architecture', 'trained-weights'];

function submittersOf(upstream: readonly string[], s3: readonly string[], s4: readonly string[]): string[] {
  // A quantum cloud that transpiles receives logical circuits from upstream; other transpilers
  // submit the physical circuits themselves.
  const qcTranspiles = s3.some((p) => s4.includes(p));
  const out = new Set<string>(qcTranspiles ? upstream : []);
  for (const p of s3) if (!s4.includes(p)) out.add(p);
  return [...out];
}

/** Derives the exposure ledger a deployment implies (see the module comment for the rules). */
export function deriveLedger(deployment: Deployment): ExposureLedger {
  const b = new LedgerBuilder();
  const owner = [dataOwnerOf(deployment)];
  const s1 = performersOf(deployment, 'S1');
  const s2 = performersOf(deployment, 'S2');
  const s3 = performersOf(deployment, 'S3');
  const s4 = performersOf(deployment, 'S4');
  const s5 = performersOf(deployment, 'S5');
  const s6 = performersOf(deployment, 'S6');
  const externalTranspilers = s3.filter((p) => !s4.includes(p));

  b.sendAll('S1', owner, s1, ['raw-data', 'labels'], 'training data and labels for preprocessing');
  b.sendAll('S2', s1, s2, ['preprocessed-features'], 'reduced, normalised features');
  b.sendAll('S3', s2, s3, CIRCUIT_ASSETS, 'logical circuits with current weights bound');
  b.sendAll('S3', s2, s3, ['preprocessed-features'], 'features bound as rotation angles in the state-preparation circuit');
  b.sendAll('S4', externalTranspilers, s4, ['transpiled-circuit'], 'physical circuits for the target device');
  b.sendAll('S4', externalTranspilers, s4, ['trained-weights', 'preprocessed-features'], 'bound as rotation angles inside the transpiled circuit');
  b.sendAll('S4', owner, submittersOf(s2, s3, s4), ['provider-credentials'], 'token to submit jobs on the owner\u2019s quantum account');
  b.sendAll('S4', s4, s5, ['measurement-outputs'], 'counts or expectation values');
  b.sendAll('S5', owner, s5, ['labels'], 'labels for the loss');
  // The gradient party computes the loss through the classical head: it needs the weights.
  b.sendAll('S5', s2, s5, ['trained-weights'], 'initial parameters (the head weights enter the loss)');
  b.sendAll('S6', s5, s6, ['gradients']);
  b.sendAll('S6', s2, s6, ['trained-weights'], 'initial parameters to update');
  // Updated parameters go back to the designer (who binds them into the next circuits — a
  // transpiling quantum cloud receives them inside every job, S3) and to the gradient party.
  b.sendAll('S6', s6, [...s2, ...s5], ['trained-weights'], 'updated parameters for the next iteration');

  if (deployment.serving) {
    const host = performersOf(deployment, 'I1');
    const server = performersOf(deployment, 'I2');
    b.sendAll('I1', s6, host, ['trained-weights'], 'final trained parameters');
    b.sendAll('I1', s2, host, ['encoding-circuit', 'pqc-architecture'], 'trained model package');
    b.sendAll('I1', host, server, CIRCUIT_ASSETS, 'model deployed to the serving endpoint');
    const clients = partiesWithRole(deployment, 'api-client').map((p) => p.id);
    b.sendAll('I2', clients, server, ['inference-queries'], 'client inputs');
    b.sendAll('I2', server, clients, ['predictions'], `API answers (${deployment.serving.returns})`);
    b.sendAll('I2', server, s3, [...CIRCUIT_ASSETS, 'inference-features'], 'inference circuits with query features bound');
    b.sendAll('I2', externalTranspilers, s4, ['transpiled-circuit', 'trained-weights', 'inference-features'], 'transpiled inference circuits');
    b.sendAll('I2', owner, submittersOf(server, s3, s4), ['provider-credentials'], 'token to submit inference jobs');
    b.sendAll('I2', s4, server, ['measurement-outputs'], 'inference measurement results');
  }
  return { deployment: deployment.name, source: 'derived', records: b.records };
}
