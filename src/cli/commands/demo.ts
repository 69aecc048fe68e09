/**
 * `qmlsec demo` (what `npm start` runs): the whole story on embedded defaults — simulate a
 * few circuits, train the Iris model through the QMLaaS pipeline on a noisy device, serve it
 * on loopback, analyse the deployment's threats, run the attack lab with and without
 * defenses, and write the report to ./qmlsec-report/.
 */
import type { Command } from 'commander';
import { loadDeployment } from '../../deploy/load.js';
import { demoCircuits } from '../demo/circuits.js';
import { DEMO_DEPLOYMENT_YAML } from '../demo/deployment.js';
import { demoLab, demoReport } from '../demo/lab.js';
import { duration, say } from '../demo/say.js';
import { demoServing } from '../demo/serving.js';
import { demoThreats } from '../demo/threats.js';
import { demoTraining } from '../demo/training.js';
import { parseIntOption } from '../output.js';

interface DemoOptions {
  out: string;
  epochs: number;
  seeds: number;
  lab: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run the end-to-end demo on embedded defaults (what `npm start` runs)')
    .option('--out <dir>', 'where to write the report', 'qmlsec-report')
    .option('--epochs <n>', 'training epochs', parseIntOption('--epochs', 1, 1000), 10)
    .option('--seeds <n>', 'seeds per lab scenario', parseIntOption('--seeds', 1, 100), 1)
    .option('--no-lab', 'stop after training, serving and the threat analysis')
    .action(async (opts: DemoOptions) => {
      const t0 = performance.now();
      demoCircuits();
      const deployment = loadDeployment({ text: DEMO_DEPLOYMENT_YAML });
      const trained = await demoTraining(deployment, opts.epochs);
      await demoServing(trained.artifact, [[5.1, 3.5, 1.4, 0.2], [6.4, 3.2, 4.5, 1.5], [6.7, 3.0, 5.2, 2.3]]);
      const analysis = demoThreats(deployment, trained.ledger);
      if (opts.lab) {
        const results = await demoLab(deployment, Array.from({ length: opts.seeds }, (_, i) => i + 1));
        await demoReport(opts.out, {
          results,
          analyses: [analysis],
          training: {
            model: 'hybrid QNN: angle encoding, 2 StronglyEntanglingLayers, 4 qubits, linear head',
            dataset: 'iris',
            device: `${deployment.parties.find((p) => p.role === 'quantum-cloud')?.devices[0] ?? '?'} (noisy, ${deployment.execution?.shots ?? 0} shots)`,
            accuracy: trained.test.accuracy,
            seconds: trained.seconds,
            costUsd: trained.cost_usd,
            ledger: trained.ledger,
          },
          circuits: [{ title: 'The model circuit (template: x = features, w = trained weights)', text: trained.model.qnn.circuit.draw({ maxWidth: 120 }) }],
        });
      }
      say('');
      say(`demo finished in ${duration((performance.now() - t0) / 1000)}`);
    });
}
