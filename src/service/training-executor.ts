/**
 * Where training computes. Inline runs the runtime on this event loop (simple, but the
 * HTTP server stalls while a CPU-bound step runs); the thread executor runs it in a
 * `worker_threads` worker that loads the runtime module itself, so the server keeps
 * answering, and a lost lease or shutdown can stop it at once (the thread is terminated).
 */
import { Worker } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import type { ModelRuntime, TrainContext } from './model-runtime.js';

/** A training run with a cancellation signal. */
export interface TrainingRun extends TrainContext {
  readonly signal: AbortSignal;
}

/** Runs {@link ModelRuntime.train} somewhere. */
export interface TrainingExecutor {
  readonly kind: 'inline' | 'thread';
  train(request: unknown, run: TrainingRun): Promise<unknown>;
}

/** Trains on the calling thread. */
export class InlineTrainingExecutor implements TrainingExecutor {
  readonly kind = 'inline' as const;

  constructor(private readonly runtime: ModelRuntime) {}

  train(request: unknown, run: TrainingRun): Promise<unknown> {
    return this.runtime.train(request, run);
  }
}

/** Messages from the training thread. */
export type ThreadMessage =
  | { readonly type: 'progress'; readonly progress: number }
  | { readonly type: 'checkpoint'; readonly seq: number; readonly checkpoint: unknown }
  | { readonly type: 'result'; readonly artifact: unknown }
  | { readonly type: 'error'; readonly message: string; readonly input: boolean; readonly code?: string };

/** Messages to the training thread. */
export type ParentMessage = { readonly type: 'checkpoint-saved'; readonly seq: number } | { readonly type: 'checkpoint-failed'; readonly seq: number; readonly message: string };

/** What the thread is started with. */
export interface ThreadData {
  readonly moduleUrl: string;
  readonly request: unknown;
  readonly jobId: string;
  readonly checkpoint: unknown;
}

/** Trains in a worker thread that imports the runtime from `moduleUrl`. */
export class ThreadTrainingExecutor implements TrainingExecutor {
  readonly kind = 'thread' as const;

  constructor(private readonly moduleUrl: string) {}

  train(request: unknown, run: TrainingRun): Promise<unknown> {
    const data: ThreadData = { moduleUrl: this.moduleUrl, request, jobId: run.jobId, checkpoint: run.checkpoint ?? null };
    const worker = startThread(data);
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        run.signal.removeEventListener('abort', onAbort);
        fn();
        void worker.terminate();
      };
      const onAbort = (): void => finish(() => reject(run.signal.reason));
      if (run.signal.aborted) return onAbort();
      run.signal.addEventListener('abort', onAbort);
      worker.on('message', (msg: ThreadMessage) => {
        switch (msg.type) {
          case 'progress':
            run.onProgress(msg.progress);
            break;
          case 'checkpoint':
            run.saveCheckpoint(msg.checkpoint).then(
              () => worker.postMessage({ type: 'checkpoint-saved', seq: msg.seq } satisfies ParentMessage),
              (err: unknown) => {
                worker.postMessage({ type: 'checkpoint-failed', seq: msg.seq, message: String((err as Error)?.message ?? err) } satisfies ParentMessage);
                finish(() => reject(err));
              },
            );
            break;
          case 'result':
            finish(() => resolve(msg.artifact));
            break;
          case 'error':
            finish(() => reject(msg.input ? new InputError(msg.message, msg.code) : new Error(msg.message)));
            break;
        }
      });
      worker.on('error', (err) => finish(() => reject(err)));
      worker.on('exit', (code) => finish(() => reject(new Error(`the training thread exited with code ${code} before finishing`))));
    });
  }
}

/**
 * Starts the thread on `training-thread.js`. When running from TypeScript sources under tsx
 * (development, tests) workers do not inherit tsx's loader, so a one-line bootstrap
 * registers it in the thread first.
 */
function startThread(data: ThreadData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./training-thread.js', import.meta.url), { workerData: data });
  const entry = new URL('./training-thread.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}
