/** Demo step: the attack lab — scenarios 1–4 with and without defenses — and the report. */
import { resolve } from 'node:path';
import type { Deployment } from '../../deploy/deployment.js';
import { listScenarios, runLab } from '../../lab/index.js';
import type { LabResults } from '../../lab/results.js';
import { summaryTable, writeReport } from '../../report/index.js';
import type { ReportInput } from '../../report/input.js';
import { progressBar } from '../output.js';
import { say, section } from './say.js';

export async function demoLab(deployment: Deployment, seeds: readonly number[]): Promise<LabResults> {
  section(`Attack lab: ${listScenarios().length} kill-chain scenarios, with and without defenses (quick budgets, ${seeds.length} seed${seeds.length > 1 ? 's' : ''})`);
  const bar = progressBar();
  let current = '';
  const results = await runLab({
    scenarios: ['all'],
    seeds,
    quick: true,
    deployment,
    onScenario: (id, i, total) => {
      bar.stop();
      current = id;
      say(`  [${i + 1}/${total}] ${id}`);
      bar.start(100, id.slice(0, 14));
    },
    onProgress: (f, message) => bar.update(Math.round(f * 100), `${current}: ${message}`.slice(0, 60)),
  });
  bar.stop();
  return results;
}

export async function demoReport(dir: string, input: ReportInput): Promise<void> {
  section('Report');
  const { files } = await writeReport(dir, input);
  process.stdout.write(summaryTable(input.results));
  say('');
  say(`report: ${resolve(dir, 'report.html')} (${files.length} files: results.json, Navigator layers, report.html)`);
}
