/**
 * `qmlsec serve`: the inference API. Logs are JSON lines on stdout (pino); the listening
 * URL is also printed on stderr. SIGINT/SIGTERM stop it cleanly (in-flight requests and
 * their audit rows finish; a running training job is requeued and resumes on next start).
 */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { createService, InlineTrainingExecutor, ThreadTrainingExecutor } from '../../service/index.js';
import { parseChoice, parseIntOption } from '../output.js';
import { loadServiceRuntime } from './service-runtime.js';
import { dataDirOption, openCliStore } from './store-location.js';

const TRAINING_MODES = ['thread', 'inline'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Registers `serve`. */
export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .description('run the QMLaaS inference API (keys: `qmlsec keys create`; models: `qmlsec models import` or POST /v1/models)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', parseIntOption('--port', 0, 65535), 8000)
    .option('--training <mode>', `where training jobs compute: ${TRAINING_MODES.join(' or ')}`, parseChoice('--training', TRAINING_MODES), 'thread')
    .option('--max-attempts <n>', 'attempts a training job gets before it is marked failed', parseIntOption('--max-attempts', 1, 100), 3)
    .option('--lease <seconds>', 'job lease: a job whose worker stopped is taken over after this long (PostgreSQL mode)', parseIntOption('--lease', 1, 3600), 30)
    .option('--log-level <level>', `log level: ${LOG_LEVELS.join(', ')}`, parseChoice('--log-level', LOG_LEVELS), 'info');
  dataDirOption(serve);
  serve.addHelpText('after', [
    '',
    'Environment:',
    '  DATABASE_URL            PostgreSQL instead of the embedded database in --data-dir',
    '  REDIS_URL               run jobs through BullMQ on Redis (start `qmlsec worker` processes; needs DATABASE_URL)',
    '  QMLSEC_RUNTIME_MODULE   module exporting `modelRuntime` to serve and train with (default: qmlsec\'s QML runtime)',
  ].join('\n'));
  serve.action(async (options: { host: string; port: number; training: (typeof TRAINING_MODES)[number]; maxAttempts: number; lease: number; logLevel: string; dataDir: string }) => {
    const source = await loadServiceRuntime();
    const redisUrl = process.env['REDIS_URL'];
    if (redisUrl && !process.env['DATABASE_URL']) {
      throw new UsageError('REDIS_URL is set but DATABASE_URL is not: BullMQ workers need a shared PostgreSQL database');
    }
    const store = await openCliStore(options);
    let service;
    try {
      service = createService({
        store,
        runtime: source.runtime,
        executor: options.training === 'thread' ? new ThreadTrainingExecutor(source.moduleUrl) : new InlineTrainingExecutor(source.runtime),
        redisUrl,
        logLevel: options.logLevel,
        config: { jobMaxAttempts: options.maxAttempts, jobLeaseMs: options.lease * 1000 },
      });
      const url = await service.listen({ host: options.host, port: options.port });
      process.stderr.write(`qmlsec: serving on ${url} (${store.description}; jobs ${redisUrl ? 'on BullMQ' : 'in-process'}); Ctrl-C stops\n`);
    } catch (err) {
      await service?.close().catch(() => {});
      await store.close();
      throw err;
    }
    await untilSignal();
    process.stderr.write('qmlsec: stopping\n');
    await service.close();
    await store.close();
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
