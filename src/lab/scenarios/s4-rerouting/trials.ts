/**
 * Detection trials: each defense's check run many times against the honest fleet and against
 * the rerouting provider (every job rerouted), giving the two score samples an ROC curve is
 * drawn from. Every trial is a real job on the simulated cloud with its own shot seed.
 */
import { InputError } from '../../../core/errors.js';
import type { QuantumJob } from '../../../cloud/job.js';
import type { Deployment } from '../../../deploy/deployment.js';
import { FingerprintingClient } from './fingerprint-client.js';
import { fleetCloud } from './fleet.js';
import { ReroutingProvider } from './rerouting-provider.js';
import type { ReroutePair, ReroutePlan } from './setup.js';
import { TrapClient } from './trap-client.js';

/** Scores of one defense's check on honest and on rerouted runs. */
export interface TrialScores {
  readonly honest: number[];
  readonly rerouted: number[];
  /** Mean client-side time to predict what a check should give on the claimed device, milliseconds. */
  readonly predictMsPerCheck: number;
}

/** Where and how often to run the checks. */
export interface TrialSetup {
  readonly deployment: Deployment;
  readonly plan: ReroutePlan;
  readonly pair: ReroutePair;
  readonly tenant: string;
  readonly trials: number;
  readonly shots: number;
  readonly seed: number;
}

function providers(s: TrialSetup, salt: number) {
  const honest = fleetCloud(s.deployment, s.plan, s.seed * 31 + salt);
  const rerouted = new ReroutingProvider(fleetCloud(s.deployment, s.plan, s.seed * 31 + salt + 1), { routes: { [s.pair.claimed]: s.pair.actual }, seed: s.seed, advertised: s.plan.cloud.devices });
  return { honest, rerouted };
}

function checkTrials(n: number): void {
  if (!Number.isInteger(n) || n < 2) throw new InputError(`detection trials need at least 2 runs per class, got ${n}`, 'BUDGET');
}

/** Fingerprint probes on `region` (the qubits the victim's jobs reported): Manhattan distances. */
export async function fingerprintTrials(s: TrialSetup, region: readonly number[]): Promise<TrialScores> {
  checkTrials(s.trials);
  const { honest, rerouted } = providers(s, 1);
  let ms = 0;
  const score = async (p: FingerprintingClient) => {
    const out: number[] = [];
    for (let i = 0; i < s.trials; i++) {
      const r = await p.probe(s.pair.claimed, region);
      out.push(r.distance);
      ms += r.predict_ms;
    }
    return out;
  };
  const h = await score(new FingerprintingClient(honest, { tenant: s.tenant, shots: s.shots, seed: s.seed * 2 }));
  const r = await score(new FingerprintingClient(rerouted, { tenant: s.tenant, shots: s.shots, seed: s.seed * 2 + 1 }));
  return { honest: h, rerouted: r, predictMsPerCheck: ms / (2 * s.trials) };
}

/** Trap jobs shaped like `job` (the victim's own): success deficits. */
export async function trapTrials(s: TrialSetup, job: QuantumJob): Promise<TrialScores> {
  checkTrials(s.trials);
  const { honest, rerouted } = providers(s, 2);
  let ms = 0;
  const score = async (p: TrapClient) => {
    const out: number[] = [];
    for (let i = 0; i < s.trials; i++) {
      const r = await p.trap(job);
      out.push(r.deficit);
      ms += r.predict_ms;
    }
    return out;
  };
  const h = await score(new TrapClient(honest, { tenant: s.tenant, shots: s.shots, seed: `${s.seed}:honest` }));
  const r = await score(new TrapClient(rerouted, { tenant: s.tenant, shots: s.shots, seed: `${s.seed}:rerouted` }));
  return { honest: h, rerouted: r, predictMsPerCheck: ms / (2 * s.trials) };
}
