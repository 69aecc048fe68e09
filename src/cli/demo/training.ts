/** Demo step: train the Iris model through the QMLaaS pipeline on a noisy device. */
import { trainDeployment, type TrainDeploymentResult } from '../../cloud/train-deployment.js';
import { exposureByParty } from '../../cloud/ledger-summary.js';
import type { Deployment } from '../../deploy/deployment.js';
import { progressBar } from '../output.js';
import { duration, money, say, section } from './say.js';

export async function demoTraining(deployment: Deployment, epochs: number): Promise<TrainDeploymentResult> {
  section('Training as a service: Iris through the deployment (classical cloud + untrusted quantum cloud)');
  const device = deployment.parties.find((p) => p.role === 'quantum-cloud')?.devices[0] ?? '?';
  say(`${deployment.name}: ${deployment.description ?? ''}`);
  say(`circuits are transpiled by the quantum cloud and run on ${device} with its calibrated noise, ${deployment.execution?.shots ?? 1000} shots each`);
  const bar = progressBar();
  bar.start(epochs, 'training');
  const r = await trainDeployment(deployment, {
    epochs,
    queries: 3,
    onEpoch: (e) => bar.update(e.epoch, `loss ${e.loss.toFixed(3)} acc ${e.accuracy.toFixed(3)}`),
  });
  bar.stop();
  say(`test accuracy ${r.test.accuracy.toFixed(3)} (train ${r.train.accuracy.toFixed(3)}), ${r.epochs} epochs, computed here in ${r.seconds.toFixed(1)} s`);
  say(`on the cloud: ${r.invoice.jobs} jobs, ${r.invoice.circuits} circuits; ${duration(r.time_s)} including queueing, ${money(r.cost_usd)}`);
  say('who saw what (recorded exposure ledger):');
  for (const p of exposureByParty(r.ledger, deployment)) {
    say(`  ${p.party.padEnd(10)} ${`${p.role}, ${p.trust}`.padEnd(30)} ${p.assets.join(', ') || 'nothing'}`);
  }
  return r;
}
