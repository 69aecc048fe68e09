/**
 * The attack lab: list the kill-chain scenarios, run one — S4, jobs silently rerouted to a
 * worse QPU, with and without device fingerprinting and trap circuits — in quick mode with one
 * seed, print the summary table and write the HTML report. Then the lab's building blocks
 * (`labKit`) used directly: FGSM adversarial examples against an Iris model, and the ROC AUC of
 * a simple detector that flags low-confidence answers.
 *
 *   npx tsx examples/lab-scenario.ts [report-dir]
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetRows, labKit, listScenarios, loadDataset, runLab, summaryTable, trainFromSpec, writeReport } from '../src/index.js';

console.log('Scenarios:');
for (const s of listScenarios()) {
  console.log(`  ${s.id.padEnd(24)} attacker ${s.attacker.padEnd(22)} ${s.defenses.length} defense variant(s)  ${s.title}`);
}

// 1. One scenario, quick budgets, one seed (intervals need more seeds: `qmlsec lab run … --seeds 3`).
const t0 = performance.now();
let last = -1;
const results = await runLab({
  scenarios: ['s4-rerouting'],
  seeds: [1],
  quick: true,
  onProgress: (f, message) => {
    const tenth = Math.floor(f * 10);
    if (tenth > last) console.log(`  ${String(Math.round(f * 100)).padStart(3)} %  ${message}`);
    last = tenth;
  },
});
console.log(`\ns4-rerouting ran in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
process.stdout.write(summaryTable(results));
const s4 = results.scenarios[0]!;
const mean = (metrics: typeof s4.metrics, name: string, digits = 3) => metrics[name]?.mean.toFixed(digits) ?? '—';
console.log(`\nibm_nairobi → ibm_lagos: test accuracy ${mean(s4.metrics, 'nairobi_to_lagos_accuracy_claimed_device')} on the device paid for, ${mean(s4.metrics, 'nairobi_to_lagos_accuracy_rerouted')} when rerouted`);
for (const d of s4.defenses) {
  console.log(`  defense ${d.id.padEnd(12)} (${d.mitigations.join(', ')}): detection AUC ${mean(d.metrics, 'nairobi_to_lagos_auc')}, cost +${mean(d.cost, 'nairobi_to_lagos_cost_overhead_pct', 1)} % on the bill`);
}

// 2. The report: results.json, one ATLAS Navigator layer per scenario, and report.html, in the
//    directory given as the first argument (default: a new temporary directory, kept for you to open).
const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'qmlsec-lab-'));
const report = await writeReport(dir, { results, title: 'qmlsec example: S4 rerouting' });
console.log(`\nreport: ${report.html}`);
console.log(`  files: ${readdirSync(dir).sort().join(', ')}`);

// 3. labKit: FGSM on the Iris model, ε in units of each feature's published standard deviation.
const spec = labKit.IRIS_VICTIM_SPEC;
const { model } = await trainFromSpec(spec);
const iris = loadDataset('iris');
const rows = datasetRows(iris);
const clf = labKit.hybridClassifier(model);
const box = { scale: labKit.IRIS_PUBLIC_STATS.map((s) => s.sd) };
const confidence = (rs: readonly (readonly number[])[]) => {
  const p = clf.predictProba(rs);
  return rs.map((_, b) => Math.max(...p.subarray(b * clf.numClasses, (b + 1) * clf.numClasses)));
};
const clean = confidence(rows);
console.log(`\nlabKit on the Iris model (${spec.training.epochs} epochs): clean accuracy ${labKit.accuracyOf(clf, rows, iris.labels).toFixed(3)} on all ${rows.length} flowers`);
console.log('  ε (SDs)  accuracy under FGSM   detector AUC (score = 1 − top probability)');
for (const epsilon of [0.1, 0.3, 0.5]) {
  const adv = labKit.fgsm(clf, rows, iris.labels, epsilon, box).rows;
  // The detector flags an answer when its top probability is low; honest = clean rows.
  const auc = labKit.rocAuc(clean.map((c) => 1 - c), confidence(adv).map((c) => 1 - c));
  console.log(`  ${epsilon.toFixed(1).padStart(7)}  ${labKit.accuracyOf(clf, adv, iris.labels).toFixed(3).padStart(20)}   ${auc.toFixed(3).padStart(12)}`);
}
