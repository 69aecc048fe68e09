/**
 * What a job costs in device time and money, from the device's execution and price models
 * (`devices/job-estimates.ts`): the job's circuits (one per binding) are split into tasks of at
 * most `max_circuits`; each task pays the per-job start-up, each circuit the per-circuit
 * overhead and `shots × (shot_overhead + depth × layer_time)`; the price model turns that into
 * USD (per billable second, per task + per shot, or Quantinuum HQC per circuit).
 */
import type { Circuit } from '../circuit/circuit.js';
import { estimatedJobCost, estimatedJobTime, type JobShape } from '../devices/job-estimates.js';
import type { DeviceProfile } from '../devices/schema.js';

/** Gate counts of one circuit, as the HQC price model and the timing need them. */
export interface CircuitCounts {
  readonly depth: number;
  readonly oneQubitGates: number;
  readonly twoQubitGates: number;
  readonly measurements: number;
}

/** Counts the gates of `circuit`; `measuredQubits` stands in for measure ops of expectation jobs. */
export function circuitCounts(circuit: Circuit, measuredQubits: number): CircuitCounts {
  let one = 0;
  let two = 0;
  let measures = 0;
  for (const op of circuit.ops) {
    if (op.kind === 'measure') measures++;
    else if (op.kind === 'gate') {
      if (op.qubits.length === 1) one++;
      else two++;
    }
  }
  return { depth: circuit.depth(), oneQubitGates: one, twoQubitGates: two, measurements: measures > 0 ? measures : measuredQubits };
}

/** Time and price of one job. */
export interface JobCharge {
  /** Billed seconds of each task (start-up + execution). */
  readonly taskBillable: readonly number[];
  readonly overhead_s: number;
  readonly execution_s: number;
  readonly billable_s: number;
  readonly cost_usd: number;
}

/** Splits `circuits` into tasks of at most `max` circuits. */
export function taskSizes(circuits: number, max: number): number[] {
  const out: number[] = [];
  for (let left = circuits; left > 0; left -= max) out.push(Math.min(max, left));
  return out;
}

/** The charge of `circuits` circuits of the given shape with `shots` shots each on `profile`. */
export function chargeJob(profile: DeviceProfile, circuits: number, shots: number, counts: CircuitCounts, qubits: number): JobCharge {
  const taskBillable: number[] = [];
  let overhead = 0;
  let execution = 0;
  let cost = 0;
  for (const size of taskSizes(circuits, profile.execution.max_circuits)) {
    const shape: JobShape = { shots, circuits: size, depth: counts.depth, qubits, oneQubitGates: counts.oneQubitGates, twoQubitGates: counts.twoQubitGates, measurements: counts.measurements };
    const t = estimatedJobTime(profile, shape);
    taskBillable.push(t.billable_s);
    overhead += t.overhead_s;
    execution += t.execution_s;
    cost += estimatedJobCost(profile, shape).usd;
  }
  return { taskBillable, overhead_s: overhead, execution_s: execution, billable_s: overhead + execution, cost_usd: cost };
}
