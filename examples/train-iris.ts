/**
 * Hybrid QML end to end: train the 4-qubit Iris classifier of examples/iris.yaml as written
 * (40 epochs, about a second on the noiseless statevector simulator), report its held-out
 * accuracy, save the versioned artifact, load it back (loading verifies its SHA-256 checksum)
 * and check that the loaded model predicts exactly what the trained one does. A tampered
 * artifact is refused.
 *
 *   npx tsx examples/train-iris.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  QmlsecError, argmaxRows, datasetRows, loadArtifact, loadDataset, loadModelSpec, simulatorExecutor, trainFromSpec,
} from '../src/index.js';

const spec = loadModelSpec(join(import.meta.dirname, 'iris.yaml'));
console.log(`${spec.name}: ${spec.description ?? ''}; ${spec.training.epochs} epochs, batch ${spec.training.batch_size}, seed ${spec.training.seed}`);

// 1. Train: split (stratified, seeded), fit the preprocessing on the training part, train, evaluate.
const run = await trainFromSpec(spec, {
  onEpoch: (e, total) => {
    if (e.epoch % 10 === 0 || e.epoch === 1) console.log(`  epoch ${String(e.epoch).padStart(2)}/${total}  loss ${e.loss.toFixed(3)}  train accuracy ${e.accuracy.toFixed(3)}`);
  },
});
const m = run.model;
console.log(`model: ${m.qnn.circuit.numQubits} qubits, ${m.qnnWeights.length} circuit weights + ${m.headParams.length} head parameters; ${run.seconds.toFixed(1)} s`);
console.log(`test accuracy ${run.test.accuracy.toFixed(3)} (macro F1 ${run.test.macroF1.toFixed(3)}), train accuracy ${run.train.accuracy.toFixed(3)}`);
console.log(`confusion (rows = true ${m.classes.join('/')}): ${run.test.confusion.map((r) => `[${r.join(' ')}]`).join(' ')}`);

// 2. Save the artifact (versioned JSON with a checksum) and load it back.
const dir = mkdtempSync(join(tmpdir(), 'qmlsec-train-iris-'));
try {
  const file = join(dir, 'iris.model.json');
  writeFileSync(file, `${JSON.stringify(run.artifact, null, 2)}\n`);
  const text = readFileSync(file, 'utf8');
  const loaded = loadArtifact(text, file);
  console.log(`\nsaved ${file} (${text.length} bytes), ${loaded.artifact.checksum.slice(0, 23)}…; loaded and checksum verified`);

  // 3. Both models on all 150 flowers: the same labels and the same probabilities.
  const rows = datasetRows(loadDataset('iris'));
  const executor = simulatorExecutor('statevector');
  const C = m.classes.length;
  const before = m.predictProba(rows, executor);
  const after = loaded.model.predictProba(rows, executor);
  const labelsBefore = argmaxRows(before, rows.length, C);
  const labelsAfter = argmaxRows(after, rows.length, C);
  const sameLabels = labelsBefore.every((y, i) => y === labelsAfter[i]);
  const maxDiff = before.reduce((d, p, i) => Math.max(d, Math.abs(p - (after[i] as number))), 0);
  console.log(`loaded model on ${rows.length} rows: identical labels ${sameLabels}, largest probability difference ${maxDiff.toExponential(1)}`);
  for (const i of [0, 75, 149]) {
    const p = Array.from(after.subarray(i * C, (i + 1) * C), (v) => v.toFixed(3)).join(', ');
    console.log(`  row ${String(i).padStart(3)} [${rows[i]!.join(', ')}] → ${m.classes[labelsAfter[i]!]} (p = ${p})`);
  }

  // 4. Change one weight in the saved file: loading refuses it.
  const tampered = { ...loaded.artifact, params: loaded.artifact.params.map((v, i) => (i === 0 ? v + 0.1 : v)) };
  try {
    loadArtifact(JSON.stringify(tampered), 'tampered.model.json');
    console.log('tampered artifact: accepted (unexpected)');
  } catch (err) {
    if (!(err instanceof QmlsecError)) throw err;
    console.log(`tampered artifact refused: ${err.message}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
