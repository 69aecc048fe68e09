/** `qmlsec predict model.json --input data.csv` — predictions of a trained model artifact. */
import type { Command } from 'commander';
import { readFeatureCsv } from '../../data/csv.js';
import { loadArtifact } from '../../qml/artifact.js';
import { argmaxRows } from '../../qml/metrics.js';
import { readTextFile } from '../io.js';
import { parseChoice, printJson, printLine } from '../output.js';
import { executorForBackend, parseBackendName } from '../executors.js';
import { parseIntOption } from '../output.js';

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description('predict with a trained model artifact (from qmlsec train)')
    .argument('<model>', 'model artifact (JSON)')
    .requiredOption('--input <file>', 'CSV of feature rows (a header naming the model\'s features selects those columns)')
    .option('--format <fmt>', 'json or csv', parseChoice('--format', ['json', 'csv'] as const), 'json')
    .option('--backend <name>', 'where to run the circuits', parseBackendName, 'statevector')
    .option('--shots <n>', 'shots per evaluation (default exact)', parseIntOption('--shots', 1, 10_000_000))
    .action((modelPath: string, opts: { input: string; format: 'json' | 'csv'; backend: string; shots?: number }) => {
      const { artifact, model } = loadArtifact(readTextFile(modelPath), modelPath);
      const { features } = readFeatureCsv(readTextFile(opts.input), {
        file: opts.input,
        expectedFeatures: model.numInputFeatures,
        ...(artifact.feature_names ? { featureNames: artifact.feature_names } : {}),
      });
      const { executor } = executorForBackend(opts.backend, opts.shots, 0);
      const p = model.predictProba(features, executor);
      const C = model.classes.length;
      const labels = argmaxRows(p, features.rows, C);
      const predictions = Array.from(labels, (y, b) => ({ label: model.classes[y] as string, probabilities: Array.from(p.subarray(b * C, (b + 1) * C)) }));
      if (opts.format === 'json') {
        printJson({ predictions });
        return;
      }
      printLine(['label', ...model.classes.map((c) => `p_${c}`)].join(','));
      for (const pr of predictions) printLine([pr.label, ...pr.probabilities.map((v) => v.toPrecision(6))].join(','));
    });
}
