/**
 * Entry point of a training worker thread (see ThreadTrainingExecutor): loads the runtime
 * module, trains, and talks to the parent by messages — progress, checkpoints (each waits
 * for the parent's confirmation that it is stored), and the result or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QmlsecError } from '../core/errors.js';
import { loadRuntimeModule } from './runtime-loader.js';
import type { ParentMessage, ThreadData, ThreadMessage } from './training-executor.js';

const port = parentPort;
if (port) {
  const data = workerData as ThreadData;
  const send = (msg: ThreadMessage): void => port.postMessage(msg);
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  port.on('message', (msg: ParentMessage) => {
    const w = waiting.get(msg.seq);
    if (!w) return;
    waiting.delete(msg.seq);
    if (msg.type === 'checkpoint-saved') w.resolve();
    else w.reject(new Error(msg.message));
  });
  let seq = 0;
  try {
    const { runtime } = await loadRuntimeModule(data.moduleUrl);
    const artifact = await runtime.train(data.request, {
      jobId: data.jobId,
      ...(data.checkpoint === null || data.checkpoint === undefined ? {} : { checkpoint: data.checkpoint }),
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
}
