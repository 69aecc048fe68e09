/**
 * ThreadTrainingExecutor: each job runs in its own thread, later jobs start on a spare thread
 * that already loaded the runtime, and every job still trains from its own request and
 * checkpoint. Compared with the same runtime trained inline (same code, same numbers).
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineTrainingExecutor, ThreadTrainingExecutor, type TrainingRun } from '../../src/service/training-executor.js';
import { modelRuntime, type LinearSpec } from './helpers/linear-runtime.js';

const MODULE = pathToFileURL(fileURLToPath(new URL('./helpers/linear-runtime.ts', import.meta.url))).href;
const spec = (name: string, steps: number): LinearSpec => ({ name, classes: ['a', 'b'], inputs: [[-1, 0.5], [1, -0.5], [-2, 0], [2, 1]], labels: [0, 1, 0, 1], steps });

function run(jobId: string, extra: Partial<TrainingRun> = {}): TrainingRun & { progress: number[]; checkpoints: unknown[] } {
  const progress: number[] = [];
  const checkpoints: unknown[] = [];
  return {
    jobId, signal: new AbortController().signal, progress, checkpoints,
    onProgress: (p) => progress.push(p),
    saveCheckpoint: async (c) => void checkpoints.push(c),
    ...extra,
  };
}

let executor: ThreadTrainingExecutor | undefined;
afterEach(async () => {
  await executor?.close();
  executor = undefined;
});

describe('ThreadTrainingExecutor', () => {
  it('runs consecutive jobs (the later ones on the spare thread) with the inline results', async () => {
    executor = new ThreadTrainingExecutor(MODULE);
    const inline = new InlineTrainingExecutor(modelRuntime);
    for (const [i, steps] of [[0, 3], [1, 5], [2, 2]] as const) {
      const r = run(`job-${i}`);
      const threaded = await executor.train({ spec: spec(`m${i}`, steps) }, r);
      const expected = await inline.train({ spec: spec(`m${i}`, steps) }, run(`job-${i}`));
      expect(threaded).toEqual(expected);
      expect(r.progress).toEqual(Array.from({ length: steps }, (_, s) => (s + 1) / steps));
      expect(r.checkpoints).toHaveLength(steps);
    }
  }, 60_000);

  it('resumes a job from the checkpoint it is given', async () => {
    executor = new ThreadTrainingExecutor(MODULE);
    const first = run('a');
    await executor.train({ spec: spec('m', 2) }, first);
    const resumed = (await executor.train({ spec: spec('m', 4) }, run('b', { checkpoint: first.checkpoints.at(-1) }))) as { metadata: { resumedFrom: number[]; trainedSteps: number } };
    expect(resumed.metadata).toMatchObject({ resumedFrom: [2], trainedSteps: 4 });
  }, 60_000);

  it('reports a bad request as an input error from the thread, and the next job still runs', async () => {
    executor = new ThreadTrainingExecutor(MODULE);
    await expect(executor.train({ spec: { ...spec('bad', 1), steps: 0 } }, run('bad'))).rejects.toThrow(/spec\.steps must be a positive integer/);
    await expect(executor.train({ spec: spec('ok', 1) }, run('ok'))).resolves.toMatchObject({ name: 'ok' });
  }, 60_000);

  it('an unloadable runtime module fails the job with the loader’s message', async () => {
    executor = new ThreadTrainingExecutor(pathToFileURL('/nonexistent/runtime.js').href);
    await expect(executor.train({ spec: spec('m', 1) }, run('x'))).rejects.toThrow(/nonexistent/);
  }, 60_000);
});
