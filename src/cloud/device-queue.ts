/**
 * The queue in front of one device, on the virtual clock. Every task (a job is split into tasks
 * of at most `max_circuits` circuits) first waits behind the provider's other customers — a
 * log-normal wait around the profile's median (`wait_log_sigma`), seeded per task, or exactly
 * the median — and then runs in FIFO order behind earlier tasks of this cloud's tenants:
 *
 *     start_i  = max(arrival + wait_i, finish_{i-1}),   finish_i = start_i + billable_i
 *
 * so a tenant that floods a device delays everyone behind it.
 */
import { Rng } from '../core/rng.js';
import type { DeviceProfile } from '../devices/schema.js';

/** How queue waits are drawn: log-normal around the median (seeded), or exactly the median. */
export type QueueWaitMode = 'sampled' | 'median';

/** When one task ran. */
export interface TaskSlot {
  readonly start: number;
  readonly finish: number;
  /** Wait behind other customers drawn for this task. */
  readonly externalWait: number;
}

/** The queue state that a checkpoint carries. */
export interface DeviceQueueState {
  readonly busyUntil: number;
  readonly tasks: number;
}

/** FIFO queue of one device. */
export class DeviceQueue {
  private busyUntil = 0;
  private tasks = 0;

  constructor(readonly profile: DeviceProfile, private readonly mode: QueueWaitMode, private readonly seed: string | number) {}

  /** The wait behind other customers of task number `n` on this device. */
  externalWait(n: number): number {
    const q = this.profile.queue;
    if (this.mode === 'median' || q.wait_log_sigma === 0) return q.median_wait_s;
    const z = new Rng(`${this.seed}:queue:${this.profile.id}:${n}`).normal();
    return q.median_wait_s * Math.exp(q.wait_log_sigma * z);
  }

  /**
   * Schedules tasks that arrive together at `arrival` and run back to back in FIFO order;
   * `billable[i]` is task i's billed duration (start-up + execution).
   */
  schedule(arrival: number, billable: readonly number[]): TaskSlot[] {
    return billable.map((duration) => {
      const externalWait = this.externalWait(this.tasks++);
      const start = Math.max(arrival + externalWait, this.busyUntil);
      const finish = start + duration;
      this.busyUntil = finish;
      return { start, finish, externalWait };
    });
  }

  /**
   * One slot shared by several jobs that run at the same time on disjoint qubits (co-scheduling):
   * one wait, and the device is busy for the longest of them.
   */
  scheduleTogether(arrival: number, billable: readonly number[]): TaskSlot {
    const externalWait = this.externalWait(this.tasks++);
    const start = Math.max(arrival + externalWait, this.busyUntil);
    const finish = start + Math.max(0, ...billable);
    this.busyUntil = finish;
    return { start, finish, externalWait };
  }

  /** The state to put in a checkpoint. */
  state(): DeviceQueueState {
    return { busyUntil: this.busyUntil, tasks: this.tasks };
  }

  /** Restores a checkpointed state. */
  restore(state: DeviceQueueState): void {
    this.busyUntil = state.busyUntil;
    this.tasks = state.tasks;
  }
}
