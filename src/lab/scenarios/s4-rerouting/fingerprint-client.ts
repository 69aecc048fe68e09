/**
 * Defense QML.M0004 (verify the executing device by fingerprinting) as a client-side decorator:
 * after every `period`-th job it submits the fingerprint probe on the qubits the job reported,
 * compares the probe's survival frequencies with what the requested device's calibration
 * predicts (Manhattan distance, {@link ./fingerprint.ts}) and raises an alarm above the
 * threshold. Jobs pass through untouched; the probes are what the defense costs.
 */
import { InputError, UsageError } from '../../../core/errors.js';
import type { JobResult, QuantumJob, QuantumProvider } from '../../../cloud/job.js';
import { getDevice } from '../../../devices/catalog.js';
import { checkCost, type CheckRecord } from './check-record.js';
import { buildFingerprintProbe, manhattanDistance, predictedSurvival, survivalFromCounts, WU_MANHATTAN_THRESHOLD, type FingerprintProbe } from './fingerprint.js';

/** Options of a {@link FingerprintingClient}. */
export interface FingerprintClientOptions {
  /** Tenant the probes are submitted as (the victim's own account). */
  readonly tenant: string;
  /** Probe after every `period`-th job, starting with the first (default 1: after every job). */
  readonly period?: number;
  /** Shots of each probe (default 2000). */
  readonly shots?: number;
  /** Alarm when the Manhattan distance exceeds this (default 0.035, the paper's). */
  readonly threshold?: number;
  /** Gate pairs per coupler in the probe (default 1). */
  readonly pairsPerCoupler?: number;
  /** Seed of the probes' shot sampling. */
  readonly seed?: number;
}

/** The outcome of one probe. */
export interface ProbeRecord extends CheckRecord {
  readonly qubits: readonly number[];
  /** Manhattan distance between measured and predicted survival (∞ when the reported qubits are not a region of the device). */
  readonly distance: number;
  readonly predicted: readonly number[];
  readonly measured: readonly number[];
}

/** A client that fingerprints the device behind every `period`-th job (see the module comment). */
export class FingerprintingClient implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  readonly probes: ProbeRecord[] = [];
  private jobs = 0;
  private readonly period: number;
  private readonly shots: number;
  private readonly threshold: number;

  constructor(private readonly inner: QuantumProvider, private readonly options: FingerprintClientOptions) {
    this.id = inner.id;
    this.devices = inner.devices;
    this.period = options.period ?? 1;
    this.shots = options.shots ?? 2000;
    this.threshold = options.threshold ?? WU_MANHATTAN_THRESHOLD;
    if (!Number.isInteger(this.period) || this.period < 1) throw new UsageError(`the probe period must be a positive whole number of jobs, got ${this.period}`);
    if (!Number.isInteger(this.shots) || this.shots < 1) throw new UsageError(`probe shots must be a positive integer, got ${this.shots}`);
    if (!Number.isFinite(this.threshold) || this.threshold < 0) throw new UsageError(`the alarm threshold must be a non-negative number, got ${this.threshold}`);
  }

  /** The probes so far (every defense client lists its checks as `checks`). */
  get checks(): readonly ProbeRecord[] {
    return this.probes;
  }

  /** Jobs submitted so far (probes excluded). */
  get jobCount(): number {
    return this.jobs;
  }

  /** The number of jobs before the first alarm's probe, or undefined while none has fired. */
  get firstAlarmAfterJob(): number | undefined {
    return this.probes.find((p) => p.alarm)?.afterJob;
  }

  async submit(job: QuantumJob): Promise<JobResult> {
    const result = await this.inner.submit(job);
    this.jobs++;
    if ((this.jobs - 1) % this.period === 0) await this.probe(job.device ?? (this.devices[0] as string), result.metadata.qubits, result.metadata.finished_at_s);
    return result;
  }

  /**
   * Fingerprints `device` on the physical `qubits` now (also usable on its own); `jobFinishedAt`
   * is when the result it checks arrived.
   */
  async probe(device: string, qubits: readonly number[], jobFinishedAt = Number.NaN): Promise<ProbeRecord> {
    const profile = getDevice(device);
    let probe: FingerprintProbe;
    try {
      probe = buildFingerprintProbe(profile, qubits, this.options.pairsPerCoupler !== undefined ? { pairsPerCoupler: this.options.pairsPerCoupler } : {});
    } catch (err) {
      if (!(err instanceof InputError) || err.code !== 'QUBIT_RANGE') throw err;
      // The provider reported qubits the requested device does not have: evidence enough.
      const record: ProbeRecord = { afterJob: this.jobs, device, qubits, distance: Number.POSITIVE_INFINITY, alarm: true, predicted: [], measured: [], cost_usd: 0, billable_s: 0, shots: 0, finished_at_s: Number.NaN, verification_delay_s: Number.NaN, predict_ms: 0 };
      this.probes.push(record);
      return record;
    }
    const t0 = performance.now();
    const predicted = predictedSurvival(profile, probe);
    const predictMs = performance.now() - t0;
    const result = await this.inner.submit({
      tenant: this.options.tenant, device, form: 'native', circuit: probe.circuit, qubits: probe.qubits,
      output: 'counts', shots: this.shots, seed: (this.options.seed ?? 0) * 100_003 + this.probes.length,
    });
    const counts = result.counts?.[0];
    if (!counts) throw new InputError(`provider "${this.inner.id}" returned no counts for a probe`, 'PROBE');
    const measured = survivalFromCounts(counts, probe);
    const distance = manhattanDistance(measured, predicted);
    const record: ProbeRecord = {
      afterJob: this.jobs, device, qubits: probe.qubits, distance, alarm: distance > this.threshold, predicted, measured,
      ...checkCost(result, jobFinishedAt, predictMs),
    };
    this.probes.push(record);
    return record;
  }
}
