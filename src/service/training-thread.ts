/**
 * Entry point of a training worker thread (see ThreadTrainingExecutor). The thread loads the
 * runtime module as soon as it starts, then waits for its one job: it trains and talks to the
 * parent by messages — progress, checkpoints (each waits for the parent's confirmation that
 * it is stored), and the result or the error. Loading first is what lets the executor keep a
 * warm spare thread: a job handed to it does not wait for the module to load.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QmlsecError } from '../core/errors.js';
import { loadRuntimeModule } from './runtime-loader.js';
import type { ParentMessage, ThreadData, ThreadJob, ThreadMessage } from './training-executor.js';

const port = parentPort;
if (port) {
  const data = workerData as ThreadData;
  const loading = loadRuntimeModule(data.moduleUrl);
  // A load failure is reported to the job that arrives, not thrown into the void.
  loading.catch(() => undefined);
  const send = (msg: ThreadMessage): void => port.postMessage(msg);
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let seq = 0;

  const run = async (job: ThreadJob): Promise<void> => {
    try {
      const { runtime } = await loading;
      const artifact = await runtime.train(job.request, {
        jobId: job.jobId,
        ...(job.checkpoint === null || job.checkpoint === undefined ? {} : { checkpoint: job.checkpoint }),
        onProgress: (progress) => send({ type: 'progress', progress }),
        saveCheckpoint: (checkpoint) =>
          new Promise<void>((resolve, reject) => {
            const n = ++seq;
            waiting.set(n, { resolve, reject });
            send({ type: 'checkpoint', seq: n, checkpoint });
          }),
      });
      send({ type: 'result', artifact });
    } catch (err) {
      const input = err instanceof QmlsecError && err.exitCode === 1;
      send({ type: 'error', message: err instanceof Error ? err.message : String(err), input, ...(err instanceof QmlsecError ? { code: err.code } : {}) });
    }
    port.close();
  };

  port.on('message', (msg: ParentMessage) => {
    if (msg.type === 'job') {
      void run(msg.job);
      return;
    }
    const w = waiting.get(msg.seq);
    if (!w) return;
    waiting.delete(msg.seq);
    if (msg.type === 'checkpoint-saved') w.resolve();
    else w.reject(new Error(msg.message));
  });
}
