/**
 * Where training computes. Inline runs the runtime on this event loop (simple, but the
 * HTTP server stalls while a CPU-bound step runs); the thread executor runs each job in its
 * own `worker_threads` worker that loads the runtime module itself, so the server keeps
 * answering, and a lost lease or shutdown can stop it at once (the thread is terminated).
 * After the first job it keeps one spare thread started, with the runtime already loaded,
 * so that later jobs do not wait for a thread to boot.
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
  /** Releases idle resources (a spare thread); running jobs are stopped by their signals. */
  close?(): Promise<void>;
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
export type ParentMessage =
  | { readonly type: 'job'; readonly job: ThreadJob }
  | { readonly type: 'checkpoint-saved'; readonly seq: number }
  | { readonly type: 'checkpoint-failed'; readonly seq: number; readonly message: string };

/** What the thread is started with. */
export interface ThreadData {
  readonly moduleUrl: string;
}

/** The one job a thread runs. */
export interface ThreadJob {
  readonly request: unknown;
  readonly jobId: string;
  readonly checkpoint: unknown;
}

/** Trains in a worker thread that imports the runtime from `moduleUrl`. */
export class ThreadTrainingExecutor implements TrainingExecutor {
  readonly kind = 'thread' as const;
  private spare: Worker | undefined;
  private closed = false;

  constructor(private readonly moduleUrl: string) {}

  train(request: unknown, run: TrainingRun): Promise<unknown> {
    const worker = this.takeThread();
    worker.postMessage({ type: 'job', job: { request, jobId: run.jobId, checkpoint: run.checkpoint ?? null } } satisfies ParentMessage);
    if (!this.closed) this.spare = this.startSpare();
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

  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = undefined;
    if (spare) await spare.terminate();
  }

  /** The spare thread if it is still alive, else a new one; it keeps the process alive while it trains. */
  private takeThread(): Worker {
    const spare = this.spare;
    this.spare = undefined;
    const worker = spare && !exited.has(spare) ? spare : startThread({ moduleUrl: this.moduleUrl });
    worker.ref();
    return worker;
  }

  /** A thread that loads the runtime and waits; idle, it does not keep the process alive. */
  private startSpare(): Worker {
    const worker = startThread({ moduleUrl: this.moduleUrl });
    worker.unref();
    // Until a job takes it, a failing spare is only dropped (the next job starts its own).
    worker.on('error', () => exited.add(worker));
    return worker;
  }
}

/** Threads known to have stopped (set by the start hook below). */
const exited = new WeakSet<Worker>();

/**
 * Starts the thread on `training-thread.js`. When running from TypeScript sources under tsx
 * (development, tests) workers do not inherit tsx's loader, so a one-line bootstrap
 * registers it in the thread first.
 */
function startThread(data: ThreadData): Worker {
  let worker: Worker;
  if (!import.meta.url.endsWith('.ts')) {
    worker = new Worker(new URL('./training-thread.js', import.meta.url), { workerData: data });
  } else {
    const entry = new URL('./training-thread.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    worker = new Worker(boot, { eval: true, workerData: data });
  }
  worker.once('exit', () => exited.add(worker));
  return worker;
}
