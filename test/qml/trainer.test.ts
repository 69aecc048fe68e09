/**
 * The training loop: determinism, exact resumption from checkpoints (also through a JSON round
 * trip, as when written to disk), early stopping that restores the best epoch, validation
 * metrics, and clear errors for bad runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import type { QnnExecutor } from '../../src/qml/gradients/executor.js';
import { HybridModel } from '../../src/qml/model.js';
import { trainFromSpec } from '../../src/qml/runner.js';
import { parseModelSpec } from '../../src/qml/spec.js';
import { type Checkpoint, type EpochRecord, train, type TrainOptions } from '../../src/qml/trainer.js';
import { StatevectorSimulator } from '../../src/sim/statevector.js';

const exact: QnnExecutor = { backend: new StatevectorSimulator() };
const rng = new Rng('qml-trainer');
const X = Array.from({ length: 24 }, () => [rng.uniform(0, Math.PI), rng.uniform(0, Math.PI)]);
const Y = Int32Array.from(X, (r) => (r[0]! > r[1]! ? 1 : 0));
const Xv = Array.from({ length: 8 }, () => [rng.uniform(0, Math.PI), rng.uniform(0, Math.PI)]);
const Yv = Int32Array.from(Xv, (r) => (r[0]! > r[1]! ? 1 : 0));

function freshModel(): HybridModel {
  const m = new HybridModel({
    qnn: { numQubits: 2, encoder: { kind: 'angle', rotation: 'Y' }, ansatz: { kind: 'strongly_entangling', layers: 1 } },
    head: 'linear', classes: ['lo', 'hi'],
  });
  m.initialize(new Rng('init'));
  return m;
}

const base: TrainOptions = { executor: exact, epochs: 6, batchSize: 8, optimizer: { kind: 'adam', lr: 0.1 }, seed: 3, validation: { features: Xv, labels: Yv } };

/** History without wall-clock times. */
const facts = (h: readonly EpochRecord[]) => h.map(({ seconds: _s, ...rest }) => rest);

describe('training', () => {
  it('is deterministic: the same seed gives the same history and parameters; another seed differs', async () => {
    const [a, b, c] = [freshModel(), freshModel(), freshModel()];
    const ra = await train(a, X, Y, base);
    const rb = await train(b, X, Y, base);
    const rc = await train(c, X, Y, { ...base, seed: 4 });
    expect(facts(rb.history)).toEqual(facts(ra.history));
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(Array.from(c.params)).not.toEqual(Array.from(a.params));
    expect(facts(rc.history)).not.toEqual(facts(ra.history));
    expect(ra.history[5]!.loss).toBeLessThan(ra.history[0]!.loss);
  });

  it('is deterministic with shots and parameter shift too (seeded sampling)', async () => {
    const shots: QnnExecutor = { backend: new StatevectorSimulator(), shots: 200 };
    const opts: TrainOptions = { ...base, executor: shots, epochs: 2, gradient: 'parameter-shift' };
    const [a, b] = [freshModel(), freshModel()];
    const ra = await train(a, X, Y, opts);
    const rb = await train(b, X, Y, opts);
    expect(facts(rb.history)).toEqual(facts(ra.history));
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    // Shot noise is present: the exact run ends elsewhere.
    const e = freshModel();
    await train(e, X, Y, { ...opts, executor: exact });
    expect(Array.from(e.params)).not.toEqual(Array.from(a.params));
  });

  it('records training and validation metrics every epoch', async () => {
    const r = await train(freshModel(), X, Y, base);
    expect(r.epochs).toBe(6);
    r.history.forEach((h, i) => {
      expect(h.epoch).toBe(i + 1);
      for (const v of [h.loss, h.valLoss as number]) expect(Number.isFinite(v) && v > 0).toBe(true);
      for (const v of [h.accuracy, h.valAccuracy as number]) expect(v >= 0 && v <= 1).toBe(true);
    });
    // Validation metrics are those of the model at the end of the epoch.
    const m = freshModel();
    let checked = 0;
    await train(m, X, Y, {
      ...base, epochs: 2, callbacks: {
        onEpochEnd: (rec, model) => {
          expect(model.evaluate(Xv, Yv, exact).loss).toBeCloseTo(rec.valLoss as number, 12);
          checked++;
        },
      },
    });
    expect(checked).toBe(2);
  });

  it('resuming from the checkpoint after epoch k reproduces the uninterrupted run exactly (through JSON)', async () => {
    const checkpoints: Checkpoint[] = [];
    const whole = freshModel();
    const rw = await train(whole, X, Y, { ...base, earlyStopping: { patience: 50 }, callbacks: { onCheckpoint: (c) => void checkpoints.push(JSON.parse(JSON.stringify(c)) as Checkpoint) } });
    expect(checkpoints.map((c) => c.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const k of [1, 3]) {
      const resumed = freshModel();
      resumed.initialize(new Rng('something else')); // the checkpoint must carry the parameters
      const rr = await train(resumed, X, Y, { ...base, earlyStopping: { patience: 50 }, resumeFrom: checkpoints[k - 1] as Checkpoint });
      expect(Array.from(resumed.params)).toEqual(Array.from(whole.params));
      expect(facts(rr.history)).toEqual(facts(rw.history));
      expect(rr.bestEpoch).toBe(rw.bestEpoch);
      expect(rr.evaluations).toBe(rw.evaluations);
    }
  });

  it('a checkpoint of another model shape is refused', async () => {
    const checkpoints: Checkpoint[] = [];
    await train(freshModel(), X, Y, { ...base, epochs: 1, callbacks: { onCheckpoint: (c) => void checkpoints.push(c) } });
    const bad = { ...checkpoints[0]!, params: checkpoints[0]!.params.slice(1) };
    await expect(train(freshModel(), X, Y, { ...base, resumeFrom: bad })).rejects.toThrow(/checkpoint has 11 parameters; the model has 12/);
  });

  it('early stopping restores the parameters of the best epoch', async () => {
    // min_delta so large that no epoch after the first counts as an improvement.
    const snapshots: Float64Array[] = [];
    const m = freshModel();
    const r = await train(m, X, Y, {
      ...base, epochs: 10, earlyStopping: { patience: 2, minDelta: 100 },
      callbacks: { onEpochEnd: (_rec, model) => void snapshots.push(Float64Array.from(model.params)) },
    });
    expect(r.stoppedEarly).toBe(true);
    expect(r.bestEpoch).toBe(1);
    expect(r.epochs).toBe(3);
    expect(Array.from(m.params)).toEqual(Array.from(snapshots[0]!));
    expect(Array.from(m.params)).not.toEqual(Array.from(snapshots[2]!));
  });

  it('early stopping on the validation loss picks its minimum; restoreBest false keeps the last parameters', async () => {
    const snapshots: Float64Array[] = [];
    const m = freshModel();
    const r = await train(m, X, Y, {
      ...base, epochs: 8, optimizer: { kind: 'sgd', lr: 4 }, earlyStopping: { patience: 8, monitor: 'val_loss' },
      callbacks: { onEpochEnd: (_rec, model) => void snapshots.push(Float64Array.from(model.params)) },
    });
    const losses = r.history.map((h) => h.valLoss as number);
    const best = losses.indexOf(Math.min(...losses));
    // The large step makes the validation loss go up again after its minimum.
    expect(best).toBeLessThan(losses.length - 1);
    expect(r.bestEpoch).toBe(best + 1);
    expect(Array.from(m.params)).toEqual(Array.from(snapshots[best]!));
    const keep = freshModel();
    await train(keep, X, Y, { ...base, epochs: 3, earlyStopping: { patience: 1, minDelta: 100, restoreBest: false } });
    const last = freshModel();
    await train(last, X, Y, { ...base, epochs: 2 });
    expect(Array.from(keep.params)).toEqual(Array.from(last.params));
  });

  // Regression (fixed): src/qml/trainer.ts only checks Number.isFinite(loss), but the cross-entropy clamps
  // p ≥ 1e-300 (loss ≤ ~690), so a diverging run never has a non-finite loss: with a huge
  // learning rate the parameters overflow to ±Infinity/NaN and the next epoch fails inside the
  // simulator with "weight 0 must be a finite number, got Infinity" (code NOT_FINITE), which
  // does not say that training diverged or what to do.
  it('a diverging run (huge learning rate) fails with a clear DIVERGED error', async () => {
    let err: unknown;
    try {
      await train(freshModel(), X, Y, { ...base, optimizer: { kind: 'sgd', lr: 1e300 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('DIVERGED');
    expect((err as Error).message).toMatch(/learning rate/);
  });

  it('bad runs are refused with the reason', async () => {
    await expect(train(freshModel(), [], new Int32Array(0), base)).rejects.toThrow(/training set is empty/);
    await expect(train(freshModel(), X, Y.slice(1), base)).rejects.toThrow(/24 training rows but 23 labels/);
    await expect(train(freshModel(), X, Y, { ...base, validation: undefined, earlyStopping: { patience: 1, monitor: 'val_accuracy' } } as TrainOptions)).rejects.toThrow(UsageError);
    await expect(train(freshModel(), X, Y, { ...base, batchSize: 0 })).rejects.toThrow(/batch size/);
    const badLabels = Int32Array.from(Y);
    badLabels[5] = 2;
    await expect(train(freshModel(), X, badLabels, { ...base, batchSize: undefined })).rejects.toThrow(/label 2 of row \d+ is not one of the 2 classes/);
    const nanRows = X.map((r) => [...r]);
    nanRows[7]![1] = Number.NaN;
    await expect(train(freshModel(), nanRows, Y, base)).rejects.toThrow(/row 7, feature 1 must be a finite number/);
  });
});

describe('training from a spec', () => {
  it('resumes from a saved checkpoint to the same artifact parameters', async () => {
    const text = readFileSync(new URL('../../examples/iris.yaml', import.meta.url), 'utf8').replace('epochs: 40', 'epochs: 4');
    const spec = parseModelSpec(text, 'iris.yaml');
    const saved: Checkpoint[] = [];
    const whole = await trainFromSpec(spec, { saveCheckpoint: (c) => void saved.push(JSON.parse(JSON.stringify(c)) as Checkpoint) });
    const resumed = await trainFromSpec(spec, { resumeFrom: saved[1] as Checkpoint });
    expect(resumed.artifact.params).toEqual(whole.artifact.params);
    expect(resumed.test.accuracy).toBe(whole.test.accuracy);
  });
});
