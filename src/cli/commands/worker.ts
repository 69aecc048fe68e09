/** `qmlsec worker`: runs training jobs from BullMQ (REDIS_URL) against PostgreSQL (DATABASE_URL). */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { InlineTrainingExecutor, startWorker, ThreadTrainingExecutor, type TrainingExecutor } from '../../service/index.js';
import { openStore } from '../../store/index.js';
import { parseChoice, parseIntOption } from '../output.js';
import { loadServiceRuntime } from './service-runtime.js';

const TRAINING_MODES = ['thread', 'inline'] as const;

/** Registers `worker`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run training jobs queued by `qmlsec serve` on BullMQ; start any number, on any machine (needs REDIS_URL and DATABASE_URL)')
    .option('--concurrency <n>', 'jobs at a time', parseIntOption('--concurrency', 1, 64), 1)
    .option('--lease <seconds>', 'job lease: if this worker dies, its job is taken over after this long', parseIntOption('--lease', 1, 3600), 30)
    .option('--training <mode>', `where training computes: ${TRAINING_MODES.join(' or ')}`, parseChoice('--training', TRAINING_MODES), 'thread')
    .action(async (options: { concurrency: number; lease: number; training: (typeof TRAINING_MODES)[number] }) => {
      const redisUrl = process.env['REDIS_URL'];
      const databaseUrl = process.env['DATABASE_URL'];
      if (!redisUrl) throw new UsageError('`qmlsec worker` needs REDIS_URL (the Redis that `qmlsec serve` queues jobs on); without it, `qmlsec serve` runs jobs itself');
      if (!databaseUrl) throw new UsageError('`qmlsec worker` needs DATABASE_URL (the PostgreSQL database shared with `qmlsec serve`)');
      const source = await loadServiceRuntime();
      const store = await openStore({ databaseUrl });
      const executor: TrainingExecutor = options.training === 'thread' ? new ThreadTrainingExecutor(source.moduleUrl) : new InlineTrainingExecutor(source.runtime);
      const worker = await startWorker({
        store,
        runtime: source.runtime,
        redisUrl,
        concurrency: options.concurrency,
        leaseMs: options.lease * 1000,
        executor,
      }).catch(async (err: unknown) => {
        await store.close();
        throw err;
      });
      process.stderr.write(`qmlsec: worker ${worker.owner} running jobs (${store.description}); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.stop();
      await executor.close?.();
      await store.close();
    });
}
