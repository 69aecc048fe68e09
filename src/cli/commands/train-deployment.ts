/**
 * The deployment-file path of `qmlsec train`: `qmlsec train DEPLOYMENT.yaml` trains the
 * deployment's model through its QMLaaS pipeline (parties, trust boundaries, quantum clouds with
 * queues and prices), prints accuracy, the virtual time and the money the run took and who saw
 * what, writes the artifact, and with `--ledger FILE` the recorded exposure ledger, which
 * `qmlsec threats analyze DEPLOYMENT.yaml --ledger FILE` reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../core/errors.js';
import { canonicalJson, sha256Hex } from '../../core/canonical-json.js';
import { parseJson, parseYaml } from '../../core/schema.js';
import { deploymentBaseDir } from '../../cloud/model-resolution.js';
import { exposureByParty } from '../../cloud/ledger-summary.js';
import { trainDeployment, type DeploymentCheckpoint } from '../../cloud/train-deployment.js';
import { loadDeployment } from '../../deploy/load.js';
import { DEVICE_IDS } from '../../devices/catalog.js';
import { writeFileAtomic } from '../atomic-write.js';
import { printJson, printLine, progressBar } from '../output.js';

/** The options of `qmlsec train` that apply to deployment files. */
export interface TrainDeploymentCliOptions {
  readonly backend?: string;
  readonly shots?: number;
  readonly seed?: number;
  readonly epochs?: number;
  readonly out?: string;
  readonly json?: boolean;
  readonly checkpoint?: string;
  readonly ledger?: string;
  readonly queries?: number;
}

/** True when `path` holds a deployment description (it has `parties` and `workflow`), not a model spec. */
export function isDeploymentFile(path: string): boolean {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(path, 'utf8'), path);
  } catch {
    return false;
  }
  return typeof value === 'object' && value !== null && 'parties' in value && 'workflow' in value;
}

function readCheckpoint(path: string, digest: string): DeploymentCheckpoint | undefined {
  if (!existsSync(path)) return undefined;
  const value = parseJson(readFileSync(path, 'utf8'), path) as { deployment_digest?: string; checkpoint?: DeploymentCheckpoint };
  if (!value || typeof value !== 'object' || value.checkpoint?.format !== 'qmlsec-checkpoint' || value.checkpoint.cloud === undefined) {
    throw new InputError(`${path} is not a qmlsec deployment training checkpoint`, 'CHECKPOINT');
  }
  if (value.deployment_digest !== digest) throw new InputError(`checkpoint ${path} belongs to a different deployment, seed, shots or epoch count; delete it to start over`, 'CHECKPOINT');
  return value.checkpoint;
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

/** Trains a deployment file (see the module comment). */
export async function trainDeploymentCommand(file: string, opts: TrainDeploymentCliOptions): Promise<void> {
  if (opts.backend !== undefined) throw new UsageError('--backend applies to model specs; a deployment names its quantum clouds and devices');
  const deployment = loadDeployment({ file }, { knownDevices: new Set(DEVICE_IDS) });
  const digest = sha256Hex(canonicalJson({ deployment, seed: opts.seed ?? null, shots: opts.shots ?? null, epochs: opts.epochs ?? null }));
  const resumeFrom = opts.checkpoint ? readCheckpoint(opts.checkpoint, digest) : undefined;
  const bar = progressBar(!opts.json && (Boolean(process.stderr.isTTY) || process.env['QMLSEC_PROGRESS'] === '1'));
  let started = false;
  const result = await trainDeployment(deployment, {
    baseDir: deploymentBaseDir(file),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.shots !== undefined ? { shots: opts.shots } : {}),
    ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
    ...(opts.queries !== undefined ? { queries: opts.queries } : {}),
    onEpoch: (r, total) => {
      if (!started) {
        bar.start(total, 'training');
        started = true;
      }
      bar.update(r.epoch, `loss ${r.loss.toFixed(4)} acc ${r.accuracy.toFixed(3)}`);
    },
    ...(opts.checkpoint ? { saveCheckpoint: (c: DeploymentCheckpoint) => writeFileAtomic(opts.checkpoint as string, JSON.stringify({ deployment_digest: digest, checkpoint: c })) } : {}),
    ...(resumeFrom ? { resumeFrom } : {}),
  });
  bar.stop();
  const out = opts.out ?? `${result.spec.name}.model.json`;
  writeFileAtomic(out, `${JSON.stringify(result.artifact, null, 2)}\n`);
  if (opts.ledger !== undefined) writeFileAtomic(opts.ledger, `${JSON.stringify(result.ledger, null, 2)}\n`);
  if (opts.json) {
    printJson({
      train: { accuracy: result.train.accuracy, loss: result.train.loss },
      test: { accuracy: result.test.accuracy, macro_f1: result.test.macroF1 },
      epochs: result.epochs, seconds: result.seconds, time_s: result.time_s, cost_usd: result.cost_usd,
    });
    return;
  }
  const devices = result.pipeline.roles.routes.map((r) => `${r.device} at ${r.provider}`).join(', ');
  printLine(`trained ${result.spec.name} through deployment ${deployment.name} on ${devices} with ${result.pipeline.shots} shots: ${result.epochs} epochs in ${result.seconds.toFixed(2)} s`);
  printLine(`  train accuracy ${result.train.accuracy.toFixed(4)}  loss ${result.train.loss.toFixed(4)}`);
  printLine(`  test  accuracy ${result.test.accuracy.toFixed(4)}  macro-F1 ${result.test.macroF1.toFixed(4)}`);
  printLine(`  cloud time ${duration(result.time_s)} (queue waits and execution, ${result.invoice.jobs} jobs), cost $${result.cost_usd.toFixed(2)}`);
  printLine('  who saw what:');
  for (const p of exposureByParty(result.ledger, deployment)) {
    if (p.assets.length > 0) printLine(`    ${p.party} (${p.role}, ${p.trust}): ${p.assets.join(', ')}`);
  }
  printLine(`  model written to ${out}${opts.ledger !== undefined ? `; exposure ledger to ${opts.ledger}` : ''}`);
}
