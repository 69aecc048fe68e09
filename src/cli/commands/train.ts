/**
 * `qmlsec train SPEC.yaml` — train a hybrid model from a model spec, print its metrics and
 * write the artifact. Checkpoints (`--checkpoint FILE`) let an interrupted run resume.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { parseJson } from '../../core/schema.js';
import { canonicalJson, sha256Hex } from '../../core/canonical-json.js';
import { trainFromSpec } from '../../qml/runner.js';
import { loadModelSpec } from '../../qml/spec.js';
import type { Checkpoint } from '../../qml/trainer.js';
import { writeFileAtomic } from '../atomic-write.js';
import { parseIntOption, printJson, printLine, progressBar } from '../output.js';
import { executorForBackend, parseBackendName } from '../executors.js';
import { isDeploymentFile, trainDeploymentCommand } from './train-deployment.js';
import { UsageError } from '../../core/errors.js';

interface TrainOptions {
  backend?: string;
  shots?: number;
  seed?: number;
  epochs?: number;
  out?: string;
  json?: boolean;
  checkpoint?: string;
  ledger?: string;
  queries?: number;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train a hybrid quantum model from a model spec, or through the QMLaaS pipeline of a deployment (YAML)')
    .argument('<spec>', 'model spec file, e.g. examples/iris.yaml, or deployment file, e.g. examples/deployments/untrusted-quantum-cloud.yaml')
    .option('--backend <name>', 'statevector | density-matrix | trajectories | device:ID (default: the spec\'s, else statevector)', parseBackendName)
    .option('--shots <n>', 'shots per circuit evaluation (default: exact expectations)', parseIntOption('--shots', 1, 10_000_000))
    .option('--seed <s>', 'overrides training.seed', parseIntOption('--seed', 0))
    .option('--epochs <n>', 'overrides training.epochs', parseIntOption('--epochs', 0, 1_000_000))
    .option('--out <file>', 'where to write the model artifact (default: <name>.model.json)')
    .option('--checkpoint <file>', 'write a checkpoint after every epoch; resume from it if it exists')
    .option('--json', 'print {"train": …, "test": …, "epochs", "seconds"} as JSON (deployments add "time_s", "cost_usd")')
    .option('--ledger <file>', 'deployments: write the recorded exposure ledger (JSON) to this file')
    .option('--queries <n>', 'deployments with serving: after training, send N test rows to the served model as API queries', parseIntOption('--queries', 1, 100_000))
    .action(async (specPath: string, opts: TrainOptions) => {
      if (isDeploymentFile(specPath)) return trainDeploymentCommand(specPath, opts);
      if (opts.ledger !== undefined || opts.queries !== undefined) throw new UsageError('--ledger and --queries apply to deployment files only');
      const spec0 = loadModelSpec(specPath);
      const spec = opts.epochs !== undefined ? { ...spec0, training: { ...spec0.training, epochs: opts.epochs } } : spec0;
      const backend = opts.backend ?? spec.execution?.backend ?? 'statevector';
      const shots = opts.shots ?? spec.execution?.shots;
      const executor = executorForBackend(backend, shots, opts.seed ?? spec.training.seed ?? 0);
      const specDigest = sha256Hex(canonicalJson({ spec, backend, shots: shots ?? null, seed: opts.seed ?? null }));
      const resumeFrom = opts.checkpoint ? readCheckpoint(opts.checkpoint, specDigest) : undefined;
      const bar = progressBar(!opts.json && (Boolean(process.stderr.isTTY) || process.env['QMLSEC_PROGRESS'] === '1'));
      bar.start(spec.training.epochs, 'training');
      if (resumeFrom) bar.update(resumeFrom.epoch, `resumed at epoch ${resumeFrom.epoch}`);
      const result = await trainFromSpec(spec, {
        executor: executor.executor,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        baseDir: dirname(specPath),
        onEpoch: (r) => bar.update(r.epoch, `loss ${r.loss.toFixed(4)} acc ${r.accuracy.toFixed(3)}${r.valAccuracy !== undefined ? ` val ${r.valAccuracy.toFixed(3)}` : ''}`),
        ...(opts.checkpoint ? { saveCheckpoint: (c: Checkpoint) => writeFileAtomic(opts.checkpoint as string, JSON.stringify({ spec_digest: specDigest, checkpoint: c })) } : {}),
        ...(resumeFrom ? { resumeFrom } : {}),
        deviceEdges: executor.deviceEdges,
        artifactInfo: executor.info,
      });
      bar.stop();
      const out = opts.out ?? `${spec.name}.model.json`;
      writeFileAtomic(out, `${JSON.stringify(result.artifact, null, 2)}\n`);
      if (opts.json) {
        printJson({
          train: { accuracy: result.train.accuracy, loss: result.train.loss },
          test: { accuracy: result.test.accuracy, macro_f1: result.test.macroF1 },
          epochs: result.epochs, seconds: result.seconds,
        });
      } else {
        printLine(`trained ${spec.name} on ${executor.executor.backend.name}${shots ? ` with ${shots} shots` : ''}: ${result.epochs} epochs in ${result.seconds.toFixed(2)} s`);
        printLine(`  train accuracy ${result.train.accuracy.toFixed(4)}  loss ${result.train.loss.toFixed(4)}`);
        printLine(`  test  accuracy ${result.test.accuracy.toFixed(4)}  macro-F1 ${result.test.macroF1.toFixed(4)}`);
        printLine(`  model written to ${out}`);
      }
    });
}

function readCheckpoint(path: string, digest: string): Checkpoint | undefined {
  if (!existsSync(path)) return undefined;
  const value = parseJson(readFileSync(path, 'utf8'), path) as { spec_digest?: string; checkpoint?: Checkpoint };
  if (!value || typeof value !== 'object' || value.checkpoint?.format !== 'qmlsec-checkpoint') throw new InputError(`${path} is not a qmlsec training checkpoint`, 'CHECKPOINT');
  if (value.spec_digest !== digest) throw new InputError(`checkpoint ${path} belongs to a different spec, backend or seed; delete it to start over`, 'CHECKPOINT');
  return value.checkpoint;
}
