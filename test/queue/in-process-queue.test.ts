import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { InProcessQueue } from '../../src/queue/in-process-queue.js';
import { LeaseLostError, type JobHandler } from '../../src/queue/job-handler.js';
import { JobRunner } from '../../src/queue/job-runner.js';
import type { Store } from '../../src/store/store.js';
import { embeddedStore } from '../store/helpers/stores.js';

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await embeddedStore());
});
afterAll(() => cleanup());

let seq = 0;
async function newJob(maxAttempts = 3, request: unknown = {}): Promise<string> {
  const id = `job_q${++seq}`;
  await store.jobs.create({ id, kind: 'test', request, maxAttempts });
  return id;
}

/** Completes the job the way real handlers must: in one transaction with its result. */
async function complete(jobId: string, owner: string): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await store.jobs.complete(tx, jobId, owner, null))) throw new LeaseLostError(jobId);
  });
}

describe('InProcessQueue', () => {
  it('runs jobs one at a time in FIFO order by default and reports outcomes', async () => {
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const handler: JobHandler = async (job, ctx) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      order.push(job.id);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      await complete(job.id, ctx.owner);
    };
    const queue = new InProcessQueue(store.jobs, handler, { exclusiveDatabase: false, leaseMs: 5000 });
    const outcomes: string[] = [];
    queue.onOutcome((id, outcome) => outcomes.push(`${id}:${outcome}`));
    await queue.start();
    const ids = [await newJob(), await newJob(), await newJob()];
    for (const id of ids) await queue.enqueue(id);
    await queue.enqueue(ids[0]!); // duplicate while pending: ignored
    await queue.whenIdle();
    expect(order).toEqual(ids);
    expect(maxRunning).toBe(1);
    expect(outcomes).toEqual(ids.map((id) => `${id}:succeeded`));
    for (const id of ids) expect((await store.jobs.get(id))?.status).toBe('succeeded');
    await queue.stop();
  });

  it('retries a failing job until max_attempts, then fails it with the reason', async () => {
    let calls = 0;
    const queue = new InProcessQueue(store.jobs, async () => {
      calls++;
      throw new Error('backend unavailable');
    }, { exclusiveDatabase: false, retryDelayMs: 1 });
    await queue.start();
    const id = await newJob(3);
    const done = new Promise<void>((resolve) => queue.onOutcome((jid, outcome) => jid === id && outcome === 'failed' && resolve()));
    await queue.enqueue(id);
    await done;
    expect(calls).toBe(3);
    const job = await store.jobs.get(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'attempt 3 of 3 failed: backend unavailable' });
    await queue.stop();
  });

  it('bad input fails at once without retries', async () => {
    let calls = 0;
    const queue = new InProcessQueue(store.jobs, async () => {
      calls++;
      throw new InputError('spec.layers must be ≥ 1');
    }, { exclusiveDatabase: false, retryDelayMs: 1 });
    await queue.start();
    const id = await newJob(5);
    await queue.enqueue(id);
    await queue.whenIdle();
    expect(calls).toBe(1);
    expect(await store.jobs.get(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'spec.layers must be ≥ 1' });
    await queue.stop();
  });

  it('a retried attempt resumes from the checkpoint the failed one saved', async () => {
    const seen: unknown[] = [];
    const handler: JobHandler = async (job, ctx) => {
      seen.push(job.checkpoint);
      const start = (job.checkpoint as { step: number } | null)?.step ?? 0;
      for (let step = start + 1; step <= 4; step++) {
        ctx.reportProgress(step / 4);
        await ctx.saveCheckpoint({ step });
        if (step === 2 && job.attempts === 1) throw new Error('transient fault at step 2');
      }
      await complete(job.id, ctx.owner);
    };
    const queue = new InProcessQueue(store.jobs, handler, { exclusiveDatabase: false, retryDelayMs: 1 });
    await queue.start();
    const id = await newJob(3);
    const done = new Promise<void>((resolve) => queue.onOutcome((jid, outcome) => jid === id && outcome === 'succeeded' && resolve()));
    await queue.enqueue(id);
    await done;
    expect(seen).toEqual([null, { step: 2 }]);
    expect(await store.jobs.get(id)).toMatchObject({ status: 'succeeded', attempts: 2, checkpoint: { step: 4 }, progress: 1 });
    await queue.stop();
  });

  it('on start, jobs orphaned by a dead process are resumed (exclusive database)', async () => {
    const id = await newJob(3);
    await store.jobs.claim(id, 'killed-process', 60_000);
    await store.jobs.saveCheckpoint(id, 'killed-process', 60_000, { step: 3 }, 0.75);
    const seen: unknown[] = [];
    const queue = new InProcessQueue(store.jobs, async (job, ctx) => {
      seen.push([job.id, job.checkpoint, job.attempts]);
      await complete(job.id, ctx.owner);
    }, { exclusiveDatabase: true });
    await queue.start();
    await queue.whenIdle();
    expect(seen).toContainEqual([id, { step: 3 }, 2]);
    expect((await store.jobs.get(id))?.status).toBe('succeeded');
    await queue.stop();
  });

  it('stop() interrupts a running attempt, which is requeued with its checkpoint', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const queue = new InProcessQueue(store.jobs, async (_job, ctx) => {
      await ctx.saveCheckpoint({ step: 1 });
      started();
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    }, { exclusiveDatabase: false });
    await queue.start();
    const id = await newJob(3);
    await queue.enqueue(id);
    await running;
    await queue.stop();
    const job = await store.jobs.get(id);
    expect(job).toMatchObject({ status: 'queued', checkpoint: { step: 1 }, attempts: 1 });
    expect(job?.lastError).toMatch(/interrupted: the worker shut down/);
  });
});

describe('JobRunner leases', () => {
  it('a worker whose lease was taken over cannot checkpoint or complete', async () => {
    const id = await newJob(3);
    let proceed!: () => void;
    const gate = new Promise<void>((r) => (proceed = r));
    let checkpointError: unknown;
    const slow = new JobRunner(store.jobs, async (job, ctx) => {
      await gate;
      try {
        await ctx.saveCheckpoint({ step: 1 });
      } catch (err) {
        checkpointError = err;
        throw err;
      }
    }, { owner: 'slow', leaseMs: 50 });
    // Long heartbeat interval relative to the gate: force expiry by claiming after the lease.
    const attempt = slow.run(id);
    await new Promise((r) => setTimeout(r, 10));
    await store.db.query("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = $1", [id]);
    const thief = await store.jobs.claim(id, 'thief', 60_000);
    expect(thief?.attempts).toBe(2);
    proceed();
    expect((await attempt).outcome).toBe('lost');
    expect(checkpointError).toBeInstanceOf(LeaseLostError);
    expect(await store.jobs.get(id)).toMatchObject({ status: 'running', leaseOwner: 'thief' });
  });

  it('a job that is not claimable is skipped', async () => {
    const id = await newJob(1);
    await store.jobs.claim(id, 'other', 60_000);
    const runner = new JobRunner(store.jobs, async () => {
      throw new Error('must not run');
    });
    expect(await runner.run(id)).toEqual({ outcome: 'skipped' });
    expect(await runner.run('job_does_not_exist')).toEqual({ outcome: 'skipped' });
  });
});
