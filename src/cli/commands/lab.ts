/**
 * `qmlsec lab list`, `qmlsec lab run SCENARIO|all` and `qmlsec lab history` — the attack lab.
 * `run` records each scenario's results in the store (experiment `lab:<id>`) unless
 * `--no-store`; `history --format json` prints the stored rows
 * `[{ id, experiment, params, metrics, createdAt }, …]`, oldest first.
 */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadDeployment } from '../../deploy/load.js';
import { listScenarios, recordLabResults, runLab, type ScenarioResult } from '../../lab/index.js';
import { summaryRow, summaryTable, writeReport } from '../../report/index.js';
import { analyzeDeployment, builtinKnowledgeBase, PROFILE_IDS } from '../../threat/index.js';
import { parseChoice, parseIntOption, printJson, printLine, progressBar } from '../output.js';
import { dataDirOption, withStore } from './store-location.js';

const FORMATS = ['text', 'json'] as const;

export function registerLab(program: Command): void {
  const lab = program.command('lab').description('run kill-chain attack scenarios with and without defenses');
  lab
    .command('list')
    .description('list the scenarios')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text')
    .action((opts: { format: (typeof FORMATS)[number] }) => {
      const rows = listScenarios().map((s) => ({ id: s.id, title: s.title, attacker: s.attacker, techniques: s.techniques, defenses: s.defenses.map((d) => d.id) }));
      if (opts.format === 'json') printJson(rows);
      else for (const r of rows) printLine(`${r.id.padEnd(28)} ${r.title}  [attacker: ${r.attacker}; defenses: ${r.defenses.join(', ')}]`);
    });
  const run = lab
    .command('run')
    .description('run a scenario (or all) and write results.json, Navigator layers and the report')
    .argument('<scenario>', 'scenario id, or "all"')
    .option('--deployment <file>', 'the deployment to attack (default: each scenario\'s own)')
    .option('--seeds <n>', 'number of seeds', parseIntOption('--seeds', 1, 1000), 3)
    .option('--out <dir>', 'output directory', 'qmlsec-report')
    .option('--quick', 'smaller budgets (as the demo uses)')
    .option('--json', 'print results.json to stdout as well')
    .option('--no-store', 'do not record the results in the store')
    .action(async (scenario: string, opts: { deployment?: string; seeds: number; out: string; quick?: boolean; json?: boolean; store: boolean; dataDir?: string }) => {
      const ids = listScenarios().map((s) => s.id);
      if (scenario !== 'all' && !ids.includes(scenario)) throw new UsageError(`unknown scenario "${scenario}" (known: ${ids.join(', ')}, or all)`);
      const deployment = opts.deployment ? loadDeployment({ file: opts.deployment }) : undefined;
      const bar = progressBar();
      let current = '';
      const results = await runLab({
        scenarios: [scenario],
        seeds: Array.from({ length: opts.seeds }, (_, i) => i + 1),
        ...(deployment ? { deployment } : {}),
        ...(opts.quick ? { quick: true } : {}),
        onScenario: (id, i, total) => {
          bar.stop();
          current = id;
          bar.start(100, `${id} (${i + 1}/${total})`.slice(0, 14));
        },
        onProgress: (f, message) => bar.update(Math.round(f * 100), `${current}: ${message}`),
      });
      bar.stop();
      // With an explicit deployment, the report also shows the attack paths of the scenarios' attackers.
      const attackers = PROFILE_IDS.filter((p) => results.scenarios.some((r) => r.attacker === p));
      const analyses = deployment ? [analyzeDeployment(builtinKnowledgeBase(), deployment, { attackers })] : undefined;
      const written = await writeReport(opts.out, { results, ...(analyses ? { analyses } : {}) });
      const stored = opts.store
        ? await withStore(opts, (store) => recordLabResults(store, results, { quick: opts.quick ?? false, ...(opts.deployment ? { deployment: opts.deployment } : {}) }))
        : [];
      if (opts.json) printJson(results);
      else {
        for (const r of results.scenarios) {
          printLine(`${r.id}: ${r.status} (${r.seeds.length} seeds, ${r.seconds.toFixed(1)} s)`);
          for (const e of r.errors) printLine(`  seed ${e.seed} failed: ${e.message}`);
        }
        printLine();
        process.stdout.write(summaryTable(results));
        printLine();
        printLine(`wrote ${written.files.length} file(s) to ${opts.out}/`);
        printLine(`report: ${written.html}`);
        if (stored.length > 0) printLine(`recorded ${stored.length} result(s) in the store (experiment_results: ${stored.map((r) => r.experiment).join(', ')})`);
      }
    });
  dataDirOption(run);
  const history = lab
    .command('history')
    .description('list the lab results recorded in the store, oldest first')
    .argument('[scenario]', 'only this scenario id')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, parseChoice('--format', FORMATS), 'text')
    .action(async (scenario: string | undefined, opts: { format: (typeof FORMATS)[number]; dataDir?: string }) => {
      const rows = await withStore(opts, (store) => store.experiments.list(scenario === undefined ? undefined : `lab:${scenario}`));
      const labRows = rows.filter((r) => r.experiment.startsWith('lab:'));
      if (opts.format === 'json') return printJson(labRows);
      if (labRows.length === 0) return printLine(scenario === undefined ? 'no lab results recorded yet (run `qmlsec lab run`)' : `no lab results recorded for "${scenario}"`);
      for (const r of labRows) {
        const summary = storedSummary(r.metrics);
        printLine(`${r.createdAt}  ${r.id}  ${r.experiment.slice(4).padEnd(26)} ${summary}`);
      }
    });
  dataDirOption(history);
}

/** The key metric and best defense of a stored scenario result (stored as `ScenarioResult` JSON by `lab run`). */
function storedSummary(metrics: Record<string, unknown>): string {
  try {
    const row = summaryRow(metrics as unknown as ScenarioResult);
    return `${row.attack}  ${row.defense}  ${row.status}`;
  } catch {
    return '(unreadable result)';
  }
}
