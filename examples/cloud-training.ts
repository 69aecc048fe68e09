/**
 * Training the Iris model as a service, on a quantum cloud the data owner does not trust.
 *
 * The parties, trust levels and workflow come from examples/deployments/untrusted-quantum-cloud.yaml:
 * the lab keeps preprocessing, gradients and optimisation in house and lets "cheap-qpu" transpile
 * and execute. Here that deployment trains the Iris model of examples/iris.yaml (10 epochs) on the
 * provider's small noisy device, ibm_nairobi, with 300 shots per circuit. The run prints accuracy,
 * the time it would take on the cloud (queue waits included) and its price, and the exposure
 * ledger it recorded: who saw what.
 *
 *   npx tsx examples/cloud-training.ts
 */
import { fileURLToPath } from 'node:url';
import { deriveLedger, compareLedgers, exposureByParty, loadDeployment, trainDeployment, type Deployment } from '../src/index.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const untrusted = loadDeployment({ file: here('./deployments/untrusted-quantum-cloud.yaml') });
const deployment: Deployment = {
  ...untrusted,
  dataset: { kind: 'builtin', name: 'iris' },
  model: { kind: 'file', path: here('./iris.yaml') },
};

const r = await trainDeployment(deployment, {
  epochs: 10,
  shots: 300,
  devices: { 'cheap-qpu': 'ibm_nairobi' },
  onEpoch: (e, total) => process.stdout.write(`\repoch ${e.epoch}/${total}  loss ${e.loss.toFixed(3)}  accuracy ${e.accuracy.toFixed(3)}`),
});
process.stdout.write('\n');

const days = r.time_s / 86_400;
console.log(`\n${deployment.name}: Iris on ibm_nairobi at cheap-qpu, ${r.pipeline.shots} shots`);
console.log(`  test accuracy ${r.test.accuracy.toFixed(3)} (train ${r.train.accuracy.toFixed(3)}), computed in ${r.seconds.toFixed(1)} s here`);
console.log(`  on the cloud: ${r.invoice.jobs} jobs, ${r.invoice.circuits} circuits, ${(r.invoice.shots / 1e6).toFixed(1)} M shots`);
console.log(`  time ${days.toFixed(1)} days, of which the QPU ran our jobs for ${(r.invoice.billable_s / 3600).toFixed(2)} h; the rest is queueing`);
console.log(`  cost $${r.cost_usd.toFixed(2)}`);

console.log('\nwho saw what (recorded exposure ledger):');
for (const p of exposureByParty(r.ledger, deployment)) {
  const what = p.assets.map((a) => `${a} (from ${(p.from[a] ?? []).join(', ')})`).join('; ');
  console.log(`  ${p.party.padEnd(10)} ${`${p.role}, ${p.trust}`.padEnd(26)} ${what || 'nothing'}`);
}
const diff = compareLedgers(r.ledger, deriveLedger(deployment));
console.log(`\nrecorded vs derived ledger: ${diff.onlyRecorded.length + diff.onlyExpected.length === 0 ? 'identical' : JSON.stringify(diff)}`);
